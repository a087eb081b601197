/**
 * Containers whose command is not in the Dockerfile: compose in the build context says what it
 * is; without it msb keeps devDependencies, because a development server may need them.
 */
import { addedStages, convert, pkg } from './node-fixtures';

const files = (extra: Record<string, string> = {}) => ({
  'package.json': pkg({
    scripts: { 'start:prod': 'node dist/main.js', dev: 'nodemon src/main.js', build: 'tsc' },
    dependencies: { express: '4' },
    devDependencies: { nodemon: '3', typescript: '5' },
  }),
  'package-lock.json': '{}',
  ...extra,
});
const dockerfile = (command: string) =>
  `FROM node:18\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n${command}`;
const compose = (service: string) => ({ 'compose.yaml': `services:\n  api:\n    build: .\n${service}` });

describe('the command compose supplies', () => {
  it.each([
    [
      'ENTRYPOINT ["npm"] with compose command: ["run", "start:prod"]',
      'ENTRYPOINT ["npm"]\n',
      '    command: ["run", "start:prod"]\n',
    ],
    ['no command with compose command: npm run start:prod', '', '    command: npm run start:prod\n'],
    [
      'ENTRYPOINT ["tini", "--"] with compose command: node dist/main.js',
      'ENTRYPOINT ["tini", "--"]\n',
      '    command: node dist/main.js\n',
    ],
    ['compose entrypoint and command', '', '    entrypoint: ["node"]\n    command: ["dist/main.js"]\n'],
  ])('%s: devDependencies pruned', (_name, command, service) => {
    const result = convert(dockerfile(command), files(compose(service)));
    expect(addedStages(result)).toContain('RUN npm prune --omit=dev');
    expect(result.warnings).toEqual([]);
    expect(result.decisions.map((d) => d.why).join('\n')).toMatch(
      /the command comes from service "api" in compose.yaml/,
    );
  });

  it('keeps devDependencies when compose runs a development server', () => {
    const result = convert(
      dockerfile('ENTRYPOINT ["npm"]\n'),
      files(compose('    command: ["run", "dev"]\n')),
    );
    expect(addedStages(result)).not.toContain('prod-deps');
    expect(result.warnings.join('\n')).toMatch(/runs nodemon from devDependencies/);
  });

  it('stays a Node server when compose serves a static build (compose keeps running its command)', () => {
    const result = convert('FROM node:18\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n', {
      'package.json': pkg({
        scripts: { build: 'vite build' },
        dependencies: { serve: '14' },
        devDependencies: { vite: '5' },
      }),
      'vite.config.ts': '',
      'compose.yaml': 'services:\n  web:\n    build: .\n    command: npx serve -s dist -l 3000\n',
    });
    expect(result.status).toBe('converted');
    expect(addedStages(result)).toContain('FROM node:18-slim AS runtime');
    expect(addedStages(result)).not.toContain('nginx');
  });
});

describe('a command that is nowhere msb can read', () => {
  it.each([
    ['no command', ''],
    ['ENTRYPOINT ["npm"] alone', 'ENTRYPOINT ["npm"]\n'],
    ['ENTRYPOINT ["yarn", "run"] alone', 'ENTRYPOINT ["yarn", "run"]\n'],
    ['ENTRYPOINT ["tini", "--"] alone', 'ENTRYPOINT ["tini", "--"]\n'],
    [
      'a compose file for another Dockerfile',
      '',
      {
        'compose.yaml':
          'services:\n  api:\n    build: { context: ., dockerfile: Dockerfile.dev }\n    command: npm run start:prod\n',
      },
    ],
  ])('%s: node_modules kept whole, with the reason', (_name, command, extra: Record<string, string> = {}) => {
    const result = convert(dockerfile(command), files(extra));
    expect(addedStages(result)).not.toContain('prod-deps');
    expect(result.warnings.join('\n')).toMatch(/the container's command is not in the Dockerfile/);
  });

  it('reads the Dockerfile when its ENTRYPOINT is a whole command', () => {
    const result = convert(dockerfile('ENTRYPOINT ["node", "dist/main.js"]\n'), files());
    expect(addedStages(result)).toContain('RUN npm prune --omit=dev');
  });
});
