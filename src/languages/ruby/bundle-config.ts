/**
 * Where Bundler puts the gems and what it leaves out, as the Dockerfile configures it: ENV
 * (BUNDLE_PATH, BUNDLE_WITHOUT...), `bundle config` in every spelling (`set --local`, `--global`,
 * the legacy `bundle config KEY VALUE`) and the remembered `bundle install` options (`--path`,
 * `--deployment`, `--without`). Bundler reads the app's local config before ENV and ENV before
 * the user's global config; the files the build wrote must reach the runtime too, or
 * `bundle exec` there would look for gems in the wrong place or for excluded groups.
 */
import { posix as path } from 'path';
import { expandVariables } from '../../analyze/instruction-args';
import { programName, ShellCommand } from '../../analyze/shell-commands';
import type { RunFacts, StageFacts } from '../../analyze/stage-facts';
import { homeOf } from '../../plan/run-user';
import type { RubySettings } from './ruby-settings';

type Scope = 'local' | 'global';

/** One setting as the build wrote it. */
interface Setting {
  key: string;
  value: string;
  scope: Scope;
  workdir: string;
}

export interface BundleConfig {
  /** Where the gems go (absolute): BUNDLE_PATH, the configured path, vendor/bundle for deployment, else GEM_HOME. */
  gemPath: string;
  /** The path comes from BUNDLE_PATH or Bundler's config: Bundler then adds `ruby/<ABI version>/` below it. */
  pathSet: boolean;
  /** GEM_HOME: `gem install` and the Bundler versions the lockfile asks for land there. */
  gemHome: string;
  /** Groups Bundler leaves out (and `bundle exec` does not require). */
  without: string[];
  /** Folders with a config file the build wrote that the runtime's Bundler must read. */
  configDirs: string[];
  /** Gems built against the system's library (`bundle config build.nokogiri --use-system-libraries`). */
  buildFlags: Map<string, string>;
  /** Gems pointed at a local checkout (`bundle config local.GEM PATH`). */
  localOverrides: string[];
  /** Why a path cannot be known (a variable msb cannot resolve), or null. */
  unknown: string | null;
}

/** `bundle install` (and `bundle` alone, which installs) in a RUN. */
export function isBundleInstall(command: ShellCommand): boolean {
  const [program, verb] = bundlerWords(command);
  return program !== null && (verb === undefined || verb === 'install' || verb.startsWith('-'));
}

/** `bundle`/`bundler` and its words, or [null] when the command is not Bundler. */
export function bundlerWords(command: ShellCommand): [string | null, ...string[]] {
  const program = programName(command);
  if (program !== 'bundle' && program !== 'bundler') return [null];
  return [program, ...command.words.slice(1)];
}

export function readBundleConfig(facts: StageFacts, settings: RubySettings): BundleConfig {
  const written: Setting[] = [];
  const configDirs = new Set<string>();
  const values = facts.values;
  const gemHome = values.get('GEM_HOME') ?? settings.gemHome;
  const appConfig = values.get('BUNDLE_APP_CONFIG') ?? settings.appConfig;
  for (const run of facts.runs) {
    for (const command of run.commands) {
      const [program, verb, ...rest] = bundlerWords(command);
      if (program === null) continue;
      const found =
        verb === 'config'
          ? configCommand(rest, run, insideApp(facts, run))
          : isBundleInstall(command)
            ? installOptions(rest, run)
            : [];
      for (const setting of found) {
        written.push(setting);
        configDirs.add(setting.scope === 'local' ? appConfig : userConfigDir(run, values));
      }
    }
  }
  const lookup = (key: string): Setting | null => {
    const env = values.get(`BUNDLE_${key.toUpperCase().replace(/\./g, '__')}`);
    const local = written.filter((s) => s.key === key && s.scope === 'local').pop();
    const global = written.filter((s) => s.key === key && s.scope === 'global').pop();
    if (local) return local;
    if (env !== undefined) return { key, value: env, scope: 'local', workdir: facts.workdir };
    return global ?? null;
  };
  const pathSetting = lookup('path');
  const deployment = lookup('deployment');
  const system = lookup('system');
  let gemPath = gemHome;
  if (pathSetting && system?.value !== 'true') gemPath = path.resolve(pathSetting.workdir, pathSetting.value);
  else if (deployment && /^(true|1)$/.test(deployment.value) && system?.value !== 'true')
    gemPath = path.join(deployment.workdir, 'vendor/bundle');
  gemPath = expandVariables(gemPath, values);
  const without = (lookup('without')?.value ?? '').split(/[\s:,]+/).filter(Boolean);
  const buildFlags = new Map<string, string>();
  const localOverrides: string[] = [];
  for (const setting of written) {
    if (setting.key.startsWith('build.')) buildFlags.set(setting.key.slice(6), setting.value);
    if (setting.key.startsWith('local.')) localOverrides.push(setting.key.slice(6));
  }
  for (const [name, value] of values) {
    const gem = /^BUNDLE_(BUILD|LOCAL)__(.+)$/.exec(name);
    if (gem?.[1] === 'BUILD') buildFlags.set(gem[2].toLowerCase(), value);
    if (gem?.[1] === 'LOCAL') localOverrides.push(gem[2].toLowerCase());
  }
  const unresolved = [gemPath, gemHome, ...configDirs].find((p) => p.includes('$'));
  return {
    gemPath,
    pathSet: gemPath !== gemHome || pathSetting !== null,
    gemHome,
    without,
    configDirs: [...configDirs],
    buildFlags,
    localOverrides,
    unknown: unresolved
      ? `the gems or Bundler's config live in "${unresolved}", a path msb cannot resolve`
      : null,
  };
}

