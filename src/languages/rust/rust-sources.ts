/**
 * What the Rust sources say about files at run time: what the compiler embeds into the binary
 * (`include_str!`/`include_bytes!` next to the source file, `include_dir!`, rust-embed's
 * `#[folder]`, `sqlx::migrate!()` / `embed_migrations!()` relative to the crate root), and
 * whether the code can load a `.env` file at all (a loader crate).
 */
import { posix as path } from 'path';
import type { BuildContext } from '../../context/build-context';
import { envFileUse } from '../../plan/env-file-loads';
import type { FileUse } from '../../plan/settle-runtime-files';
import { isWithin } from '../../plan/runtime-stage';
import type { CargoPackage } from './cargo-manifest';
import type { RustSettings } from './rust-settings';

export interface RustSources {
  /** Context paths (files or directories) compiled into the binary. */
  embedded: string[];
}

const INCLUDE = /\binclude_(?:str|bytes)!\s*\(\s*"([^"]+)"\s*\)/g;
const MANIFEST_RELATIVE = [
  /\binclude_dir!\s*\(\s*"(?:\$CARGO_MANIFEST_DIR\/)?([^"]+)"\s*\)/g,
  /#\[folder\s*=\s*"([^"]+)"\s*\]/g,
  /\b(?:sqlx::)?migrate!\s*\(\s*"([^"]+)"\s*\)/g,
  /\bembed_migrations!\s*\(\s*"([^"]+)"\s*\)/g,
];
const DEFAULT_MIGRATIONS = /\b(?:sqlx::)?migrate!\s*\(\s*\)|\bembed_migrations!\s*\(\s*\)/;

export function scanRustSources(context: BuildContext, packages: readonly CargoPackage[]): RustSources {
  const sources: RustSources = { embedded: [] };
  for (const file of context.files.filter((f) => f.endsWith('.rs') && !/(^|\/)target\//.test(f))) {
    const text = context.read(file) ?? '';
    const dir = path.dirname(file);
    const crate = packageDir(file, packages);
    const add = (base: string, relative: string) => {
      const joined = path.normalize(path.join(base, relative)).replace(/\/$/, '');
      if (!joined.startsWith('..')) sources.embedded.push(joined === '.' ? '' : joined);
    };
    for (const match of text.matchAll(INCLUDE)) add(dir, match[1]);
    for (const pattern of MANIFEST_RELATIVE) for (const match of text.matchAll(pattern)) add(crate, match[1]);
    if (DEFAULT_MIGRATIONS.test(text)) add(crate, 'migrations');
  }
  return sources;
}

/** The longest package directory holding the file ('' for the context root). */
function packageDir(file: string, packages: readonly CargoPackage[]): string {
  const dirs = packages.map((p) => p.dir).filter((d) => d === '' || file.startsWith(`${d}/`));
  return dirs.sort((a, b) => b.length - a.length)[0] ?? '';
}

export function isEmbedded(sources: RustSources): (file: string) => boolean {
  return (file) => sources.embedded.some((e) => e !== '' && (file === e || isWithin(`/${file}`, `/${e}`)));
}

/**
 * How the program reads a secret-looking file such as `.env` (src/plan/settle-runtime-files.ts): not
 * at all without a crate that loads such files, else as the profile's `envFileLoads` read the calls.
 */
export function rustEnvFileUse(
  context: BuildContext,
  contextPath: string,
  crates: ReadonlySet<string>,
  settings: Pick<RustSettings, 'envFileCrates' | 'envFileLoads'>,
): FileUse {
  const loaders = settings.envFileCrates;
  if (!loaders.some((l) => crates.has(l)))
    return {
      required: false,
      unused: true,
      why: `no crate that loads such files (${loaders.join(', ')}) is a dependency (compose or the platform reads it)`,
    };
  return envFileUse(context, contextPath, settings.envFileLoads);
}
