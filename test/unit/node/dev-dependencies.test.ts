/**
 * Whether an install leaves devDependencies in node_modules, for every spelling npm, yarn and pnpm
 * accept (flags, ENV, inline variables, NODE_ENV before or after), and what msb adds to remove
 * them: the original's install flags kept, and no second resolution when the builder changed the
 * tree after the install.
 */
import { addedStages, convert, pkg } from './node-fixtures';

const files = (extra: Record<string, string> = {}) => ({
  'package.json': pkg({ dependencies: { express: '4' }, devDependencies: { jest: '29' } }),
  'package-lock.json': '{}',
  ...extra,
});
const yarn = { 'yarn.lock': '' };
const server = (lines: string) =>
  `FROM node:18\nWORKDIR /app\nCOPY . .\n${lines}\nCMD ["node", "index.js"]\n`;
/** The RUN lines of the prune stage, or null when node_modules is copied as installed. */
const pruneRuns = (lines: string, extra: Record<string, string> = {}) => {
  const stages = addedStages(convert(server(lines), files(extra)));
  if (!stages.includes('AS prod-deps')) return null;
  return stages
    .split('\n')
    .filter((l) => l.startsWith('RUN '))
    .map((l) => l.replace(/ && rm -rf node_modules\/\.cache$/, ''));
};

describe('devDependencies installed or not', () => {
  it.each([
    ['npm ci', 'RUN npm ci', {}, ['RUN npm prune --omit=dev']],
    ['npm ci --include=dev', 'RUN npm ci --include=dev', {}, ['RUN npm prune --omit=dev']],
    [
      'npm ci --include=dev under NODE_ENV=production',
      'ENV NODE_ENV=production\nRUN npm ci --include=dev',
      {},
      ['RUN npm prune --omit=dev'],
    ],
    [
      'npm install --production=false',
      'RUN npm install --production=false',
      {},
      ['RUN npm prune --omit=dev'],
    ],
    [
      'npm install --production=false under NODE_ENV=production',
      'ENV NODE_ENV=production\nRUN npm install --production=false',
      {},
      ['RUN npm prune --omit=dev'],
    ],
    ['npm install --production', 'RUN npm install --production', {}, null],
    ['npm install --production=true', 'RUN npm install --production=true', {}, null],
    ['npm ci --omit=dev', 'RUN npm ci --omit=dev', {}, null],
    [
      'ENV NPM_CONFIG_PRODUCTION=false under NODE_ENV=production',
      'ENV NODE_ENV=production NPM_CONFIG_PRODUCTION=false\nRUN npm ci',
      {},
      ['RUN npm prune --omit=dev'],
    ],
    [
      'lower-case npm_config_production=false',
      'ENV NODE_ENV=production\nENV npm_config_production=false\nRUN npm ci',
      {},
      ['RUN npm prune --omit=dev'],
    ],
    [
      'inline NPM_CONFIG_PRODUCTION=false',
      'ENV NODE_ENV=production\nRUN NPM_CONFIG_PRODUCTION=false npm ci',
      {},
      ['RUN npm prune --omit=dev'],
    ],
    [
      'inline NODE_ENV=development',
      'ENV NODE_ENV=production\nRUN NODE_ENV=development npm ci',
      {},
      ['RUN npm prune --omit=dev'],
    ],
    // NODE_ENV=production that does not reach the install (env -u / env -i / sudo's env_reset)
    [
      'env -u NODE_ENV before the install',
      'ENV NODE_ENV=production\nRUN env -u NODE_ENV npm ci',
      {},
      ['RUN npm prune --omit=dev'],
    ],
    [
      'env -i before the install',
      'ENV NODE_ENV=production\nRUN env -i /usr/local/bin/npm ci',
      {},
      ['RUN npm prune --omit=dev'],
    ],
    ['sudo -E keeps NODE_ENV', 'ENV NODE_ENV=production\nRUN sudo -E npm ci', {}, null],
    [
      'env NODE_ENV=development before the install',
      'ENV NODE_ENV=production\nRUN env NODE_ENV=development npm ci',
      {},
      ['RUN npm prune --omit=dev'],
    ],
    ['inline NODE_ENV=production', 'RUN NODE_ENV=production npm ci', {}, null],
    ['ENV NPM_CONFIG_PRODUCTION=true', 'ENV NPM_CONFIG_PRODUCTION=true\nRUN npm ci', {}, null],
    ['NODE_ENV=production before', 'ENV NODE_ENV=production\nRUN npm ci', {}, null],
    ['ARG NODE_ENV=production before', 'ARG NODE_ENV=production\nRUN npm ci', {}, null],
    [
      'NODE_ENV set after the install',
      'RUN npm ci\nENV NODE_ENV=production',
      {},
      ['RUN npm prune --omit=dev'],
    ],
    [
      'NODE_ENV=development before, production after',
      'ENV NODE_ENV=development\nRUN npm ci\nENV NODE_ENV=production',
      {},
      ['RUN npm prune --omit=dev'],
    ],
    [
      'yarn install --production=false',
      'RUN yarn install --production=false --frozen-lockfile',
      yarn,
      ['RUN yarn install --production --frozen-lockfile'],
    ],
    [
      'yarn --production=false under NODE_ENV=production',
      'ENV NODE_ENV=production\nRUN yarn install --production=false',
      yarn,
      ['RUN yarn install --production --frozen-lockfile'],
    ],
    ['yarn install --production', 'RUN yarn install --production', yarn, null],
    ['YARN_PRODUCTION=true', 'ENV YARN_PRODUCTION=true\nRUN yarn install', yarn, null],
    ['NPM_CONFIG_OMIT=dev', 'ENV NPM_CONFIG_OMIT=dev\nRUN npm ci', {}, null],
    [
      'NPM_CONFIG_INCLUDE=dev wins over NODE_ENV=production',
      'ENV NODE_ENV=production NPM_CONFIG_INCLUDE=dev\nRUN npm ci',
      {},
      ['RUN npm prune --omit=dev'],
    ],
  ])('%s', (_name, lines, extra, expected) => {
    expect(pruneRuns(lines, extra)).toEqual(expected);
  });
});

