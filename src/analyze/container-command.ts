/**
 * What the container runs, read once for every language: the ENTRYPOINT and CMD in force at
 * the end of the stage joined as Docker joins them, `sh -c` scripts split into commands, and
 * wrappers (tini, dumb-init, gosu, `env A=1`...) set aside so that callers see the program itself.
 */
import { posix as path } from 'path';
import type { InstructionNode } from '../parse/parse-dockerfile';
import { parseArgv } from './argv';
import { CommandEnv, INHERITS_ALL, unwrap } from './command-env';
import { commandForm, CommandForm } from './instruction-args';
import { isShellProgram, isShellScript, Wrapper, WRAPPERS } from './programs';
import { shellQuote, splitShellCommands, ShellCommand } from './shell-commands';
import type { StageFacts } from './stage-facts';

/** An ENTRYPOINT or CMD with its keyword as written and its form. */
export interface CommandLine {
  keyword: string;
  instruction: InstructionNode;
  form: CommandForm;
  /** The form no longer says what the instruction text says (a strategy changed it). */
  rewritten?: boolean;
}

export interface ContainerCommand {
  /** ENTRYPOINT and CMD in file order (a CMD a shell-form ENTRYPOINT ignores included). */
  readonly lines: readonly Readonly<CommandLine>[];
  /** The argv Docker executes (shell form through the stage's SHELL); empty when the stage sets none. */
  readonly argv: readonly string[];
  /** The simple commands it runs: wrappers removed, `sh -c` scripts split. */
  readonly commands: readonly ShellCommand[];
  /** Every program it starts, wrappers and shells included, without directories. */
  readonly programs: readonly string[];
}

/** ENTRYPOINT and CMD of the stage, in file order. */
export function commandLines(facts: StageFacts): CommandLine[] {
  return [facts.entrypoint, facts.cmd]
    .filter((i): i is InstructionNode => i !== null)
    .sort((a, b) => a.index - b.index)
    .map((instruction) => ({ instruction, ...splitInstruction(instruction.text) }));
}

/** The keyword as written (`CMD`, `cmd`) and the command form of an ENTRYPOINT/CMD/HEALTHCHECK text. */
export function splitInstruction(text: string): { keyword: string; form: CommandForm } {
  const match = /^(\s*\S+)\s+([\s\S]*)$/.exec(text);
  if (!match) return { keyword: text.trim(), form: { form: 'exec', argv: [] } };
  return { keyword: match[1].trim(), form: commandForm(match[2].replace(/\\\r?\n/g, '')) };
}

/** What a container runtime puts in place of the image's ENTRYPOINT and CMD (compose's `entrypoint:` and `command:`). */
export interface CommandOverride {
  /** Replaces the ENTRYPOINT and drops the image's CMD. */
  entrypoint: string[] | null;
  /** Replaces the CMD. */
  command: string[] | null;
}

/**
 * The stage's effective command. Without an override it is read once per stage's facts (the planner,
 * the shared blocks and the strategies each ask for it): its callers share it (readonly).
 */
export function containerCommand(facts: StageFacts, override?: CommandOverride): ContainerCommand {
  if (override) return readContainerCommand(facts, override);
  let command = readOnce.get(facts);
  if (!command) readOnce.set(facts, (command = readContainerCommand(facts)));
  return command;
}

const readOnce = new WeakMap<StageFacts, ContainerCommand>();

function readContainerCommand(facts: StageFacts, override?: CommandOverride): ContainerCommand {
  const lines = commandLines(facts);
  const entrypoint = lines.find((l) => l.instruction.keyword === 'ENTRYPOINT');
  const cmd = lines.find((l) => l.instruction.keyword === 'CMD');
  const shell = facts.shell ? commandForm(facts.shell.args) : null;
  const shellPrefix = shell?.form === 'exec' && shell.argv.length > 0 ? shell.argv : ['/bin/sh', '-c'];
  const argvOf = (form: CommandForm) => (form.form === 'exec' ? form.argv : [...shellPrefix, form.script]);
  const entryArgv = override?.entrypoint ?? (entrypoint ? argvOf(entrypoint.form) : null);
  const cmdArgv = override?.command ?? (override?.entrypoint || !cmd ? null : argvOf(cmd.form));
  // A shell-form ENTRYPOINT ignores CMD; an exec-form one takes CMD as its arguments.
  const entryIgnoresCmd = !override?.entrypoint && entrypoint?.form.form === 'shell';
  let argv: string[] = [];
  if (entryArgv) argv = entryIgnoresCmd ? entryArgv : [...entryArgv, ...(cmdArgv ?? [])];
  else if (cmdArgv) argv = cmdArgv;
  const ownScripts = new Set(facts.copies.flatMap((c) => c.spec.sources.map((s) => path.basename(s))));
  return { lines, argv, ...readArgv(argv, { ownScripts, keepWrappers: false }) };
}

/**
 * The commands and programs of one command form (a single ENTRYPOINT/CMD line, a HEALTHCHECK).
 * `keepWrappers` leaves `tini -- app` whole, for callers that rewrite the line from its commands.
 */
