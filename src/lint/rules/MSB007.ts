/** MSB007: `.env` files and `.git` are not copied into the runtime stage (credentials, history). */
import type { LintRule, RuleFinding } from '../lint-types';
import { parseCopy } from '../../analyze/instruction-args';

/** `.env`, `.env.production`..., but not the templates meant to be committed. */
const ENV_FILE = /^\.env(\.(?!example$|sample$|template$|dist$|defaults?$)[^/]+)?$/;

export const MSB007: LintRule = {
  id: 'MSB007',
  severity: 'error',
  description: 'no .env file or .git directory is copied into the runtime stage',
  check({ finalStage }) {
    const findings: RuleFinding[] = [];
    for (const instruction of finalStage.instructions) {
      if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
      for (const source of parseCopy(instruction)?.sources ?? []) {
        const base = source.replace(/\/+$/, '').split('/').pop() ?? '';
        if (ENV_FILE.test(base)) findings.push({ instruction, subject: base, message: `copies "${source}" into the runtime image: environment files hold secrets; pass them at run time` });
        else if (base === '.git') findings.push({ instruction, subject: base, message: `copies "${source}" into the runtime image: the repository history does not belong in it` });
      }
    }
    return findings;
  },
};
