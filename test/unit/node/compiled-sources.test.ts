/**
 * A server that runs its compiled output leaves its TypeScript sources, tests and build configs in
 * the builder — the same for every shape of Dockerfile — and keeps what it may read at run time.
 */
import { convert } from './node-fixtures';

const project = (files: Record<string, string | object | undefined> = {}) => ({
  'package.json': {
    scripts: { build: 'tsc -p tsconfig.json', start: 'node dist/server.js' },
    dependencies: { express: '4' },
    devDependencies: { typescript: '5', 'ts-node': '10' },
  },
  'package-lock.json': '{}',
  'tsconfig.json': '{ "compilerOptions": { "rootDir": "src", "outDir": "dist" } }',
  'src/server.ts': '',
  'src/routes/orders.ts': '',
  'test/orders.spec.ts': '',
  'jest.config.js': '',
  'views/index.hbs': '',
  ...files,
});

const typical = (cmd: string) =>
  `FROM node:18\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nCMD ${cmd}\n`;

/** What the prune stage removes besides node_modules/.cache (null: no prune stage). */
function removed(
  dockerfile: string,
  files: Record<string, string | object | undefined> = {},
): string[] | null {
  const result = convert(dockerfile, clean({ ...project(), ...files }));
  expect(result.status).toBe('converted');
  const run = result.output.split('\n').find((l) => l.startsWith('RUN npm prune'));
  return run
    ? run
        .replace(/^.* && rm -rf node_modules\/\.cache ?/, '')
        .split(' ')
        .filter(Boolean)
    : null;
}

/** Files set to undefined are left out of the project. */
const clean = (files: Record<string, string | object | undefined>) =>
  Object.fromEntries(Object.entries(files).filter((e): e is [string, string | object] => e[1] !== undefined));

const ALL = ['src', 'test', 'tsconfig.json', 'jest.config.js'];

describe('sources, tests and configs of a compiled server', () => {
  it.each([
    ['COPY . . and CMD node dist/...', typical('["node", "dist/server.js"]'), {}, ALL],
    ['npm start runs node dist/...', typical('["npm", "start"]'), {}, ALL],
    ['npm run start', typical('["npm", "run", "start"]'), {}, ALL],
    ['a shell-form CMD', typical('node dist/server.js'), {}, ALL],
    [
      'pm2-runtime running the compiled script',
      typical('["pm2-runtime", "start", "dist/server.js", "-i", "2"]'),
      {},
      ALL,
    ],
    [
      'COPY . /app with the WORKDIR set after the COPY',
      'FROM node:18\nCOPY . /app\nWORKDIR /app\nRUN npm ci && npm run build\nCMD ["node", "dist/server.js"]\n',
      {},
      ALL,
    ],
    [
      'COPY . /app built with cd, WORKDIR last',
      'FROM node:18\nCOPY . /app\nRUN cd /app && npm ci && npx tsc\nWORKDIR /app\nCMD node dist/server.js\n',
      {},
      ALL,
    ],
    [
      'tsc --outDir on the command line',
      typical('["node", "build/server.js"]'),
      {
        'package.json': {
          scripts: { build: 'tsc --outDir build' },
          dependencies: { express: '4' },
          devDependencies: { typescript: '5' },
        },
        'tsconfig.json': '{ "compilerOptions": { "rootDir": "src" } }',
      },
      ALL,
    ],
    [
      'a tsconfig that extends the one with outDir (nest)',
      typical('["node", "dist/main.js"]'),
      {
        'package.json': {
          scripts: { build: 'tsc -p tsconfig.build.json' },
          dependencies: { '@nestjs/core': '10' },
          devDependencies: { typescript: '5' },
        },
        'tsconfig.json': '{ "compilerOptions": { "outDir": "./dist" } }',
        'tsconfig.build.json': '{ "extends": "./tsconfig.json", "exclude": ["test"] }',
        'src/main.ts': '',
      },
      ['src', 'test', 'tsconfig.build.json', 'tsconfig.json', 'jest.config.js'],
    ],
    [
      'node -r tsconfig-paths/register reads tsconfig.json at run time',
      typical('["node", "-r", "tsconfig-paths/register", "dist/server.js"]'),
      {},
      ['src', 'test', 'jest.config.js'],
    ],
    [
      'a JSON file beside the code stays, the TypeScript around it goes',
      typical('["node", "dist/server.js"]'),
      { 'src/data/regions.json': '{}', 'src/data/regions.ts': '' },
      ['src/server.ts', 'src/routes', 'src/data/regions.ts', 'test', 'tsconfig.json', 'jest.config.js'],
    ],
  ])('%s', (_name, dockerfile, files, expected) => {
    expect(removed(dockerfile, files)?.sort()).toEqual([...expected].sort());
  });

  it('finds the sources from tsconfig include when rootDir is not set', () => {
    const files = {
      'tsconfig.json': '{ "compilerOptions": { "outDir": "dist" }, "include": ["private/**/*"] }',
      'private/index.ts': '',
      'src/server.ts': undefined,
      'src/routes/orders.ts': undefined,
    };
    expect(removed(typical('["node", "dist/index.js"]'), files)).toEqual([
      'private',
      'test',
      'tsconfig.json',
      'jest.config.js',
    ]);
  });

  it('removes tests and configs only along with something worth a stage', () => {
    const result = convert(
      'FROM node:18\nWORKDIR /app\nCOPY . .\nRUN npm ci && npx tsc\nCMD ["node", "dist/server.js"]\n',
      clean({
        ...project(),
        'package.json': { dependencies: { express: '4', typescript: '5' } },
        'src/server.ts': undefined,
        'src/routes/orders.ts': undefined,
      }),
    );
    expect(result.output).not.toContain('prod-deps');
  });

  it.each([
    ['ts-node runs the sources', typical('["npx", "ts-node", "src/server.ts"]')],
    [
      'node -r ts-node/register runs the sources',
      typical('["node", "-r", "ts-node/register", "src/server.ts"]'),
    ],
    ['the command runs the sources folder', typical('["node", "src/server.js"]')],
  ])('keeps everything when %s', (_name, dockerfile) => {
    expect(removed(dockerfile) ?? []).toEqual([]);
  });
});
