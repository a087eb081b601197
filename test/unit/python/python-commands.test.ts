import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { convertText, loadProfiles } from '../../../src';
import { INHERITS_ALL } from '../../../src/analyze/command-env';
import { splitShellCommands } from '../../../src/analyze/shell-commands';
import { classifyPythonCommand } from '../../../src/languages/python/python-commands';
import type { PythonSettings } from '../../../src/languages/python/python-settings';

const settings = loadProfiles().find((p) => p.id === 'python')?.settings as PythonSettings;
const rules = { ...settings, toolPackages: ['pip', 'setuptools', 'wheel', 'poetry', 'pipenv', 'uv'] };
const classify = (script: string, workdir = '/app') =>
  classifyPythonCommand(splitShellCommands(script)[0], rules, workdir);

describe('classifyPythonCommand', () => {
  it.each([
    ['pip install -r requirements.txt', { kind: 'dependencies', tool: 'pip' }],
    ['pip3 install --no-cache-dir .', { kind: 'dependencies', tool: 'pip' }],
    ['python -m pip install -e .', { kind: 'dependencies', tool: 'pip' }],
    ['python3.11 -m pip install flask gunicorn', { kind: 'dependencies', tool: 'pip' }],
    [
      'pip install --upgrade pip setuptools wheel',
      { kind: 'tool-install', packages: ['pip', 'setuptools', 'wheel'] },
    ],
    ['pip install "poetry==1.8.3"', { kind: 'tool-install', packages: ['poetry'] }],
    ['pip install --user -r requirements.txt', { kind: 'user-install' }],
    ['pip install --prefix=/install -r requirements.txt', { kind: 'prefix-install', path: '/install' }],
    ['pip install --target deps -r requirements.txt', { kind: 'prefix-install', path: '/app/deps' }],
    ['poetry install --no-root', { kind: 'dependencies', tool: 'poetry' }],
    ['pipenv install --system --deploy', { kind: 'dependencies', tool: 'pipenv' }],
    ['python -m pipenv install --deploy', { kind: 'dependencies', tool: 'pipenv' }],
    ['python3 -m poetry install --only main --no-root', { kind: 'dependencies', tool: 'poetry' }],
    ['python3.12 -m pdm sync --prod', { kind: 'dependencies', tool: 'pdm' }],
    ['python -m uv sync --frozen', { kind: 'uv-sync', env: INHERITS_ALL }],
    ['python -m uv pip install -r requirements.txt', { kind: 'dependencies', tool: 'uv pip' }],
    [
      'uv pip install --system -r requirements.txt',
      { kind: 'system-install', tool: 'uv pip install --system', why: 'ignores virtual environments' },
    ],
    [
      '/usr/local/bin/python -m pip install flask uWSGI',
      {
        kind: 'system-install',
        tool: '/usr/local/bin/python -m pip install',
        why: 'names the system interpreter by its path',
      },
    ],
    [
      '/usr/bin/pip3 install -r requirements.txt',
      {
        kind: 'system-install',
        tool: '/usr/bin/pip3 install',
        why: 'names the system interpreter by its path',
      },
    ],
    ['/opt/venv/bin/pip install -r requirements.txt', { kind: 'dependencies', tool: 'pip' }],
    ['/usr/local/bin/pip install poetry', { kind: 'tool-install', packages: ['poetry'] }],
    ['python -m pipenv --version', { kind: 'other' }],
    ['uv sync --frozen', { kind: 'uv-sync', env: INHERITS_ALL }],
    ['uv pip install -r requirements.txt', { kind: 'dependencies', tool: 'uv pip' }],
    ['python setup.py install', { kind: 'dependencies', tool: 'setup.py' }],
    ['python -m venv /opt/venv', { kind: 'create-venv', path: '/opt/venv' }],
    ['python3 -m venv .venv', { kind: 'create-venv', path: '/app/.venv' }],
    ['virtualenv $VIRTUAL_ENV', { kind: 'create-venv', path: '$VIRTUAL_ENV' }],
    ['conda env create -f environment.yml', { kind: 'conda' }],
    ['pytest -q', { kind: 'test' }],
    ['python -m unittest discover', { kind: 'test' }],
    ['python manage.py collectstatic --noinput', { kind: 'other' }],
    ['pip freeze', { kind: 'other' }],
  ])('%s', (script, expected) => {
    expect(classify(script)).toEqual(expected);
  });
});

