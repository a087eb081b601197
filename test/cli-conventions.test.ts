/**
 * Command-line conventions through the built bin: `-` reads standard input, a closed pipe ends
 * quietly, every flag is checked before any work (exit 2, one line), "did you mean", and one
 * JSON shape (an array) per command whatever the number of files.
 */
import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { MSB_BIN as BIN, REPO_ROOT as ROOT, runMsb } from './helpers/built-msb';

const EXAMPLE = path.join(ROOT, 'examples', 'python-c-extension');
const DOCKERFILE = path.join(EXAMPLE, 'Dockerfile');
const EXPECTED = readFileSync(path.join(EXAMPLE, 'Dockerfile.expected'), 'utf8');

function msb(args: string[], options: { input?: string; cwd?: string } = {}) {
  const result = runMsb(args, { cwd: options.cwd ?? ROOT, input: options.input ?? '' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'msb-conv-'));

describe('- reads standard input', () => {
  const text = readFileSync(DOCKERFILE, 'utf8');

  it('convert -: with --context the build context is that folder, and the output is the golden', () => {
    const { code, stdout, stderr } = msb(['convert', '-', '--context', EXAMPLE], { input: text });
    expect(code).toBe(0);
    expect(stdout).toBe(EXPECTED);
    expect(stderr).toMatch(/^msb: converts <stdin> \(python\)/);
  });

  it('convert -: --stdin-filepath names the file in messages and diffs and gives the context', () => {
    const { code, stdout, stderr } = msb(
      ['convert', '-', '--dry-run', '--stdin-filepath', 'examples/python-c-extension/Dockerfile'],
      { input: text },
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^--- a\/examples\/python-c-extension\/Dockerfile\n\+\+\+ b\/examples\/python-c-extension\/Dockerfile\n/,
    );
    expect(stderr).toMatch(/would convert examples\/python-c-extension\/Dockerfile \(python\)/);
  });

  it.each([
    ['convert --check - exits 1 when msb would convert the input', ['convert', '--check', '-'], text, 1],
    ['convert --check - exits 0 on an already converted input', ['convert', '--check', '-'], EXPECTED, 0],
    [
      'lint - exits 1 on findings',
      ['lint', '-'],
      'FROM golang:1.22 AS build\nFROM alpine\nCOPY --from=runtime /a /b\n',
      1,
    ],
    ['lint - exits 0 on a clean file', ['lint', '-'], EXPECTED, 0],
    ['convert - exits 2 on binary input', ['convert', '-'], 'FROM a\0', 2],
    ['convert - exits 2 on an empty input', ['convert', '-'], '', 2],
  ])('%s', (_name, args, input, code) => {
    expect(msb(args, { input }).code).toBe(code);
  });

  it('lint - names --stdin-filepath in its findings', () => {
    const { stdout } = msb(['lint', '-', '--stdin-filepath', 'svc/Dockerfile'], {
      input: 'FROM golang:1.22 AS build\nFROM alpine\nCOPY --from=runtime /a /b\n',
    });
    expect(stdout).toMatch(/^svc\/Dockerfile$/m);
    expect(stdout).toMatch(/^ {2}3:1 +warning .* MSB001$/m);
  });

  it('detect - reads the Dockerfile alone without a context', () => {
    const { code, stdout } = msb(['detect', '-', '--json'], { input: text });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject([{ file: '<stdin>', language: 'python', error: null }]);
  });
});

describe('a closed pipe ends quietly', () => {
  it.each([
    ['convert', (file: string) => `"${process.execPath}" "${BIN}" convert "${file}" | head -1`],
    [
      'lint',
      (file: string) =>
        `"${process.execPath}" "${BIN}" lint ${Array(40).fill(`"${file}"`).join(' ')} | head -1`,
    ],
  ])('%s … | head -1', (name, command) => {
    // Output far larger than a pipe buffer, so that msb is still writing when head exits.
    const dir = tempDir();
    cpSync(EXAMPLE, dir, { recursive: true });
    const file = path.join(dir, 'Dockerfile');
    const steps = Array.from({ length: 3000 }, (_x, i) => `RUN echo ${i} ${'x'.repeat(60)}\n`).join('');
    writeFileSync(file, readFileSync(DOCKERFILE, 'utf8').replace('WORKDIR /app\n', `WORKDIR /app\n${steps}`));
    const lintFile = path.join(dir, 'lint.Dockerfile');
    writeFileSync(
      lintFile,
      'FROM golang:1.22 AS build\n' + 'FROM alpine\nCOPY --from=runtime /a /b\n'.repeat(500),
    );
    const result = spawnSync('sh', ['-c', command(name === 'lint' ? lintFile : file)], { encoding: 'utf8' });
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stderr).not.toMatch(/EPIPE|Error|at /);
  });
});

