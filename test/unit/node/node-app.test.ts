import { contextDirFor, readNodeApp } from '../../../src/languages/node/node-app';
import { contextPaths } from '../../../src/plan/context-paths';
import { Files, nodeInput, pkg, settings } from './node-fixtures';

const app = (dockerfile: string, files: Files) => readNodeApp(nodeInput(dockerfile, files), settings);

describe('node project facts', () => {
  it.each([
    [
      'package files into WORKDIR',
      'WORKDIR /app\nCOPY package*.json ./',
      '/app',
      { 'package.json': '{}' },
      '',
    ],
    ['whole context', 'WORKDIR /app\nCOPY . .', '/app/client', { 'client/package.json': '{}' }, 'client'],
    [
      'a sub-folder copied to its own place',
      'COPY web /srv/web',
      '/srv/web',
      { 'web/package.json': '{}' },
      'web',
    ],
    ['explicit file copy', 'COPY api/package.json /api/', '/api', { 'api/package.json': '{}' }, 'api'],
    ['nothing copied there', 'WORKDIR /app\nCOPY server.js .', '/app', { 'server.js': '' }, null],
  ])('context folder: %s', (_name, lines, dir, files, expected) => {
    const input = nodeInput(`FROM node:18\n${lines}\n`, files);
    expect(contextDirFor(input.facts, dir, input.context)).toBe(expected);
  });

  it.each([
    [
      'a file copied into a folder',
      'COPY docker/start.sh /usr/local/bin/',
      '/usr/local/bin/start.sh',
      'docker/start.sh',
    ],
    ['a file copied to a new name', 'COPY docker/start.sh /start', '/start', 'docker/start.sh'],
    ['a glob', 'WORKDIR /app\nCOPY *.sh ./', '/app/start.sh', 'start.sh'],
    [
      'the last copy wins',
      'WORKDIR /app\nCOPY . .\nCOPY docker/start.sh ./start.sh',
      '/app/start.sh',
      'docker/start.sh',
    ],
    ['not from the context', 'COPY --from=tools /bin/start.sh /start.sh', '/start.sh', null],
  ])('context path: %s', (_name, lines, containerPath, expected) => {
    const input = nodeInput(`FROM node:18\n${lines}\n`, { 'docker/start.sh': '', 'start.sh': '' });
    expect(contextPaths(input.facts, input.context).toContext(containerPath)).toBe(expected);
  });

  it('records node_modules moved out of the project', () => {
    const found = app(
      'FROM node:18\nWORKDIR /usr/local/app\nCOPY . .\nRUN npm ci && mv /usr/local/app/node_modules /node_modules\n',
      { 'package.json': pkg({}) },
    );
    expect(found.installs[0].movedTo).toBe('/node_modules');
  });

  it('reads the commands of a start script from the context, and notes one it cannot read', () => {
    const readable = app(
      'FROM node:18\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["./start.sh"]\nCMD ["node", "index.js"]\n',
      { 'start.sh': '#!/bin/sh\nnode migrate.js\nexec "$@"\n' },
    );
    expect(readable.start.map((s) => s.text)).toEqual(['node migrate.js', 'node index.js']);
    expect(readable.opaqueScript).toBeNull();
    const opaque = app('FROM node:18\nWORKDIR /app\nCMD ["/app/run.sh"]\n', {});
    expect(opaque.opaqueScript).toBe('/app/run.sh');
    expect(app('FROM node:18\nCMD ["/usr/local/bin/node", "a.js"]\n', {}).opaqueScript).toBeNull();
  });

  it.each([
    ['the Dockerfile install wins', 'RUN yarn install', { 'package-lock.json': '{}' }, 'yarn', false, null],
    ['pnpm lockfile', 'RUN echo', { 'pnpm-lock.yaml': '' }, 'pnpm', false, null],
    ['yarn lockfile', 'RUN echo', { 'yarn.lock': '' }, 'yarn', false, null],
    ['shrinkwrap', 'RUN echo', { 'npm-shrinkwrap.json': '{}' }, 'npm', false, null],
    ['packageManager field', 'RUN echo', {}, 'pnpm', false, 'pnpm@9.1.0'],
    ['yarn berry by .yarnrc.yml', 'RUN yarn install --immutable', { '.yarnrc.yml': '' }, 'yarn', true, null],
    [
      'yarn berry by lockfile',
      'RUN yarn',
      { 'yarn.lock': '__metadata:\n  version: 6\n' },
      'yarn',
      true,
      null,
    ],
    ['yarn berry by packageManager', 'RUN echo', {}, 'yarn', true, 'yarn@4.1.0'],
    ['yarn 1 by packageManager', 'RUN echo', {}, 'yarn', false, 'yarn@1.22.19'],
    [
      'a lockfile other than yarn.lock is not read for berry',
      'RUN npm ci',
      { 'package-lock.json': '__metadata:\n' },
      'npm',
      false,
      null,
    ],
    ['a packageManager msb does not know', 'RUN echo', {}, 'npm', false, 'bun@1.1.0'],
    ['default npm', 'RUN echo', {}, 'npm', false, null],
  ])('package manager: %s', (_name, run, files, name, berry, packageManager: string | null) => {
    const found = app(`FROM node:18\nWORKDIR /app\nCOPY . .\n${run}\n`, {
      'package.json': pkg(packageManager ? { packageManager } : {}),
      ...files,
    });
    expect(found.manager).toMatchObject({ name, berry });
  });

  it('follows cd and --prefix to the folder node_modules goes to', () => {
    const found = app(
      'FROM node:18\nWORKDIR /app\nCOPY . .\nRUN cd client && npm ci && npm run build\nRUN npm --prefix server ci\n',
      {
        'client/package.json': pkg({ scripts: { build: 'vite build' } }),
        'server/package.json': pkg({}),
      },
    );
    expect(found.installs.map((i) => i.dir)).toEqual(['/app/client', '/app/server']);
    expect(found.builds).toMatchObject([{ dir: '/app/client', script: 'build' }]);
    expect(found.projectDir).toBe('/app/client');
    expect(found.contextDir).toBe('client');
  });

  it.each([
    ['a script named build', 'RUN npm run build', { build: 'node scripts/build.js' }, 'build'],
    ['a build tool behind another name', 'RUN npm run compile', { compile: 'tsc -p .' }, 'compile'],
    ['a build tool run directly', 'RUN npx vite build', {}, null],
  ])('build step: %s', (_name, run, scripts, script) => {
    const found = app(`FROM node:18\nWORKDIR /app\nCOPY . .\n${run}\n`, { 'package.json': pkg({ scripts }) });
    expect(found.builds).toMatchObject([{ script }]);
  });

  it('is not fooled by a script that only tests', () => {
    expect(
      app('FROM node:18\nWORKDIR /app\nCOPY . .\nRUN npm test\n', {
        'package.json': pkg({ scripts: { test: 'jest' } }),
      }).builds,
    ).toEqual([]);
  });

  it('lists global tools and matches frameworks in the profile order', () => {
    const found = app('FROM node:18\nRUN npm i -g pm2 @nestjs/cli\nWORKDIR /app\nCOPY . .\nRUN npm ci\n', {
      'package.json': pkg({ dependencies: { '@nestjs/core': '10', express: '4' } }),
    });
    expect(found.globals.map((g) => g.packages)).toEqual([['pm2', '@nestjs/cli']]);
    expect(found.frameworks.map((f) => f.name)).toEqual(['nest', 'express']);
  });
});
