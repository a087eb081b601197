/**
 * Rewriting container commands: shell quoting for builder RUN words and path replacement in
 * shell scripts. A rewritten command is a CommandSpec that render/render-stage writes; the
 * builder's lines are never touched. Reading them is `analyze/container-command`.
 */

export { shellQuote } from '../analyze/shell-commands';

/** Replaces whole words equal to `from` in a shell script (paths, not substrings of other paths). */
export function replaceShellWord(script: string, from: string, to: string): string {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return script.replace(
    new RegExp(`(^|[\\s="'])${escaped}(?=$|[\\s"';&|)])`, 'g'),
    (_whole, before: string) => before + to,
  );
}
