/** Node servers: slim runtime of the same Node, production dependencies via a prune stage, tools the command needs. */
import { addedStages, convert, pkg } from './node-fixtures';

const express = (extra: object = {}) => ({
  'package.json': pkg({ dependencies: { express: '4' }, devDependencies: { jest: '29' }, ...extra }),
  'package-lock.json': '{}',
});
const server = (lines: string, base = 'node:18') => `FROM ${base}\nWORKDIR /app\nCOPY . .\n${lines}\n`;
const runtimeOf = (output: string) => output.slice(output.lastIndexOf('\nFROM '));

describe('node servers', () => {
  it.each([
    ['node:18', 'node:18-slim'],
    ['node:18.19.0', 'node:18.19.0-slim'],
    ['node:20-bookworm', 'node:20-bookworm-slim'],
    ['node:lts', 'node:lts-slim'],
    ['node:lts-bullseye', 'node:lts-bullseye-slim'],
    ['node', 'node:slim'],
    ['node:18-slim', 'node:18-slim'],
    ['node:18-alpine', 'node:18-alpine'],
    ['node:20-alpine3.19', 'node:20-alpine3.19'],
  ])('%s runs on %s', (base, runtime) => {
    expect(
      runtimeOf(convert(server('RUN npm ci\nCMD ["node", "index.js"]', base), express()).output),
    ).toContain(`FROM ${runtime} AS runtime`);
  });

  it('keeps the runtime tag driven by the ARG', () => {
    const result = convert(
      `ARG NODE_VERSION=20\n${server('RUN npm ci\nCMD ["node", "index.js"]', 'node:${NODE_VERSION}')}`,
      express(),
    );
    expect(runtimeOf(result.output)).toContain('FROM node:${NODE_VERSION}-slim AS runtime');
  });

  it('prunes devDependencies in a stage FROM the builder and copies the app from it', () => {
    const stages = addedStages(
      convert(
        server(
          'RUN npm ci\nRUN npm run build\nENV NODE_ENV=production\nUSER node\nEXPOSE 3000\nCMD ["node", "dist/main.js"]',
        ),
        express({ scripts: { build: 'tsc' } }),
      ),
    );
    expect(stages).toContain(
      'FROM builder AS prod-deps\nUSER root\nRUN npm prune --omit=dev && rm -rf node_modules/.cache\n',
    );
    expect(runtimeOf(stages)).toBe(
      '\nFROM node:18-slim AS runtime\nENV NODE_ENV=production\nWORKDIR /app\nCOPY --from=prod-deps /app /app\nUSER node\nEXPOSE 3000\nCMD ["node", "dist/main.js"]\n',
    );
  });

  it.each([
    ['npm', 'RUN npm ci', {}, 'npm prune --omit=dev'],
    ['npm 6 (Node 14)', 'RUN npm ci', {}, 'npm prune --production', 'node:14'],
    [
      'yarn 1',
      'RUN yarn install --frozen-lockfile',
      { 'yarn.lock': '' },
      'yarn install --production --frozen-lockfile',
    ],
    [
      'pnpm',
      'RUN npm i -g pnpm@9 && pnpm install --frozen-lockfile',
      { 'pnpm-lock.yaml': '' },
      'pnpm prune --prod',
    ],
    [
      'a project in a sub-folder',
      'RUN cd api && npm ci',
      { 'api/package.json': pkg({ devDependencies: { jest: '29' } }) },
      'cd /app/api && npm prune --omit=dev',
    ],
  ])('prunes with %s', (_name, install, files, prune, base = 'node:18') => {
    const stages = addedStages(
      convert(server(`${install}\nCMD ["node", "index.js"]`, base), { ...express(), ...files }),
    );
    expect(stages).toContain(`RUN ${prune} && rm -rf node_modules/.cache`);
  });

  it.each([
    ['production-only install', 'RUN npm ci --omit=dev', express(), /production dependencies only/],
    [
      'NODE_ENV=production before the install',
      'ENV NODE_ENV=production\nRUN npm ci',
      express(),
      /NODE_ENV=production is set before the install/,
    ],
    [
      'no devDependencies',
      'RUN npm ci',
      { 'package.json': pkg({ dependencies: { express: '4' } }) },
      /no devDependencies/,
    ],
    [
      'build that prunes itself',
      'RUN npm ci && npm run build && npm prune --production',
      express(),
      /production dependencies only/,
    ],
    [
      'build that reinstalls production dependencies',
      'RUN npm ci && npm run build\nRUN rm -rf node_modules && npm ci --omit=dev',
      express(),
      /production dependencies only/,
    ],
  ])('does not prune after a %s', (_name, install, files, why) => {
    const result = convert(server(`${install}\nCMD ["node", "index.js"]`), files);
    expect(result.output).not.toContain('prod-deps');
    expect(runtimeOf(result.output)).toContain('COPY --from=builder /app /app');
    expect(result.decisions.map((d) => d.why).join('\n')).toMatch(why);
  });

  it.each([
    [
      'a devDependency binary',
      'CMD ["npm", "start"]',
      { scripts: { start: 'ts-node src/index.ts' }, devDependencies: { 'ts-node': '10' } },
      /runs ts-node from devDependencies/,
    ],
    [
      'a devDependency preloaded with -r',
      'CMD ["node", "-r", "ts-node/register", "src/index.ts"]',
      { devDependencies: { 'ts-node': '10' } },
      /runs ts-node from devDependencies/,
    ],
    [
      'yarn berry',
      'CMD ["node", "index.js"]',
      { devDependencies: { jest: '29' }, packageManager: 'yarn@4.1.0' },
      /Yarn 2\+/,
    ],
  ])('keeps node_modules whole for %s, with a warning', (_name, cmd, extra, warning) => {
    const result = convert(
      server(`RUN ${'packageManager' in extra ? 'yarn install --immutable' : 'npm ci'}\n${cmd}`),
      { 'package.json': pkg({ dependencies: { express: '4' }, ...extra }) },
    );
    expect(result.output).not.toContain('prod-deps');
    expect(result.warnings.join('\n')).toMatch(warning);
  });

  it.each([
    ['prisma generate', 'npx prisma generate', {}, true],
    [
      'a custom generator output',
      'npx prisma generate',
      {
        'prisma/schema.prisma':
          'generator client {\n  provider = "prisma-client-js"\n  output   = "../src/generated"\n}\n',
      },
      false,
    ],
    ['no prisma generate', 'echo', {}, false],
  ])(
    'restores the generated prisma client after yarn reinstalls production dependencies: %s',
    (_name, generate, files, restored) => {
      const project = {
        'package.json': pkg({ dependencies: { '@prisma/client': '5' }, devDependencies: { prisma: '5' } }),
        'yarn.lock': '',
        ...files,
      };
      const stages = addedStages(
        convert(
          server(`RUN yarn install --frozen-lockfile && ${generate}\nCMD ["node", "index.js"]`),
          project,
        ),
      );
      expect(
        stages.includes('COPY --from=builder /app/node_modules/.prisma /app/node_modules/.prisma\n'),
      ).toBe(restored);
    },
  );

  it('installs the global tools the command runs, not the build-only ones', () => {
    const result = convert(
      `FROM node:18\nRUN npm install -g pm2@5.3.0\nRUN npm install -g typescript\nWORKDIR /app\nCOPY . .\nRUN npm ci && tsc\nCMD ["pm2-runtime", "ecosystem.config.js"]\n`,
      express(),
    );
    expect(runtimeOf(result.output)).toContain('RUN npm install -g pm2@5.3.0 && npm cache clean --force\n');
    expect(runtimeOf(result.output)).not.toContain('typescript');
  });

  it("explains in the interpreted archetype's order: dependencies and tools, files, packages and users, command", () => {
    const result = convert(
      `FROM node:18\nRUN npm install -g pm2\nRUN apt-get update && apt-get install -y libvips-dev\nRUN useradd app\nWORKDIR /app\nCOPY --chown=app . .\nCOPY config.json /etc/app/config.json\nRUN npm ci\nRUN chown app /app\nCMD ["pm2-runtime", "index.js"]\n`,
      { ...express(), 'config.json': '{}' },
    );
    expect(result.decisions.map((d) => d.subject)).toEqual([
      'node_modules in /app',
      'npm install -g pm2 (line 2)',
      'COPY (line 7)',
      'RUN (line 4)',
      'RUN (line 9)',
      'libvips-dev (line 3)',
      'RUN chown app /app',
      'WORKDIR (line 5)',
      'CMD (line 10)',
    ]);
  });

  it.each([
    ['npm install -g pm2', 'RUN npm install -g pm2 && npm cache clean --force'],
    ['yarn global add pm2', 'RUN yarn global add pm2\n'],
    ['pnpm add -g pm2', 'RUN pnpm add -g pm2\n'],
  ])("replays %s with the manager's cache clean, when it has one", (install, replayed) => {
    const result = convert(server(`RUN ${install}\nRUN npm ci\nCMD ["pm2-runtime", "index.js"]`), express());
    expect(runtimeOf(result.output)).toContain(replayed);
  });

  it('installs pnpm in the runtime when the command runs pnpm', () => {
    const result = convert(
      server('RUN npm i -g pnpm@9.15.9 && pnpm install --frozen-lockfile\nCMD ["pnpm", "start"]'),
      { ...express({ scripts: { start: 'node index.js' } }), 'pnpm-lock.yaml': '' },
    );
    expect(runtimeOf(result.output)).toContain('RUN npm i -g pnpm@9.15.9 && npm cache clean --force');
  });

  it('leaves compilers in the builder, brings runtime libraries and HEALTHCHECK tools', () => {
    const result = convert(
      'FROM node:18\nRUN apt-get update && apt-get install -y build-essential python3 libvips-dev\nWORKDIR /app\nCOPY . .\nRUN npm ci\nHEALTHCHECK CMD curl -f http://localhost:3000/health || exit 1\nCMD ["node", "index.js"]\n',
      express(),
    );
    const runtime = runtimeOf(result.output);
    expect(runtime).toContain('apt-get install -y --no-install-recommends libvips42 curl');
    expect(runtime).not.toMatch(/build-essential|python3/);
  });

  it('keeps alpine on alpine, without the build packages', () => {
    const runtime = runtimeOf(
      convert(
        server(
          'RUN apk add --no-cache python3 make g++\nRUN npm ci\nCMD ["node", "index.js"]',
          'node:18-alpine',
        ),
        express(),
      ).output,
    );
    expect(runtime).toContain('FROM node:18-alpine AS runtime');
    expect(runtime).not.toContain('apk');
  });

  it('replays the users the Dockerfile created and the files it put outside the WORKDIR', () => {
    const result = convert(
      'FROM node:18\nRUN groupadd -r app && useradd -r -g app app\nCOPY config.json /etc/app/config.json\nWORKDIR /app\nCOPY --chown=app:app . .\nRUN npm ci\nUSER app\nCMD ["node", "index.js"]\n',
      { ...express(), 'config.json': '{}' },
    );
    const runtime = runtimeOf(result.output);
    expect(runtime).toContain('RUN groupadd -r app && useradd -r -g app app');
    expect(runtime).toContain('COPY --from=prod-deps /etc/app/config.json /etc/app/config.json');
    expect(runtime).toContain('COPY --from=prod-deps --chown=app:app /app /app');
  });

  it('copies node_modules installed outside the copied folders', () => {
    const runtime = runtimeOf(
      convert('FROM node:18\nCOPY package.json server.js ./\nRUN npm install\nCMD node server.js\n', {
        ...express(),
        'server.js': '',
      }).output,
    );
    expect(runtime).toContain('COPY --from=prod-deps /node_modules /node_modules');
    expect(runtime).toContain('COPY --from=prod-deps /server.js /server.js');
  });

  it('copies node_modules from where the Dockerfile moved it, without pruning it', () => {
    const result = convert(
      server('RUN npm ci && mv /app/node_modules /node_modules\nCMD ["node", "server.js"]'),
      express(),
    );
    expect(result.output).not.toContain('prod-deps');
    expect(runtimeOf(result.output)).toContain('COPY --from=builder /node_modules /node_modules');
  });

  it.each([
    ['no command at all', 'RUN npm ci', {}, /command is not in the Dockerfile/],
    [
      'a script msb cannot read',
      'RUN npm ci\nENTRYPOINT ["./docker-start.sh"]',
      {},
      /runs .\/docker-start.sh, which is not in the build context/,
    ],
    [
      'a readable script that runs a devDependency',
      'RUN npm ci\nCMD ["sh", "start.sh"]',
      { 'start.sh': 'npx nodemon index.js\n' },
      /runs nodemon from devDependencies/,
    ],
  ])('keeps devDependencies for %s', (_name, lines, files, warning) => {
    const result = convert(server(lines), { ...express({ devDependencies: { nodemon: '3' } }), ...files });
    expect(result.output).not.toContain('prod-deps');
    expect(result.warnings.join('\n')).toMatch(warning);
  });

  it('skips a readable start script that installs packages', () => {
    const result = convert(server('RUN npm ci\nCMD ["./run.sh"]'), {
      ...express(),
      'run.sh': '#!/bin/sh\nnpm install\nnode index.js\n',
    });
    expect(result).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(/installs packages when it starts/),
    });
  });

  it.each([
    [
      'drops a chown the --chown copy already does',
      'RUN adduser -S app\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN chown -R app /app\nUSER app',
      'COPY --from=prod-deps --chown=app /app /app\nUSER app',
      'RUN chown -R app /app\nWORKDIR',
    ],
    [
      'runs a chown of a sub-folder after the copy',
      'WORKDIR /app\nCOPY . .\nRUN npm ci\nRUN mkdir -p /app/uploads && chown node /app/uploads\nRUN chown -R node /app/data\nUSER node',
      // Both RUNs in the original's order, after the copy they act on (the copy would reset /app/uploads' owner).
      'COPY --from=prod-deps /app /app\nRUN mkdir -p /app/uploads && chown node /app/uploads\nRUN chown -R node /app/data\nUSER node',
      'chown -R node /app/data\nWORKDIR',
    ],
  ])('%s', (_name, lines, expected, absent) => {
    const runtime = runtimeOf(
      convert(`FROM node:18\n${lines}\nCMD ["node", "index.js"]\n`, express()).output,
    );
    expect(runtime).toContain(expected);
    expect(runtime).not.toContain(absent);
  });

  it.each([
    ['installs at container start', 'CMD npm install && node index.js', /installs packages when it starts/],
    [
      'builds at container start',
      'RUN npm ci\nCMD npm run build && node dist/index.js',
      /builds the app when it starts \("tsc"\)/,
    ],
    ['builds in a prestart hook', 'RUN npm ci\nCMD ["npm", "start"]', /builds the app when it starts/],
  ])('skips when the container %s', (_name, lines, reason) => {
    const result = convert(
      server(lines),
      express({ scripts: { build: 'tsc', prestart: 'npm run build', start: 'node dist/index.js' } }),
    );
    expect(result.status).toBe('skipped');
    expect(result.reason).toMatch(reason);
  });

  it('skips an image msb has no runtime for', () => {
    expect(
      convert(
        'FROM ubuntu:22.04\nRUN apt-get install -y nodejs npm\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "index.js"]\n',
        express(),
      ),
    ).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/no runtime image is known/) });
  });
});

