/**
 * Insertions into the builder stage that strategies share: lines right after its FROM (an ENV
 * every build step should see) and lines at its end (a build step the container used to do at
 * start-up). Both keep the file's line endings; the user's lines are never touched.
 */
import { insertAt, TextEdit } from '../edit/text-edits';
import type { ParsedDockerfile } from '../parse/parse-dockerfile';

/** `block` (one or more lines, no trailing newline) on the lines after the stage's FROM. */
export function insertAfterFrom(dockerfile: ParsedDockerfile, stageIndex: number, block: string, reason: string): TextEdit {
  const from = dockerfile.stages[stageIndex].from;
  const text = withEol(dockerfile, block);
  const next = dockerfile.offsetOfLine(from.endLine + 1);
  if (next > from.end && next <= dockerfile.text.length && /\n$/.test(dockerfile.text.slice(0, next))) return insertAt(next, text + dockerfile.eol, reason);
  return insertAt(from.end, dockerfile.eol + text, reason);
}

/** `block` after the last line of a single-stage file, before the stages msb appends. */
export function appendToBuilder(dockerfile: ParsedDockerfile, block: string, reason: string): TextEdit {
  const text = withEol(dockerfile, block);
  const end = dockerfile.text.length;
  if (!dockerfile.endsWithNewline) return insertAt(end, dockerfile.eol + text, reason);
  const trailingBlank = /\n\s*\n\s*$/.test(dockerfile.text);
  return insertAt(end, text + dockerfile.eol + (trailingBlank ? dockerfile.eol : ''), reason);
}

function withEol(dockerfile: ParsedDockerfile, block: string): string {
  return block.replace(/\r?\n$/, '').replace(/\r?\n/g, dockerfile.eol);
}
