/**
 * Recognises a container whose only job is serving files: a static file server (serve,
 * http-server, vite preview...) or a front end's development server (react-scripts start,
 * vite, ng serve...). Reads the folder, the port and whether unknown paths fall back to
 * index.html, as the original server would.
 */
import { posix as path } from 'path';
import { type CommandEnv, envValue } from '../../analyze/command-env';
import { expandVariables } from '../../analyze/instruction-args';
import type { DevServerRule, NodeSettings, StaticServerRule } from './node-settings';
import { buildAtStart } from './node-app';
import { parseArgs } from './node-commands';
import type { Step } from './run-scripts';

export interface Port {
  port: number;
  /** Where the port came from: a flag, an environment variable, the server's default. */
  source: string;
  /** The server's built-in default: a config file may still change it. */
  isDefault?: boolean;
  /** Set when the flag names a variable with no value at build time (`-l $PORT`): the port is chosen at run time. */
  runTimeVariable?: string;
}

export type FrontEndServer =
  /** `dir` is null when the server serves the framework's build folder (vite preview). */
  | { kind: 'static'; rule: StaticServerRule; step: Step; dir: string | null; spa: boolean; port: Port }
  | { kind: 'dev'; rule: DevServerRule; step: Step; port: Port }
  | { kind: 'problem'; reason: string };

/** `declared`: the project's packages; a meta-framework (SvelteKit, Nuxt...) turns vite into a server. */
export function findFrontEndServer(
  start: readonly Step[],
  settings: NodeSettings,
  values: ReadonlyMap<string, string>,
  declared: ReadonlySet<string> = new Set(),
): FrontEndServer | null {
  let found: FrontEndServer | null = null;
  const applies = (rule: { unlessPackages?: string[] }) =>
    !(rule.unlessPackages ?? []).some((p) => declared.has(p));
  // `cd dist && serve`: the folder a server serves is relative to where the command cd'd
  let cwd = '';
  for (const step of start) {
    if (step.command.kind === 'cd') cwd = inFolder(cwd, expandVariables(step.command.dir, values));
    if (step.command.kind !== 'program') continue;
    const [program, ...args] = step.command.words;
    const staticRule = settings.staticServers.find(
      (r) =>
        r.program === program &&
        applies(r) &&
        (r.subcommand === undefined || subcommandOf(args, r) === r.subcommand),
    );
    if (staticRule) {
      found = staticServer(staticRule, step, args, values, cwd);
      break;
    }
    const devRule = settings.devServers.find(
      (r) => r.program === program && applies(r) && r.subcommands.includes(subcommandOf(args, r)),
    );
    if (devRule) {
      found = { kind: 'dev', rule: devRule, step, port: serverPort(args, devRule, values, step.env) };
      break;
    }
  }
  if (!found || found.kind === 'problem') return found;

  const server = found.step;
  const others = start.filter(
    (s) =>
      s !== server &&
      s.command.kind !== 'cd' &&
      s.command.kind !== 'other' &&
      !(s.command.kind === 'program' && settings.besideServer.includes(s.command.words[0])),
  );
  const build = buildAtStart(others, settings);
  if (build) return { kind: 'problem', reason: build };
  if (others.length > 0) {
    return {
      kind: 'problem',
      reason: `the container runs "${others[0].text}" before serving the files, which may change them at start (run-time configuration); msb cannot move that into nginx`,
    };
  }
  return found;
}

function staticServer(
  rule: StaticServerRule,
  step: Step,
  args: string[],
  values: ReadonlyMap<string, string>,
  cwd: string,
): FrontEndServer {
  const parsed = parseArgs(
    rule.subcommand ? args.slice(args.indexOf(rule.subcommand) + 1) : args,
    valueFlagsOf(rule),
  );
  const port = serverPort(args, rule, values, step.env);
  let spa = rule.spa === true || (rule.spaFlags ?? []).some((f) => parsed.options.has(f));
  for (const flag of rule.proxyFlags ?? []) {
    const target = parsed.options.get(flag);
    if (target === undefined) continue;
    const local = /^https?:\/\/(localhost|127\.0\.0\.1|0\.0\.0\.0)(:(\d+))?\/?\??$/.exec(target);
    if (!local || Number(local[3] ?? 80) !== port.port) {
      return {
        kind: 'problem',
        reason: `${rule.program} forwards unknown paths to ${target}; nginx would need that proxy too, which msb does not write`,
      };
    }
    spa = true;
  }
  const dirFlag = (rule.dirFlags ?? []).map((f) => parsed.options.get(f)).find((v) => v !== undefined);
  const dir = dirFlag ?? (rule.positionalDir ? parsed.positionals[0] : undefined) ?? rule.defaultDir;
  return {
    kind: 'static',
    rule,
    step,
    dir: dir === undefined ? null : inFolder(cwd, expandVariables(dir, values)),
    spa,
    port,
  };
}

/**
 * The port flag's value (`3000`, `tcp://0.0.0.0:3000`, `$PORT`), else the port variable as the
 * server sees it (`env`: `PORT=8080 serve`, a script's own assignment), else the default.
 */
function serverPort(
  args: readonly string[],
  rule: { program: string; portFlags?: string[]; portEnv?: string; defaultPort: number },
  values: ReadonlyMap<string, string>,
  env: CommandEnv,
): Port {
  const parsed = parseArgs(args, rule.portFlags ?? []);
  let runTimeVariable: string | undefined;
  for (const flag of rule.portFlags ?? []) {
    const value = parsed.options.get(flag);
    if (value === undefined) continue;
    const port = /(\d+)$/.exec(expandVariables(value, values));
    if (port) return { port: Number(port[1]), source: `${rule.program} ${flag} ${value}` };
    runTimeVariable ??= /\$\{?(\w+)/.exec(value)?.[1];
  }
  const fromEnv = rule.portEnv ? envValue(env, rule.portEnv, values) : undefined;
  if (fromEnv && /^\d+$/.test(fromEnv))
    return { port: Number(fromEnv), source: `${rule.portEnv}=${fromEnv}` };
  return {
    port: rule.defaultPort,
    source: `${rule.program}'s default port`,
    isDefault: true,
    runTimeVariable,
  };
}

/** `dir` as seen from `cwd` (relative to the WORKDIR, or absolute). */
function inFolder(cwd: string, dir: string): string {
  return cwd === '' || path.isAbsolute(dir) ? dir : path.join(cwd, dir);
}

function valueFlagsOf(rule: StaticServerRule | DevServerRule): string[] {
  const { dirFlags = [], proxyFlags = [] } = rule as StaticServerRule;
  return [...(rule.valueFlags ?? []), ...(rule.portFlags ?? []), ...dirFlags, ...proxyFlags];
}

function subcommandOf(args: readonly string[], rule: StaticServerRule | DevServerRule): string {
  return parseArgs(args, valueFlagsOf(rule)).positionals[0] ?? '';
}
