/**
 * Reads the arguments of individual instructions: exec (JSON) vs shell form, COPY/ADD
 * flags, sources and destination, heredoc bodies, and `$VAR` references.
 */
import { ModifiableInstruction } from 'dockerfile-ast';
import type { InstructionNode } from '../parse/parse-dockerfile';

export type CommandForm = { form: 'exec'; argv: string[] } | { form: 'shell'; script: string };

/** Exec form when the arguments are a JSON array of strings, as Docker decides. */
export function commandForm(args: string): CommandForm {
  const trimmed = args.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed) && parsed.every((v) => typeof v === 'string'))
        return { form: 'exec', argv: parsed };
    } catch {
      // not JSON: Docker runs it with the shell
    }
  }
  return { form: 'shell', script: args };
}

/** The script a RUN executes: shell text, exec argv joined, or the heredoc bodies. */
export function runScript(instruction: InstructionNode): string {
  const args = stripFlags(instruction.args).rest;
  const heredoc = /^<<-?\s*(["']?)([A-Za-z0-9_]+)\1/.exec(args.trim());
  if (heredoc) {
    const lines = args.split(/\r?\n/);
    const command = lines[0].replace(heredoc[0], '').trim();
    const body = lines.slice(1).filter((line) => line.trim() !== heredoc[2]);
    return [command, ...body].join('\n');
  }
  const form = commandForm(args);
  return form.form === 'exec' ? form.argv.join(' ') : form.script;
}

export interface Flags {
  flags: Map<string, string>;
  rest: string;
}

/** Splits leading `--name=value` / `--name` flags (RUN --mount, COPY --from ...) from the rest. */
export function stripFlags(args: string): Flags {
  const flags = new Map<string, string>();
  let rest = args.trimStart();
  for (;;) {
    const match = /^--([A-Za-z-]+)(?:=("[^"]*"|'[^']*'|\S*))?\s*/.exec(rest);
    if (!match) break;
    const value = match[2] ?? 'true';
    flags.set(match[1].toLowerCase(), value.replace(/^(["'])(.*)\1$/, '$2'));
    rest = rest.slice(match[0].length);
  }
  return { flags, rest };
}

export interface CopySpec {
  readonly keyword: 'COPY' | 'ADD';
  readonly from: string | null;
  readonly chown: string | null;
  readonly chmod: string | null;
  readonly sources: readonly string[];
  readonly dest: string;
  /** `COPY <<EOF` writes an inline file, not context files. */
  readonly heredoc: boolean;
}

/** Read once per instruction (stage facts and three lint rules ask): its callers share it (readonly). */
export function parseCopy(instruction: InstructionNode): CopySpec | null {
  let spec = copySpecs.get(instruction);
  if (spec === undefined) {
    // dockerfile-ast leaves `--from=...`-style flags out of the arguments content: read them from the node.
    spec = parseCopyArgs(instruction.keyword as 'COPY' | 'ADD', instruction.args, nodeFlags(instruction));
    copySpecs.set(instruction, spec);
  }
  return spec;
}

const copySpecs = new WeakMap<InstructionNode, CopySpec | null>();

function parseCopyArgs(
  keyword: 'COPY' | 'ADD',
  args: string,
  knownFlags: ReadonlyMap<string, string>,
): CopySpec | null {
  const parsed = stripFlags(args);
  const rest = parsed.rest;
  const flags = new Map([...parsed.flags, ...knownFlags]);
  const heredoc = /^<<-?/.test(rest.trim());
  let words: string[];
  const form = commandForm(rest);
  if (form.form === 'exec') words = form.argv;
  else {
    const firstLine = heredoc ? rest.split(/\r?\n/)[0] : rest;
    words = firstLine.trim().split(/\s+/).filter(Boolean);
    if (heredoc) words = words.filter((w) => !w.startsWith('<<'));
  }
  if (words.length < 1 || (!heredoc && words.length < 2)) return null;
  return {
    keyword,
    from: flags.get('from') ?? null,
    chown: flags.get('chown') ?? null,
    chmod: flags.get('chmod') ?? null,
    sources: heredoc ? [] : words.slice(0, -1),
    dest: words[words.length - 1],
    heredoc,
  };
}

/** `/`, `//`, `/.`: a copy source that means a whole filesystem. */
export function isFilesystemRoot(source: string): boolean {
  return /^\/+\.?\/*$/.test(source);
}

/** The instruction's `--name=value` flags as dockerfile-ast parsed them (COPY/ADD/RUN). */
export function nodeFlags(instruction: InstructionNode): Map<string, string> {
  const flags = new Map<string, string>();
  const { node } = instruction;
  for (const flag of node instanceof ModifiableInstruction ? node.getFlags() : [])
    flags.set(flag.getName().toLowerCase(), (flag.getValue() ?? 'true').replace(/^(["'])(.*)\1$/, '$2'));
  return flags;
}

/** Names of `$NAME` / `${NAME...}` references in a text (escaped `\$` skipped). */
export function variableReferences(text: string): string[] {
  const names = new Set<string>();
  const pattern = /(?<!\\)\$(?:\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))/g;
  for (const match of text.matchAll(pattern)) names.add(match[1] ?? match[2]);
  return [...names];
}

/** Replaces `$NAME`/`${NAME}` with known values; unknown references stay as written. */
export function expandVariables(text: string, values: ReadonlyMap<string, string>): string {
  return text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (whole, braced, fallback, bare) => {
      const name = braced ?? bare;
      const value = values.get(name);
      if (value !== undefined && value !== '') return value;
      if (fallback !== undefined) return fallback;
      return whole;
    },
  );
}