describe('Next.js', () => {
  const next = (config: string, withPublic = true) => ({
    'package.json': pkg({
      dependencies: { next: '14', react: '18' },
      devDependencies: { eslint: '8' },
      scripts: { build: 'next build', start: 'next start' },
    }),
    'next.config.js': config,
    ...(withPublic ? { 'public/robots.txt': '' } : {}),
  });
  const dockerfile = (cmd = 'CMD ["npm", "start"]') =>
    `FROM node:18\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nEXPOSE 3000\n${cmd}\n`;

  it('runs the standalone server with its static files and public/', () => {
    const result = convert(dockerfile(), next("module.exports = { output: 'standalone' }"));
    expect(runtimeOf(result.output)).toBe(
      '\nFROM node:18-slim AS runtime\nENV HOSTNAME=0.0.0.0\nWORKDIR /app\nCOPY --from=builder /app/public /app/public\nCOPY --from=builder /app/.next/standalone /app\n' +
        'COPY --from=builder /app/.next/static /app/.next/static\nEXPOSE 3000\nCMD ["node", "server.js"]\n',
    );
    expect(result.output).not.toContain('prod-deps');
    expect(result.warnings.join('\n')).toMatch(
      /the command changed from CMD \["npm", "start"\] \(next start\) to CMD \["node", "server.js"\]/,
    );
  });

  it('passes next start -p to server.js as PORT, and honours distDir and a missing public/', () => {
    const result = convert(
      dockerfile('CMD ["npx", "next", "start", "-p", "4000"]'),
      next("module.exports = { output: 'standalone', distDir: 'build' }", false),
    );
    const runtime = runtimeOf(result.output);
    expect(runtime).toContain('ENV PORT=4000 HOSTNAME=0.0.0.0');
    expect(runtime).toContain('COPY --from=builder /app/build/standalone /app');
    expect(runtime).not.toContain('public');
  });

  it('without standalone output keeps .next with production dependencies and drops the build cache', () => {
    const result = convert(dockerfile(), next('module.exports = {}'));
    expect(result.output).toContain('RUN npm prune --omit=dev && rm -rf node_modules/.cache .next/cache');
    expect(runtimeOf(result.output)).toContain(
      'COPY --from=prod-deps /app /app\nEXPOSE 3000\nCMD ["npm", "start"]',
    );
  });

  it('drops the build cache even when there is nothing to prune', () => {
    const files = {
      ...next('module.exports = {}'),
      'package.json': pkg({
        dependencies: { next: '14' },
        scripts: { build: 'next build', start: 'next start' },
      }),
    };
    const result = convert(dockerfile(), files);
    expect(result.output).toContain('FROM builder AS prod-deps\nRUN rm -rf .next/cache\n');
    expect(runtimeOf(result.output)).toContain('COPY --from=prod-deps /app /app');
  });

  it.each([
    ['an ENTRYPOINT that starts the app', 'ENTRYPOINT ["npm", "start"]'],
    ['a project outside the WORKDIR', 'WORKDIR /\nCMD ["npm", "--prefix", "/app", "start"]'],
  ])('keeps the original command with %s', (_name, cmd) => {
    const result = convert(dockerfile(cmd), next("module.exports = { output: 'standalone' }"));
    expect(runtimeOf(result.output)).not.toContain('server.js');
  });

  it('keeps an init wrapper ENTRYPOINT in front of server.js', () => {
    const result = convert(
      dockerfile('ENTRYPOINT ["dumb-init", "--"]\nCMD ["npm", "start"]'),
      next("module.exports = { output: 'standalone' }"),
    );
    expect(runtimeOf(result.output)).toContain('ENTRYPOINT ["dumb-init", "--"]\nCMD ["node", "server.js"]');
  });

  it('keeps a custom server as a node server', () => {
    const result = convert(
      dockerfile('CMD ["node", "server.js"]'),
      next("module.exports = { output: 'standalone' }"),
    );
    expect(runtimeOf(result.output)).toContain('CMD ["node", "server.js"]');
    expect(result.output).toContain('prod-deps');
  });
});
