/**
 * Codemod step 1: find the repositories behind the paths and globs the user named, then the
 * Dockerfiles inside each one. Respects nested .gitignore files, skips dependency and VCS folders
 * and nested repositories (submodules are their own repository), and never follows a symlink:
 * a symlinked Dockerfile is only taken when its target stays inside the repository.
 * The scan of one repository is synchronous: a few small directories read from the page cache
 * cost less than the round trips of asynchronous calls (`npm run bench`).
 */
import * as fs from 'fs';
import * as path from 'path';
import fg from 'fast-glob';
import ignore, { Ignore } from 'ignore';
import { MsbError } from '../errors';
import { readDirectory, ReadDirectory } from '../context/read-directory';

/** Folders that never hold a Dockerfile of the repository itself. */
const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['.git', 'node_modules', 'vendor', '.msb-out']);
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
  return (
    lower === 'dockerfile' ||
    (lower.startsWith('dockerfile.') && lower.length > 11) ||
    (lower.endsWith('.dockerfile') && lower.length > 11)
  );
}

/**
 * Turns the command-line paths and globs into repositories. A path inside a git repository
 * belongs to that repository (its patch paths are relative to the repository root); a folder
 * that is not inside one but holds repositories stands for each of them; any other folder is
 * a repository of its own.
 */
export async function resolveRepositories(
  patterns: readonly string[],
  cwd = process.cwd(),
): Promise<{ repositories: RepositoryTarget[]; missing: string[] }> {
  const byRoot = new Map<string, RepositoryTarget>();
  const missing: string[] = [];
  const add = (root: string, isGit: boolean, scope: string) => {
    const entry = byRoot.get(root) ?? { root, isGit, scopes: [] };
    if (!entry.scopes.some((s) => isInside(scope, s)))
      entry.scopes = entry.scopes.filter((s) => !isInside(s, scope)).concat(scope);
    byRoot.set(root, entry);
  };
  // A glob's folders share their parents: each parent is checked for `.git` once.
  const holdsGit = memoised((dir: string) => exists(path.join(dir, '.git')));
  for (const pattern of patterns) {
    const dirs = await expandPattern(pattern, cwd);
    if (dirs.length === 0) missing.push(pattern);
    for (const dir of dirs) {
      const gitRoot = findGitRoot(dir, holdsGit);
      if (gitRoot) {
        add(gitRoot, true, dir);
        continue;
      }
      const nested = findNestedRepositories(dir, REPOSITORY_SEARCH_DEPTH);
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
  const stat = statOrNull(absolute);
  if (stat?.isDirectory()) return [absolute];
  if (stat?.isFile()) return [path.dirname(absolute)];
  if (!fg.isDynamicPattern(pattern)) return [];
  const matches = await fg(pattern.replace(/\\/g, '/'), {
    cwd,
    onlyDirectories: true,
    absolute: true,
    followSymbolicLinks: false,
    dot: false,
    ignore: ['**/node_modules/**', '**/.git/**'],
  });
  return matches.map((m) => path.resolve(m)).sort();
}

function findGitRoot(dir: string, holdsGit: (dir: string) => boolean): string | null {
  for (let current = dir; ; current = path.dirname(current)) {
    if (holdsGit(current)) return current;
    if (path.dirname(current) === current) return null;
  }
}

function findNestedRepositories(dir: string, depth: number): string[] {
  return nestedRepositories(dir, listOrEmpty(dir), depth).sort();
}

/** A sub-folder that is read anyway (depth left) says from its listing whether it holds `.git`. */
function nestedRepositories(dir: string, entries: readonly fs.Dirent[], depth: number): string[] {
  const found: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || SKIPPED_DIRECTORIES.has(entry.name)) continue;
    const child = path.join(dir, entry.name);
    if (depth === 1) {
      if (exists(path.join(child, '.git'))) found.push(child);
      continue;
    }
    const childEntries = listOrEmpty(child);
    if (childEntries.some((e) => e.name === '.git')) found.push(child);
    else found.push(...nestedRepositories(child, childEntries, depth - 1));
  }
  return found;
}

