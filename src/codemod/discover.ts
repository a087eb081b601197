/**
 * Codemod step 1: find the repositories behind the paths and globs the user named, then the
 * Dockerfiles inside each one. Respects nested .gitignore files, skips dependency and VCS folders
 * and nested repositories (submodules are their own repository), and never follows a symlink:
 * a symlinked Dockerfile is only taken when its target stays inside the repository.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import fg from 'fast-glob';
import ignore, { Ignore } from 'ignore';
import { MsbError } from '../errors';

/** Folders that never hold a Dockerfile of the repository itself. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['.git', 'node_modules', 'vendor', '.msb-out']);
/** `Dockerfile.dockerignore` / `x.Dockerfile.dockerignore` are BuildKit ignore files; the rest are not Dockerfiles either. */
const NOT_DOCKERFILE_SUFFIX = /\.(dockerignore|md|txt|orig|rej|bak|swp|tmp|patch|diff|expected)$|~$/i;
/** A directory scan stops here: a repository with more Dockerfiles than this is not a normal repository. */
const MAX_DOCKERFILES = 1000;
/** How deep below a non-repository folder to look for the repositories it holds (an organisation checkout). */
const REPOSITORY_SEARCH_DEPTH = 3;

export interface RepositoryTarget {
  /** Absolute path of the repository root (git top level, or the folder given when it is not in a repository). */
  root: string;
  /** True when the root holds `.git`. */
  isGit: boolean;
  /** Absolute folders to scan inside the root (the root itself, or the sub-folders named). */
  scopes: string[];
}

/** `Dockerfile`, `Dockerfile.*`, `*.Dockerfile` (any case), without ignore files, docs and backups. */
export function isDockerfileName(name: string): boolean {
  const lower = name.toLowerCase();
  if (NOT_DOCKERFILE_SUFFIX.test(lower)) return false;
  return lower === 'dockerfile' || (lower.startsWith('dockerfile.') && lower.length > 11) || (lower.endsWith('.dockerfile') && lower.length > 11);
}

/**
 * Turns the command-line paths and globs into repositories. A path inside a git repository
 * belongs to that repository (its patch paths are relative to the repository root); a folder
 * that is not inside one but holds repositories stands for each of them; any other folder is
 * a repository of its own.
 */
export async function resolveRepositories(patterns: readonly string[], cwd = process.cwd()): Promise<{ repositories: RepositoryTarget[]; missing: string[] }> {
  const byRoot = new Map<string, RepositoryTarget>();
  const missing: string[] = [];
  const add = (root: string, isGit: boolean, scope: string) => {
    const entry = byRoot.get(root) ?? { root, isGit, scopes: [] };
    if (!entry.scopes.some((s) => isInside(scope, s))) entry.scopes = entry.scopes.filter((s) => !isInside(s, scope)).concat(scope);
    byRoot.set(root, entry);
  };
  for (const pattern of patterns) {
    const dirs = await expandPattern(pattern, cwd);
    if (dirs.length === 0) missing.push(pattern);
    for (const dir of dirs) {
      const gitRoot = await findGitRoot(dir);
      if (gitRoot) {
        add(gitRoot, true, dir);
        continue;
      }
      const nested = await findNestedRepositories(dir, REPOSITORY_SEARCH_DEPTH);
      if (nested.length > 0) for (const repo of nested) add(repo, true, repo);
      else add(dir, false, dir);
    }
  }
  const repositories = [...byRoot.values()].sort((a, b) => (a.root < b.root ? -1 : a.root > b.root ? 1 : 0));
  return { repositories, missing };
}

/** An existing path stays as it is (a Dockerfile names its folder); anything else is a glob of folders. */
async function expandPattern(pattern: string, cwd: string): Promise<string[]> {
  const absolute = path.resolve(cwd, pattern);
  const stat = await fs.stat(absolute).catch(() => null);
  if (stat?.isDirectory()) return [absolute];
  if (stat?.isFile()) return [path.dirname(absolute)];
  if (!fg.isDynamicPattern(pattern)) return [];
  const matches = await fg(pattern.replace(/\\/g, '/'), { cwd, onlyDirectories: true, absolute: true, followSymbolicLinks: false, dot: false, ignore: ['**/node_modules/**', '**/.git/**'] });
  return matches.map((m) => path.resolve(m)).sort();
}

