/** MSB008: never `COPY --from=<stage> / /`: it copies a whole filesystem and defeats the split. */
import type { LintRule, RuleFinding } from '../lint-types';
import { isFilesystemRoot, parseCopy } from '../../analyze/instruction-args';

export const MSB008: LintRule = {
  id: 'MSB008',
  severity: 'error',
  description: 'COPY --from does not copy a whole filesystem ("/")',
  check({ dockerfile }) {
    const findings: RuleFinding[] = [];
    for (const instruction of dockerfile.instructions) {
      if (instruction.keyword !== 'COPY') continue;
      const spec = parseCopy(instruction);
      if (!spec?.from) continue;
      const root = spec.sources.find(isFilesystemRoot);
      if (root !== undefined)
        findings.push({
          instruction,
          subject: spec.from,
          message: `COPY --from=${spec.from} ${root} copies the whole filesystem of ${spec.from}: copy the artifacts only`,
        });
    }
    return findings;
  },
};