export function formCommands(
  form: CommandForm,
  options: { keepWrappers?: boolean } = {},
): { commands: ShellCommand[]; programs: string[] } {
  const reading = { ownScripts: new Set<string>(), keepWrappers: options.keepWrappers === true };
  return form.form === 'exec' ? readArgv(form.argv, reading) : readScript(form.script, reading);
}

/** The command forms of the stage's HEALTHCHECKs (`HEALTHCHECK NONE` has none). */
export function healthchecks(facts: StageFacts): CommandForm[] {
  return facts.metadata
    .filter((m) => m.keyword === 'HEALTHCHECK')
    .map((m) => /\bCMD\s+([\s\S]*)$/i.exec(m.args))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => commandForm(match[1]));
}

/** An exec-form ENTRYPOINT that runs CMD as a command (`tini --`, `gosu app`, `/entrypoint.sh`), not as its arguments. */
export function runsItsArguments(argv: readonly string[]): boolean {
  return (
    argv[argv.length - 1] === '--' || wrapperOf(argv[0] ?? '') !== undefined || isShellScript(argv[0] ?? '')
  );
}

/** `sh -c "script"` / `/bin/bash -c script` in exec form: the script, else null. */
export function shellScript(argv: readonly string[]): string | null {
  return isShellProgram(argv[0] ?? '') && argv[1] === '-c' && argv[2] !== undefined ? argv[2] : null;
}

/** True when running the command needs a shell in the image. */
export function needsShell(form: CommandForm): boolean {
  if (form.form === 'shell') return true;
  return shellScript(form.argv) !== null || isShellScript(form.argv[0] ?? '');
}

/** Shell syntax a plain exec-form array cannot express. */
const SHELL_SYNTAX = /[$`|&;<>(){}*?[\]~#\n\\]|^\s*[A-Za-z_][A-Za-z0-9_]*=/;

/** The argv a simple shell-form command means, or null when it relies on shell syntax. */
export function simpleShellArgv(script: string): string[] | null {
  if (SHELL_SYNTAX.test(script.trim())) return null;
  const commands = splitShellCommands(script);
  if (commands.length !== 1) return null;
  return [...commands[0].words];
}

function readScript(script: string, reading: Reading): { commands: ShellCommand[]; programs: string[] } {
  const commands: ShellCommand[] = [];
  const programs: string[] = [];
  for (const command of splitShellCommands(script)) {
    const read = readArgv(command.words, reading, command.env);
    // Keep the text as written when nothing was unwrapped.
    const same = read.commands.length === 1 && read.commands[0].words === command.words;
    commands.push(...(same ? [command] : read.commands));
    programs.push(...read.programs);
  }
  return { commands, programs: [...new Set(programs)] };
}

interface Reading {
  /** Files the Dockerfile copies: an image script of the same name is the user's own, not a wrapper. */
  ownScripts: ReadonlySet<string>;
  keepWrappers: boolean;
}

function wrapperOf(word: string): Wrapper | undefined {
  const program = path.basename(word);
  return Object.prototype.hasOwnProperty.call(WRAPPERS, program) ? WRAPPERS[program] : undefined;
}

/** `env`: what the shell gave the command before these words (`A=1 tini -- app`). */
function readArgv(
  argv: readonly string[],
  reading: Reading,
  env: CommandEnv = INHERITS_ALL,
): { commands: ShellCommand[]; programs: string[] } {
  const programs: string[] = [];
  let words = argv;
  for (;;) {
    const program = path.basename(words[0] ?? '');
    const wrapper = reading.keepWrappers ? undefined : wrapperOf(program);
    const script = wrapper?.script ? scriptOf(words.slice(1), wrapper) : undefined;
    if (script !== undefined && script !== null) {
      programs.push(program);
      words = script;
      continue;
    }
    if (wrapper && script === undefined && !(wrapper.imageScript && reading.ownScripts.has(program))) {
      programs.push(program);
      ({ env, rest: words } = unwrap(wrapper, words.slice(1), env));
      continue;
    }
    const shellText = shellScript(words);
    if (shellText !== null) {
      const inner = readScript(shellText, reading);
      return { commands: inner.commands, programs: unique([...programs, program, ...inner.programs]) };
    }
    if (words.length === 0) return { commands: [], programs: unique(programs) };
    const command =
      words === argv
        ? { words: argv, env, text: argv.map(shellQuote).join(' ') }
        : { words: [...words], env, text: words.map(shellQuote).join(' ') };
    return { commands: [command], programs: unique([...programs, program]) };
  }
}

/** The script a process manager runs with its arguments; null when it runs its own config file (or nothing). */
function scriptOf(args: readonly string[], wrapper: Wrapper): string[] | null {
  const { subcommands, configFile } = wrapper.script as NonNullable<Wrapper['script']>;
  const parsed = parseArgv(args, wrapper.options);
  const operands = subcommands.includes(parsed.operands[0]) ? parsed.operands.slice(1) : parsed.operands;
  if (operands.length !== 1 || configFile.test(operands[0])) return null;
  return [operands[0], ...parsed.afterDashDash];
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}
