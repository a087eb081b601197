/** Installs when the container starts, worded by the profile. */
import { installAtStart, type InstallAtStartWording } from '../../../src/plan/install-at-start';
import { detectFixture } from '../../helpers/build-fixture';

const wording: InstallAtStartWording = {
  command: '{source} installs ("{command}")',
  script: '{file}, which {source} runs, installs ("{command}")',
};

function reason(commands: string, files: Record<string, string>, words = wording): string | null {
  const input = detectFixture(`FROM ruby:3.3\nWORKDIR /app\n${commands}`, files);
  return installAtStart(input, (c) => c.words[0] === 'bundle' && c.words[1] === 'install', words);
}

describe('installAtStart', () => {
  it.each([
    [
      'the CMD installs',
      'CMD bundle install && puma\n',
      {},
      wording,
      'the container installs ("bundle install")',
    ],
    [
      'compose supplies the command',
      '',
      { 'compose.yaml': 'services:\n  web:\n    build: .\n    command: sh -c "bundle install && puma"\n' },
      wording,
      'service "web" in compose.yaml installs ("bundle install")',
    ],
    [
      'a start script installs',
      'CMD ["./bin/start.sh"]\n',
      { 'bin/start.sh': 'set -e\nbundle install\nexec puma\n' },
      wording,
      'bin/start.sh, which the container runs, installs ("bundle install")',
    ],
    [
      'scripts are not read without their wording',
      'CMD ["./bin/start.sh"]\n',
      { 'bin/start.sh': 'bundle install\n' },
      { command: wording.command },
      null,
    ],
    ['nothing installs', 'CMD ["puma"]\n', {}, wording, null],
  ])('%s', (_name, commands, files, words, expected) => {
    expect(reason(commands, files, words)).toBe(expected);
  });
});
