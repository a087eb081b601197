/**
 * Text edits on the original Dockerfile: every rewrite is a replacement of a [start, end)
 * offset range, applied in one pass. Overlapping edits are a bug, so they throw instead of
 * silently producing a mangled file.
 */

export interface TextEdit {
  start: number;
  end: number;
  text: string;
  /** Why the edit exists, for --explain and error messages. */
  reason?: string;
}

export function insertAt(offset: number, text: string, reason?: string): TextEdit {
  return { start: offset, end: offset, text, reason };
}

export function applyEdits(original: string, edits: readonly TextEdit[]): string {
  // Stable sort keeps insertions at the same offset in the order they were planned.
  const sorted = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index)
    .map(({ edit }) => edit);
  let output = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor || edit.end < edit.start || edit.end > original.length) {
      throw new Error(
        `overlapping or invalid edit at ${edit.start}-${edit.end}${edit.reason ? ` (${edit.reason})` : ''}`,
      );
    }
    output += original.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return output + original.slice(cursor);
}
