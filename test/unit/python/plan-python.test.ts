/** Python planning scenarios from PITFALLS.md, through the public convertText API. */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { convertText } from '../../../src';

function convert(dockerfile: string, files: Record<string, string> = { 'requirements.txt': 'flask\n' }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'msb-py-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return convertText(dockerfile, { file: path.join(dir, 'Dockerfile'), context: dir });
}

const runtimeOf = (output: string) => output.slice(output.lastIndexOf('\nFROM '));

describe('python planning', () => {
  it('installs into a venv created right before the first dependency install, after tool installs', () => {
    const result = convert(
      'FROM python:3.11\nRUN pip install --upgrade pip\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["gunicorn", "app:app"]\n',
    );
    const lines = result.output.split('\n');
    expect(lines.indexOf('RUN python3 -m venv "$VIRTUAL_ENV"')).toBeGreaterThan(
      lines.indexOf('RUN pip install --upgrade pip'),
    );
    expect(lines.indexOf('RUN python3 -m venv "$VIRTUAL_ENV"')).toBeLessThan(
      lines.indexOf('RUN pip install -r requirements.txt'),
    );
    expect(runtimeOf(result.output)).toContain('COPY --from=builder /opt/venv /opt/venv');
  });

  it('creates the venv as root and hands it to a non-root build user', () => {
    const result = convert(
      'FROM python:3.11\nRUN useradd -m app\nUSER app\nWORKDIR /home/app\nCOPY . .\nRUN pip install -r requirements.txt\n',
    );
    expect(result.output).toContain(
      'USER root\nRUN python3 -m venv "$VIRTUAL_ENV" && chown -R app "$VIRTUAL_ENV"\nUSER app\n',
    );
    expect(runtimeOf(result.output)).toMatch(/RUN useradd -m app[\s\S]*USER app/);
  });

  it('keeps an existing venv where the original put it', () => {
    const result = convert(
      'FROM python:3.11\nENV VIRTUAL_ENV=/venv\nRUN python -m venv $VIRTUAL_ENV\nENV PATH="$VIRTUAL_ENV/bin:$PATH"\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n',
    );
    expect(result.output).not.toContain('/opt/venv');
    expect(runtimeOf(result.output)).toContain('COPY --from=builder /venv /venv');
  });

  it('copies pip --user installs and puts their scripts on PATH', () => {
    const result = convert(
      'FROM python:3.11\nWORKDIR /app\nCOPY . .\nRUN pip install --user -r requirements.txt\nCMD ["gunicorn", "app:app"]\n',
    );
    expect(runtimeOf(result.output)).toContain('COPY --from=builder /root/.local /root/.local');
    expect(runtimeOf(result.output)).toContain('ENV PATH="/root/.local/bin:$PATH"');
  });

  it('rewrites an absolute /usr/local/bin console script to the venv', () => {
    const result = convert(
      'FROM python:3.11\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["/usr/local/bin/gunicorn", "app:app"]\n',
    );
    expect(runtimeOf(result.output)).toContain('CMD ["/opt/venv/bin/gunicorn", "app:app"]');
  });

  it('re-declares only the ARGs the runtime stage uses', () => {
    const result = convert(
      'FROM python:3.11\nARG UNUSED=1\nARG PORT=8000\nENV PORT=$PORT\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n',
    );
    expect(runtimeOf(result.output)).toContain('ARG PORT=8000');
    expect(runtimeOf(result.output)).not.toContain('ARG UNUSED');
  });

  it('adds curl for a HEALTHCHECK on a slim runtime', () => {
    const result = convert(
      'FROM python:3.11\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n',
    );
    expect(runtimeOf(result.output)).toMatch(/apt-get install -y --no-install-recommends curl/);
  });

  it('keeps the test step in the builder only', () => {
    const result = convert(
      'FROM python:3.11\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nRUN python -m pytest\nCMD ["python", "app.py"]\n',
    );
    expect(runtimeOf(result.output)).not.toContain('pytest');
    expect(result.decisions.some((d) => d.placement === 'builder' && /tests/.test(d.why))).toBe(true);
  });

  it('copies files placed outside the WORKDIR', () => {
    const result = convert(
      'FROM python:3.11\nWORKDIR /app\nCOPY entrypoint.sh /usr/local/bin/\nCOPY conf/ /etc/app/\nCOPY . .\nRUN pip install -r requirements.txt\nENTRYPOINT ["entrypoint.sh"]\n',
      {
        'requirements.txt': '',
        'entrypoint.sh': '#!/bin/sh\n',
      },
    );
    const runtime = runtimeOf(result.output);
    expect(runtime).toContain(
      'COPY --from=builder /usr/local/bin/entrypoint.sh /usr/local/bin/entrypoint.sh',
    );
    expect(runtime).toContain('COPY --from=builder /etc/app /etc/app');
  });

  it.each([
    ['conda', 'FROM python:3.11\nRUN conda env create -f environment.yml\n', /conda/],
    [
      'a script that may install dependencies',
      'FROM python:3.11\nWORKDIR /app\nCOPY . .\nRUN ./scripts/setup.sh\n',
      /script .* msb cannot read/,
    ],
    [
      'the context copied into /',
      'FROM python:3.11\nCOPY . .\nRUN pip install -r requirements.txt\n',
      /copies the build context into "\/"/,
    ],
    [
      'installs at container start',
      'FROM python:3.11\nWORKDIR /app\nCOPY . .\nCMD pip install -r requirements.txt && python app.py\n',
      /installs packages when it starts/,
    ],
    [
      'a non-python base image',
      'FROM ubuntu:22.04\nRUN pip install -r requirements.txt\n',
      /no runtime image is known/,
    ],
    [
      'a PATH reset that would hide the venv',
      'FROM python:3.11\nWORKDIR /app\nCOPY . .\nENV PATH=/app/bin:/usr/local/bin:/usr/bin:/bin\nRUN pip install -r requirements.txt\n',
      /sets PATH without \$PATH/,
    ],
  ])('skips %s with a reason', (_name, dockerfile, reason) => {
    const result = convert(dockerfile);
    expect(result.status).toBe('skipped');
    expect(result.reason).toMatch(reason);
    expect(result.output).toBe(dockerfile);
  });

  it.each([
    [
      'installs packages',
      "    command: sh -c 'pip install -r requirements.txt && python app.py'\n",
      /installs packages when it starts/,
    ],
    ['runs poetry, which stays in the builder', '    command: poetry run python app.py\n', /runs poetry/],
  ])('skips when the command compose supplies %s', (_name, command, reason) => {
    const dockerfile = 'FROM python:3.11\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n';
    const result = convert(dockerfile, {
      'requirements.txt': 'flask\n',
      'compose.yaml': `services:\n  app:\n    build: .\n${command}`,
    });
    expect(result.status).toBe('skipped');
    expect(result.reason).toMatch(reason);
  });

  it('keeps CRLF line endings and the BOM', () => {
    const result = convert(
      '\uFEFFFROM python:3.11\r\nWORKDIR /app\r\nCOPY . .\r\nRUN pip install -r requirements.txt\r\n',
    );
    expect(result.output.startsWith('\uFEFFFROM python:3.11 AS builder\r\n')).toBe(true);
    expect(result.output.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('keeps parser directives first', () => {
    const result = convert(
      '# syntax=docker/dockerfile:1\n# escape=\\\nFROM python:3.11\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n',
    );
    expect(
      result.output.startsWith('# syntax=docker/dockerfile:1\n# escape=\\\nFROM python:3.11 AS builder\n'),
    ).toBe(true);
  });

  it('names the stage in the keyword case the user writes', () => {
    const result = convert('from python:3.11\nworkdir /app\ncopy . .\nrun pip install -r requirements.txt\n');
    expect(result.output.startsWith('from python:3.11 as builder\n')).toBe(true);
  });
});
