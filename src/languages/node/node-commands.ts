/**
 * What one shell command means to a Node build: a dependency install (and for which package
 * manager, whether production-only), a global tool install, a package.json script run, a prune,
 * a `cd`, or a program — unwrapped from npx / `npm exec` / `pnpm exec` / node_modules/.bin.
 */
import { parseArgv, ParsedOption } from '../../analyze/argv';
import type { ShellCommand } from '../../analyze/shell-commands';
import { compiledRegExp } from '../../util/compiled-regexp';
import type { DevFlag } from './dev-dependencies';
import type { Manager, NodeSettings, PackageManagerRule } from './node-settings';

export type { Manager } from './node-settings';

export type NodeCommand =
  | {
      kind: 'install';
      manager: Manager;
      /** What its flags say about devDependencies (null: the environment decides). */
      dev: DevFlag;
      dir: string | null;
      packages: string[];
      /** Its options as written, so a command msb adds can repeat the relevant ones. */
      options: ParsedOption[];
    }
  | { kind: 'global-install'; packages: string[] }
  | {
      kind: 'script';
      manager: Manager;
      script: string;
      args: string[];
      dir: string | null;
      mayBeProgram: boolean;
    }
  | { kind: 'prune'; manager: Manager; dev: DevFlag }
  | { kind: 'cd'; dir: string }
  | { kind: 'program'; words: string[] }
  | { kind: 'other' };

interface Parsed {
  positionals: string[];
  options: Map<string, string>;
  written: ParsedOption[];
  /** Words after a bare `--`. */
  rest: string[];
}

/** Options of a Node tool by name (a flag → `'true'`); a value never starts with `-` (`--host --port 80`). */
export function parseArgs(args: readonly string[], valueOptions: readonly string[]): Parsed {
  const parsed = parseArgv(args, { valued: valueOptions, valueNotOption: true });
  return {
    positionals: parsed.operands,
    options: new Map(parsed.options.map((o) => [o.name, o.value ?? 'true'])),
    written: parsed.options,
    rest: parsed.afterDashDash,
  };
}

export function classifyNodeCommand(command: ShellCommand, settings: NodeSettings): NodeCommand {
  // A JavaScript file run as the program (what pm2-runtime runs, or a script with a shebang) runs in node.
  if (/\.[cm]?js$/.test(command.words[0] ?? ''))
    return { kind: 'program', words: ['node', ...command.words] };
  const words = normaliseProgram(command.words);
  const managers = Object.entries(settings.packageManagers) as [Manager, PackageManagerRule][];
  const manager = managers.find(([, rule]) => rule.programs.includes(words[0]));
  if (manager) return classifyManager(manager[0], manager[1], words.slice(1));
  switch (words[0]) {
    case 'npx':
      return program(npxProgram(words.slice(1), settings.npxValueOptions));
    case 'corepack':
      return classifyCorepack(command, words.slice(1), settings);
    case 'cd':
      return words[1] ? { kind: 'cd', dir: words[1] } : { kind: 'other' };
    default:
      return words.length > 0 ? { kind: 'program', words } : { kind: 'other' };
  }
}

/** `pm2@5.3.0` → `pm2`, `@nestjs/cli@10` → `@nestjs/cli`. */
export function packageName(spec: string): string {
  const at = spec.indexOf('@', 1);
  return at > 0 ? spec.slice(0, at) : spec;
}

