/**
 * One `git apply`-able patch per repository. Each file's diff is kept in that file's own
 * encoding, so a Latin-1 Dockerfile's patch applies byte for byte; the patch is written once,
 * when the repository is done (only the summary rows outlive it), asynchronously: creating a
 * file costs more than converting one, and the next repository's conversion overlaps it.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { TextEncoding } from '../parse/read-dockerfile';

export class PatchFile {
  private readonly chunks: Buffer[] = [];

  constructor(readonly file: string) {}

  append(diff: string, encoding: TextEncoding): void {
    if (!diff) return;
    this.chunks.push(
      Buffer.from(diff.endsWith('\n') ? diff : `${diff}\n`, encoding === 'latin1' ? 'latin1' : 'utf8'),
    );
  }

  /** True when there is something to write. */
  get written(): boolean {
    return this.chunks.length > 0;
  }

  /**
   * Writes the patch (the output folder exists: the run creates it before any repository
   * starts). A patch left by an earlier run (`replaces`) goes first, even when there is nothing
   * new to write: a stale patch would re-apply a change the repository no longer needs.
   * (Removing it also spares ext4 the flush it forces when a file is truncated and rewritten.)
   */
  async close(replaces: boolean): Promise<void> {
    if (replaces) await fs.rm(this.file, { force: true });
    if (this.written) await fs.writeFile(this.file, Buffer.concat(this.chunks));
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
    const base = (inside ? rel.split(path.sep).join('__') : path.basename(root) || 'repository').replace(
      /[^A-Za-z0-9._-]+/g,
      '_',
    );
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    used.add(name.toLowerCase());
    names.set(root, `${name}.patch`);
  }
  return names;
}
