/**
 * MSB007: `.env` files and `.git` are not copied into the runtime stage (credentials, history).
 * A copy the conversion carried over from the original image (the original's COPY already put
 * the file there) is a warning: the secret was baked in before msb touched the file.
 */
import { posix as path } from 'path';
import type { LintRule, RuleFinding } from '../lint-types';
import { parseCopy } from '../../analyze/instruction-args';
import { isSecretFileName } from '../../analyze/secret-files';

export const MSB007: LintRule = {
  id: 'MSB007',
  severity: 'error',
  description: 'no .env file or .git directory is copied into the runtime stage',
  check({ finalStage, carriedOver }) {
    const findings: RuleFinding[] = [];
    for (const instruction of finalStage.instructions) {
      if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
      for (const source of parseCopy(instruction)?.sources ?? []) {
        const base = source.replace(/\/+$/, '').split('/').pop() ?? '';
        if (isSecretFileName(base) && carriedOver.has(path.normalize(source))) {
          findings.push({
            instruction,
            subject: base,
            severity: 'warning',
            message: `copies "${source}" into the runtime image as the original image had it: the secret stays baked into the image; pass it at run time (docker run --env-file) instead`,
          });
        } else if (isSecretFileName(base))
          findings.push({
            instruction,
            subject: base,
            message: `copies "${source}" into the runtime image: environment files hold secrets; pass them at run time`,
          });
        else if (base === '.git')
          findings.push({
            instruction,
            subject: base,
            message: `copies "${source}" into the runtime image: the repository history does not belong in it`,
          });
      }
    }
    return findings;
  },
};
