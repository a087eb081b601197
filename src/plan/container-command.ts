/**
 * Writing container commands back: exec-form text and path replacement in shell scripts.
 * Runtime lines are new text, so rewriting them is allowed; the builder's lines are never touched.
 * Reading them is `analyze/container-command`.
 */

/** A word as a shell-form RUN must write it: bare when safe, else single-quoted. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `CMD ["a", "b"]` in the keyword's original spelling. */
export function execFormText(keyword: string, argv: readonly string[]): string {
  return `${keyword} [${argv.map((a) => JSON.stringify(a)).join(', ')}]`;
}

/** Replaces whole words equal to `from` in a shell script (paths, not substrings of other paths). */
export function replaceShellWord(script: string, from: string, to: string): string {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return script.replace(new RegExp(`(^|[\\s="'])${escaped}(?=$|[\\s"';&|)])`, 'g'), (_whole, before: string) => before + to);
}
