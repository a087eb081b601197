import { dropRunWrapper } from '../../../src/languages/python/python-container-command';
import type { CommandSpec } from '../../../src/plan/stage-model';

const exec = (...argv: string[]): CommandSpec => ({ form: 'exec', argv });
const shell = (text: string): CommandSpec => ({ form: 'shell', text });
const WRAPPERS = ['poetry', 'pipenv', 'pdm', 'uv'];

describe('poetry/pipenv/pdm/uv run dropped from the container command', () => {
  it.each<[string, CommandSpec, CommandSpec]>([
    ['exec form', exec('poetry', 'run', 'gunicorn', 'app:app'), exec('gunicorn', 'app:app')],
    ['exec form with run options', exec('pdm', 'run', '-v', 'python', 'main.py'), exec('python', 'main.py')],
    ['shell form', shell('poetry run python main.py'), shell('python main.py')],
    [
      'every command of a sh -c script',
      exec(
        'sh',
        '-c',
        'poetry run python -m main & poetry run celery -A app worker & poetry run celery -A app beat',
      ),
      exec('sh', '-c', 'python -m main & celery -A app worker & celery -A app beat'),
    ],
    [
      'after && and ; in a shell-form script',
      shell('pipenv run alembic upgrade head && pipenv run uvicorn app:app; poetry run true'),
      shell('alembic upgrade head && uvicorn app:app; true'),
    ],
    ['a word that only contains the tool name stays', shell('echo poetry run'), shell('echo poetry run')],
    [
      'uv run stays when uv is in the runtime (not a wrapper to drop)',
      exec('uv', 'run', 'app.py'),
      exec('uv', 'run', 'app.py'),
    ],
  ])('%s', (_name, command, expected) => {
    expect(dropRunWrapper(command, ['poetry', 'pipenv', 'pdm'])).toEqual(expected);
  });

  it('returns the same command when there is nothing to drop (no decision is made)', () => {
    const command = exec('bash', '-c', 'python -m main');
    expect(dropRunWrapper(command, WRAPPERS)).toBe(command);
    const script = shell('gunicorn app:app');
    expect(dropRunWrapper(script, WRAPPERS)).toBe(script);
  });
});
