/**
 * What one shell command means to a Node build: a dependency install (and for which package
 * manager, whether production-only), a global tool install, a package.json script run, a prune,
 * a `cd`, or a program — unwrapped from npx / `npm exec` / `pnpm exec` / node_modules/.bin.
 */
import { parseArgv, ParsedOption } from '../../analyze/argv';
import type { ShellCommand } from '../../analyze/shell-commands';
import type { DevFlag } from './dev-dependencies';

export type Manager = 'npm' | 'yarn' | 'pnpm';

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
  | { kind: 'prune'; manager: Manager }
  | { kind: 'cd'; dir: string }
  | { kind: 'program'; words: string[] }
  | { kind: 'other' };

const NPM_VALUE_OPTIONS = [
  '--prefix',
  '-C',
  '--workspace',
  '-w',
  '--loglevel',
  '--registry',
  '--cache',
  '--userconfig',
  '--omit',
  '--include',
  '--only',
  '--tag',
  '--install-strategy',
];
const YARN_VALUE_OPTIONS = [
  '--cwd',
  '--modules-folder',
  '--cache-folder',
  '--network-timeout',
  '--registry',
  '--mutex',
  '--network-concurrency',
];
const PNPM_VALUE_OPTIONS = [
  '-C',
  '--dir',
  '--filter',
  '-F',
  '--reporter',
  '--store-dir',
  '--virtual-store-dir',
  '--loglevel',
  '--registry',
  '--workspace-concurrency',
];
const NPX_VALUE_OPTIONS = ['-p', '--package', '--cache', '--registry', '--loglevel'];

const NPM_INSTALL = new Set([
  'install',
  'i',
  'in',
  'ins',
  'inst',
  'insta',
  'instal',
  'isnt',
  'isnta',
  'isntal',
  'isntall',
  'add',
]);
const NPM_CLEAN_INSTALL = new Set(['ci', 'clean-install', 'ic', 'install-clean', 'isntall-clean']);
const NPM_RUN = new Set(['run', 'run-script', 'rum', 'urn']);
const NPM_LIFECYCLE = new Set(['start', 'test', 't', 'tst', 'restart', 'stop']);
const YARN_BUILTINS = new Set([
  'install',
  'add',
  'remove',
  'upgrade',
  'up',
  'global',
  'run',
  'exec',
  'dlx',
  'workspaces',
  'workspace',
  'cache',
  'config',
  'why',
  'info',
  'init',
  'link',
  'unlink',
  'outdated',
  'pack',
  'publish',
  'set',
  'plugin',
  'node',
  'bin',
  'dedupe',
  'autoclean',
  'check',
  'import',
  'licenses',
  'list',
  'login',
  'logout',
  'owner',
  'policies',
  'tag',
  'team',
  'version',
  'versions',
  'audit',
  'create',
  'help',
]);
const PNPM_BUILTINS = new Set([
  'install',
  'i',
  'add',
  'remove',
  'rm',
  'update',
  'up',
  'run',
  'exec',
  'dlx',
  'prune',
  'store',
  'fetch',
  'deploy',
  'list',
  'ls',
  'why',
  'outdated',
  'audit',
  'link',
  'unlink',
  'rebuild',
  'publish',
  'pack',
  'env',
  'setup',
  'config',
  'create',
  'init',
  'import',
  'patch',
  'root',
  'bin',
  'server',
  'install-test',
  'it',
  'approve-builds',
]);

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

