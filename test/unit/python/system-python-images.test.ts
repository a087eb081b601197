/** Images whose own command runs the system Python (tiangolo's /start.sh): packages go to a user base it reads. */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { convertText } from '../../../src';

function convert(dockerfile: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'msb-syspy-'));
  writeFileSync(path.join(dir, 'requirements.txt'), 'sqlalchemy\n');
  return convertText(dockerfile, { file: path.join(dir, 'Dockerfile'), context: dir });
}

const runtimeOf = (output: string) => output.slice(output.lastIndexOf('\nFROM '));
const TIANGOLO = 'FROM tiangolo/uvicorn-gunicorn-fastapi:python3.11\nCOPY requirements.txt /app/\n';

describe('tiangolo images', () => {
  it('installs with pip into a user base and keeps the image command', () => {
    const result = convert(`${TIANGOLO}RUN pip install -r /app/requirements.txt\nCOPY ./app /app/app\n`);
    expect(result.output).toContain('ENV PYTHONUSERBASE=/opt/python-user PIP_USER=1\n');
    const runtime = runtimeOf(result.output);
    expect(runtime).toContain('FROM tiangolo/uvicorn-gunicorn-fastapi:python3.11-slim AS runtime');
    expect(runtime).toContain('ENV PYTHONUSERBASE=/opt/python-user PATH="/opt/python-user/bin:$PATH"');
    expect(runtime).toContain('COPY --from=builder /opt/python-user /opt/python-user');
    expect(runtime).not.toMatch(/VIRTUAL_ENV|^CMD/m);
  });

  it('hands the user base to a non-root build user', () => {
    const result = convert(
      `${TIANGOLO}RUN useradd -m api\nUSER api\nRUN pip install -r /app/requirements.txt\n`,
    );
    expect(result.output).toContain(
      'USER root\nRUN mkdir -p "$PYTHONUSERBASE" && chown -R api "$PYTHONUSERBASE"\nUSER api\n',
    );
  });

  it('skips an installer that cannot write a user base', () => {
    const result = convert(`${TIANGOLO}RUN pip install poetry && poetry install --no-root\n`);
    expect(result.status).toBe('skipped');
    expect(result.reason).toMatch(
      /runs the system Python's own tools .* poetry cannot install into a user base/,
    );
  });

  it("keeps the original's own venv", () => {
    const result = convert(
      `${TIANGOLO}RUN python -m venv /venv\nENV PATH="/venv/bin:$PATH"\nRUN pip install -r /app/requirements.txt\n`,
    );
    expect(runtimeOf(result.output)).toContain('COPY --from=builder /venv /venv');
    expect(result.output).not.toContain('PYTHONUSERBASE');
  });
});

describe("a base image's own WORKDIR", () => {
  it('resolves relative paths in the gradle image below /home/gradle', () => {
    const result = convertText(
      'FROM gradle:8.10-jdk21\nCOPY . .\nRUN gradle jar --no-daemon\nCMD ["java", "-jar", "build/libs/app.jar"]\n',
    );
    const runtime = runtimeOf(result.output);
    expect(runtime).toContain('WORKDIR /home/gradle\n');
    expect(runtime).toContain('COPY --from=builder /home/gradle/build/libs/app.jar');
  });
});
