/** MSB001: `COPY --from` must name an earlier stage (a later or unknown stage name is a typo or an ordering bug). */
import type { LintRule, RuleFinding } from '../lint-types';
import { parseCopy } from '../../analyze/instruction-args';

export const MSB001: LintRule = {
  id: 'MSB001',
  severity: 'error',
  description: 'COPY --from names an earlier stage (or an image reference)',
  check({ dockerfile }) {
    const findings: RuleFinding[] = [];
    const names = dockerfile.stages.map((s) => s.name);
    for (const stage of dockerfile.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
        const from = parseCopy(instruction)?.from?.toLowerCase();
        if (!from || from.includes('$')) continue;
        const target = /^\d+$/.test(from) ? Number(from) : names.indexOf(from);
        if (target >= stage.index) {
          const which = target === stage.index ? 'the stage itself' : 'a later stage';
          findings.push({
            instruction,
            subject: from,
            message: `COPY --from=${from} names ${which}; only earlier stages can be copied from`,
          });
        } else if (target === -1 && /^\d+$/.test(from)) {
          findings.push({
            instruction,
            subject: from,
            message: `COPY --from=${from}: there is no stage ${from}`,
          });
        } else if (target === -1 && !/[:/@.]/.test(from)) {
          findings.push({
            instruction,
            subject: from,
            severity: 'warning',
            message: `COPY --from=${from} names no stage of this file; Docker will pull an image "${from}:latest" (a typo of a stage name?)`,
          });
        }
      }
    }
    return findings;
  },
};