describe('install spellings through the conversion', () => {
  const convert = (dockerfile: string, files: Record<string, string>) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'msb-spell-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return convertText(dockerfile, { file: path.join(dir, 'Dockerfile'), context: dir });
  };
  const runtimeOf = (output: string) => output.slice(output.lastIndexOf('\nFROM '));
  const pipfile = { Pipfile: '[packages]\nflask = "*"\n', 'Pipfile.lock': '{}' };
  const poetry = { 'pyproject.toml': '[tool.poetry]\nname = "x"\n', 'poetry.lock': '' };

  it.each<[string, string, Record<string, string>, string]>([
    [
      'python -m pip install',
      'FROM python:3.11\nWORKDIR /app\nCOPY . .\nRUN python -m pip install --no-cache-dir -r requirements.txt\nCMD ["python", "app.py"]\n',
      { 'requirements.txt': 'flask\n' },
      'CMD ["python", "app.py"]',
    ],
    [
      'python -m pipenv install, run through python -m pipenv run',
      'FROM python:3.11\nRUN pip install pipenv\nWORKDIR /app\nCOPY . .\nRUN python -m pipenv install --deploy\nCMD ["python", "-m", "pipenv", "run", "gunicorn", "app:app"]\n',
      pipfile,
      'CMD ["gunicorn", "app:app"]',
    ],
    [
      'pipenv install --deploy --system',
      'FROM python:3.11\nRUN pip install pipenv\nWORKDIR /app\nCOPY . .\nRUN pipenv install --deploy --system\nCMD pipenv run gunicorn app:app\n',
      pipfile,
      'CMD gunicorn app:app',
    ],
    [
      'python3 -m poetry install',
      'FROM python:3.11\nRUN pip install poetry\nWORKDIR /app\nCOPY . .\nRUN python3 -m poetry config virtualenvs.create false && python3 -m poetry install --only main\nCMD python3 -m poetry run uvicorn app:app\n',
      poetry,
      'CMD uvicorn app:app',
    ],
  ])('%s installs into the venv the runtime copies', (_name, dockerfile, files, command) => {
    const result = convert(dockerfile, files);
    expect(result.status).toBe('converted');
    const venv = result.output.indexOf('RUN python3 -m venv "$VIRTUAL_ENV"');
    expect(venv).toBeGreaterThan(result.output.indexOf('COPY . .'));
    const runtime = runtimeOf(result.output);
    expect(runtime).toContain('COPY --from=builder /opt/venv /opt/venv');
    expect(runtime).toContain(command);
    expect(runtime).not.toMatch(/pipenv|poetry/);
  });

  // uv sync installs into UV_PROJECT_ENVIRONMENT as the command sees it (ENV, its own VAR=..., env VAR=...).
  it.each([
    ['RUN uv sync --frozen', '/app/.venv'],
    ['ENV UV_PROJECT_ENVIRONMENT=/opt/env\nRUN uv sync --frozen', '/opt/env'],
    ['RUN UV_PROJECT_ENVIRONMENT=/venv uv sync --frozen', '/venv'],
    ['RUN env UV_PROJECT_ENVIRONMENT=/venv uv sync --frozen', '/venv'],
    ['ARG ENV_DIR=/srv/env\nRUN UV_PROJECT_ENVIRONMENT=$ENV_DIR uv sync --frozen', '/srv/env'],
    ['ENV UV_PROJECT_ENVIRONMENT=/opt/env\nRUN env -u UV_PROJECT_ENVIRONMENT uv sync --frozen', '/app/.venv'],
    ['RUN UV_PROJECT_ENVIRONMENT=env uv sync --frozen', '/app/env'],
  ])('%s: the runtime runs the venv %s', (install, venv) => {
    const result = convert(
      `FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.4.20 /uv /bin/\nWORKDIR /app\nCOPY . .\n${install}\nCMD ["python", "app.py"]\n`,
      { 'pyproject.toml': '[project]\nname = "app"\nversion = "1"\n', 'uv.lock': 'version = 1\n' },
    );
    expect(result.status).toBe('converted');
    expect(runtimeOf(result.output)).toContain(`ENV PATH="${venv}/bin:$PATH"`);
  });

  it('skips uv pip install --system: uv ignores the venv', () => {
    const result = convert(
      'FROM python:3.11\nCOPY --from=ghcr.io/astral-sh/uv /uv /bin/\nWORKDIR /app\nCOPY . .\nRUN uv pip install --system -r requirements.txt\nCMD ["python", "app.py"]\n',
      { 'requirements.txt': 'flask\n' },
    );
    expect(result.status).toBe('skipped');
    expect(result.reason).toMatch(/uv pip install --system, which ignores virtual environments/);
  });
});
