import { splitShellCommands } from '../../../src/analyze/shell-commands';
import { classifyNodeCommand, packageName, parseArgs } from '../../../src/languages/node/node-commands';
import { settings } from './node-fixtures';

const classify = (text: string) => classifyNodeCommand(splitShellCommands(text)[0], settings);

describe('node command classification', () => {
  it.each([
    ['npm ci', { kind: 'install', manager: 'npm', dev: null, dir: null, packages: [] }],
    ['npm install', { kind: 'install', manager: 'npm', dev: null }],
    ['npm i express@4', { kind: 'install', manager: 'npm', packages: ['express@4'] }],
    ['npm ci --omit=dev', { kind: 'install', dev: 'omit' }],
    ['npm ci --omit dev', { kind: 'install', dev: 'omit' }],
    ['npm install --production', { kind: 'install', dev: 'omit' }],
    ['npm ci --only=production', { kind: 'install', dev: 'omit' }],
    ['npm ci --include=dev', { kind: 'install', dev: 'include' }],
    ['npm ci --omit=dev --include=dev', { kind: 'install', dev: 'include' }],
    ['npm install --production=false', { kind: 'install', dev: 'include' }],
    ['npm install --production=true', { kind: 'install', dev: 'omit' }],
    ['yarn install --production=false', { kind: 'install', manager: 'yarn', dev: 'include' }],
    ['yarn add left-pad', { kind: 'install', manager: 'yarn', dev: null, packages: ['left-pad'] }],
    ['npm --prefix client ci', { kind: 'install', dir: 'client' }],
    ['yarn', { kind: 'install', manager: 'yarn', dev: null }],
    ['yarn install --frozen-lockfile', { kind: 'install', manager: 'yarn', dev: null }],
    ['yarn install --production --frozen-lockfile', { kind: 'install', manager: 'yarn', dev: 'omit' }],
    ['yarn --cwd web install', { kind: 'install', manager: 'yarn', dir: 'web' }],
    ['yarn workspaces focus --all --production', { kind: 'install', manager: 'yarn', dev: 'omit' }],
    ['pnpm install --frozen-lockfile', { kind: 'install', manager: 'pnpm', dev: null }],
    ['pnpm i --prod', { kind: 'install', manager: 'pnpm', dev: 'omit' }],
    ['pnpm -C api install', { kind: 'install', manager: 'pnpm', dir: 'api' }],
    [
      'pnpm add -D typescript',
      { kind: 'install', manager: 'pnpm', dev: 'include', packages: ['typescript'] },
    ],
    ['npm isntall --include=dev,optional', { kind: 'install', manager: 'npm', dev: 'include' }],
    ['yarnpkg install --prod', { kind: 'install', manager: 'yarn', dev: 'omit' }],
  ])('%s is an install', (text, expected) => {
    expect(classify(text)).toMatchObject(expected);
  });

  it.each([
    ['npm install -g pm2@5.3.0', ['pm2']],
    ['npm i --global @nestjs/cli@10 typescript', ['@nestjs/cli', 'typescript']],
    ['yarn global add serve', ['serve']],
    ['pnpm add -g pnpm@9', ['pnpm']],
    ['npm install --location=global serve', ['serve']],
    ['corepack enable', ['pnpm', 'yarn']],
    ['corepack enable pnpm', ['pnpm']],
    ['corepack prepare pnpm@9.1.0 --activate', ['pnpm']],
  ])('%s installs global tools', (text, packages) => {
    expect(classify(text)).toEqual({ kind: 'global-install', packages });
  });

  it.each([
    ['npm run build', { manager: 'npm', script: 'build', args: [], mayBeProgram: false }],
    [
      'npm run build -- --configuration production',
      { script: 'build', args: ['--configuration', 'production'] },
    ],
    ['npm start', { script: 'start' }],
    ['npm test', { script: 'test' }],
    ['npm t', { script: 'test' }],
    ['npm run-script lint', { script: 'lint' }],
    ['yarn build', { manager: 'yarn', script: 'build', mayBeProgram: true }],
    ['yarn run build', { manager: 'yarn', script: 'build', mayBeProgram: true }],
    ['pnpm run build', { manager: 'pnpm', script: 'build', mayBeProgram: false }],
    ['pnpm build', { manager: 'pnpm', script: 'build', mayBeProgram: true }],
    ['pnpm start', { manager: 'pnpm', script: 'start' }],
  ])('%s runs a script', (text, expected) => {
    expect(classify(text)).toMatchObject({ kind: 'script', ...expected });
  });

  it.each([
    ['npx serve -s build -l 3000', ['serve', '-s', 'build', '-l', '3000']],
    ['npx --yes http-server dist', ['http-server', 'dist']],
    ['npm exec -- vite build', ['vite', 'build']],
    ['pnpm exec tsc -p .', ['tsc', '-p', '.']],
    ['yarn dlx serve', ['serve']],
    ['yarn node --inspect server.js', ['node', '--inspect', 'server.js']],
    ['./node_modules/.bin/next start', ['next', 'start']],
    ['/usr/local/bin/node server.js', ['node', 'server.js']],
    ['NODE_ENV=production node dist/main.js', ['node', 'dist/main.js']],
    ['corepack pnpm exec vite', ['vite']],
  ])('%s runs a program', (text, words) => {
    expect(classify(text)).toEqual({ kind: 'program', words });
  });

  it.each([
    ['npm prune --omit=dev', { kind: 'prune', manager: 'npm', dev: 'omit' }],
    ['npm prune --production', { kind: 'prune', manager: 'npm', dev: 'omit' }],
    ['npm prune', { kind: 'prune', manager: 'npm', dev: null }],
    ['pnpm prune --prod', { kind: 'prune', manager: 'pnpm', dev: 'omit' }],
    ['cd client', { kind: 'cd', dir: 'client' }],
    ['npm cache clean --force', { kind: 'other' }],
    ['yarn cache clean', { kind: 'other' }],
    ['pnpm store prune', { kind: 'other' }],
  ])('%s', (text, expected) => {
    expect(classify(text)).toEqual(expected);
  });

  it('reads package names from install specs', () => {
    expect(['pm2@5', '@nestjs/cli@10.1.0', '@angular/cli', 'serve'].map(packageName)).toEqual([
      'pm2',
      '@nestjs/cli',
      '@angular/cli',
      'serve',
    ]);
  });

  it('does not let a value flag swallow the next flag', () => {
    expect(parseArgs(['--host', '--port', '80', 'dist'], ['--host', '--port'])).toMatchObject({
      positionals: ['dist'],
      options: new Map([
        ['--host', 'true'],
        ['--port', '80'],
      ]),
      rest: [],
    });
  });
});
