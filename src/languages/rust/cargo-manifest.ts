/**
 * The Cargo project in the build context, read once: every package (its name, its binaries as
 * Cargo finds them — `[[bin]]` tables plus `src/main.rs` and `src/bin/*` unless `autobins = false`
 * — and its dependencies), the workspaces and their members, and the crates Cargo.lock locks.
 */
import { posix as path } from 'path';
import { parse as parseToml } from 'smol-toml';
import type { BuildContext } from '../../context/build-context';
import { globMatcher } from '../../util/glob-matcher';

export interface CargoBinary {
  name: string;
  /** Context path of its main source file. */
  source: string;
}

export interface CargoPackage {
  name: string;
  /** Context directory of its Cargo.toml ('' for the context root). */
  dir: string;
  binaries: CargoBinary[];
  /** `[package] default-run`: the binary `cargo run` picks among several. */
  defaultRun: string | null;
  /** Names of its [dependencies] and [build-dependencies] (renamed ones by their `package`). */
  dependencies: string[];
  /** Cargo features it turns on in dependencies (`openssl = { features = ["vendored"] }`). */
  features: string[];
}

export interface CargoWorkspace {
  dir: string;
  members: string[];
  defaultMembers: string[];
}

export interface CargoProject {
  packages: CargoPackage[];
  workspaces: CargoWorkspace[];
  /** Crate names in Cargo.lock files (every transitive dependency). */
  lockedCrates: Set<string>;
  /** Manifests that did not parse, with the reason. */
  problems: string[];
}

type Table = Record<string, unknown>;

export function readCargoProject(context: BuildContext): CargoProject {
  const project: CargoProject = { packages: [], workspaces: [], lockedCrates: new Set(), problems: [] };
  const manifests = context.files.filter(
    (f) => /(^|\/)Cargo\.toml$/.test(f) && !/(^|\/)(target|vendor|\.cargo)\//.test(f),
  );
  for (const file of manifests) {
    const dir = path.dirname(file) === '.' ? '' : path.dirname(file);
    let toml: Table;
    try {
      toml = parseToml(context.read(file) ?? '') as Table;
    } catch (error) {
      project.problems.push(`${file}: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    const workspace = table(toml.workspace);
    if (workspace) project.workspaces.push(readWorkspace(dir, workspace, manifests));
    const pkg = table(toml.package);
    if (pkg && typeof pkg.name === 'string') project.packages.push(readPackage(context, dir, pkg, toml));
  }
  for (const lock of context.files.filter((f) => /(^|\/)Cargo\.lock$/.test(f))) {
    for (const match of (context.read(lock) ?? '').matchAll(/^name\s*=\s*"([^"]+)"/gm))
      project.lockedCrates.add(match[1]);
  }
  return project;
}

function readWorkspace(dir: string, workspace: Table, manifests: readonly string[]): CargoWorkspace {
  const memberDirs = (globs: unknown) => {
    const patterns = strings(globs).map((g) => path.join(dir, g).replace(/\/$/, ''));
    const matches = globMatcher(patterns);
    return manifests.map((m) => path.dirname(m)).filter((d) => d !== '.' && matches(d));
  };
  const members = memberDirs(workspace.members);
  const excluded = new Set(memberDirs(workspace.exclude));
  const kept = members.filter((m) => !excluded.has(m));
  const defaults = memberDirs(workspace['default-members']);
  return { dir, members: kept, defaultMembers: defaults };
}

function readPackage(context: BuildContext, dir: string, pkg: Table, toml: Table): CargoPackage {
  const name = pkg.name as string;
  const at = (p: string) => (dir === '' ? p : `${dir}/${p}`);
  const binaries: CargoBinary[] = [];
  const add = (binary: CargoBinary) => {
    if (!binaries.some((b) => b.name === binary.name)) binaries.push(binary);
  };
  for (const bin of Array.isArray(toml.bin) ? toml.bin : []) {
    const entry = table(bin);
    if (!entry || typeof entry.name !== 'string') continue;
    const source =
      typeof entry.path === 'string'
        ? at(path.normalize(entry.path))
        : at(entry.name === name ? 'src/main.rs' : `src/bin/${entry.name}.rs`);
    add({ name: entry.name, source });
  }
  if (pkg.autobins !== false) {
    if (context.has(at('src/main.rs')) && !binaries.some((b) => b.source === at('src/main.rs')))
      add({ name, source: at('src/main.rs') });
    for (const file of context.files.filter((f) => f.startsWith(at('src/bin/')))) {
      const rest = file.slice(at('src/bin/').length);
      const single = /^([^/]+)\.rs$/.exec(rest);
      const folder = /^([^/]+)\/main\.rs$/.exec(rest);
      const binName = single?.[1] ?? folder?.[1];
      if (binName && !binaries.some((b) => b.source === file)) add({ name: binName, source: file });
    }
  }
  const dependencies: string[] = [];
  const features: string[] = [];
  for (const key of ['dependencies', 'build-dependencies']) {
    for (const [dep, spec] of Object.entries(table(toml[key]) ?? {})) {
      const detail = table(spec);
      dependencies.push(typeof detail?.package === 'string' ? detail.package : dep);
      features.push(...strings(detail?.features).map((f) => `${dep}/${f}`));
    }
  }
  const defaultRun = typeof pkg['default-run'] === 'string' ? pkg['default-run'] : null;
  return { name, dir, binaries, defaultRun, dependencies, features };
}

/** The workspace a package directory belongs to (its own root manifest, or a parent's members). */
export function workspaceOf(project: CargoProject, dir: string): CargoWorkspace | null {
  return (
    project.workspaces.find((w) => w.dir === dir) ??
    project.workspaces.find((w) => w.members.includes(dir)) ??
    null
  );
}

function table(value: unknown): Table | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Table) : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
