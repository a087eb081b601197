/** The built `msb` bin, run as a user would: outputs, exit codes, and files left alone. */
import { chmodSync, cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { REPO_ROOT as ROOT, runMsb } from './helpers/built-msb';

const EXAMPLE = path.join(ROOT, 'examples', 'python-c-extension');

function msb(args: string[], cwd = ROOT) {
  const result = runMsb(args, { cwd });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function copyOfExample(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'msb-cli-'));
  cpSync(EXAMPLE, dir, { recursive: true });
  return path.join(dir, 'Dockerfile');
}

describe('msb convert', () => {
  it('prints the converted file on stdout and a summary on stderr', () => {
    const { code, stdout, stderr } = msb(['convert', path.join(EXAMPLE, 'Dockerfile')]);
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(path.join(EXAMPLE, 'Dockerfile.expected'), 'utf8'));
    expect(stderr).toMatch(/converts .*python.*python:3\.11 → python:3\.11-slim/);
  });

  it('--dry-run prints a unified diff and touches nothing', () => {
    const file = copyOfExample();
    const before = statSync(file).mtimeMs;
    const { code, stdout } = msb(['convert', '--dry-run', file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^--- a\/.*Dockerfile\n\+\+\+ b\/.*Dockerfile\n@@/);
    expect(stdout).toMatch(/^\+FROM python:3\.11-slim AS runtime$/m);
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('--check exits 1 when the file would change, 0 when it would not', () => {
    const file = copyOfExample();
    expect(msb(['convert', '--check', file]).code).toBe(1);
    expect(msb(['convert', '--write', file]).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(path.join(EXAMPLE, 'Dockerfile.expected'), 'utf8'));
    const again = msb(['convert', '--check', file]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/unchanged.*already multi-stage/);
  });

  it('--write keeps the file mode', () => {
    const file = copyOfExample();
    chmodSync(file, 0o640);
    expect(msb(['convert', '--write', file]).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('--out writes elsewhere and leaves the input alone', () => {
    const file = copyOfExample();
    const out = path.join(path.dirname(file), 'Dockerfile.multi');
    const original = readFileSync(file, 'utf8');
    expect(msb(['convert', file, '--out', out]).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(readFileSync(out, 'utf8')).toMatch(/AS runtime/);
  });

  it('takes a folder for the Dockerfile in it', () => {
    const { code, stdout } = msb(['convert', EXAMPLE]);
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(path.join(EXAMPLE, 'Dockerfile.expected'), 'utf8'));
  });

  it('--json describes the result', () => {
    const { code, stdout } = msb(['convert', '--json', path.join(EXAMPLE, 'Dockerfile')]);
    expect(code).toBe(0);
    const [json, ...others] = JSON.parse(stdout);
    expect(others).toEqual([]);
    expect(json).toMatchObject({
      status: 'converted',
      language: 'python',
      packageManager: 'pip',
      runtimeImage: 'python:3.11-slim',
    });
    expect(json.evidence.length).toBeGreaterThan(0);
    expect(json.diff).toMatch(/^---/);
    expect(json.changes.join('\n')).toMatch(/virtual environment/);
  });

  it('--explain says where each instruction went', () => {
    const { stderr } = msb(['convert', '--explain', path.join(EXAMPLE, 'Dockerfile')]);
    expect(stderr).toMatch(
      /libpq-dev \(line 4\) → builder only: build headers; the runtime installs libpq5 instead/,
    );
    expect(stderr).toMatch(/evidence \[base-image\]/);
    // The run-time settings too, each with its line (src/plan/setting-decisions.ts).
    expect(stderr).toMatch(
      /^ {2}WORKDIR \(line 8\) → builder and runtime: kept in the runtime stage as written$/m,
    );
    expect(stderr).toMatch(
      /^ {2}CMD \(line 15\) → builder and runtime: kept in the runtime stage as written$/m,
    );
  });

  it('leaves an unknown language untouched, says why, and --check treats it as nothing to do', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'msb-cli-'));
    const file = path.join(dir, 'Dockerfile');
    writeFileSync(file, 'FROM debian:bookworm-slim\nRUN ./build.sh\n');
    const printed = msb(['convert', file]);
    expect(printed).toMatchObject({ code: 0, stdout: 'FROM debian:bookworm-slim\nRUN ./build.sh\n' });
    expect(printed.stderr).toMatch(/skipped .*unknown language/);
    expect(msb(['convert', '--check', file]).code).toBe(0);
  });

  it.each([
    ['a missing file', () => '/nonexistent/Dockerfile', /^msb: \/nonexistent\/Dockerfile: no such file$/m],
    [
      'a directory without a Dockerfile',
      () => mkdtempSync(path.join(tmpdir(), 'msb-cli-')),
      /msb-cli-\w+\/Dockerfile: no such file$/m,
    ],
    ['a binary file', () => writeTemp(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2])), /binary file/],
    ['a file that is not a Dockerfile', () => writeTemp('hello world\n'), /:1: unknown instruction "hello"/],
    ['an empty file', () => writeTemp(''), /no FROM instruction/],
  ])('rejects %s with one line and exit 2, writing nothing', (_name, make, message) => {
    const file = make();
    const { code, stdout, stderr } = msb(['convert', '--write', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('rejects conflicting modes as a usage error', () => {
    const { code, stderr } = msb(['convert', '--write', '--dry-run', 'Dockerfile']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/choose one of/);
  });

  it('names the profile file and line of an invalid --profile', () => {
    const bad = writeTemp('id: python\nname: P\nstrategy: python\ndetect: { priority: x }\n', 'bad.yaml');
    const { code, stderr } = msb(['convert', '--profile', bad, path.join(EXAMPLE, 'Dockerfile')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/bad\.yaml:\d+: /);
  });
});

describe('msb detect', () => {
  it('prints the language with its evidence', () => {
    const { code, stdout } = msb(['detect', EXAMPLE]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^language: python \(confidence 0\.\d+\); package manager pip/);
    expect(stdout).toMatch(/evidence \[base-image\] official python base image/);
  });

  it('--json', () => {
    const { stdout } = msb(['detect', '--json', path.join(EXAMPLE, 'Dockerfile')]);
    expect(JSON.parse(stdout)).toMatchObject([{ language: 'python', overridden: false, error: null }]);
  });
});

function writeTemp(content: string | Buffer, name = 'Dockerfile'): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'msb-cli-')), name);
  writeFileSync(file, content);
  return file;
}