function listOrEmpty(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return []; // an unreadable folder holds no repository we can convert
  }
}

function memoised<T>(compute: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (!known.has(key)) known.set(key, compute(key));
    return known.get(key) as T;
  };
}

/**
 * The Dockerfiles of one repository, as paths relative to its root (POSIX separators, sorted).
 * Throws MsbError when a scope cannot be read at all.
 */
export function findDockerfiles(
  repository: RepositoryTarget,
  readDir: ReadDirectory = readDirectory,
): string[] {
  // Resolved only when a symlinked Dockerfile or an unreadable scope needs it: most repositories have neither.
  let resolved: string | undefined;
  const realRoot = (): string => {
    try {
      return (resolved ??= fs.realpathSync(repository.root));
    } catch {
      throw new MsbError('unreadable-file', 'cannot read the repository folder', { file: repository.root });
    }
  };
  const found = new Set<string>();
  for (const scope of repository.scopes) {
    const rulesAbove = gitignoresAbove(repository.root, scope);
    walk(repository.root, realRoot, scope, rulesAbove, found, true, readDir);
  }
  return [...found].sort();
}

interface IgnoreRules {
  /** Folder (relative to the repository root, POSIX, '' for the root) the .gitignore lives in. */
  base: string;
  rules: Ignore;
}

function walk(
  root: string,
  realRoot: () => string,
  dir: string,
  rules: IgnoreRules[],
  found: Set<string>,
  isScope: boolean,
  readDir: ReadDirectory,
): void {
  let entries;
  try {
    entries = readDir(dir);
  } catch (error) {
    if (isScope) {
      realRoot(); // a repository folder that cannot be resolved says so first
      throw new MsbError(
        'unreadable-file',
        `cannot read folder: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        { file: dir },
      );
    }
    return; // an unreadable sub-folder only hides what is in it
  }
  const relDir = toPosix(path.relative(root, dir));
  if (dir !== root && entries.some((e) => e.name === '.git')) return; // a nested repository (submodule, vendored checkout)
  const own = entries.some((e) => e.name === '.gitignore' && e.isFile())
    ? readIgnore(path.join(dir, '.gitignore'), relDir)
    : null;
  const active = own ? [...rules, own] : rules;
  for (const entry of entries) {
    const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (SKIPPED_DIRECTORIES.has(entry.name) || isIgnored(active, rel, true)) continue;
      walk(root, realRoot, path.join(dir, entry.name), active, found, false, readDir);
    } else if (
      (entry.isFile() || entry.isSymbolicLink()) &&
      isDockerfileName(entry.name) &&
      !isIgnored(active, rel, false)
    ) {
      if (found.size >= MAX_DOCKERFILES)
        throw new MsbError(
          'too-large',
          `more than ${MAX_DOCKERFILES} Dockerfiles; name sub-folders instead`,
          { file: root },
        );
      if (entry.isSymbolicLink() && !symlinkStaysInside(path.join(dir, entry.name), realRoot())) continue;
      found.add(rel);
    }
  }
}

/** A symlink is taken only when it resolves to a regular file inside the repository. */
function symlinkStaysInside(file: string, realRoot: string): boolean {
  try {
    const target = fs.realpathSync(file);
    return isInside(target, realRoot) && fs.statSync(target).isFile();
  } catch {
    return false; // dangling
  }
}

function gitignoresAbove(root: string, scope: string): IgnoreRules[] {
  const rules: IgnoreRules[] = [];
  const rel = toPosix(path.relative(root, scope));
  const parts = rel ? rel.split('/') : [];
  for (let i = 0; i < parts.length; i++) {
    const base = parts.slice(0, i).join('/');
    const loaded = readIgnore(path.join(root, base, '.gitignore'), base);
    if (loaded) rules.push(loaded);
  }
  return rules;
}

function readIgnore(file: string, base: string): IgnoreRules | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  return { base, rules: ignore().add(text) };
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

function exists(p: string): boolean {
  try {
    return fs.lstatSync(p, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false; // unreadable parent
  }
}

function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
}
