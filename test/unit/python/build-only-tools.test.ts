/** Tools that only build steps run stay in the builder (apt/apk packages, installers copied from an image). */
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { convertText } from '../../../src';

function convert(dockerfile: string, files: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'msb-tools-'));
  for (const [name, text] of Object.entries({ 'requirements.txt': 'flask\n', ...files })) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return convertText(dockerfile, { file: path.join(dir, 'Dockerfile'), context: dir });
}

const runtimeOf = (output: string) => output.slice(output.lastIndexOf('\nFROM '));
/** Packages the runtime stage installs with apt, or [] when it installs none. */
const runtimeApt = (output: string) =>
  /apt-get install -y --no-install-recommends (.*?) &&/.exec(runtimeOf(output))?.[1].split(' ') ?? [];

const APT = 'RUN apt-get update && apt-get install -y --no-install-recommends wget unzip curl git\n';
const APP = 'WORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n';

describe('build-only tools', () => {
  it.each<[string, string, Record<string, string>, string[]]>([
    [
      'tools a build step runs stay in the builder; unused ones are kept (git only with evidence of use)',
      `FROM python:3.11\n${APT}${APP}RUN wget -q https://example.com/w.zip && unzip w.zip -d weights\nCMD ["python", "app.py"]\n`,
      {},
      ['curl'],
    ],
    [
      'a HEALTHCHECK keeps curl',
      `FROM python:3.11\n${APT}${APP}RUN curl -fsSLO https://example.com/w.zip && unzip w.zip\nHEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\nCMD ["python", "app.py"]\n`,
      {},
      ['wget', 'curl'],
    ],
    [
      'the container command keeps git',
      `FROM python:3.11\n${APT}${APP}RUN git init && wget -q https://example.com/w.zip\nCMD git pull && python app.py\n`,
      {},
      ['unzip', 'curl', 'git'],
    ],
    [
      'an entrypoint script in the context that runs wget keeps it',
      `FROM python:3.11\n${APT}${APP}RUN wget -q https://example.com/w.zip && unzip w.zip\nENTRYPOINT ["./docker/entrypoint.sh"]\n`,
      { 'docker/entrypoint.sh': '#!/bin/sh\nset -e\n[ -f w.bin ] || wget -q "$WEIGHTS_URL"\nexec "$@"\n' },
      ['wget', 'curl'],
    ],
    [
      'an entrypoint script msb cannot read keeps every tool',
      `FROM python:3.11\n${APT}${APP}RUN wget -q https://example.com/w.zip && unzip w.zip\nENTRYPOINT ["/usr/local/bin/start.sh"]\n`,
      {},
      ['wget', 'unzip', 'curl', 'git'],
    ],
  ])('%s', (_name, dockerfile, files, runtime) => {
    const result = convert(dockerfile, files);
    expect(result.status).toBe('converted');
    expect(runtimeApt(result.output)).toEqual(runtime);
  });

  it('says which build step uses the tool', () => {
    const result = convert(`FROM python:3.11\n${APT}${APP}RUN wget -q https://example.com/w.zip\n`);
    expect(result.decisions).toContainEqual({
      subject: 'wget (line 2)',
      placement: 'builder',
      why: 'only build steps run wget (line 6); the container command and HEALTHCHECK do not',
    });
  });

  it.each([
    ['python app.py', false],
    ['uv run --no-sync python app.py', true],
  ])(
    'a uv binary copied from its image reaches the runtime only if the container runs it (%s)',
    (cmd, kept) => {
      const result = convert(
        `FROM python:3.11-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.4.20 /uv /uvx /bin/\nWORKDIR /app\nCOPY . .\nRUN uv sync --frozen\nCMD ${cmd}\n`,
        { 'pyproject.toml': '[project]\nname = "x"\nversion = "1"\n', 'uv.lock': '' },
      );
      expect(
        runtimeOf(result.output).includes('COPY --from=ghcr.io/astral-sh/uv:0.4.20 /uv /uvx /bin/'),
      ).toBe(kept);
    },
  );
});
