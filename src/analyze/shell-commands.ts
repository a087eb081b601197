/**
 * Splits the shell text of a RUN/CMD/ENTRYPOINT into simple commands and words, well enough
 * to recognise `pip install`, `apt-get install`, `useradd`... It is not a shell: quoting is
 * honoured, expansions are left as text, and anything it cannot follow stays one command.
 */
import { parseArgv } from './argv';
import { WRAPPERS } from './programs';

/** A `NAME=value` word before a command's program, its value unquoted (`$VAR` left as written). */
export interface Assignment {
  readonly name: string;
  readonly value: string;
}

export interface ShellCommand {
  /** Words with quotes removed, from the program on: `sudo`/`exec`/`env` (with its options) dropped. */
  readonly words: readonly string[];
  /** The `VAR=value` words before the program (`A=1 env B="x y" go build`), in order. */
  readonly env: readonly Assignment[];
  /** The command's text as written. */
  readonly text: string;
}

const SEPARATORS = ['&&', '||', ';', '|', '&', '\n'];
const PREFIX_WORDS = new Set(['sudo', 'exec', 'command', 'nohup', 'time']);
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

export function splitShellCommands(script: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  let commandStart = 0;

  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (end: number) => {
    endWord();
    const { program, env } = splitPrefixes(words);
    if (program.length > 0)
      commands.push({ words: program, env, text: script.slice(commandStart, end).trim() });
    words = [];
  };

  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < script.length) word += script[++i];
      else word += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
      continue;
    }
    if (c === '\\' && i + 1 < script.length) {
      const next = script[i + 1];
      i++;
      if (next === '\n') continue; // line continuation inside a heredoc body
      word += next;
      inWord = true;
      continue;
    }
    if (c === '#' && !inWord) {
      // comment to end of line
      while (i < script.length && script[i] !== '\n') i++;
      i--;
      continue;
    }
    // `2>&1`, `<&3` and `&>file` redirect: that & is part of the word, not a background separator.
    if (c === '&' && (script[i - 1] === '>' || script[i - 1] === '<' || script[i + 1] === '>')) {
      word += c;
      inWord = true;
      continue;
    }
    const separator = SEPARATORS.find((s) => script.startsWith(s, i));
    if (separator) {
      endCommand(i);
      i += separator.length - 1;
      commandStart = i + 1;
      continue;
    }
    // Subshell parentheses always end a command; braces only when they stand alone.
    if (c === '(' || c === ')' || ((c === '{' || c === '}') && !inWord)) {
      if (c === '(' && word.endsWith('$')) {
        // A command substitution (`-j$(nproc)`, `$(php -r '...')`) is part of the word, to its closing parenthesis.
        const end = substitutionEnd(script, i);
        word += script.slice(i, end + 1);
        i = end;
        continue;
      }
      endCommand(i);
      commandStart = i + 1;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      continue;
    }
    word += c;
    inWord = true;
  }
  endCommand(script.length);
  return commands;
}

/** The index of the parenthesis that closes the one at `open` (quotes skipped), or the script's last index. */
function substitutionEnd(script: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < script.length; i++) {
    const c = script[i];
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return script.length - 1;
}

/** The assignments before a command's program, and the words from the program on. */
function splitPrefixes(words: readonly string[]): { program: readonly string[]; env: Assignment[] } {
  const env: Assignment[] = [];
  let rest = words;
  for (;;) {
    const assignments = assignmentsAtStart(rest);
    env.push(...assignments.env);
    rest = assignments.rest;
    const word = rest[0] ?? '';
    if (word === 'env') rest = afterOptions(rest.slice(1));
    else if (PREFIX_WORDS.has(word)) rest = rest.slice(1);
    else return { program: rest, env };
  }
}

/** The `NAME=value` words (quotes already removed) `words` starts with, and the words after them. */
export function assignmentsAtStart(words: readonly string[]): { env: Assignment[]; rest: readonly string[] } {
  const env: Assignment[] = [];
  for (const word of words) {
    const match = ASSIGNMENT.exec(word);
    if (!match) break;
    env.push({ name: match[1], value: word.slice(match[0].length) });
  }
  return { env, rest: words.slice(env.length) };
}

/** The words after `env`'s own options (`-i`, `-u NAME`, `--`), read with the option table its wrapper entry has. */
function afterOptions(args: readonly string[]): readonly string[] {
  const parsed = parseArgv(args, WRAPPERS.env.options);
  return parsed.afterDashDash.length > 0 || parsed.operands.length === 0
    ? parsed.afterDashDash
    : parsed.operands;
}

/** A word as a shell-form RUN must write it: bare when safe, else single-quoted. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The program name of a command, without its directory: `/usr/bin/apt-get` → `apt-get`. */
export function programName(command: ShellCommand): string {
  const first = command.words[0] ?? '';
  return first.slice(first.lastIndexOf('/') + 1);
}

/** True when `words` contains `sequence` as consecutive words starting at `from` or later. */
export function hasWords(words: readonly string[], ...sequence: string[]): boolean {
  outer: for (let i = 0; i + sequence.length <= words.length; i++) {
    for (let j = 0; j < sequence.length; j++) if (words[i + j] !== sequence[j]) continue outer;
    return true;
  }
  return false;
}
