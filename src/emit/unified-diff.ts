/** `--dry-run` output and codemod patches: unified diffs that `git apply` accepts. */
import { createTwoFilesPatch } from 'diff';

export function unifiedDiff(relativePath: string, before: string, after: string): string {
  if (before === after) return '';
  const name = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  const patch = createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, {
    context: 3,
  });
  // jsdiff starts with an "Index:"-style separator line; git wants the ---/+++ header first.
  return patch.replace(/^=+\r?\n/m, '').replace(/^Index: .*\r?\n/m, '');
}
