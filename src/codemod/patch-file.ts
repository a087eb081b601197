/**
 * One `git apply`-able patch per repository, written as the files convert (only the summary
 * rows stay in memory). Each file's diff is written in that file's own encoding, so a Latin-1
 * Dockerfile's patch applies byte for byte.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { TextEncoding } from '../parse/read-dockerfile';

export class PatchFile {
  private handle: fs.FileHandle | null = null;

  constructor(readonly file: string) {}

  async append(diff: string, encoding: TextEncoding): Promise<void> {
    if (!diff) return;
    if (!this.handle) {
      // The output folder exists: the run creates it before any repository starts.
      this.handle = await fs.open(this.file, 'w');
    }
    await this.handle.write(Buffer.from(diff.endsWith('\n') ? diff : `${diff}\n`, encoding === 'latin1' ? 'latin1' : 'utf8'));
  }

  /** True when something was written. */
  get written(): boolean {
    return this.handle !== null;
  }

  async close(): Promise<void> {
    await this.handle?.close();
  }
}

/**
 * Stable, unique patch names for a set of repository roots: the path relative to the working
 * directory with `/` → `__` (or the folder name when outside it), `-2`, `-3`… on collisions.
 */
export function patchNames(roots: readonly string[], cwd = process.cwd()): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const root of roots) {
    const rel = path.relative(cwd, root);
    const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
    const base = (inside ? rel.split(path.sep).join('__') : path.basename(root) || 'repository').replace(/[^A-Za-z0-9._-]+/g, '_');
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    used.add(name.toLowerCase());
    names.set(root, `${name}.patch`);
  }
  return names;
}
