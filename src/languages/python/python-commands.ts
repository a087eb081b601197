/**
 * Recognises what a shell command does to a Python environment: installs the app's
 * dependencies, installs a tool (pip, poetry...), creates a venv, installs with --user or
 * into a prefix, syncs a uv project, or runs the tests.
 */
import { posix as path } from 'path';
import { hasOption, optionValue, parseArgv } from '../../analyze/argv';
import type { CommandEnv } from '../../analyze/command-env';
import { programName, ShellCommand } from '../../analyze/shell-commands';
import type { PythonSettings } from './python-settings';

/** The profile data the classification reads. */
export type PythonCommandRules = Pick<
  PythonSettings,
  | 'toolPackages'
  | 'pipOptions'
  | 'environmentManagers'
  | 'dependencyInstallers'
  | 'condaPrograms'
  | 'testPrograms'
  | 'testModules'
>;

export type PythonCommand =
  | { kind: 'dependencies'; tool: string }
  /**
   * Into the system Python, whatever venv is active: `uv pip install --system`, or pip run by the
   * system interpreter's own path (`/usr/local/bin/python -m pip`). `why` finishes "which ...".
   */
  | { kind: 'system-install'; tool: string; why: string }
  | { kind: 'tool-install'; packages: string[] }
  | { kind: 'user-install' }
  | { kind: 'prefix-install'; path: string }
  | { kind: 'create-venv'; path: string }
  /** `env`: the command's own environment (UV_PROJECT_ENVIRONMENT may be set on the command line). */
  | { kind: 'uv-sync'; env: CommandEnv }
  | { kind: 'conda' }
  | { kind: 'test' }
  | { kind: 'other' };

const PYTHON = /^python(\d(\.\d+)?)?$/;
/** A program named by a path in the system's own folders: the base image's interpreter, not a venv's. */
const SYSTEM_PATH = /^\/(usr\/(local\/)?)?s?bin\//;
const PIP = /^pip(\d(\.\d+)?)?$/;

export function classifyPythonCommand(
  command: ShellCommand,
  rules: PythonCommandRules,
  workdir: string,
): PythonCommand {
  const words = command.words;
  const program = programName(command);
  if (PYTHON.test(program) && words[1] === '-m' && rules.environmentManagers.includes(words[2] ?? ''))
    return classifyPythonCommand({ ...command, words: words.slice(2) }, rules, workdir);
  const pipArgs = program === 'uv' ? null : pipArguments(command);
  if (pipArgs) {
    const kind = classifyPip(pipArgs, rules, workdir);
    if (kind.kind === 'dependencies' && SYSTEM_PATH.test(words[0]))
      return {
        kind: 'system-install',
        tool: words.slice(0, words.length - pipArgs.length + 1).join(' '),
        why: 'names the system interpreter by its path',
      };
    return kind;
  }
  if (program === 'uv') {
    if (words[1] === 'sync') return { kind: 'uv-sync', env: command.env };
    if (words[1] === 'pip' && (words[2] === 'install' || words[2] === 'sync'))
      return classifyPip(words.slice(2), rules, workdir, 'uv pip');
    if (words[1] === 'venv')
      return {
        kind: 'create-venv',
        path: resolve(workdir, firstPositional(words.slice(2), rules) ?? '.venv'),
      };
  }
  const verbs = Object.hasOwn(rules.dependencyInstallers, program)
    ? rules.dependencyInstallers[program]
    : null;
  if (verbs && (verbs.length === 0 || verbs.includes(words[1])))
    return { kind: 'dependencies', tool: program };
  if (PYTHON.test(program) && words[1] === 'setup.py' && (words[2] === 'install' || words[2] === 'develop'))
    return { kind: 'dependencies', tool: 'setup.py' };
  if (PYTHON.test(program) && words[1] === '-m' && (words[2] === 'venv' || words[2] === 'virtualenv')) {
    const target = firstPositional(words.slice(3), rules);
    if (target) return { kind: 'create-venv', path: resolve(workdir, target) };
  }
  if (program === 'virtualenv') {
    const target = firstPositional(words.slice(1), rules);
    if (target) return { kind: 'create-venv', path: resolve(workdir, target) };
  }
  if (rules.condaPrograms.includes(program)) return { kind: 'conda' };
  if (rules.testPrograms.includes(program)) return { kind: 'test' };
  if (PYTHON.test(program) && words[1] === '-m' && rules.testModules.includes(words[2]))
    return { kind: 'test' };
  return { kind: 'other' };
}

/** The arguments after `pip` / `python -m pip`, or null for another program. */
function pipArguments(command: ShellCommand): string[] | null {
  const words = command.words;
  const program = programName(command);
  if (PIP.test(program)) return words.slice(1);
  if (PYTHON.test(program) && words[1] === '-m' && words[2] === 'pip') return words.slice(3);
  if (program === 'uv' && words[1] === 'pip') return words.slice(2);
  return null;
}

/** The package names a pip / uv pip install lists on its command line (not those of -r files). */
export function pipInstallPackages(command: ShellCommand, rules: PythonCommandRules): string[] {
  const args = pipArguments(command);
  if (!args || args[0] !== 'install') return [];
  return parseArgv(args.slice(1), rules.pipOptions)
    .operands.map((p) => p.toLowerCase().replace(/[<>=!~[;@ ].*$/, ''))
    .filter((p) => /^[a-z0-9][a-z0-9._-]*$/.test(p));
}

function classifyPip(
  args: string[],
  rules: PythonCommandRules,
  workdir: string,
  tool = 'pip',
): PythonCommand {
  if (args[0] !== 'install' && args[0] !== 'sync') return { kind: 'other' };
  const parsed = parseArgv(args.slice(1), rules.pipOptions);
  if (hasOption(parsed, '--user')) return { kind: 'user-install' };
  const location = optionValue(parsed, '--prefix', '-t', '--root');
  if (location) return { kind: 'prefix-install', path: resolve(workdir, location) };
  // uv's --system skips every interpreter in a virtual environment: the packages land in the system Python.
  if (hasOption(parsed, '--system') && tool === 'uv pip')
    return { kind: 'system-install', tool: 'uv pip install --system', why: 'ignores virtual environments' };
  const requirements = hasOption(parsed, '-r', '-e', '-c');
  const packages = parsed.operands.map((p) => p.toLowerCase().replace(/[<>=!~[;].*$/, ''));
  if (!requirements && packages.length > 0 && packages.every((p) => rules.toolPackages.includes(p)))
    return { kind: 'tool-install', packages };
  if (!requirements && packages.length === 0) return { kind: 'other' };
  return { kind: 'dependencies', tool };
}

function firstPositional(args: string[], rules: PythonCommandRules): string | undefined {
  return parseArgv(args, rules.pipOptions).operands[0];
}

function resolve(workdir: string, target: string): string {
  return target.startsWith('$') ? target : path.resolve(workdir, target);
}