/**
 * `bundle config [set|unset] [--local|--global] KEY VALUE...` and the legacy `bundle config KEY VALUE`.
 * Without a scope option Bundler 2 writes the app's local config when it runs inside an app (a
 * Gemfile in the working directory or above), else the user's global one.
 */
function configCommand(words: readonly string[], run: RunFacts, inApp: boolean): Setting[] {
  let scope: Scope = inApp ? 'local' : 'global';
  const operands: string[] = [];
  let subcommand: string | null = null;
  for (const word of words) {
    // Options come before the key; after it every word is the value (`build.nokogiri --use-system-libraries`).
    if (operands.length === 0 && word === '--local') scope = 'local';
    else if (operands.length === 0 && word === '--global') scope = 'global';
    else if (operands.length === 0 && word.startsWith('--')) return [];
    else if (subcommand === null && operands.length === 0 && ['set', 'unset', 'get', 'list'].includes(word))
      subcommand = word;
    else operands.push(word);
  }
  if (subcommand !== null && subcommand !== 'set') return [];
  const [key, ...value] = operands;
  if (!key || value.length === 0) return [];
  return [{ key: key.toLowerCase(), value: value.join(' '), scope, workdir: run.workdir }];
}

/** A Gemfile was copied into the RUN's working directory (or a folder above it) before it, or BUNDLE_GEMFILE names one. */
function insideApp(facts: StageFacts, run: RunFacts): boolean {
  if (facts.values.has('BUNDLE_GEMFILE')) return true;
  return facts.copies.some((c) => {
    if (c.spec.from !== null || c.instruction.index > run.instruction.index) return false;
    const intoFolder = c.dest.endsWith('/') || c.spec.sources.length > 1;
    const folder = intoFolder ? c.dest.replace(/\/+$/, '') || '/' : path.dirname(c.dest);
    const above = run.workdir === folder || run.workdir.startsWith(`${folder === '/' ? '' : folder}/`);
    return (
      above &&
      c.spec.sources.some(
        (s) => /(^|\/)(Gemfile|gems\.rb)$/.test(s) || s === '.' || s === './' || /\*/.test(s),
      )
    );
  });
}

/** The options `bundle install` remembers in the app's local config (Bundler 2 prints a deprecation). */
function installOptions(words: readonly string[], run: RunFacts): Setting[] {
  const settings: Setting[] = [];
  const add = (key: string, value: string) =>
    settings.push({ key, value, scope: 'local', workdir: run.workdir });
  for (let i = 0; i < words.length; i++) {
    const [option, glued] = words[i].split(/=(.*)/s);
    const value = () => glued ?? words[++i] ?? '';
    if (option === '--path') add('path', value());
    else if (option === '--deployment') add('deployment', 'true');
    else if (option === '--system') add('system', 'true');
    else if (option === '--without' || option === '--with') {
      // Thor arrays: every following word up to the next option.
      const groups = glued !== undefined ? [glued] : [];
      while (glued === undefined && words[i + 1] !== undefined && !words[i + 1].startsWith('-'))
        groups.push(words[++i]);
      add(option.slice(2), groups.join(' '));
    }
  }
  return settings;
}

/** The folder of the user's global Bundler config for the user a RUN runs as. */
function userConfigDir(run: RunFacts, values: ReadonlyMap<string, string>): string {
  const explicit = values.get('BUNDLE_USER_CONFIG');
  if (explicit) return path.dirname(explicit);
  const userHome = values.get('BUNDLE_USER_HOME');
  if (userHome) return userHome;
  return path.join(homeOf(run.user), '.bundle');
}
