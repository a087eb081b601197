/**
 * Reading build-context files: text as it is on disk (a BOM included), null for what is absent,
 * not a regular file or larger than the bound; .dockerignore rules, none when the file is absent.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { openBuildContext } from '../../../src/context/build-context';

const make = (files: Record<string, string>) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'msb-read-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return openBuildContext(dir);
};

describe('build-context read', () => {
  const context = make({
    'package.json': '{"name":"é"}\n',
    'bom.txt': '\uFEFFwith a BOM',
    'empty.txt': '',
    'big.json': 'x'.repeat(1024 * 1024 + 1),
    'limit.json': 'y'.repeat(1024 * 1024),
    'src/app.js': 'x',
  });
  it.each<[string, string, string | null]>([
    ['a UTF-8 file', 'package.json', '{"name":"é"}\n'],
    ['a BOM is kept', 'bom.txt', '\uFEFFwith a BOM'],
    ['an empty file', 'empty.txt', ''],
    ['a file of exactly the bound', 'limit.json', 'y'.repeat(1024 * 1024)],
    ['a file over the bound', 'big.json', null],
    ['a folder', 'src', null],
    ['a missing file', 'go.mod', null],
    ['a path with ./', './package.json', '{"name":"é"}\n'],
  ])('%s: %s', (_name, file, expected) => {
    expect(context.read(file)).toBe(expected);
    expect(context.read(file)).toBe(expected); // the second answer comes from the cache
  });
});

describe('build-context .dockerignore', () => {
  it.each<[string, Record<string, string>, string, boolean]>([
    ['no .dockerignore ignores nothing', { 'dist/a.js': 'x' }, 'dist/a.js', false],
    ['an empty .dockerignore ignores nothing', { '.dockerignore': '', 'dist/a.js': 'x' }, 'dist/a.js', false],
    ['a rule ignores its folder', { '.dockerignore': 'dist\n', 'dist/a.js': 'x' }, 'dist/a.js', true],
    ['a leading slash is the root', { '.dockerignore': '/dist\n', 'dist/a.js': 'x' }, 'dist/a.js', true],
    ['the context root itself is never ignored', { '.dockerignore': '*\n' }, '.', false],
  ])('%s', (_name, files, file, expected) => {
    expect(make(files).isDockerIgnored(file)).toBe(expected);
  });
});
