/**
 * Globs over the build context: plain file names are answered from the listing, patterns by
 * picomatch, both memoised per context, and a shared directory reader lists each folder once.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { openBuildContext } from '../../../src/context/build-context';
import { memoisedReadDirectory, readDirectory } from '../../../src/context/read-directory';

const dir = mkdtempSync(path.join(tmpdir(), 'msb-glob-'));
for (const file of ['go.mod', 'cmd/api/main.go', 'svc/go.mod', '.env', 'a(b).txt', 'requirements-dev.txt']) {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), 'x');
}

describe('build-context glob', () => {
  const context = openBuildContext(dir);
  it.each([
    ['a plain top-level name', 'go.mod', ['go.mod']],
    ['a plain path in a folder', 'svc/go.mod', ['svc/go.mod']],
    ['a plain name that is absent', 'package.json', []],
    ['a dot file by name', '.env', ['.env']],
    ['a star stays in its folder', '*/go.mod', ['svc/go.mod']],
    ['globstar with a brace set', '{cmd,internal}/**/*.go', ['cmd/api/main.go']],
    ['parentheses go to picomatch, which matches them here', 'a(b).txt', ['a(b).txt']],
    ['a star in a file name', 'requirements*.txt', ['requirements-dev.txt']],
  ])('%s: %s', (_name, pattern, expected) => {
    expect(context.glob(pattern)).toEqual(expected);
    // The memoised answer is the caller's own copy.
    context.glob(pattern).push('changed');
    expect(context.glob(pattern)).toEqual(expected);
  });
});

describe('memoised directory reader', () => {
  it('lists each folder once and gives the same listing as a fresh read', () => {
    const calls: string[] = [];
    const memo = memoisedReadDirectory();
    const counting = (d: string) => {
      calls.push(d);
      return memo(d);
    };
    const shared = openBuildContext(dir, [], counting);
    const again = openBuildContext(dir, [], counting);
    expect(again.files).toEqual(shared.files);
    expect(shared.files).toEqual(openBuildContext(dir, [], readDirectory).files);
    expect(memo(dir)).toBe(memo(dir));
  });

  it('throws the same error again for a folder it cannot list', () => {
    const memo = memoisedReadDirectory();
    const missing = path.join(dir, 'missing');
    expect(() => memo(missing)).toThrow(/ENOENT/);
    expect(() => memo(missing)).toThrow(/ENOENT/);
  });
});
