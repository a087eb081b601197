/**
 * Splits the shell text of a RUN/CMD/ENTRYPOINT into simple commands and words, well enough
 * to recognise `pip install`, `apt-get install`, `useradd`... It is not a shell: quoting is
 * honoured, expansions are left as text, and anything it cannot follow stays one command.
 */
import { assignmentsAtStart, CommandEnv, INHERITS_ALL, unwrap, withAssignments } from './command-env';
import { WRAPPERS } from './programs';

export interface ShellCommand {
  /** Words with quotes removed, from the program on: `exec`, `env` and `sudo` (with their options) dropped. */
  readonly words: readonly string[];
  /** Its `VAR=value` words and what it inherits (`env -i`, `env -u`, sudo): read values with `envValue`. */
  readonly env: CommandEnv;
  /** The command's text as written. */
  readonly text: string;
}

const SEPARATORS = ['&&', '||', ';', '|', '&', '\n'];
const PREFIX_WORDS = new Set(['exec', 'command', 'nohup', 'time']);

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

/** The environment a command's prefixes give it, and the words from the program on. */
function splitPrefixes(words: readonly string[]): { program: readonly string[]; env: CommandEnv } {
  let env = INHERITS_ALL;
  let rest = words;
  for (;;) {
    const leading = assignmentsAtStart(rest);
    env = withAssignments(env, leading.assignments);
    rest = leading.rest;
    const word = rest[0] ?? '';
    if (word === 'env' || word === 'sudo') ({ env, rest } = unwrap(WRAPPERS[word], rest.slice(1), env));
    else if (PREFIX_WORDS.has(word)) rest = rest.slice(1);
    else return { program: rest, env };
  }
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
