/** MSB002: stage names are unique (Docker rejects a duplicate `AS name`). */
import type { LintRule, RuleFinding } from '../lint-types';

export const MSB002: LintRule = {
  id: 'MSB002',
  severity: 'error',
  description: 'stage names are unique',
  check({ dockerfile }) {
    const findings: RuleFinding[] = [];
    const seen = new Map<string, number>();
    for (const stage of dockerfile.stages) {
      if (!stage.name) continue;
      const first = seen.get(stage.name);
      if (first !== undefined) {
        findings.push({
          instruction: stage.from,
          subject: stage.name,
          message: `stage name "${stage.name}" is already used by the stage on line ${first}`,
        });
      } else seen.set(stage.name, stage.from.line + 1);
    }
    return findings;
  },
};
