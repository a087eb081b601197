/**
 * Reads `go build` / `go install` / `go run` command lines: the environment they set
 * (`CGO_ENABLED=0 go build`), their flags (-o, -C, -ldflags, -tags...), package arguments and,
 * for `go run`, the program's own arguments.
 */
import { OptionTable, parseArgv } from '../../analyze/argv';
import type { CommandEnv } from '../../analyze/command-env';
import { programName, ShellCommand } from '../../analyze/shell-commands';
import { shellQuote } from '../../plan/container-command';

export type GoVerb = 'build' | 'install' | 'run';

export interface GoCommand {
  verb: GoVerb;
  /** Assignments before the command (`CGO_ENABLED=1 GOOS=linux go build`) and what it inherits (`env -u`). */
  env: CommandEnv;
  /** Every flag as written, in order (`-ldflags` → its value; boolean flags → null). */
  flags: { name: string; value: string | null }[];
  /** `-o`: a file, or a directory when it ends with `/`. */
  output: string | null;
  /** `-C dir`: go changes to this directory first. */
  chdir: string | null;
  /** Package patterns, import paths or `.go` files. */
  packages: string[];
  /** `go run pkg args...`: the program's arguments. */
  programArgs: string[];
  text: string;
}

/** `options`: the go tool's option table (go.yaml `goOptions`). */
export function parseGoCommand(command: ShellCommand, options: OptionTable): GoCommand | null {
  if (programName(command) !== 'go') return null;
  const verb = command.words[1];
  if (verb !== 'build' && verb !== 'install' && verb !== 'run') return null;
  const parsed = parseArgv(command.words.slice(2), options);
  const flags = parsed.options.map((o) => ({ name: o.name.slice(1), value: o.value }));
  const last = (name: string) => flags.filter((f) => f.name === name).pop()?.value ?? null;
  const rest = [...parsed.operands, ...parsed.afterDashDash];
  const result: GoCommand = {
    verb,
    env: command.env,
    flags,
    output: last('o'),
    chdir: last('C'),
    packages: rest,
    programArgs: [],
    text: command.text,
  };
  if (verb === 'run') {
    // `go run a.go b.go args` takes every leading .go file; otherwise one package, then the program's args.
    const files = rest.findIndex((w) => !w.endsWith('.go'));
    const count = files === -1 ? rest.length : files > 0 ? files : Math.min(1, rest.length);
    result.packages = rest.slice(0, count);
    result.programArgs = rest.slice(count);
  }
  return result;
}

/** The value of a flag (`-tags`, `-ldflags`...), or null when absent. */
export function flagValue(command: GoCommand, name: string): string | null {
  const flag = command.flags.filter((f) => f.name === name).pop();
  return flag ? (flag.value ?? 'true') : null;
}

/** The words of a go command as a builder RUN would write them (for `go run` → `go build`). */
export function buildFlagsText(command: GoCommand): string {
  return command.flags
    .filter((f) => f.name !== 'o' && f.name !== 'exec')
    .map((f) => (f.value === null ? `-${f.name}` : `-${f.name}=${shellQuote(f.value)}`))
    .join(' ');
}
