/** The emitters: diffs that `git apply` takes, and writes that keep the file's bytes and mode. */
import { execFileSync } from 'child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { unifiedDiff, writeFileSafely } from '../../src';

function gitRepo(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'msb-emit-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  execFileSync('git', ['init', '-q'], { cwd: dir });
  return dir;
}

describe('unifiedDiff', () => {
  it.each([
    [
      'LF',
      'FROM python:3.11\nRUN pip install x\n',
      'FROM python:3.11 AS builder\nRUN pip install x\n\nFROM python:3.11-slim AS runtime\n',
    ],
    [
      'CRLF',
      'FROM python:3.11\r\nRUN pip install x\r\n',
      'FROM python:3.11 AS builder\r\nRUN pip install x\r\n\r\nFROM python:3.11-slim AS runtime\r\n',
    ],
    [
      'no final newline',
      'FROM python:3.11\nRUN pip install x',
      'FROM python:3.11 AS builder\nRUN pip install x\n\nFROM python:3.11-slim AS runtime',
    ],
  ])('%s: git apply reproduces the new file', (_name, before, after) => {
    const dir = gitRepo({ Dockerfile: before });
    const patch = path.join(dir, 'msb.patch');
    writeFileSync(patch, unifiedDiff('Dockerfile', before, after));
    execFileSync('git', ['apply', patch], { cwd: dir });
    expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toBe(after);
  });

  it('is empty when nothing changes', () => {
    expect(unifiedDiff('Dockerfile', 'FROM x\n', 'FROM x\n')).toBe('');
  });
});

describe('writeFileSafely', () => {
  it('keeps the mode, writes Latin-1 back as Latin-1 and leaves no temp file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'msb-emit-'));
    const file = path.join(dir, 'Dockerfile');
    writeFileSync(file, Buffer.from('# caf\xe9\nFROM x\n', 'latin1'));
    chmodSync(file, 0o600);
    await writeFileSafely(file, '# caf\xe9\nFROM x AS builder\n', 'latin1');
    expect(readFileSync(file)).toEqual(Buffer.from('# caf\xe9\nFROM x AS builder\n', 'latin1'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['Dockerfile']);
  });

  it('reports a folder it cannot write to as a write error naming the file', async () => {
    await expect(writeFileSafely('/nonexistent-dir/Dockerfile', 'x')).rejects.toThrow(/cannot write/);
  });
});
