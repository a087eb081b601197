/** Which installers the runtime's environment does without, and where the builder removes them. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { convertText } from '../../../src';

function convert(dockerfile: string, files: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'msb-strip-'));
  for (const [name, text] of Object.entries({ 'requirements.txt': 'flask\n', ...files })) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return convertText(dockerfile, { file: path.join(dir, 'Dockerfile'), context: dir });
}

/** The Python set literal of the removal step, or null when there is none. */
function removed(output: string): string | null {
  return /unused = sorted\(\{ (.*) \} & names - needed\)/.exec(output)?.[1] ?? null;
}

const APP = 'WORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n';

describe('installers removed from the copied environment', () => {
  it.each<[string, string, Record<string, string>, string | null]>([
    ['a new venv', `FROM python:3.11\n${APP}CMD ["python", "app.py"]\n`, {}, "'pip', 'setuptools', 'wheel'"],
    [
      'an app that imports pkg_resources keeps setuptools',
      `FROM python:3.11\n${APP}`,
      { 'app/version.py': 'import os\nfrom pkg_resources import get_distribution\n' },
      "'pip', 'wheel'",
    ],
    [
      'setup.py importing setuptools builds only',
      `FROM python:3.11\n${APP}`,
      { 'setup.py': 'from setuptools import setup\nsetup()\n' },
      "'pip', 'setuptools', 'wheel'",
    ],
    [
      'a container that runs pip keeps pip',
      `FROM python:3.11\n${APP}CMD pip list && python app.py\n`,
      {},
      "'setuptools', 'wheel'",
    ],
    [
      "the original's own venv",
      'FROM python:3.11\nRUN python -m venv /venv\nENV PATH="/venv/bin:$PATH"\n' + APP,
      {},
      "'pip', 'setuptools', 'wheel'",
    ],
    ['Python 3.7 (no importlib.metadata)', `FROM python:3.7\n${APP}`, {}, null],
    [
      'a venv made by uv venv',
      'FROM python:3.11\nRUN pip install uv && uv venv /venv\nENV VIRTUAL_ENV=/venv PATH="/venv/bin:$PATH"\n' +
        APP.replace('pip install', 'uv pip install'),
      {},
      null,
    ],
    [
      'packages installed with --user',
      'FROM python:3.11\nWORKDIR /app\nCOPY . .\nRUN pip install --user -r requirements.txt\n',
      {},
      null,
    ],
  ])('%s', (_name, dockerfile, files, expected) => {
    const result = convert(dockerfile, files);
    expect(result.status).toBe('converted');
    expect(removed(result.output)).toBe(expected);
  });

  it('says which file keeps setuptools', () => {
    const result = convert(`FROM python:3.11\n${APP}`, { 'app/version.py': 'import pkg_resources\n' });
    expect(result.decisions).toContainEqual({
      subject: 'setuptools',
      placement: 'runtime',
      why: 'kept in the environment: app/version.py imports pkg_resources',
    });
  });

  it("removes them after the last build step that still uses pip, as that step's user", () => {
    const result = convert(
      'FROM python:3.11\nRUN useradd -m app\nUSER app\nWORKDIR /home/app\nCOPY . .\nRUN pip install -r requirements.txt\n# pin what was installed\nRUN pip freeze > constraints.txt\nRUN python -m compileall .\nCMD ["python", "app.py"]\n',
    );
    const lines = result.output.split('\n');
    const step = lines.findIndex((l) => l.startsWith('RUN /opt/venv/bin/python -c'));
    expect(lines[step - 3]).toBe('RUN pip freeze > constraints.txt');
    const stepEnd = step + lines.slice(step).findIndex((l) => !l.endsWith('\\'));
    expect(lines[stepEnd + 1]).toBe('RUN python -m compileall .');
    expect(
      lines
        .slice(0, step)
        .reverse()
        .find((l) => l.startsWith('USER')),
    ).toBe('USER app');
  });

  it('leaves Windows images (escape=`) alone', () => {
    const result = convert(
      '# escape=`\nFROM python:3.11-windowsservercore\nWORKDIR C:\\\\app\nCOPY . .\nRUN pip install -r requirements.txt\n',
    );
    expect(removed(result.output)).toBeNull();
  });
});
