/**
 * The config file through the built CLI: found above the Dockerfile, flags beat it, --config and
 * --no-config, an invalid file is one `file:line` error with exit 2.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT as ROOT, runMsb } from './helpers/built-msb';

const msb = (args: string[], cwd: string) =>
  runMsb(args, { cwd, timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'msb-cli-config-'));
  mkdirSync(path.join(tmp, 'org'));
  cpSync(path.join(ROOT, 'examples', 'go-stdlib-server'), path.join(tmp, 'org', 'go'), { recursive: true });
  // MSB003 (untagged runtime image) and MSB006 (secret in ENV).
  mkdirSync(path.join(tmp, 'org', 'lint'));
  writeFileSync(
    path.join(tmp, 'org', 'lint', 'Dockerfile'),
    'FROM golang:1.22 AS build\nFROM alpine\nENV API_TOKEN=abc\n',
  );
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const runtimeImage = (output: string) => /^FROM (\S+) AS runtime$/m.exec(output)?.[1];
const rules = (stdout: string) => JSON.parse(stdout)[0].findings.map((f: { rule: string }) => f.rule);

describe('config file', () => {
  it('runtime: the config picks the flavour of its language, --runtime beats it, --no-config drops it', () => {
    expect(runtimeImage(msb(['convert', 'org/go/Dockerfile'], tmp).stdout)).toMatch(
      /^gcr\.io\/distroless\/static/,
    );
    writeFileSync(path.join(tmp, 'org', '.msbrc.yaml'), 'runtime:\n  go: alpine\n  java: jre\n');
    expect(runtimeImage(msb(['convert', 'org/go/Dockerfile'], tmp).stdout)).toMatch(/^alpine:/);
    expect(runtimeImage(msb(['convert', '--runtime', 'scratch', 'org/go/Dockerfile'], tmp).stdout)).toBe(
      'scratch',
    );
    expect(runtimeImage(msb(['convert', '--no-config', 'org/go/Dockerfile'], tmp).stdout)).toMatch(
      /^gcr\.io\/distroless\/static/,
    );
  });

  it('ignore: added to --ignore; the nearest file wins; --config names another', () => {
    expect(rules(msb(['lint', '--json', 'org/lint/Dockerfile'], tmp).stdout)).toEqual(['MSB003', 'MSB006']);
    writeFileSync(path.join(tmp, 'msb.config.yaml'), 'ignore: [MSB006]\n');
    expect(rules(msb(['lint', '--json', 'org/lint/Dockerfile'], tmp).stdout)).toEqual(['MSB003']);
    expect(rules(msb(['lint', '--json', 'org/lint/Dockerfile', '--ignore', 'MSB003'], tmp).stdout)).toEqual(
      [],
    );
    writeFileSync(path.join(tmp, 'org', '.msbrc.yaml'), 'ignore: [MSB003]\n');
    expect(rules(msb(['lint', '--json', 'org/lint/Dockerfile'], tmp).stdout)).toEqual(['MSB006']);
    expect(
      rules(msb(['lint', '--json', '--config', 'msb.config.yaml', 'org/lint/Dockerfile'], tmp).stdout),
    ).toEqual(['MSB003']);
  });

  it('profiles: paths relative to the config file, loaded like --profile', () => {
    writeFileSync(path.join(tmp, 'org', '.msbrc.yaml'), 'profiles: [profiles/broken.yaml]\n');
    const run = msb(['convert', 'org/go/Dockerfile'], tmp);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `msb: ${path.join(tmp, 'org', 'profiles', 'broken.yaml')}: no such profile file\n`,
    );
  });

  it('an invalid config: exit 2, file:line, nothing on stdout', () => {
    writeFileSync(path.join(tmp, 'org', '.msbrc.yaml'), 'ignore: [MSB006]\nruntime: alpine\n');
    for (const args of [
      ['convert', 'org/go/Dockerfile'],
      ['detect', 'org/go'],
    ]) {
      const run = msb(args, tmp);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`msb: ${path.join(tmp, 'org', '.msbrc.yaml')}:2: runtime: must be object\n`);
    }
    const lint = msb(['lint', 'org/lint/Dockerfile'], tmp);
    expect(lint.status).toBe(2);
    expect(lint.stderr).toMatch(/\.msbrc\.yaml:2: runtime: must be object/);
  });
});
