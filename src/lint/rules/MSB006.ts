/**
 * MSB006: no secrets in the runtime image. An ENV named like a secret (*TOKEN*, *PASSWORD*,
 * *SECRET*, *KEY*) is baked into every layer after it; an ARG's value shows in `docker history`.
 * Use `RUN --mount=type=secret` or pass the value when the container starts.
 */
import type { Arg, Env } from 'dockerfile-ast';
import type { LintRule, RuleFinding } from '../lint-types';

const SECRET_WORDS = new Set([
  'TOKEN',
  'PASSWORD',
  'PASSWD',
  'PASSPHRASE',
  'SECRET',
  'KEY',
  'APIKEY',
  'CREDENTIALS',
]);
/** Public keys and key ids are not secrets (the official python image sets GPG_KEY). */
const PUBLIC_PREFIXES = new Set(['GPG', 'PUBLIC', 'PUB', 'KEYSERVER']);

function isSecretName(name: string): boolean {
  const words = name
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  return words.some((word, i) => {
    if (!SECRET_WORDS.has(word) && !/(TOKEN|PASSWORD|SECRET|APIKEY)$/.test(word)) return false;
    return !(word === 'KEY' && i > 0 && PUBLIC_PREFIXES.has(words[i - 1]));
  });
}

export const MSB006: LintRule = {
  id: 'MSB006',
  severity: 'error',
  description: 'no ARG/ENV named like a secret (*TOKEN*, *PASSWORD*, *SECRET*, *KEY*) in the runtime stage',
  check({ finalStage }) {
    const findings: RuleFinding[] = [];
    for (const instruction of finalStage.instructions) {
      if (instruction.keyword === 'ENV') {
        for (const property of (instruction.node as Env).getProperties()) {
          const name = property.getName();
          if (!isSecretName(name) || (property.getValue() ?? '') === '') continue;
          findings.push({
            instruction,
            subject: name,
            message: `ENV ${name} bakes a secret into the runtime image: pass it at run time or use RUN --mount=type=secret`,
          });
        }
      } else if (instruction.keyword === 'ARG') {
        const name = (instruction.node as Arg).getProperty()?.getName();
        if (!name || !isSecretName(name)) continue;
        findings.push({
          instruction,
          subject: name,
          severity: 'warning',
          message: `ARG ${name} looks like a secret; build arguments show in "docker history": use RUN --mount=type=secret`,
        });
      }
    }
    return findings;
  },
};
