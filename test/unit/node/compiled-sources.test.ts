/** TypeScript sources are dropped from the runtime only when nothing there can still read them. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { convertText } from '../../../src';

const DOCKERFILE = (cmd: string) =>
  `FROM node:18\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nCMD ${cmd}\n`;

function convert(files: Record<string, string>, cmd = '["node", "dist/server.js"]') {
  const dir = mkdtempSync(path.join(tmpdir(), 'msb-ts-'));
  const all: Record<string, string> = {
    'package.json': JSON.stringify({
      scripts: { build: 'tsc -p tsconfig.json', start: 'node dist/server.js' },
      dependencies: { express: '4' },
      devDependencies: { typescript: '5', 'ts-node': '10' },
    }),
    'package-lock.json': '{}',
    'tsconfig.json': '{ "compilerOptions": { "rootDir": "src", "outDir": "dist" } }',
    ...files,
  };
  for (const [name, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return convertText(DOCKERFILE(cmd), { file: path.join(dir, 'Dockerfile'), context: dir });
}

const pruneRun = (output: string) => output.split('\n').find((l) => l.startsWith('RUN npm prune')) ?? '';

describe('compiled TypeScript sources', () => {
  it.each([
    [
      'only TypeScript in src, node runs dist',
      { 'src/server.ts': '', 'src/routes/a.ts': '' },
      '["node", "dist/server.js"]',
      true,
    ],
    ['npm start runs node dist/...', { 'src/server.ts': '' }, '["npm", "start"]', true],
    [
      'a JSON file beside the code may be read at run time',
      { 'src/server.ts': '', 'src/data.json': '{}' },
      '["node", "dist/server.js"]',
      false,
    ],
    ['ts-node runs the sources', { 'src/server.ts': '' }, '["npx", "ts-node", "src/server.ts"]', false],
  ])('%s', (_name, files, cmd, removed) => {
    const result = convert(files, cmd);
    expect(result.status).toBe('converted');
    expect(/ src$| src /.test(pruneRun(result.output))).toBe(removed);
  });
});