export function classifyNodeCommand(command: ShellCommand): NodeCommand {
  // A JavaScript file run as the program (what pm2-runtime runs, or a script with a shebang) runs in node.
  if (/\.[cm]?js$/.test(command.words[0] ?? ''))
    return { kind: 'program', words: ['node', ...command.words] };
  const words = normaliseProgram(command.words);
  switch (words[0]) {
    case 'npm':
      return classifyNpm(words.slice(1));
    case 'yarn':
    case 'yarnpkg':
      return classifyYarn(words.slice(1));
    case 'pnpm':
      return classifyPnpm(words.slice(1));
    case 'npx':
      return program(npxProgram(words.slice(1)));
    case 'corepack':
      return classifyCorepack(command, words.slice(1));
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

function classifyNpm(args: string[]): NodeCommand {
  const parsed = parseArgs(args, NPM_VALUE_OPTIONS);
  const [sub, ...positionals] = parsed.positionals;
  const dir = parsed.options.get('--prefix') ?? parsed.options.get('-C') ?? null;
  if (sub === undefined) return { kind: 'other' };
  if (NPM_INSTALL.has(sub) || NPM_CLEAN_INSTALL.has(sub)) {
    if (isGlobal(parsed.options)) return { kind: 'global-install', packages: positionals.map(packageName) };
    return {
      kind: 'install',
      manager: 'npm',
      dev: npmDevFlag(parsed.options),
      dir,
      packages: positionals,
      options: parsed.written,
    };
  }
  if (NPM_RUN.has(sub) && positionals[0])
    return {
      kind: 'script',
      manager: 'npm',
      script: positionals[0],
      args: [...positionals.slice(1), ...parsed.rest],
      dir,
      mayBeProgram: false,
    };
  if (NPM_LIFECYCLE.has(sub)) {
    const script = sub === 't' || sub === 'tst' ? 'test' : sub;
    return { kind: 'script', manager: 'npm', script, args: parsed.rest, dir, mayBeProgram: false };
  }
  if (sub === 'exec' || sub === 'x') return program(afterSubcommand(args, sub));
  if (sub === 'prune') return { kind: 'prune', manager: 'npm' };
  return { kind: 'other' };
}

function classifyYarn(args: string[]): NodeCommand {
  const parsed = parseArgs(args, YARN_VALUE_OPTIONS);
  const [sub, ...positionals] = parsed.positionals;
  const dir = parsed.options.get('--cwd') ?? null;
  const install = (dev: DevFlag, packages: string[]): NodeCommand => ({
    kind: 'install',
    manager: 'yarn',
    dev,
    dir,
    packages,
    options: parsed.written,
  });
  const dev = booleanFlag(parsed.options, ['--production', '--prod']);
  if (sub === undefined || sub === 'install') return install(dev, []);
  if (sub === 'add')
    return install(parsed.options.has('--dev') || parsed.options.has('-D') ? 'include' : null, positionals);
  if (sub === 'global' && positionals[0] === 'add')
    return { kind: 'global-install', packages: positionals.slice(1).map(packageName) };
  if (sub === 'workspaces' && positionals[0] === 'focus') return install(dev, []);
  if (sub === 'run' && positionals[0])
    return {
      kind: 'script',
      manager: 'yarn',
      script: positionals[0],
      args: [...positionals.slice(1), ...parsed.rest],
      dir,
      mayBeProgram: true,
    };
  if (sub === 'exec' || sub === 'dlx') return program(afterSubcommand(args, sub));
  if (sub === 'node') return program(['node', ...args.slice(args.indexOf('node') + 1)]);
  if (YARN_BUILTINS.has(sub)) return { kind: 'other' };
  // `yarn build`: a script when package.json has one, else a binary from node_modules/.bin
  return {
    kind: 'script',
    manager: 'yarn',
    script: sub,
    args: args.slice(args.indexOf(sub) + 1),
    dir,
    mayBeProgram: true,
  };
}

function classifyPnpm(args: string[]): NodeCommand {
  const parsed = parseArgs(args, PNPM_VALUE_OPTIONS);
  const [sub, ...positionals] = parsed.positionals;
  const dir = parsed.options.get('-C') ?? parsed.options.get('--dir') ?? null;
  if (sub === undefined) return { kind: 'other' };
  if (sub === 'install' || sub === 'i' || sub === 'add') {
    if (isGlobal(parsed.options)) return { kind: 'global-install', packages: positionals.map(packageName) };
    return {
      kind: 'install',
      manager: 'pnpm',
      dev:
        parsed.options.has('--save-dev') || parsed.options.has('-D')
          ? 'include'
          : booleanFlag(parsed.options, ['--prod', '-P', '--production']),
      dir,
      packages: sub === 'add' ? positionals : [],
      options: parsed.written,
    };
  }
  if (sub === 'run' && positionals[0])
    return {
      kind: 'script',
      manager: 'pnpm',
      script: positionals[0],
      args: [...positionals.slice(1), ...parsed.rest],
      dir,
      mayBeProgram: false,
    };
  if (sub === 'start' || sub === 'test')
    return { kind: 'script', manager: 'pnpm', script: sub, args: parsed.rest, dir, mayBeProgram: false };
  if (sub === 'exec' || sub === 'dlx') return program(afterSubcommand(args, sub));
  if (sub === 'prune') return { kind: 'prune', manager: 'pnpm' };
  if (PNPM_BUILTINS.has(sub)) return { kind: 'other' };
  return {
    kind: 'script',
    manager: 'pnpm',
    script: sub,
    args: args.slice(args.indexOf(sub) + 1),
    dir,
    mayBeProgram: true,
  };
}

function classifyCorepack(command: ShellCommand, args: string[]): NodeCommand {
  const [sub, ...rest] = args;
  const tools = rest.filter((w) => !w.startsWith('-')).map(packageName);
  if (sub === 'enable')
    return { kind: 'global-install', packages: tools.length > 0 ? tools : ['pnpm', 'yarn'] };
  if (sub === 'prepare' || sub === 'install' || sub === 'use')
    return { kind: 'global-install', packages: tools };
  if (sub === 'pnpm' || sub === 'yarn' || sub === 'npm')
    return classifyNodeCommand({ words: args, text: command.text });
  return { kind: 'other' };
}

function npxProgram(args: string[]): string[] {
  const parsed = parseArgs(args, NPX_VALUE_OPTIONS);
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

/** npm: `--omit=dev`, `--production`, `--only=prod` leave devDependencies out; `--include=dev` (which wins over --omit) and `--production=false` put them in. */
function npmDevFlag(options: ReadonlyMap<string, string>): DevFlag {
  if ((options.get('--include') ?? '').split(',').includes('dev')) return 'include';
  if (options.has('--save-dev') || options.has('-D')) return 'include';
  if (options.get('--omit') === 'dev' || /^prod(uction)?$/.test(options.get('--only') ?? '')) return 'omit';
  return booleanFlag(options, ['--production']);
}

/** `--production` / `--production=true` → omit, `--production=false` → include, absent → null. */
function booleanFlag(options: ReadonlyMap<string, string>, names: readonly string[]): DevFlag {
  const name = names.find((n) => options.has(n));
  if (name === undefined) return null;
  return options.get(name) === 'false' ? 'include' : 'omit';
}

function isGlobal(options: ReadonlyMap<string, string>): boolean {
  return options.has('-g') || options.has('--global') || options.get('--location') === 'global';
}
