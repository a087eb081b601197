/** Detection: Node projects with their framework, package manager, build script and output folder; lookalikes stay Python. */
import * as path from 'path';
import { detectText } from '../../../src';
import { environment, Files, pkg, project } from './node-fixtures';

const detect = (dockerfile: string, files: Files) => {
  const dir = project(files);
  return detectText(dockerfile, { file: path.join(dir, 'Dockerfile'), context: dir, environment });
};
const app = (cmd: string, install = 'RUN npm ci\nRUN npm run build') =>
  `FROM node:18\nWORKDIR /app\nCOPY . .\n${install}\n${cmd}\n`;

describe('node detection', () => {
  it.each([
    [
      'CRA served by serve',
      app('CMD ["npx", "serve", "-s", "build"]'),
      {
        'package.json': pkg({
          dependencies: { react: '18', 'react-scripts': '5' },
          scripts: { build: 'react-scripts build' },
        }),
        'package-lock.json': '{}',
      },
      {
        framework: 'react',
        packageManager: 'npm',
        facts: {
          appKind: 'static site (nginx)',
          buildScript: 'build',
          buildCommand: 'react-scripts build',
          outputDir: 'build',
          lockfile: 'package-lock.json',
          installCommand: 'npm ci',
        },
      },
    ],
    [
      'Vite + React reports vite',
      app('CMD ["npx", "vite", "preview"]'),
      {
        'package.json': pkg({
          dependencies: { react: '18' },
          devDependencies: { vite: '5' },
          scripts: { build: 'vite build' },
        }),
        'vite.config.ts': "export default { build: { outDir: 'www' } }",
      },
      { framework: 'vite', facts: { outputDir: 'www' } },
    ],
    [
      'Angular',
      app('CMD ["npx", "http-server", "dist/shop/browser"]'),
      {
        'package.json': pkg({ dependencies: { '@angular/core': '17' }, scripts: { build: 'ng build' } }),
        'angular.json': '{}',
      },
      { framework: 'angular', facts: { outputDir: 'dist/shop/browser' } },
    ],
    [
      'Vue CLI',
      app('CMD ["npx", "serve", "-s", "dist"]'),
      {
        'package.json': pkg({
          devDependencies: { '@vue/cli-service': '5' },
          dependencies: { vue: '3' },
          scripts: { build: 'vue-cli-service build' },
        }),
      },
      { framework: 'vue', facts: { outputDir: 'dist' } },
    ],
    [
      'NestJS on yarn',
      app('CMD ["node", "dist/main.js"]', 'RUN yarn install --frozen-lockfile\nRUN yarn build'),
      {
        'package.json': pkg({ dependencies: { '@nestjs/core': '10' }, scripts: { build: 'nest build' } }),
        'yarn.lock': '',
        'tsconfig.json': '{"compilerOptions":{"outDir":"./dist"}}',
      },
      {
        framework: 'nest',
        packageManager: 'yarn',
        facts: { appKind: 'node server', buildScript: 'build', outputDir: 'dist' },
      },
    ],
    [
      'Fastify on pnpm',
      app('CMD ["node", "server.js"]', 'RUN pnpm install --frozen-lockfile'),
      { 'package.json': pkg({ dependencies: { fastify: '4' } }), 'pnpm-lock.yaml': '' },
      { framework: 'fastify', packageManager: 'pnpm', facts: { appKind: 'node server' } },
    ],
    [
      'an API that also lists react is named by its server framework',
      app('CMD ["node", "server.js"]'),
      { 'package.json': pkg({ dependencies: { express: '4', react: '18' }, scripts: { build: 'webpack' } }) },
      { framework: 'express', facts: { appKind: 'node server' } },
    ],
    [
      'Next standalone',
      app('CMD ["npm", "start"]'),
      {
        'package.json': pkg({
          dependencies: { next: '14' },
          scripts: { build: 'next build', start: 'next start' },
        }),
        'next.config.mjs': "export default { output: 'standalone' }",
      },
      { framework: 'next', facts: { appKind: 'Next.js standalone server', outputDir: '.next/standalone' } },
    ],
    [
      'a build at start is reported with its reason',
      app('CMD npm run build && npm start', 'RUN npm ci'),
      { 'package.json': pkg({ scripts: { build: 'tsc', start: 'node dist' } }) },
      {
        facts: {
          appKind: 'not convertible',
          skipReason: expect.stringMatching(/builds the app when it starts/),
        },
      },
    ],
  ])('%s', (_name, dockerfile, files, expected) => {
    const detection = detect(dockerfile, files);
    expect(detection).toMatchObject({ language: 'node', ...expected });
    expect(detection.evidence.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['file', 'base-image', 'command']),
    );
  });

  it.each([
    [
      'a Python app that builds assets with npm',
      'FROM python:3.11\nRUN apt-get update && apt-get install -y nodejs npm\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nRUN pip install -r requirements.txt\nCMD ["gunicorn", "app:app"]\n',
      {
        'package.json': pkg({ devDependencies: { webpack: '5' }, scripts: { build: 'webpack' } }),
        'package-lock.json': '{}',
        'requirements.txt': 'flask\n',
      },
      'python',
    ],
    [
      'a Python app with only a pyproject and a full npm setup',
      'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nRUN pip install .\n',
      {
        'package.json': pkg({ scripts: { build: 'vite build' } }),
        'package-lock.json': '{}',
        'vite.config.js': '',
        'pyproject.toml': '[project]\nname="x"\n',
      },
      'python',
    ],
    [
      'a Node app with a requirements.txt for a helper script',
      app('CMD ["node", "index.js"]', 'RUN npm ci'),
      {
        'package.json': pkg({ dependencies: { express: '4' } }),
        'package-lock.json': '{}',
        'requirements.txt': 'requests\n',
      },
      'node',
    ],
  ])('%s', (_name, dockerfile, files, language) => {
    expect(detect(dockerfile, files).language).toBe(language);
  });
});
