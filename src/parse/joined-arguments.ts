/**
 * An instruction's arguments as dockerfile-ast's getArgumentsContent() reports them — the keyword
 * dropped, line continuations (escape character, line break) removed, blank lines
 * inside a continuation skipped, and the leading `--flags` of FROM, RUN, COPY, ADD and HEALTHCHECK
 * left out — in one pass over the instruction's own text. getArgumentsContent() builds the same
 * string from position ranges and was the largest single cost of indexing a file (`npm run
 * bench:phases`). Returns null for text where dockerfile-ast's escape handling has corner cases
 * (any other use of the escape character, blanks after it, a `#` after the first line, blank
 * lines holding spaces, carriage returns, a keyword broken across lines): the caller asks dockerfile-ast then, so both always agree.
 */
export function joinedArguments(instructionText: string, keyword: string, escapeChar: string): string | null {
  const joined = joinLines(instructionText, keyword.length, escapeChar);
  if (joined === null) return null;
  return FLAGGED_KEYWORDS.has(keyword) ? withoutFlags(joined, keyword === 'HEALTHCHECK') : joined;
}

const FLAGGED_KEYWORDS = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK']);

/**
 * dockerfile-ast's flag rule, kept as it is so that both agree: words starting with `--` are
 * flags until a word without `--` (HEALTHCHECK: until CMD or NONE); that many leading words go.
 */
function withoutFlags(args: string, healthcheck: boolean): string {
  // Words are read up to the first that stops the flags: most instructions have none, so one word.
  const starts: number[] = [];
  let flags = 0;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(args); match; match = WORD.exec(args)) {
    starts.push(match.index);
    const word = match[0];
    const stop = healthcheck ? /^(CMD|NONE)$/i.test(word) : !word.includes('--');
    if (stop) break;
    if (word.startsWith('--')) flags += 1;
  }
  if (flags === 0) return args;
  return flags < starts.length ? args.slice(starts[flags]) : '';
}

const WORD = /\S+/g;

function joinLines(text: string, keywordLength: number, escapeChar: string): string | null {
  if (text.includes('\r')) return null;
  if (text.slice(0, keywordLength).includes(escapeChar)) return null;
  if (
    keywordLength < text.length &&
    !isBlankCode(text.charCodeAt(keywordLength)) &&
    text[keywordLength] !== '\n'
  )
    return null;
  let out = '';
  let i = skipBlanks(text, keywordLength);
  let continued = false;
  let first = true;
  while (i < text.length) {
    const lineEnd = endOfLine(text, i);
    const line = text.slice(i, lineEnd);
    if (continued && line === '') {
      i = lineEnd + 1;
      continue;
    }
    if (continued && isBlankLine(line)) return null;
    if (!first && line.includes('#')) return null;
    const escapeAt = line.indexOf(escapeChar);
    // The only escape allowed ends the line, and a line follows: a continuation.
    if (escapeAt !== -1 && (escapeAt !== line.length - 1 || lineEnd === text.length)) return null;
    // dockerfile-ast drops a continued line that holds one character before the escape.
    if (escapeAt !== -1 && !first && (escapeAt === 1 || isBlankLine(line.slice(0, escapeAt)))) return null;
    const content = out === '' ? line.slice(skipBlanks(line, 0)) : line;
    if (escapeAt === -1) {
      out += content;
      if (lineEnd < text.length) out += '\n'; // a heredoc body goes on
      continued = false;
    } else {
      out += content.slice(0, escapeAt - (line.length - content.length));
      continued = true;
    }
    i = lineEnd + 1;
    first = false;
  }
  return out.replace(/[ \t\n]+$/, '');
}

function isBlankLine(line: string): boolean {
  return /^[ \t]*$/.test(line);
}

function isBlankCode(code: number): boolean {
  return code === 32 || code === 9;
}

function endOfLine(text: string, from: number): number {
  const at = text.indexOf('\n', from);
  return at === -1 ? text.length : at;
}

function skipBlanks(text: string, from: number): number {
  let i = from;
  while (i < text.length && isBlankCode(text.charCodeAt(i))) i += 1;
  return i;
}