describe('the original install flags in the commands msb adds', () => {
  it.each([
    ['npm --ignore-scripts', 'RUN npm ci --ignore-scripts', {}, 'RUN npm prune --omit=dev --ignore-scripts'],
    [
      'npm --legacy-peer-deps and a registry',
      'RUN npm ci --legacy-peer-deps --registry=https://npm.example.com/ --no-audit',
      {},
      'RUN npm prune --omit=dev --legacy-peer-deps --registry=https://npm.example.com/',
    ],
    [
      'npm --registry as two words',
      'RUN npm ci --registry https://npm.example.com/',
      {},
      'RUN npm prune --omit=dev --registry https://npm.example.com/',
    ],
    [
      'yarn --ignore-scripts and --network-timeout',
      'RUN yarn install --frozen-lockfile --ignore-scripts --network-timeout 600000',
      yarn,
      'RUN yarn install --production --frozen-lockfile --ignore-scripts --network-timeout 600000',
    ],
  ])('%s', (_name, lines, extra, expected) => {
    expect(pruneRuns(lines, extra)).toEqual([expected]);
  });
});

describe('a tree the builder changed after the install', () => {
  it.each([
    [
      'yarn add after yarn install: npm prune removes devDependencies from what is there',
      'RUN yarn install --frozen-lockfile\nRUN yarn add left-pad',
      yarn,
      ['RUN npm prune --omit=dev'],
    ],
    [
      'npm install <pkg> after npm ci',
      'RUN npm ci\nRUN npm install left-pad',
      {},
      ['RUN npm prune --omit=dev'],
    ],
    [
      'npm i --save-dev <pkg> after a production install puts devDependencies back',
      'RUN npm install --production\nRUN npm i --save-dev @types/node',
      {},
      ['RUN npm prune --omit=dev'],
    ],
    [
      'a production-only add after a production install',
      'RUN npm install --production\nRUN npm i --omit=dev left-pad',
      {},
      null,
    ],
    [
      'the same package.json copied again (COPY . . after the install)',
      'RUN npm ci\nCOPY . .',
      {},
      ['RUN npm prune --omit=dev'],
    ],
  ])('%s', (_name, lines, extra, expected) => {
    expect(pruneRuns(lines, extra)).toEqual(expected);
  });

  it('keeps node_modules whole, with a warning, when a COPY replaced package.json after the install', () => {
    const result = convert(
      server('RUN npm ci\nCOPY deploy/package.json ./package.json'),
      files({ 'deploy/package.json': pkg({ dependencies: { express: '4' } }) }),
    );
    expect(result.output).not.toContain('prod-deps');
    expect(result.warnings.join('\n')).toMatch(
      /package\.json .*replaced after the install.*node_modules is copied whole/,
    );
  });
});