/** A package manager's command, read through its table in the profile (`packageManagers`). */
function classifyManager(manager: Manager, rule: PackageManagerRule, args: string[]): NodeCommand {
  const parsed = parseArgs(args, rule.valueOptions);
  const [sub, ...positionals] = parsed.positionals;
  const dir = rule.dirOptions.map((o) => parsed.options.get(o)).find((v) => v !== undefined) ?? null;
  const install = (packages: string[]): NodeCommand =>
    isGlobal(parsed.written, rule.globalOptions)
      ? { kind: 'global-install', packages: packages.map(packageName) }
      : {
          kind: 'install',
          manager,
          dev: devFlag(parsed.options, rule),
          dir,
          packages,
          options: parsed.written,
        };
  const script = (name: string, scriptArgs: string[], mayBeProgram: boolean): NodeCommand => ({
    kind: 'script',
    manager,
    script: name,
    args: scriptArgs,
    dir,
    mayBeProgram,
  });
  if (sub === undefined) return rule.bareInstalls ? install([]) : { kind: 'other' };
  if (rule.install.includes(sub)) return install([]);
  if (rule.add.includes(sub)) return install(positionals);
  const pair = rule.pairs?.[`${sub} ${positionals[0]}`];
  if (pair === 'global-install')
    return { kind: 'global-install', packages: positionals.slice(1).map(packageName) };
  if (pair === 'install') return install([]);
  if (rule.run.includes(sub) && positionals[0])
    return script(
      positionals[0],
      [...positionals.slice(1), ...parsed.rest],
      rule.runFallsBackToProgram === true,
    );
  if (rule.lifecycle.includes(sub)) return script(rule.aliases?.[sub] ?? sub, parsed.rest, false);
  if (rule.exec.includes(sub)) return program(afterSubcommand(args, sub));
  if (rule.node?.includes(sub)) return program(['node', ...args.slice(args.indexOf(sub) + 1)]);
  if (rule.prune.includes(sub)) return { kind: 'prune', manager, dev: devFlag(parsed.options, rule) };
  if (!rule.builtins || rule.builtins.includes(sub)) return { kind: 'other' };
  // `yarn build`: a script when package.json has one, else a binary from node_modules/.bin
  return script(sub, args.slice(args.indexOf(sub) + 1), true);
}

function classifyCorepack(command: ShellCommand, args: string[], settings: NodeSettings): NodeCommand {
  const [sub, ...rest] = args;
  const { installs, runs } = settings.corepack;
  const tools = rest.filter((w) => !w.startsWith('-')).map(packageName);
  if (Object.prototype.hasOwnProperty.call(installs, sub))
    return { kind: 'global-install', packages: tools.length > 0 ? tools : [...installs[sub]] };
  if (runs.some((manager) => manager === sub))
    return classifyNodeCommand({ ...command, words: args }, settings);
  return { kind: 'other' };
}

function npxProgram(args: string[], valueOptions: readonly string[]): string[] {
  const parsed = parseArgs(args, valueOptions);
  // Everything from the first positional on belongs to the program, options included.
  const first = parsed.positionals[0];
  return first === undefined ? [] : args.slice(args.indexOf(first));
}

/** `exec --yes -- vite build` → `vite build`: the program and its own arguments, untouched. */
function afterSubcommand(args: string[], sub: string): string[] {
  const rest = args.slice(args.indexOf(sub) + 1);
  const start = rest.findIndex((w) => w === '--' || !w.startsWith('-'));
  if (start < 0) return [];
  return rest[start] === '--' ? rest.slice(start + 1) : rest.slice(start);
}

function program(words: string[]): NodeCommand {
  const normalised = normaliseProgram(words);
  return normalised.length > 0 ? { kind: 'program', words: normalised } : { kind: 'other' };
}

/** `./node_modules/.bin/vite` → `vite`; `/usr/local/bin/node` → `node`. */
function normaliseProgram(words: readonly string[]): string[] {
  if (words.length === 0) return [];
  const first = words[0];
  return [first.slice(first.lastIndexOf('/') + 1), ...words.slice(1)];
}

/** What the first devDependencies option written says (`--omit=dev`, `-D`, `--production=false`), else null. */
function devFlag(options: ReadonlyMap<string, string>, rule: PackageManagerRule): DevFlag {
  for (const { option, values, dev } of rule.devOptions) {
    const value = options.get(option);
    if (value === undefined || (values !== undefined && !compiledRegExp(values).test(value))) continue;
    return dev === 'omit' && value === 'false' ? 'include' : dev;
  }
  return null;
}

/** `-g`, or an `option=value` the table lists (`--location=global`). */
function isGlobal(options: readonly ParsedOption[], globalOptions: readonly string[]): boolean {
  return options.some(
    (o) => globalOptions.includes(o.name) || globalOptions.includes(`${o.name}=${o.value}`),
  );
}
