/**
 * A `cargo` command read from a RUN line or the container command: its verb, options (one
 * option table from the profile, read by the core's argv parser), variables set on the line and the arguments
 * `cargo run` passes to the program.
 */
import { posix as path } from 'path';
import { hasOption, optionValue, OptionTable, parseArgv, ParsedArgv } from '../../analyze/argv';
import type { CommandEnv } from '../../analyze/command-env';
import type { ShellCommand } from '../../analyze/shell-commands';

export interface CargoCommand {
  verb: string;
  parsed: ParsedArgv;
  /** `VAR=value` assignments before `cargo` on the same line, and what it inherits (`env -u`). */
  env: CommandEnv;
  /** What `cargo run` passes to the program (after `--`). */
  programArgs: string[];
  text: string;
}

const VERBS: Record<string, string> = { b: 'build', r: 'run' };

/** `options`: cargo's option table (rust.yaml `cargoOptions`). */
export function parseCargoCommand(command: ShellCommand, options: OptionTable): CargoCommand | null {
  const [program, ...rest] = command.words;
  if (!program || path.basename(program) !== 'cargo') return null;
  // `cargo +nightly build`: a rustup toolchain override before the verb.
  const words = rest[0]?.startsWith('+') ? rest.slice(1) : rest;
  const verb = words[0];
  if (!verb || verb.startsWith('-')) return null;
  const parsed = parseArgv(words.slice(1), options);
  return {
    verb: VERBS[verb] ?? verb,
    parsed,
    env: command.env,
    programArgs: parsed.afterDashDash,
    text: command.text,
  };
}

/** The profile directory under target/: `--release` → release, `--profile dev` → debug. */
export function profileDir(command: CargoCommand): string {
  const profile = optionValue(command.parsed, '--profile');
  if (profile)
    return profile === 'dev' || profile === 'test' ? 'debug' : profile === 'bench' ? 'release' : profile;
  if (command.verb === 'install') return hasOption(command.parsed, '--debug') ? 'debug' : 'release';
  return hasOption(command.parsed, '--release') ? 'release' : 'debug';
}

/** Every value of a repeatable option (`--bin a --bin b`, `--bin=a`). */
export function optionValues(command: CargoCommand, name: string): string[] {
  return command.parsed.options.filter((o) => o.name === name && o.value).map((o) => o.value as string);
}
