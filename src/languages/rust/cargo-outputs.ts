/**
 * Where a cargo command leaves its binaries, as Cargo decides it: the packages it selects
 * (the manifest found from the working directory or `--manifest-path`, `-p`, `--workspace`, a
 * virtual workspace's default members), the binaries (`--bin`, `--bins`, all by default), and
 * `<target dir>/[<triple>/]<profile>/<name>`, the target dir from `--target-dir`,
 * `CARGO_TARGET_DIR` or `.cargo/config.toml`, else the workspace root's `target/`.
 * `cargo install` puts them in `<root>/bin` (`--root`, `CARGO_INSTALL_ROOT`, `CARGO_HOME`).
 */
import { posix as path } from 'path';
import { parse as parseToml } from 'smol-toml';
import { hasOption, optionValue, type OptionTable } from '../../analyze/argv';
import { envValue } from '../../analyze/command-env';
import type { BuildContext } from '../../context/build-context';
import type { ContextPaths } from '../../plan/context-paths';
import { CargoCommand, optionValues, profileDir } from './cargo-commands';
import { CargoPackage, CargoProject, workspaceOf } from './cargo-manifest';

export interface CargoBuildSetting {
  project: CargoProject;
  paths: ContextPaths;
  context: BuildContext;
  /** ENV and ARG values of the stage. */
  values: ReadonlyMap<string, string>;
  /** CARGO_HOME of the rust images (`cargo install` writes `$CARGO_HOME/bin`). */
  cargoHome: string;
  /** cargo's option table (rust.yaml `cargoOptions`). */
  cargoOptions: OptionTable;
}

export interface BuiltBinary {
  name: string;
  /** Absolute path in the builder. */
  path: string;
  /** Installed from a registry or git (`cargo install ripgrep`): a tool, not the project's code. */
  remote: boolean;
}

export type CargoOutputs = { ok: true; binaries: BuiltBinary[] } | { ok: false; reason: string };

export function cargoOutputs(command: CargoCommand, cwd: string, setting: CargoBuildSetting): CargoOutputs {
  if (command.verb === 'install') return installOutputs(command, cwd, setting);
  if (command.verb !== 'build' && command.verb !== 'run' && command.verb !== 'rustc')
    return { ok: true, binaries: [] };
  const manifest = manifestOf(command, cwd, setting.paths);
  if (!manifest)
    return {
      ok: false,
      reason: `"${command.text}" reads a Cargo.toml that no COPY brings from the build context`,
    };
  const { project } = setting;
  const dir = dirOf(manifest.context);
  const own = project.packages.find((p) => p.dir === dir) ?? null;
  const workspace = workspaceOf(project, dir);
  const members = workspace
    ? project.packages.filter((p) => p.dir === workspace.dir || workspace.members.includes(p.dir))
    : own
      ? [own]
      : [];
  const named = optionValues(command, '--package').map((spec) => spec.split('@')[0]);
  let selected: CargoPackage[];
  if (named.length > 0) selected = members.filter((p) => named.includes(p.name));
  else if (hasOption(command.parsed, '--workspace')) selected = members;
  else if (own) selected = [own];
  else if (workspace && workspace.defaultMembers.length > 0)
    selected = members.filter((p) => workspace.defaultMembers.includes(p.dir));
  else selected = members;
  if (selected.length === 0)
    return { ok: false, reason: `msb finds no package that "${command.text}" builds in ${manifest.context}` };

  const wanted = optionValues(command, '--bin');
  const onlyOthers =
    wanted.length === 0 &&
    !hasOption(command.parsed, '--bins') &&
    ['--example', '--test', '--bench', '--lib', '--examples', '--tests', '--benches'].some((o) =>
      hasOption(command.parsed, o),
    );
  if (onlyOthers) return { ok: true, binaries: [] };
  const candidates = selected.flatMap((p) => p.binaries);
  const missing = wanted.filter((name) => !candidates.some((b) => b.name === name));
  if (missing.length > 0)
    return {
      ok: false,
      reason: `"${command.text}" builds the binary ${missing.join(', ')}, which no Cargo.toml in the build context declares`,
    };
  let binaries = wanted.length > 0 ? candidates.filter((b) => wanted.includes(b.name)) : candidates;
  if (command.verb === 'run') {
    const pick = runTarget(selected, binaries, wanted);
    if (typeof pick === 'string') return { ok: false, reason: `"${command.text}": ${pick}` };
    binaries = [pick];
  }

  const rootContext = workspace?.dir ?? dir;
  const containerOf = (contextDir: string) =>
    path.resolve(path.dirname(manifest.container), path.relative(`/${dir}`, `/${contextDir}`));
  const config = cargoConfig(setting.context, [rootContext, setting.paths.toContext(cwd) ?? rootContext]);
  const variable = (name: string) => envValue(command.env, name, setting.values) ?? null;
  const targetDirOption = optionValue(command.parsed, '--target-dir') || variable('CARGO_TARGET_DIR');
  const targetDir = targetDirOption
    ? path.resolve(cwd, targetDirOption)
    : config.targetDir
      ? path.resolve(containerOf(config.dir), config.targetDir)
      : path.join(containerOf(rootContext), 'target');
  const triple = optionValue(command.parsed, '--target') || variable('CARGO_BUILD_TARGET') || config.target;
  const outputDir = path.join(targetDir, triple ?? '', profileDir(command));
  return {
    ok: true,
    binaries: unique(binaries.map((b) => b.name)).map((name) => ({
      name,
      path: path.join(outputDir, name),
      remote: false,
    })),
  };
}