async function findGitRoot(dir: string): Promise<string | null> {
  for (let current = dir; ; current = path.dirname(current)) {
    if (await exists(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return null;
  }
}

async function findNestedRepositories(dir: string, depth: number): Promise<string[]> {
  const found: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory() || SKIPPED_DIRECTORIES.has(entry.name)) continue;
    const child = path.join(dir, entry.name);
    if (await exists(path.join(child, '.git'))) found.push(child);
    else if (depth > 1) found.push(...(await findNestedRepositories(child, depth - 1)));
  }
  return found.sort();
}

/**
 * The Dockerfiles of one repository, as paths relative to its root (POSIX separators, sorted).
 * Throws MsbError when a scope cannot be read at all.
 */
export async function findDockerfiles(repository: RepositoryTarget): Promise<string[]> {
  const realRoot = await fs.realpath(repository.root).catch(() => {
    throw new MsbError('unreadable-file', 'cannot read the repository folder', { file: repository.root });
  });
  const found = new Set<string>();
  for (const scope of repository.scopes) {
    const rulesAbove = await gitignoresAbove(repository.root, scope);
    await walk(repository.root, realRoot, scope, rulesAbove, found, true);
  }
  return [...found].sort();
}

interface IgnoreRules {
  /** Folder (relative to the repository root, POSIX, '' for the root) the .gitignore lives in. */
  base: string;
  rules: Ignore;
}

async function walk(root: string, realRoot: string, dir: string, rules: IgnoreRules[], found: Set<string>, isScope: boolean): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isScope) throw new MsbError('unreadable-file', `cannot read folder: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { file: dir });
    return; // an unreadable sub-folder only hides what is in it
  }
  const relDir = toPosix(path.relative(root, dir));
  if (dir !== root && entries.some((e) => e.name === '.git')) return; // a nested repository (submodule, vendored checkout)
  const own = entries.some((e) => e.name === '.gitignore' && e.isFile()) ? await readIgnore(path.join(dir, '.gitignore'), relDir) : null;
  const active = own ? [...rules, own] : rules;
  for (const entry of entries) {
    const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (SKIPPED_DIRECTORIES.has(entry.name) || isIgnored(active, rel, true)) continue;
      await walk(root, realRoot, path.join(dir, entry.name), active, found, false);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isDockerfileName(entry.name) && !isIgnored(active, rel, false)) {
      if (found.size >= MAX_DOCKERFILES) throw new MsbError('too-large', `more than ${MAX_DOCKERFILES} Dockerfiles; name sub-folders instead`, { file: root });
      if (entry.isSymbolicLink() && !(await symlinkStaysInside(path.join(dir, entry.name), realRoot))) continue;
      found.add(rel);
    }
  }
}

/** A symlink is taken only when it resolves to a regular file inside the repository. */
async function symlinkStaysInside(file: string, realRoot: string): Promise<boolean> {
  try {
    const target = await fs.realpath(file);
    return isInside(target, realRoot) && (await fs.stat(target)).isFile();
  } catch {
    return false; // dangling
  }
}

async function gitignoresAbove(root: string, scope: string): Promise<IgnoreRules[]> {
  const rules: IgnoreRules[] = [];
  const rel = toPosix(path.relative(root, scope));
  const parts = rel ? rel.split('/') : [];
  for (let i = 0; i < parts.length; i++) {
    const base = parts.slice(0, i).join('/');
    const loaded = await readIgnore(path.join(root, base, '.gitignore'), base);
    if (loaded) rules.push(loaded);
  }
  return rules;
}

async function readIgnore(file: string, base: string): Promise<IgnoreRules | null> {
  const text = await fs.readFile(file, 'utf8').catch(() => null);
  return text === null ? null : { base, rules: ignore().add(text) };
}

function isIgnored(rules: IgnoreRules[], rel: string, isDir: boolean): boolean {
  for (const { base, rules: ig } of rules) {
    const local = base ? rel.slice(base.length + 1) : rel;
    if (ig.ignores(isDir ? `${local}/` : local)) return true;
  }
  return false;
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

async function exists(p: string): Promise<boolean> {
  return fs.lstat(p).then(
    () => true,
    () => false,
  );
}
