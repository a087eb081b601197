/**
 * `--format`, colour and `# msb-ignore` through the built CLI (test/helpers/built-msb): what each
 * format prints for `msb lint` and `msb convert --check`, exit codes, streams, files untouched.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { XMLValidator } from 'fast-xml-parser';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT, runMsb } from './helpers/built-msb';

/** The escape that starts an ANSI colour sequence. */
const ESC = String.fromCharCode(0x1b);

const EXAMPLE = path.join(REPO_ROOT, 'examples', 'python-requirements-console-script');
const msb = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) =>
  runMsb(args, { cwd, timeout: 60_000, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env } });

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'msb-formats-'));
  // MSB003 on line 2 (warning), MSB006 on line 3 (error); the pragma on line 4 silences MSB001 on line 5.
  writeFileSync(
    path.join(tmp, 'Dockerfile'),
    'FROM golang:1.22 AS build\nFROM alpine\nENV API_TOKEN=abc\n# msb-ignore MSB001 -- an image named runtime\nCOPY --from=runtime /a /b\n',
  );
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('msb lint --format', () => {
  it('stylish (the default): findings under the file, summary line, no colour when piped; suppressed rule absent', () => {
    const run = msb(['lint', 'Dockerfile'], tmp);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      [
        'Dockerfile',
        '  2:1  warning  runtime image "alpine" has no tag: pin a version                                                         MSB003',
        '  3:1  error    ENV API_TOKEN bakes a secret into the runtime image: pass it at run time or use RUN --mount=type=secret  MSB006',
        '',
        '✖ 2 problems (1 error, 1 warning)',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toBe('');
  });

  it('colour with --color, none with NO_COLOR or --no-color', () => {
    expect(msb(['lint', '--color', 'Dockerfile'], tmp).stdout).toMatch(new RegExp(`${ESC}\\[31merror`));
    expect(msb(['lint', '--color', 'Dockerfile'], tmp, { NO_COLOR: '1' }).stdout).not.toMatch(
      new RegExp(`${ESC}\\[`),
    );
    expect(msb(['lint', '--no-color', 'Dockerfile'], tmp, { FORCE_COLOR: '1' }).stdout).not.toMatch(
      new RegExp(`${ESC}\\[`),
    );
  });

  it('github: annotations; an unreadable file is one more annotation and exit 2', () => {
    const run = msb(['lint', '--format', 'github', 'Dockerfile', 'missing/Dockerfile'], tmp);
    expect(run.status).toBe(2);
    expect(run.stdout.split('\n')).toEqual([
      '::warning file=Dockerfile,line=2,endLine=2,col=1,title=msb MSB003::runtime image "alpine" has no tag: pin a version',
      '::error file=Dockerfile,line=3,endLine=3,col=1,title=msb MSB006::ENV API_TOKEN bakes a secret into the runtime image: pass it at run time or use RUN --mount=type=secret',
      expect.stringMatching(
        /^::error file=missing\/Dockerfile,line=1,endLine=1,col=1,title=msb input-error::missing\/Dockerfile: /,
      ),
      '',
    ]);
    expect(run.stderr).toBe('');
  });

  it('sarif and checkstyle parse; json is one array entry per file', () => {
    const sarif = JSON.parse(msb(['lint', '-f', 'sarif', 'Dockerfile'], tmp).stdout);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['MSB003', 'MSB006']);
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain('MSB008');
    expect(XMLValidator.validate(msb(['lint', '-f', 'checkstyle', 'Dockerfile'], tmp).stdout)).toBe(true);
    const json = JSON.parse(msb(['lint', '-f', 'json', 'Dockerfile'], tmp).stdout);
    expect(json).toEqual(JSON.parse(msb(['lint', '--json', 'Dockerfile'], tmp).stdout));
    expect(json.map((f: { file: string }) => f.file)).toEqual(['Dockerfile']);
  });

  it('rejects an unknown format with exit 2', () => {
    const run = msb(['lint', '-f', 'junit', 'Dockerfile'], tmp);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Choices: .*"sarif"/);
  });
});

describe('msb convert --check --format', () => {
  beforeEach(() => {
    cpSync(EXAMPLE, path.join(tmp, 'app'), { recursive: true });
  });

  it('github: one annotation on the FROM line of each file that would change; the file is untouched', () => {
    const before = readFileSync(path.join(tmp, 'app', 'Dockerfile'), 'utf8');
    const run = msb(['convert', '--check', '--format', 'github', 'app/Dockerfile'], tmp);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      '::error file=app/Dockerfile,line=1,endLine=1,col=1,title=msb would-convert::would convert to multi-stage (python): python:3.11 → python:3.11-slim\n',
    );
    expect(run.stderr).toBe('');
    expect(readFileSync(path.join(tmp, 'app', 'Dockerfile'), 'utf8')).toBe(before);
  });

  it('stylish: a summary; sarif: the would-convert rule', () => {
    expect(msb(['convert', '--check', '-f', 'stylish', 'app/Dockerfile'], tmp).stdout).toMatch(
      /^app\/Dockerfile\n {2}1:1 +error +would convert .* would-convert\n\n✖ 1 problem \(1 error, 0 warnings\)\n$/,
    );
    const sarif = JSON.parse(msb(['convert', '--check', '-f', 'sarif', 'app/Dockerfile'], tmp).stdout);
    expect(sarif.runs[0].results[0]).toMatchObject({
      ruleId: 'would-convert',
      level: 'error',
      locations: [
        { physicalLocation: { artifactLocation: { uri: 'app/Dockerfile' }, region: { startLine: 1 } } },
      ],
    });
  });

  it('an already multi-stage file is no problem: empty report, exit 0', () => {
    writeFileSync(
      path.join(tmp, 'Dockerfile'),
      'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=build /app /app\n',
    );
    const run = msb(['convert', '--check', '-f', 'checkstyle', 'Dockerfile'], tmp);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/<file name="Dockerfile"\/>/);
  });

  it('--format needs --check', () => {
    const run = msb(['convert', '--format', 'github', 'app/Dockerfile'], tmp);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--format applies to --check/);
  });
});
