/**
 * MSB005: the runtime stage carries no package-manager caches: apt lists removed in the same
 * RUN, `pip install --no-cache-dir`, `apk add --no-cache` (hadolint DL3009/DL3042/DL3019).
 * A cache mount (`RUN --mount=type=cache`) keeps them out of the image too.
 */
import type { Env } from 'dockerfile-ast';
import type { LintRule, RuleFinding } from '../lint-types';
import { analyzeStage } from '../../analyze/stage-facts';
import { hasWords, programName } from '../../analyze/shell-commands';
import { nodeFlags } from '../../analyze/instruction-args';

export const MSB005: LintRule = {
  id: 'MSB005',
  severity: 'warning',
  description: 'the runtime stage leaves no apt lists, pip cache or apk cache behind',
  check({ dockerfile, finalStage }) {
    const facts = analyzeStage(dockerfile, finalStage);
    const pipCacheOff = facts.envs.some((e) => (e.node as Env).getProperties().some((p) => p.getName() === 'PIP_NO_CACHE_DIR'));
    const findings: RuleFinding[] = [];
    for (const run of facts.runs) {
      if (/type=cache/.test(nodeFlags(run.instruction).get('mount') ?? '')) continue;
      const instruction = run.instruction;
      const found = new Set<string>();
      for (const command of run.commands) {
        const program = programName(command);
        const words = command.words;
        if ((program === 'apt-get' || program === 'apt') && words.includes('install') && !run.script.includes('/var/lib/apt/lists')) found.add('apt-lists');
        if (program === 'apk' && words.includes('add') && !words.includes('--no-cache') && !run.script.includes('/var/cache/apk')) found.add('apk-cache');
        const isPip = /^pip[0-9.]*$/.test(program) || (/^python[0-9.]*$/.test(program) && hasWords(words, '-m', 'pip'));
        if (isPip && words.includes('install') && !words.includes('--no-cache-dir') && !pipCacheOff && !/\bpip[0-9.]* cache purge\b/.test(run.script)) found.add('pip-cache');
      }
      const messages: Record<string, string> = {
        'apt-lists': 'apt-get install without "rm -rf /var/lib/apt/lists/*" in the same RUN leaves the package lists in the runtime image',
        'apk-cache': 'apk add without --no-cache leaves the package index in the runtime image',
        'pip-cache': 'pip install without --no-cache-dir leaves pip\'s cache in the runtime image',
      };
      for (const subject of found) findings.push({ instruction, subject, message: messages[subject] });
    }
    return findings;
  },
};
