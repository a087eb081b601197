/**
 * Builder-stage insertions (a typed position and the rendered lines, with `\n`) turned into text
 * edits: offsets, indentation and the file's line endings are the core's business, never a
 * strategy's. The user's lines are never touched.
 */
import { insertAt, TextEdit } from '../edit/text-edits';
import { parseDockerfile, ParsedDockerfile } from '../parse/parse-dockerfile';
import type { InsertionPoint } from './plan-types';

export function insertionEdit(
  dockerfile: ParsedDockerfile,
  at: InsertionPoint,
  text: string,
  reason: string,
): TextEdit {
  switch (at.kind) {
    case 'after-from':
      return insertAfter(dockerfile, 0, text, reason);
    case 'after':
      return insertAfter(dockerfile, at.index, text, reason);
    case 'end':
      return appendToBuilder(dockerfile, text, reason);
    case 'before':
      return insertBefore(dockerfile, at.index, at.aboveComments === true, text, reason);
  }
}

/** `block` (one or more lines, no trailing newline) on the lines right after instruction `index` of the first stage (0 is its FROM). */
function insertAfter(dockerfile: ParsedDockerfile, index: number, block: string, reason: string): TextEdit {
  const instruction = dockerfile.stages[0].instructions[index];
  const text = withEol(dockerfile, block);
  const next = dockerfile.offsetOfLine(instruction.endLine + 1);
  if (next > instruction.end && next <= dockerfile.text.length && /\n$/.test(dockerfile.text.slice(0, next)))
    return insertAt(next, text + dockerfile.eol, reason);
  return insertAt(instruction.end, dockerfile.eol + text, reason);
}

/** `block` after the last line of a single-stage file, before the stages msb appends. */
function appendToBuilder(dockerfile: ParsedDockerfile, block: string, reason: string): TextEdit {
  const text = withEol(dockerfile, block);
  const end = dockerfile.text.length;
  if (!dockerfile.endsWithNewline) return insertAt(end, dockerfile.eol + text, reason);
  const trailingBlank = /\n\s*\n\s*$/.test(dockerfile.text);
  return insertAt(end, text + dockerfile.eol + (trailingBlank ? dockerfile.eol : ''), reason);
}

/** `block` on the lines before instruction `index` of the first stage, indented like it. */
function insertBefore(
  dockerfile: ParsedDockerfile,
  index: number,
  aboveComments: boolean,
  block: string,
  reason: string,
): TextEdit {
  const instructions = dockerfile.stages[0].instructions;
  if (index >= instructions.length) return appendToBuilder(dockerfile, block, reason);
  const instruction = instructions[index];
  const indent = dockerfile.text.slice(dockerfile.offsetOfLine(instruction.line), instruction.start);
  let line = instruction.line;
  while (
    aboveComments &&
    line > 0 &&
    /^\s*#/.test(dockerfile.text.slice(dockerfile.offsetOfLine(line - 1), dockerfile.offsetOfLine(line)))
  )
    line--;
  const text = block
    .replace(/\r?\n$/, '')
    .split(/\r?\n/)
    .map((l) => indent + l)
    .join(dockerfile.eol);
  return insertAt(dockerfile.offsetOfLine(line), text + dockerfile.eol, reason);
}

/**
 * True when the builder already holds the insertion's instructions, word for word, where it would
 * go: msb's own earlier edit (a file whose added stages were removed and that is converted
 * again) is not made twice.
 */
export function alreadyInserted(dockerfile: ParsedDockerfile, at: InsertionPoint, block: string): boolean {
  // Almost every file has never been converted: one text search spares parsing the block.
  if (!dockerfile.text.includes(firstInstructionLine(block))) return false;
  const escape = dockerfile.escapeChar === '\\' ? '' : `# escape=${dockerfile.escapeChar}\n`;
  const wanted = parseDockerfile(`${escape}FROM scratch\n${block}`)
    .instructions.slice(1)
    .map((i) => normalised(i.text));
  if (wanted.length === 0) return false;
  const stage = dockerfile.stages[0].instructions;
  const before =
    at.kind === 'after-from'
      ? 1 + wanted.length
      : at.kind === 'end'
        ? stage.length
        : Math.min(at.index, stage.length);
  const present = stage.slice(before - wanted.length, before).map((i) => normalised(i.text));
  return before - wanted.length >= 1 && present.every((text, i) => text === wanted[i]);
}

/** The block's first line that is neither blank nor a comment, trimmed. */
function firstInstructionLine(block: string): string {
  return (
    block
      .split(/\r?\n/)
      .map((line) => line.trim())
      .find((line) => line !== '' && !line.startsWith('#')) ?? ''
  );
}

function normalised(text: string): string {
  return text.replace(/\r\n/g, '\n').trimEnd();
}

function withEol(dockerfile: ParsedDockerfile, block: string): string {
  return block.replace(/\r?\n$/, '').replace(/\r?\n/g, dockerfile.eol);
}
