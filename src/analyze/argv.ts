/**
 * One argv parser for every tool msb reads (apt-get, useradd, go build, mvn, pip, npm...). The
 * tool's option table says which options take a value and how they may be spelled; the parser
 * applies the same rules to all of them.
 */

export interface OptionTable {
  /** Options that take a value, every spelling (`-o`, `--output`). */
  valued?: readonly string[];
  /** Flags without a value; only needed to read combined short flags (`-SD`) or to tell `-fae` from `-f ae`. */
  flags?: readonly string[];
  /** Other spellings: alias → the name callers ask for (`--uid` → `-u`). */
  aliases?: Readonly<Record<string, string>>;
  /** Valued options that may be glued to their value (`-Dname=value`, `-plcore`); `true` = every valued `-x` (`-u1000`). */
  glued?: boolean | readonly string[];
  /** POSIX clusters: `-SD` is `-S -D`, and `-ms /bin/bash` ends with an option that takes the next word. */
  clusters?: boolean;
  /** A value never starts with `-`: in `--host --port 80`, --host has none. */
  valueNotOption?: boolean;
  /** Options end at the first operand; the words after it belong to a program (`go run pkg args`, `npx x -y`). */
  stopAtOperand?: boolean;
  /** Go-style options: `--name` and `-name` are the same option (reported with one dash). */
  singleDash?: boolean;
  /** An unquoted `$VAR` stands for options (`java $JAVA_OPTS -jar app.jar`). */
  expansionsAreOptions?: boolean;
}

export interface ParsedOption {
  /** The option's name after aliases (`-u` for `--uid`). */
  name: string;
  value: string | null;
  /** The argv words it was read from, as written. */
  words: string[];
}

export interface ParsedArgv {
  options: ParsedOption[];
  /** Operands in order (with `stopAtOperand`, everything from the first operand on). */
  operands: string[];
  /** Words after a bare `--`. */
  afterDashDash: string[];
}

export function parseArgv(argv: readonly string[], table: OptionTable): ParsedArgv {
  const valued = new Set(table.valued ?? []);
  const flags = new Set(table.flags ?? []);
  const aliases = table.aliases ?? {};
  const name = (word: string) => aliases[word] ?? word;
  // The longest listed option the word starts with (`-pl` before `-p`); with `glued: true`, any valued `-x`.
  const gluedOption = (word: string): string | undefined =>
    table.glued === true
      ? valued.has(word.slice(0, 2))
        ? word.slice(0, 2)
        : undefined
      : [...(table.glued || [])]
          .sort((a, b) => b.length - a.length)
          .find((g) => word.startsWith(g) && word.length > g.length);
  const result: ParsedArgv = { options: [], operands: [], afterDashDash: [] };
  const add = (option: string, value: string | null, words: string[]) =>
    result.options.push({ name: name(option), value, words });

  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    if (raw === '--') {
      result.afterDashDash = argv.slice(i + 1);
      break;
    }
    const isOption =
      (raw.startsWith('-') && raw !== '-') || (table.expansionsAreOptions === true && raw.startsWith('$'));
    if (!isOption) {
      if (table.stopAtOperand) {
        result.operands = argv.slice(i);
        break;
      }
      result.operands.push(raw);
      continue;
    }
    const word = table.singleDash && raw.startsWith('--') ? raw.slice(1) : raw;
    const next = argv[i + 1];
    const takesNext = next !== undefined && !(table.valueNotOption && next.startsWith('-'));
    const eq = word.indexOf('=');
    const glued = word.startsWith('--') ? undefined : gluedOption(word);
    if (valued.has(word) || valued.has(name(word))) {
      if (takesNext) add(word, argv[++i], [raw, next]);
      else add(word, table.valueNotOption ? null : '', [raw]);
    } else if (flags.has(word)) {
      add(word, null, [raw]);
    } else if (table.clusters && /^-[A-Za-z0-9]{2,}$/.test(word) && cluster(word, flags, valued)) {
      const letters = [...word.slice(1)];
      const last = `-${letters[letters.length - 1]}`;
      for (const c of letters.slice(0, -1)) add(`-${c}`, null, [raw]);
      if (valued.has(last)) add(last, next ?? '', next !== undefined ? [raw, argv[++i]] : [raw]);
      else add(last, null, [raw]);
    } else if (glued !== undefined) {
      add(glued, word.slice(glued.length), [raw]);
    } else if (eq > 0 && (word.startsWith('--') || !table.clusters)) {
      add(word.slice(0, eq), word.slice(eq + 1), [raw]);
    } else {
      add(word, null, [raw]);
    }
  }
  return result;
}

/** `-SD` (all flags) or `-ms` (flags, then one option that takes the next word). */
function cluster(word: string, flags: ReadonlySet<string>, valued: ReadonlySet<string>): boolean {
  const letters = [...word.slice(1)].map((c) => `-${c}`);
  return (
    letters.slice(0, -1).every((l) => flags.has(l)) &&
    (flags.has(letters[letters.length - 1]) || valued.has(letters[letters.length - 1]))
  );
}

/** The value of the last occurrence of an option (`null` when absent, `''` for a flag). */
export function optionValue(parsed: ParsedArgv, ...names: string[]): string | null {
  const found = parsed.options.filter((o) => names.includes(o.name)).pop();
  return found ? (found.value ?? '') : null;
}

export function hasOption(parsed: ParsedArgv, ...names: string[]): boolean {
  return parsed.options.some((o) => names.includes(o.name));
}
