/**
 * The build context as detection and planning see it: the files next to the Dockerfile
 * (bounded in depth and count, so a huge monorepo costs milliseconds), their text on demand,
 * and what .dockerignore excludes.
 */
import { closeSync, fstatSync, openSync, readSync } from 'fs';
import * as path from 'path';
import { globMatcher } from '../util/glob-matcher';
import ignore, { Ignore } from 'ignore';
import { gitIgnoreMatcher } from './git-ignore';
import type { Profile } from '../profiles/profile-types';
import { readDirectory, ReadDirectory } from './read-directory';

/**
 * Version control and editor state: no language looks in them. The profiles add their own
 * (`contextSkipDirs`), which apply to that profile only: .NET's `bin/` is Rust's `src/bin/`.
 */
const ALWAYS_SKIPPED = ['.git', '.idea'];
const MAX_DEPTH = 4;
const MAX_FILES = 5000;
const MAX_READ_BYTES = 1024 * 1024;
/** A glob without any character picomatch gives a meaning to (and no `./`): it names one file. */
const LITERAL = /^(?!\.\/)[^*?[\]{}()!+@\\]+$/;

export interface BuildContext {
  /** Absolute path of the context directory ('' for the empty context). */
  readonly dir: string;
  /** Relative POSIX paths of the files found (bounded). */
  readonly files: readonly string[];
  has(relativePath: string): boolean;
  /** Files matching a glob relative to the context root (`requirements*.txt` is top level only, `**\/go.mod` anywhere). */
  glob(pattern: string): string[];
  /** File text, or null when absent, unreadable or too large. */
  read(relativePath: string): string | null;
  /** True when .dockerignore keeps the path out of the build context. */
  isDockerIgnored(relativePath: string): boolean;
  /** True when git ignores the path: it is in this checkout but not in a fresh clone. */
  isGitIgnored(relativePath: string): boolean;
  /** Source file extensions the profiles add to the code search's own (`sourceExtensions`). */
  readonly sourceExtensions?: readonly string[];
  /**
   * The context as one language sees it: the folders detection skipped for any profile are listed
   * too, unless `skipDirs` (that language's own `contextSkipDirs`) names them.
   */
  forLanguage(skipDirs: readonly string[]): BuildContext;
}

/**
 * Lists the context, skipping the folders any of the given profiles names (dependencies, build
 * output) — detection reads that listing; `forLanguage` then adds back what the detected language
 * does not skip. `readDir` lets a codemod share the listing it already made.
 */
export function openBuildContext(
  dir: string,
  profiles: readonly Pick<Profile, 'contextSkipDirs' | 'sourceExtensions'>[] = [],
  readDir: ReadDirectory = readDirectory,
): BuildContext {
  const root = path.resolve(dir);
  const { skipped, sourceExtensions } = profileFolders(profiles);
  const listing = listFiles(root, '', skipped, readDir);
  return contextFromListing(root, listing, sourceExtensions, (skipDirs) => {
    const own = new Set([...ALWAYS_SKIPPED, ...skipDirs]);
    const added: Listing = {
      files: [...listing.files],
      completeDirs: new Set(listing.completeDirs),
      skipped: [],
    };
    // After the main listing, so a big dependency folder never crowds out the project's own files.
    for (const folder of listing.skipped.filter((f) => !own.has(path.posix.basename(f))))
      listFiles(root, folder, own, readDir, added);
    return added;
  });
}

type ProfileList = readonly Pick<Profile, 'contextSkipDirs' | 'sourceExtensions'>[];
const foldersOf = new WeakMap<ProfileList, { skipped: ReadonlySet<string>; sourceExtensions: string[] }>();

/** The folders the profiles skip and the extensions they add, gathered once per profile list (not per Dockerfile). */
function profileFolders(profiles: ProfileList) {
  let folders = foldersOf.get(profiles);
  if (!folders) {
    folders = {
      skipped: new Set([...ALWAYS_SKIPPED, ...profiles.flatMap((p) => p.contextSkipDirs ?? [])]),
      sourceExtensions: [...new Set(profiles.flatMap((p) => p.sourceExtensions ?? []))],
    };
    foldersOf.set(profiles, folders);
  }
  return { skipped: folders.skipped, sourceExtensions: [...folders.sourceExtensions] };
}

