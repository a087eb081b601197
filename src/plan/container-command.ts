/**
 * Writing container commands back: exec-form text and path replacement in shell scripts.
 * Runtime lines are new text, so rewriting them is allowed; the builder's lines are never touched.
 * Reading them is `analyze/container-command`.
 */

export { shellQuote } from '../analyze/shell-commands';

/** `CMD ["a", "b"]` in the keyword's original spelling. */
export function execFormText(keyword: string, argv: readonly string[]): string {
  return `${keyword} [${argv.map((a) => JSON.stringify(a)).join(', ')}]`;
}

/** Replaces whole words equal to `from` in a shell script (paths, not substrings of other paths). */
export function replaceShellWord(script: string, from: string, to: string): string {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return script.replace(new RegExp(`(^|[\\s="'])${escaped}(?=$|[\\s"';&|)])`, 'g'), (_whole, before: string) => before + to);
}
