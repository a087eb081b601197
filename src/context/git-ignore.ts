/**
 * Which build-context files git ignores: such a file exists in a developer's checkout but not
 * in a fresh clone (CI), so an image that needs it builds or starts differently there. Reads
 * the `.gitignore` files of the context and of its parent folders up to the repository root
 * (the first folder holding `.git`); a context outside any repository uses its own only.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import ignore, { Ignore } from 'ignore';

const MAX_PARENTS = 8;

interface IgnoreFile {
  /** The context root as seen from the .gitignore's folder (`services/api`). */
  base: string;
  rules: Ignore;
}

/** Returns `isIgnored(contextRelativePath)`; .gitignore files are read on first use. */
export function gitIgnoreMatcher(
  root: string,
  read: (relativePath: string) => string | null,
): (relativePath: string) => boolean {
  const nested = new Map<string, Ignore | null>();
  let parents: IgnoreFile[] | undefined;

  const rulesIn = (dir: string): Ignore | null => {
    if (!nested.has(dir)) {
      const text = read(dir === '' ? '.gitignore' : `${dir}/.gitignore`);
      nested.set(dir, text ? ignore().add(text) : null);
    }
    return nested.get(dir) ?? null;
  };

  return (relativePath) => {
    const rel = relativePath.replace(/^\.\/|\/+$/g, '');
    if (rel === '' || rel === '.' || rel.startsWith('../')) return false;
    parents ??= parentIgnoreFiles(root);
    for (const parent of parents) if (parent.rules.ignores(path.posix.join(parent.base, rel))) return true;
    const segments = rel.split('/');
    for (let depth = 0; depth < segments.length; depth++) {
      const dir = segments.slice(0, depth).join('/');
      if (rulesIn(dir)?.ignores(segments.slice(depth).join('/'))) return true;
    }
    return false;
  };
}

/** The .gitignore files above the context, when the context is inside a git repository. */
function parentIgnoreFiles(root: string): IgnoreFile[] {
  if (existsSync(path.join(root, '.git'))) return [];
  const found: IgnoreFile[] = [];
  let dir = root;
  for (let i = 0; i < MAX_PARENTS; i++) {
    const parent = path.dirname(dir);
    if (parent === dir) return [];
    dir = parent;
    const text = readText(path.join(dir, '.gitignore'));
    if (text)
      found.push({ base: path.relative(dir, root).split(path.sep).join('/'), rules: ignore().add(text) });
    if (existsSync(path.join(dir, '.git'))) return found;
  }
  return [];
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