describe('flags are checked before any work: exit 2, one line', () => {
  const out = () => path.join(tempDir(), 'never-written');
  it.each([
    [
      'an empty file list (convert)',
      ['convert'],
      /^msb: name at least one Dockerfile, a folder holding one, or - for standard input/,
    ],
    ['an empty file list (lint)', ['lint'], /^msb: name at least one Dockerfile/],
    ['- twice', ['convert', '-', '-'], /- \(standard input\) may be named once/],
    ['--write on standard input', ['convert', '--write', '-'], /--write cannot replace standard input/],
    [
      'a runtime no profile offers',
      ['convert', '--runtime', 'foo', DOCKERFILE],
      /^msb: --runtime foo: no profile offers it \(go: distroless, scratch.*java: jre/,
    ],
    [
      'a runtime the chosen language does not offer',
      ['convert', '--lang', 'python', '--runtime', 'scratch', DOCKERFILE],
      /^msb: --runtime scratch: python offers no runtime choice$/m,
    ],
    [
      'a runtime the detected language does not offer',
      ['convert', '--runtime', 'scratch', DOCKERFILE],
      /python-c-extension\/Dockerfile: --runtime scratch: python offers no runtime choice$/m,
    ],
    [
      'a --context folder that does not exist',
      ['convert', '--context', '/nonexistent/ctx', DOCKERFILE],
      /^msb: --context \/nonexistent\/ctx: no such folder/,
    ],
    [
      'a --context that is a file',
      ['detect', '--context', DOCKERFILE, EXAMPLE],
      /--context .*Dockerfile: not a folder/,
    ],
    [
      'an --out in a folder that does not exist',
      ['convert', '--out', '/nonexistent/x/Dockerfile', DOCKERFILE],
      /^msb: --out \/nonexistent\/x\/Dockerfile: the folder \/nonexistent\/x does not exist/,
    ],
    [
      'a --report in a folder that does not exist',
      ['codemod', EXAMPLE, '--report', '/nonexistent/r/report.md', '--out-dir', out()],
      /^msb: --report \/nonexistent\/r\/report\.md: the folder \/nonexistent\/r does not exist \(see msb --help\)\n$/,
    ],
    [
      'codemod --runtime foo',
      ['codemod', EXAMPLE, '--runtime', 'foo', '--out-dir', out()],
      /^msb: --runtime foo: no profile offers it/,
    ],
    [
      'an unknown --ignore rule',
      ['lint', '--ignore', 'MSB999', DOCKERFILE],
      /^msb: --ignore: unknown rule MSB999 \(rules: MSB001/,
    ],
    ['no command', [], /^msb: name a command: convert, lint, detect, codemod, verify/],
    ['a mistyped command', ['conver', DOCKERFILE], /^msb: unknown command "conver"; did you mean convert\?/],
    [
      'an unknown command',
      ['frobnicate'],
      /^msb: unknown command "frobnicate" \(commands: convert, lint, detect, codemod, verify\)/,
    ],
    [
      'a mistyped flag',
      ['convert', '--chek', DOCKERFILE],
      /^msb: unknown option --chek; did you mean --check\?/,
    ],
    [
      'a mistyped flag (lint)',
      ['lint', DOCKERFILE, '--jsn'],
      /^msb: unknown option --jsn; did you mean --json\?/,
    ],
    [
      'verify of standard input',
      ['verify', '-'],
      /verify builds the Dockerfile with Docker: name a file, not standard input/,
    ],
  ])('%s', (_name, args, message) => {
    const { code, stdout, stderr } = msb(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('--report names nothing it did not write', () => {
    const dir = tempDir();
    msb([
      'codemod',
      EXAMPLE,
      '--report',
      path.join(dir, 'missing', 'report.json'),
      '--out-dir',
      path.join(dir, 'patches'),
    ]);
    expect(existsSync(path.join(dir, 'patches'))).toBe(false);
  });
});

describe('--ignore in any position, repeatable and comma-separated', () => {
  const bad = 'FROM golang:1.22 AS build\nFROM alpine\nCOPY --from=runtime /a /b\nENV API_TOKEN=abc\n';
  let file: string;
  beforeAll(() => {
    file = path.join(tempDir(), 'Dockerfile');
    writeFileSync(file, bad);
  });
  const rules = (stdout: string) =>
    (JSON.parse(stdout) as { findings: { rule: string }[] }[]).flatMap((r) => r.findings.map((f) => f.rule));

  it.each([
    ['before the file', () => ['lint', '--json', '--ignore', 'MSB001', file], ['MSB003', 'MSB006']],
    ['after the file', () => ['lint', '--json', file, '--ignore', 'MSB001'], ['MSB003', 'MSB006']],
    ['repeated', () => ['lint', '--json', '--ignore', 'MSB001', '--ignore', 'msb003', file], ['MSB006']],
    ['comma-separated', () => ['lint', '--json', '--ignore', 'MSB001,MSB006', file], ['MSB003']],
  ])('%s', (_name, args, expected) => {
    const { code, stdout } = msb(args());
    expect(code).toBe(1);
    expect(rules(stdout)).toEqual(expected);
  });
});

describe('help, version and JSON shapes', () => {
  it.each([['-h'], ['--help']])('%s prints usage and exits 0', (flag) => {
    const { code, stdout } = msb([flag]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^msb <command> \[options\]/);
  });

  it.each([['-v'], ['--version']])('%s prints the package version', (flag) => {
    const { code, stdout } = msb([flag]);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  it.each([
    ['convert, one file', ['convert', '--json', DOCKERFILE], 1],
    ['convert, two files', ['convert', '--json', DOCKERFILE, EXAMPLE], 2],
    ['lint, one file', ['lint', '--json', DOCKERFILE], 1],
    ['detect, one target', ['detect', '--json', EXAMPLE], 1],
    ['detect, two targets', ['detect', '--json', EXAMPLE, path.join(ROOT, 'examples', 'go-cgo')], 2],
  ])('%s: an array', (_name, args, length) => {
    const json = JSON.parse(msb(args).stdout);
    expect(Array.isArray(json)).toBe(true);
    expect(json).toHaveLength(length);
  });

  it('detect --json reports a missing target as JSON, beside the others, and exits 2', () => {
    const { code, stdout, stderr } = msb(['detect', '--json', EXAMPLE, '/nonexistent/app']);
    expect(code).toBe(2);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toMatchObject([
      { language: 'python', error: null },
      {
        file: '/nonexistent/app',
        error: { kind: 'missing-file', message: '/nonexistent/app: no such file' },
      },
    ]);
  });
});

describe('--dry-run diffs that git apply takes', () => {
  const git = (cwd: string, ...args: string[]) =>
    spawnSync('git', args, {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd },
    });

  it('names the path from the repository root when the file is in a git repository, run from another folder', () => {
    const repo = tempDir();
    git(repo, 'init', '-q');
    cpSync(EXAMPLE, path.join(repo, 'services', 'api'), { recursive: true });
    const elsewhere = path.join(repo, 'docs');
    cpSync(path.join(ROOT, 'examples', 'README.md'), path.join(elsewhere, 'README.md'));
    const { code, stdout } = msb(['convert', '--dry-run', '../services/api/Dockerfile'], { cwd: elsewhere });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^--- a\/services\/api\/Dockerfile\n\+\+\+ b\/services\/api\/Dockerfile\n/);
    const patch = path.join(repo, 'msb.patch');
    writeFileSync(patch, stdout);
    const check = git(repo, 'apply', '--check', 'msb.patch');
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(git(repo, 'apply', 'msb.patch').status).toBe(0);
    expect(readFileSync(path.join(repo, 'services', 'api', 'Dockerfile'), 'utf8')).toBe(EXPECTED);
  });

  it('names the path from the current folder outside any repository', () => {
    const dir = tempDir();
    cpSync(EXAMPLE, path.join(dir, 'app'), { recursive: true });
    const { stdout } = msb(['convert', '--dry-run', path.join(dir, 'app', 'Dockerfile')], { cwd: dir });
    expect(stdout).toMatch(/^--- a\/app\/Dockerfile\n/);
    writeFileSync(path.join(dir, 'msb.patch'), stdout);
    const check = git(dir, 'apply', '--check', 'msb.patch');
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});

describe('a line continuation at the end of the file is an input error', () => {
  it.each([
    ['a trailing backslash', 'FROM python:3.11\nCOPY . /app\nRUN pip install /app \\\n', 3],
    [
      'a trailing backslash after a comment line',
      'FROM python:3.11\nRUN pip install flask \\\n# the end\n',
      2,
    ],
  ])('%s: exit 2 with file:line, nothing written', (_name, text, line) => {
    const file = path.join(tempDir(), 'Dockerfile');
    writeFileSync(file, text);
    const { code, stdout, stderr } = msb(['convert', '--write', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `msb: ${file}:${line}: the last instruction ends with an open line continuation (\\ at the end of the file) or an unterminated heredoc\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
