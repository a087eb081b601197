/**
 * msb on a real terminal: util-linux `script` gives the built CLI a pseudo-terminal of 100 columns
 * (no native module needed). The codemod progress bar draws and every line of the session fits the
 * width; colours appear on the terminal and never when piped or with NO_COLOR.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { MSB_BIN, runMsb } from './helpers/built-msb';
import { pythonRepo, tempDir } from './unit/codemod-helpers';

const ESC = '\u001b';
const ANSI = new RegExp(`${ESC}(\\[[0-9;?]*[A-Za-z]|[78])`, 'g');
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** The test's environment without its colour settings, which must not decide the outcome. */
function plainEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  return env;
}

/** Runs `msb ...args` on a `columns`-wide pseudo-terminal; returns the session as the terminal received it. */
function onTerminal(args: string[], cwd: string, env: Record<string, string> = {}, columns = 100): string {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = `stty cols ${columns} rows 40; ${[process.execPath, MSB_BIN, ...args].map(quote).join(' ')}`;
  const result = spawnSync('script', ['-qfec', command, '/dev/null'], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      COLUMNS: String(columns),
      TERM: 'xterm-256color',
      ...env,
    },
  });
  return result.stdout;
}

/** What each line of the terminal shows: escape codes removed, carriage returns start the line again. */
function screenLines(session: string): string[] {
  return session
    .replace(new RegExp(`${ESC}\\[[01]?G`, 'g'), '\r')
    .split(/\r?\n/)
    .flatMap((line) => line.split('\r'))
    .map((line) => line.replace(ANSI, ''));
}

const describeTerminal = hasScript ? describe : describe.skip;

describeTerminal('on a 100-column terminal', () => {
  it('codemod draws its progress bar, and the bar, the table and the totals fit the width', () => {
    const org = tempDir('msb-tty-org-');
    for (const name of ['a-service-with-a-rather-long-name', 'web', 'worker'])
      pythonRepo(path.join(org, name), {
        'services/backend/queue-consumer/Dockerfile.production':
          'FROM python:3.11\nRUN apt-get update && apt-get install -y libsomething-unknown-dev\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]\n',
        'services/backend/queue-consumer/requirements.txt': 'flask\n',
      });
    const session = onTerminal(['codemod', '.', '--out-dir', path.join(tempDir(), 'out')], org);
    const lines = screenLines(session);
    expect(
      lines.filter((l) =>
        /^msb codemod \[[█░]+\] 3\/3 repositories \| would convert 6 \| error 0 \| ETA/.test(l),
      ),
    ).not.toEqual([]);
    expect(session).toContain(`${ESC}[?25l`); // the cursor is hidden while the bar draws, and shown again
    expect(session).toContain(`${ESC}[?25h`);
    const table = lines.findIndex((l) => /^repository\s+file\s+language\s+result/.test(l));
    expect(lines[table + 2]).toMatch(/^…?\S+\s+…?\S+\s+python\/flask\s+would convert\s/);
    // The totals break before the saving rather than run past the width.
    expect(lines).toContainEqual(
      '3 repositories, 6 Dockerfiles: would convert 6, unchanged 0, skipped 0, error 0;',
    );
    expect(lines).toContainEqual(expect.stringMatching(/^estimated saving \d+ MB\.$/));
    const tooWide = lines.filter((l) => l.length > 100 && !/^repository\s/.test(l));
    expect(tooWide).toEqual([]);
  });

  it('the same table is cut to a narrower terminal', () => {
    const org = tempDir('msb-tty-org-');
    pythonRepo(path.join(org, 'a-service-with-a-rather-long-name'));
    const lines = screenLines(
      onTerminal(['codemod', '.', '--out-dir', path.join(tempDir(), 'out')], org, {}, 70),
    );
    const rows = lines.slice(lines.findIndex((l) => /^repository\s/.test(l)) + 1).filter((l) => /\S/.test(l));
    expect(rows[1]).toMatch(/…/);
    for (const row of rows.slice(0, 2)) expect(row.length).toBeLessThanOrEqual(70);
  });
});

describeTerminal('colour', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'msb-tty-lint-'));
  writeFileSync(
    path.join(dir, 'Dockerfile'),
    'FROM golang:1.22 AS build\nFROM alpine\nCOPY --from=runtime /a /b\n',
  );

  it.each([
    ['a terminal', () => onTerminal(['lint', 'Dockerfile'], dir), true],
    ['a terminal with NO_COLOR', () => onTerminal(['lint', 'Dockerfile'], dir, { NO_COLOR: '1' }), false],
    ['a terminal with --no-color', () => onTerminal(['lint', '--no-color', 'Dockerfile'], dir), false],
    ['a pipe', () => runMsb(['lint', 'Dockerfile'], { cwd: dir, env: plainEnv() }).stdout, false],
    [
      'a pipe with --color',
      () => runMsb(['lint', '--color', 'Dockerfile'], { cwd: dir, env: plainEnv() }).stdout,
      true,
    ],
  ])('on %s', (_where, run, coloured) => {
    const output = run();
    expect(output).toMatch(/MSB00\d/);
    expect(new RegExp(`${ESC}\\[\\d+m`).test(output)).toBe(coloured);
  });
});
