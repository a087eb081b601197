/**
 * One status vocabulary and one verb (src/status.ts), pinned two ways: what each command prints in
 * each mode says converted / unchanged / skipped / error and "would convert" / "converts" /
 * "converted"; and no string in the command-line layers uses the words they replaced.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { REPO_ROOT, runMsb } from './helpers/built-msb';
import { pythonRepo, tempDir, writeTree } from './unit/codemod-helpers';

const EXAMPLE = path.join(REPO_ROOT, 'examples', 'python-c-extension');
/** Words the vocabulary replaced: "changed" (now "converted"), "would change", "failed" as a status. */
const OLD_WORDS = /\b(changed|would change|failed)\b/i;

function exampleCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'msb-vocab-'));
  cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

function msb(args: string[], cwd: string) {
  const r = runMsb(args, { cwd, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: `${r.stdout}${r.stderr}`, stdout: r.stdout, stderr: r.stderr };
}

describe('convert: the verb says what the run does with the file', () => {
  it.each([
    ['printed', [], 0, /^msb: converts Dockerfile \(python\): python:3\.11 → python:3\.11-slim$/m],
    ['--dry-run', ['--dry-run'], 0, /^msb: would convert Dockerfile \(python\)/m],
    ['--check', ['--check'], 1, /^msb: would convert Dockerfile \(python\)/m],
    ['--write', ['--write'], 0, /^msb: converted Dockerfile \(python\)/m],
    ['--out', ['--out', 'Dockerfile.multi'], 0, /^msb: converted Dockerfile \(python\)/m],
    [
      '--check --format github',
      ['--check', '--format', 'github'],
      1,
      /^::error file=Dockerfile,.*::would convert to multi-stage \(python\)/m,
    ],
  ])('%s', (_name, flags, code, expected) => {
    const r = msb(['convert', ...(flags as string[]), 'Dockerfile'], exampleCopy());
    expect(r.code).toBe(code);
    expect(r.out).toMatch(expected);
    expect(r.out).not.toMatch(OLD_WORDS);
  });

  it.each([
    ['unchanged', 'FROM python:3.11 AS build\nRUN true\nFROM python:3.11-slim\nCOPY --from=build /x /x\n'],
    ['skipped', 'FROM scratch\nCOPY app /app\n'],
  ])('a file msb leaves alone is %s, with the reason', (status, text) => {
    const r = runMsb(['convert', '-'], { input: text, env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^msb: ${status} <stdin>.*: \\S`, 'm'));
  });

  it('JSON: the status word, and whether the file was written', () => {
    const dir = exampleCopy();
    const [printed] = JSON.parse(msb(['convert', '--json', 'Dockerfile'], dir).stdout);
    expect(printed).toMatchObject({ status: 'converted', written: false });
    const [written] = JSON.parse(msb(['convert', '--json', '--write', 'Dockerfile'], dir).stdout);
    expect(written).toMatchObject({ status: 'converted', written: true });
    const [again] = JSON.parse(msb(['convert', '--json', '--write', 'Dockerfile'], dir).stdout);
    expect(again).toMatchObject({ status: 'unchanged', written: false });
  });
});

describe('codemod: the same words in progress, table, totals and report files', () => {
  it('a dry run would convert; --write converted; errors are "error"', () => {
    const org = tempDir('msb-vocab-org-');
    pythonRepo(path.join(org, 'api'));
    writeTree(path.join(org, 'bad'), {
      Dockerfile: 'FROM python:3.11\nFROBNICATE now\n',
      '.git/HEAD': 'ref: refs/heads/main\n',
    });
    const dry = msb(['codemod', '.', '--report', 'out'], org);
    expect(dry.code).toBe(2);
    expect(dry.stderr).toMatch(/^msb: \[\d\/2\] api: 1 Dockerfile\(s\), would convert 1$/m);
    expect(dry.stdout).toMatch(/^api\s+Dockerfile\s+python\/flask\s+would convert\s/m);
    expect(dry.stdout).toMatch(/^bad\s+Dockerfile\s+-\s+error: line 2: unknown/m);
    expect(dry.stdout).toContain(': would convert 1, unchanged 0, skipped 0, error 1;');
    expect(readdirSync(path.join(org, 'out')).sort()).toEqual([
      'converted.txt',
      'error.txt',
      'report.json',
      'report.md',
    ]);
    const report = JSON.parse(readFileSync(path.join(org, 'out', 'report.json'), 'utf8'));
    expect(report.rows.map((r: { status: string; written: boolean }) => [r.status, r.written])).toEqual([
      ['converted', false],
      ['error', false],
    ]);
    expect(report.totals).toMatchObject({ converted: 1, unchanged: 0, skipped: 0, error: 1 });
    expect(`${dry.out}${readFileSync(path.join(org, 'out', 'report.md'), 'utf8')}`).not.toMatch(OLD_WORDS);

    const written = msb(['codemod', 'api', '--write'], org);
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(/^api\s+Dockerfile\s+python\/flask\s+converted\s/m);
    expect(written.stdout).toContain(': converted 1, unchanged 0, skipped 0, error 0;');
    expect(written.out).not.toMatch(OLD_WORDS);
  });
});

/** Every string and template literal of the modules that word what users read. */
function literalsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(entry: string): string[] {
  const full = path.join(REPO_ROOT, entry);
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(full, f));
}

it('no message of the command-line layers says "changed" or "would change"', () => {
  const layers = ['src/commands', 'src/codemod', 'src/formats', 'src/emit', 'src/cli.ts', 'src/convert.ts'];
  const offending = layers.flatMap(sourceFiles).flatMap((file) =>
    literalsOf(file)
      .filter((text) => /\b(changed|would change)\b/i.test(text))
      .map((text) => `${path.relative(REPO_ROOT, file)}: ${text}`),
  );
  expect(offending).toEqual([]);
});
