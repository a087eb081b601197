import { classifyApp } from '../../../src/languages/node/app-kind';
import { readNodeApp } from '../../../src/languages/node/node-app';
import { devPackagesAtStart } from '../../../src/languages/node/production-deps';
import { Files, nodeInput, pkg, settings } from './node-fixtures';

const files = (extra: object = {}, other: Files = {}): Files => ({
  'package.json': pkg({
    dependencies: { express: '4' },
    devDependencies: { 'ts-node': '10', nodemon: '3', tsx: '4' },
    ...extra,
  }),
  ...other,
});

function kindOf(cmd: string, project: Files = files()) {
  const input = nodeInput(`FROM node:18\nWORKDIR /app\nCOPY . .\nRUN npm ci\n${cmd}\n`, project);
  const kind = classifyApp(readNodeApp(input, settings), input, settings);
  return kind.kind === 'static' ? `static:${kind.server.kind}` : kind.kind;
}

describe('app kind', () => {
  it.each([
    ['CMD ["node", "index.js"]', 'server'],
    ['CMD ["npx", "serve", "-s", "build"]', 'static:static'],
    ['CMD ["npm", "run", "dev"]', 'static:dev', files({ scripts: { dev: 'vite --host' } })],
    [
      'CMD ["npm", "start"]',
      'next-standalone',
      files(
        { dependencies: { next: '14' }, scripts: { start: 'next start' } },
        { 'next.config.js': "module.exports = { output: 'standalone' }" },
      ),
    ],
    [
      'CMD ["npm", "start"]',
      'server',
      files(
        { dependencies: { next: '14' }, scripts: { start: 'next start' } },
        { 'next.config.js': 'module.exports = {}' },
      ),
    ],
    [
      'CMD npx prisma migrate deploy && npm start',
      'server',
      files(
        { dependencies: { next: '14' }, scripts: { start: 'next start' } },
        { 'next.config.js': "module.exports = { output: 'standalone' }" },
      ),
    ],
    ['CMD npm ci && node index.js', 'skip'],
    ['CMD ["sh", "-c", "npx tsc && node dist/index.js"]', 'skip'],
    ['', 'server'],
  ])('%s → %s', (cmd, kind, project = files()) => {
    expect(kindOf(cmd, project)).toBe(kind);
  });
});

describe('devDependencies the container runs', () => {
  it.each([
    ['CMD ["npx", "ts-node", "src/index.ts"]', ['ts-node']],
    ['CMD ["node", "--require", "ts-node/register", "src/index.ts"]', ['ts-node']],
    ['CMD ["node", "--import=tsx/esm", "src/index.ts"]', ['tsx']],
    ['CMD ["npm", "run", "dev"]', ['nodemon']],
    ['CMD ["node", "-r", "./tracing.js", "index.js"]', []],
    ['CMD ["node", "index.js"]', []],
  ])('%s', (cmd, expected) => {
    const input = nodeInput(
      `FROM node:18\nWORKDIR /app\nCOPY . .\n${cmd}\n`,
      files({ scripts: { dev: 'nodemon index.js' } }),
    );
    expect(devPackagesAtStart(readNodeApp(input, settings), settings)).toEqual(expected);
  });
});
