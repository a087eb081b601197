import { splitShellCommands } from '../../../src/analyze/shell-commands';
import type { PackageJson } from '../../../src/languages/node/package-json';
import { expandScripts } from '../../../src/languages/node/run-scripts';
import { settings } from './node-fixtures';

const pkg = (scripts: Record<string, string>): PackageJson => ({
  dir: '',
  dependencies: {},
  devDependencies: {},
  scripts,
  packageManager: null,
  workspaces: false,
});

function expand(command: string, scripts: Record<string, string> | null) {
  return expandScripts(splitShellCommands(command), scripts ? pkg(scripts) : null, settings).map((s) => ({
    what: s.command.kind === 'program' ? s.command.words.join(' ') : s.command.kind,
    via: s.via.join('>'),
  }));
}

describe('package.json script expansion', () => {
  it.each([
    [
      'a script becomes its commands',
      'npm run build',
      { build: 'tsc -p . && node copy-assets.js' },
      [
        { what: 'tsc -p .', via: 'build' },
        { what: 'node copy-assets.js', via: 'build' },
      ],
    ],
    [
      'npm runs pre and post hooks',
      'npm start',
      { prestart: 'npm run build', build: 'tsc', start: 'node dist/main.js', poststart: 'echo done' },
      [
        { what: 'tsc', via: 'prestart>build' },
        { what: 'node dist/main.js', via: 'start' },
        { what: 'echo done', via: 'poststart' },
      ],
    ],
    [
      'pnpm runs no hooks',
      'pnpm start',
      { prestart: 'tsc', start: 'node main.js' },
      [{ what: 'node main.js', via: 'start' }],
    ],
    [
      'arguments after -- go to the script',
      'npm run build -- --configuration production',
      { build: 'ng build' },
      [{ what: 'ng build --configuration production', via: 'build' }],
    ],
    [
      'npm start without a start script runs server.js',
      'npm start',
      {},
      [{ what: 'node server.js', via: 'start' }],
    ],
    [
      'yarn runs a binary when no script has the name',
      'yarn tsc -p .',
      { build: 'tsc' },
      [{ what: 'tsc -p .', via: '' }],
    ],
    ['an unknown npm script runs nothing msb can see', 'npm run missing', {}, [{ what: 'other', via: '' }]],
    [
      'recursive scripts stop',
      'npm run a',
      { a: 'npm run b', b: 'npm run a' },
      [{ what: 'other', via: 'a>b' }],
    ],
    ['no package.json: a plain program stays', 'node index.js', null, [{ what: 'node index.js', via: '' }]],
    [
      'npx inside a script is unwrapped',
      'npm run serve',
      { serve: 'npx serve -s build' },
      [{ what: 'serve -s build', via: 'serve' }],
    ],
  ])('%s', (_name, command, scripts, expected) => {
    expect(expand(command, scripts)).toEqual(expected);
  });
});