function contextFromListing(
  root: string,
  { files, completeDirs }: Listing,
  sourceExtensions: string[],
  relist: (skipDirs: readonly string[]) => Listing,
  // File text does not depend on the listing: the language's view reuses what detection read.
  cache = new Map<string, string | null>(),
): BuildContext {
  const fileSet = new Set(files);
  // Most look-ups are for manifests that are not there: answer those from the listing, not with a failing syscall.
  const knownMissing = (key: string) =>
    !fileSet.has(key) && completeDirs.has(path.posix.dirname(key) === '.' ? '' : path.posix.dirname(key));
  const globs = new Map<string, string[]>();
  // Null when there is no .dockerignore (or it has no rules): nothing is ignored, no matcher to ask.
  let dockerignore: Ignore | null | undefined;
  let isGitIgnored: ((relativePath: string) => boolean) | undefined;

  const read = (relativePath: string): string | null => {
    const key = normalise(relativePath);
    if (cache.has(key)) return cache.get(key) ?? null;
    if (knownMissing(key)) return null;
    const text = readSmallFile(path.join(root, key));
    cache.set(key, text);
    return text;
  };

  const context: BuildContext = {
    dir: root,
    files,
    sourceExtensions,
    has: (relativePath) => {
      const key = normalise(relativePath);
      return fileSet.has(key) || (!knownMissing(key) && read(key) !== null);
    },
    glob: (pattern) => {
      // Detection and the strategies ask for the same patterns, most of them plain file names.
      let matches = globs.get(pattern);
      if (!matches) {
        if (LITERAL.test(pattern)) matches = fileSet.has(pattern) ? [pattern] : [];
        else {
          const matcher = globMatcher(pattern, { dot: true });
          matches = files.filter((f) => matcher(f));
        }
        globs.set(pattern, matches);
      }
      return [...matches];
    },
    read,
    isDockerIgnored: (relativePath) => {
      if (dockerignore === undefined) {
        const text = read('.dockerignore');
        dockerignore = text ? ignore().add(text.split(/\r?\n/).map((l) => l.replace(/^\//, ''))) : null;
      }
      if (dockerignore === null) return false;
      const rel = normalise(relativePath);
      return rel !== '' && rel !== '.' && dockerignore.ignores(rel);
    },
    isGitIgnored: (relativePath) => (isGitIgnored ??= gitIgnoreMatcher(root, read))(normalise(relativePath)),
    forLanguage: (skipDirs) => {
      const listing = relist(skipDirs);
      return listing.files.length === files.length
        ? context
        : contextFromListing(root, listing, sourceExtensions, relist, cache);
    },
  };
  return context;
}

/**
 * A file's text, or null when it is absent, unreadable or larger than MAX_READ_BYTES: one open,
 * one fstat and one read (a stat by path first, then readFileSync, cost two more system calls).
 */
function readSmallFile(file: string): string | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_READ_BYTES) return null;
    const buffer = Buffer.allocUnsafe(stat.size);
    let length = 0;
    // A file may be shorter than its size said by the time it is read (or grow: the rest is left out).
    for (let n = -1; n !== 0 && length < buffer.length; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, null);
    return buffer.toString('utf8', 0, length);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

function normalise(relativePath: string): string {
  return path.posix.normalize(relativePath.replace(/\\/g, '/')).replace(/^\.\/|^\/+/, '');
}

interface Listing {
  files: string[];
  /** Folders whose every entry was seen: a path in one of them that is not listed does not exist. */
  completeDirs: Set<string>;
  /** Folders left out because a profile skips them (relative paths), within the depth bound. */
  skipped: string[];
}

/** Walks `start` (relative, '' for the root) into `into`, within the depth and file bounds. */
function listFiles(
  root: string,
  start: string,
  skipped: ReadonlySet<string>,
  readDir: ReadDirectory,
  into: Listing = { files: [], completeDirs: new Set(), skipped: [] },
): Listing {
  const walk = (prefix: string, depth: number) => {
    let entries;
    try {
      entries = [...readDir(path.join(root, prefix))];
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      if (into.files.length >= MAX_FILES) return;
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (depth >= MAX_DEPTH) continue;
        if (skipped.has(entry.name)) into.skipped.push(rel);
        else walk(rel, depth + 1);
      } else if (entry.isFile()) {
        into.files.push(rel);
      }
    }
    into.completeDirs.add(prefix);
  };
  walk(start, start === '' ? 1 : start.split('/').length + 1);
  return into;
}

/**
 * No build context: a Dockerfile given as a string or on standard input without a folder.
 * Detection and planning then read the Dockerfile alone (base image, RUN and CMD lines).
 */
export function emptyBuildContext(): BuildContext {
  return {
    dir: '',
    files: [],
    has: () => false,
    glob: () => [],
    read: () => null,
    isDockerIgnored: () => false,
    isGitIgnored: () => false,
    forLanguage() {
      return this;
    },
  };
}
