/**
 * The two gates through the CLI (README "Principles"): a result msb believes broken, or not worth
 * it, is `skipped` with its reason — exit 0, the file untouched in every mode — unless --force.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT, runMsb } from './helpers/built-msb';

const BROKEN = 'go-healthcheck-curl-broken';
const NOTHING_TO_GAIN = 'python-slim-nothing-to-gain';
const BROKEN_REASON =
  'msb believes the converted image would not work: the HEALTHCHECK needs "/bin/sh", "curl"';
const GAIN_REASON = 'nothing to gain (estimated';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'msb-gates-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the example (its build context too), so that --write has something to touch. */
function copyOf(example: string): string {
  const dir = path.join(tmp, example);
  cpSync(path.join(REPO_ROOT, 'examples', example), dir, { recursive: true });
  rmSync(path.join(dir, 'Dockerfile.expected'), { force: true });
  return path.join(dir, 'Dockerfile');
}

const run = (args: string[]) => runMsb(args, { timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });

describe.each([
  [BROKEN, BROKEN_REASON],
  [NOTHING_TO_GAIN, GAIN_REASON],
])('%s', (example, reason) => {
  it.each(['--write', '--check', '--dry-run', '(print)'])(
    'convert %s: skipped with the reason, exit 0, the file untouched',
    (mode) => {
      const file = copyOf(example);
      const before = readFileSync(file, 'utf8');
      const r = run(['convert', ...(mode === '(print)' ? [] : [mode]), file]);
      expect(r.status).toBe(0);
      expect(r.stderr).toContain(`msb: skipped ${file}`);
      expect(r.stderr).toContain(reason);
      // Nothing converted is printed: stdout is the file as it is (print mode) or empty.
      expect(r.stdout === '' || r.stdout === before || r.stdout.trim() === '').toBe(true);
      expect(readFileSync(file, 'utf8')).toBe(before);
    },
  );

  it('convert --write --force writes it, with the reason as a warning', () => {
    const file = copyOf(example);
    const before = readFileSync(file, 'utf8');
    const r = run(['convert', '--write', '--force', file]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/msb: warning: written with --force although/);
    expect(readFileSync(file, 'utf8')).not.toBe(before);
    expect(readFileSync(file, 'utf8')).toMatch(/AS runtime/);
  });

  it('codemod --write skips it (a row with the reason) and --force writes it', () => {
    const file = copyOf(example);
    const before = readFileSync(file, 'utf8');
    const report = path.join(tmp, 'report.json');
    const skipped = run([
      'codemod',
      '--write',
      '--out-dir',
      path.join(tmp, 'out'),
      '--report',
      report,
      path.dirname(file),
    ]);
    expect(skipped.status).toBe(0);
    const rows = (JSON.parse(readFileSync(report, 'utf8')) as { rows: { status: string; reason: string }[] })
      .rows;
    expect(rows).toEqual([
      expect.objectContaining({ status: 'skipped', reason: expect.stringContaining(reason) }),
    ]);
    expect(readFileSync(file, 'utf8')).toBe(before);
    const forced = run([
      'codemod',
      '--write',
      '--force',
      '--out-dir',
      path.join(tmp, 'out'),
      path.dirname(file),
    ]);
    expect(forced.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/AS runtime/);
  });
});

describe('the estimate and --min-saving', () => {
  it('--json carries the typed estimate of a skipped conversion (and --explain prints it)', () => {
    const file = copyOf(NOTHING_TO_GAIN);
    const r = run(['convert', '--json', file]);
    const [result] = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(result).toMatchObject({
      status: 'skipped',
      estimate: {
        originalMb: expect.any(Number),
        convertedMb: expect.any(Number),
        savingMb: expect.any(Number),
      },
      broken: [],
    });
    const estimate = result.estimate as {
      originalMb: number;
      convertedMb: number;
      savingMb: number;
      basis: unknown[];
    };
    expect(estimate.savingMb).toBe(estimate.originalMb - estimate.convertedMb);
    expect(estimate.basis).toContainEqual({
      what: expect.stringContaining('base image'),
      originalMb: 130,
      convertedMb: 130,
    });
    const explained = run(['convert', '--explain', '--force', file]);
    expect(explained.stderr).toMatch(/ {2}estimate: \d+ MB → \d+ MB \(saving -?\d+ MB; approximate/);
    expect(explained.stderr).toMatch(
      / {4}pip and setuptools in the virtual environment msb creates .*: 0 → 20 MB \(\+20\)/,
    );
  });

  it.each([
    ['--min-saving 2000MB skips a large saving', ['--min-saving', '2000MB'], 'skipped'],
    ['--min-saving 90% skips it too', ['--min-saving', '90%'], 'skipped'],
    ['--min-saving 5% passes it', ['--min-saving', '5%'], 'converted'],
  ])('%s', (_name, flags, status) => {
    const r = run([
      'convert',
      '--json',
      ...flags,
      path.join(REPO_ROOT, 'examples', 'python-c-extension', 'Dockerfile'),
    ]);
    expect((JSON.parse(r.stdout) as Array<{ status: string }>)[0].status).toBe(status);
  });

  it('a config file sets minSaving and force; the flags beat it', () => {
    const file = copyOf(NOTHING_TO_GAIN);
    writeFileSync(path.join(path.dirname(file), '.msbrc.yaml'), 'force: true\n');
    expect(run(['convert', '--json', file]).stdout).toMatch(/"status": "converted"/);
    writeFileSync(path.join(path.dirname(file), '.msbrc.yaml'), 'minSaving: 2000MB\n');
    const big = path.join(REPO_ROOT, 'examples', 'python-c-extension', 'Dockerfile');
    const config = path.join(path.dirname(file), '.msbrc.yaml');
    expect(run(['convert', '--json', '--config', config, big]).stdout).toMatch(/"status": "skipped"/);
    expect(run(['convert', '--json', '--config', config, '--min-saving', '10MB', big]).stdout).toMatch(
      /"status": "converted"/,
    );
  });

  it.each([
    [
      ['convert', '--min-saving', 'lots', 'Dockerfile'],
      '--min-saving lots: not a size (10MB) or a share of the original (5%)',
    ],
  ])('rejects %j with exit 2', (args, message) => {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('--help documents both flags', () => {
    const help = run(['convert', '--help']).stdout;
    expect(help).toMatch(/--force\s+Write a result msb believes would not work/);
    expect(help).toMatch(/--min-saving\s+Skip a conversion whose estimated saving is below/);
    expect(run(['codemod', '--help']).stdout).toMatch(/--min-saving/);
    expect(run(['verify', '--help']).stdout).toMatch(/--force/);
  });
});
