import { splitShellCommands } from '../../../src/analyze/shell-commands';
import { classifyPythonCommand } from '../../../src/languages/python/python-commands';

const tools = new Set(['pip', 'setuptools', 'wheel', 'poetry', 'pipenv', 'uv']);
const classify = (script: string, workdir = '/app') =>
  classifyPythonCommand(splitShellCommands(script)[0], tools, workdir);

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
    ['uv sync --frozen', { kind: 'uv-sync' }],
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
