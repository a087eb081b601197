/** Reads a project's package.json from the build context: dependencies, scripts, packageManager. */
import { posix as path } from 'path';
import type { ParsedArgv } from '../../analyze/argv';
import type { BuildContext } from '../../context/build-context';
import type { NodeSettings } from './node-settings';

export interface PackageJson {
  /** Folder of the package.json in the build context ('' for the root). */
  dir: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
  /** The `packageManager` field (`pnpm@9.15.9`), used by corepack. */
  packageManager: string | null;
  workspaces: boolean;
}

export function readPackageJson(context: BuildContext, dir = ''): PackageJson | null {
  const text = context.read(path.join(dir, 'package.json'));
  if (text === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const json = raw as Record<string, unknown>;
  return {
    dir,
    dependencies: stringRecord(json.dependencies),
    devDependencies: stringRecord(json.devDependencies),
    scripts: stringRecord(json.scripts),
    packageManager: typeof json.packageManager === 'string' ? json.packageManager : null,
    workspaces: json.workspaces !== undefined,
  };
}

/** Every package the project declares, production and development. */
export function declaredPackages(pkg: PackageJson | null): Set<string> {
  return new Set(pkg ? [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)] : []);
}

/** A package only the build needs: in devDependencies and not in dependencies. */
export function isDevOnly(pkg: PackageJson | null, name: string): boolean {
  return pkg !== null && name in pkg.devDependencies && !(name in pkg.dependencies);
}

/** Packages node preloads (`-r tsconfig-paths/register` → tsconfig-paths, `--import @swc-node/register`); paths are not packages. */
export function preloadedPackages(parsed: ParsedArgv, settings: NodeSettings): string[] {
  return parsed.options
    .filter((o) => settings.preloadOptions.includes(o.name) && o.value && !/^[./]/.test(o.value))
    .map((o) => {
      const parts = (o.value as string).split('/');
      return (o.value as string).startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
    });
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const result: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) if (typeof v === 'string') result[key] = v;
  return result;
}