/** The triple a command builds for (`--target`, CARGO_BUILD_TARGET, .cargo/config.toml), or null for the host. */
export function buildTarget(
  command: CargoCommand,
  setting: Pick<CargoBuildSetting, 'context' | 'values'>,
): string | null {
  return (
    optionValue(command.parsed, '--target') ||
    envValue(command.env, 'CARGO_BUILD_TARGET', setting.values) ||
    cargoConfig(setting.context, ['']).target
  );
}

/** `cargo run` runs one binary: `--bin`, the package's `default-run`, or its only binary. */
function runTarget(
  selected: readonly CargoPackage[],
  binaries: readonly { name: string }[],
  wanted: readonly string[],
): { name: string; source: string } | string {
  if (wanted.length > 1) return 'cargo run runs one binary, but the command names several';
  const pool = binaries as { name: string; source: string }[];
  if (wanted.length === 1) return pool[0];
  if (selected.length === 1 && selected[0].defaultRun) {
    const chosen = pool.find((b) => b.name === selected[0].defaultRun);
    if (chosen) return chosen;
  }
  if (pool.length === 1) return pool[0];
  return pool.length === 0
    ? 'the package has no binary msb can find'
    : `the package has several binaries (${pool
        .map((b) => b.name)
        .sort()
        .join(', ')}) and neither --bin nor default-run says which one runs`;
}

function installOutputs(command: CargoCommand, cwd: string, setting: CargoBuildSetting): CargoOutputs {
  const variable = (name: string) => envValue(command.env, name, setting.values) ?? null;
  const root =
    optionValue(command.parsed, '--root') ||
    variable('CARGO_INSTALL_ROOT') ||
    variable('CARGO_HOME') ||
    setting.cargoHome;
  const binDir = path.join(path.resolve(cwd, root), 'bin');
  const wanted = optionValues(command, '--bin');
  const local = optionValue(command.parsed, '--path');
  if (!local) {
    // `cargo install ripgrep` / `--git URL`: a tool from outside the project; its binaries are
    // named like the crate as far as msb knows.
    const crates = command.parsed.operands.map((o) => o.split('@')[0]).filter(Boolean);
    const names = wanted.length > 0 ? wanted : crates;
    return {
      ok: true,
      binaries: names.map((name) => ({ name, path: path.join(binDir, name), remote: true })),
    };
  }
  const manifest = setting.paths.toContext(path.join(path.resolve(cwd, local), 'Cargo.toml'));
  const pkg = manifest === null ? undefined : setting.project.packages.find((p) => p.dir === dirOf(manifest));
  if (!pkg)
    return {
      ok: false,
      reason: `"${command.text}" installs a package whose Cargo.toml msb does not find in the build context`,
    };
  const binaries = wanted.length > 0 ? pkg.binaries.filter((b) => wanted.includes(b.name)) : pkg.binaries;
  if (binaries.length === 0)
    return { ok: false, reason: `"${command.text}" installs no binary msb can name from ${manifest}` };
  return {
    ok: true,
    binaries: binaries.map((b) => ({ name: b.name, path: path.join(binDir, b.name), remote: false })),
  };
}

/** The Cargo.toml a command reads: `--manifest-path`, else the first one from the working directory up. */
function manifestOf(
  command: CargoCommand,
  cwd: string,
  paths: ContextPaths,
): { context: string; container: string } | null {
  const explicit = optionValue(command.parsed, '--manifest-path');
  const candidates = explicit
    ? [path.resolve(cwd, explicit)]
    : ancestors(cwd).map((d) => path.join(d, 'Cargo.toml'));
  for (const container of candidates) {
    const context = paths.toContext(container);
    if (context !== null && paths.exists(context)) return { context, container };
  }
  return null;
}

interface CargoConfig {
  dir: string;
  target: string | null;
  targetDir: string | null;
}

/** `[build] target` / `target-dir` of the first `.cargo/config.toml` (or `.cargo/config`) found. */
function cargoConfig(context: BuildContext, dirs: readonly string[]): CargoConfig {
  for (const dir of dirs) {
    for (const name of ['.cargo/config.toml', '.cargo/config']) {
      const text = context.read(dir === '' ? name : `${dir}/${name}`);
      if (text === null) continue;
      try {
        const build = (parseToml(text) as { build?: Record<string, unknown> }).build ?? {};
        return {
          dir,
          target: typeof build.target === 'string' ? build.target : null,
          targetDir: typeof build['target-dir'] === 'string' ? build['target-dir'] : null,
        };
      } catch {
        return { dir, target: null, targetDir: null };
      }
    }
  }
  return { dir: '', target: null, targetDir: null };
}

function ancestors(dir: string): string[] {
  const list = [dir];
  while (list[list.length - 1] !== '/') list.push(path.dirname(list[list.length - 1]));
  return list;
}

function dirOf(file: string): string {
  const dir = path.dirname(file);
  return dir === '.' ? '' : dir;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
