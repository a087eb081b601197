/**
 * The README's Library example is real code: it type-checks against the published declarations
 * (the package name mapped to dist/index.d.ts, built by jest's global setup) and runs on the built
 * library with the results it describes.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { builtModule, REPO_ROOT } from './helpers/built-msb';

const ROOT = REPO_ROOT;
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).name as string;

function libraryExample(): string {
  const section = README.slice(README.indexOf('## Library'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('README: no ```ts block under ## Library');
  return match[1];
}

it(`imports from the package name (${PACKAGE})`, () => {
  expect(libraryExample()).toContain(`from '${PACKAGE}'`);
});

it('type-checks against the public API', () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'msb-readme-')), 'example.ts');
  writeFileSync(file, libraryExample());
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    skipLibCheck: true,
    baseUrl: ROOT,
    paths: { [PACKAGE]: ['dist/index.d.ts'] },
    typeRoots: [path.join(ROOT, 'node_modules', '@types')],
    types: ['node'],
  });
  const problems = ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  expect(problems).toEqual([]);
}, 60_000);

it('runs: a file converts, text converts without a context, bad text is an error result', async () => {
  const code = ts.transpileModule(libraryExample(), {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  }).outputText;
  const printed: unknown[][] = [];
  // The example logs three times: the conversion, the statuses, the detection.
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const record = (args: unknown[]) => {
    printed.push(args);
    if (printed.length === 3) done();
  };
  const capture = {
    log: (...args: unknown[]) => record(args),
    error: (...args: unknown[]) => record(['error', ...args]),
  };
  const load = (name: string) => {
    if (name !== PACKAGE) throw new Error(`the example requires ${name}`);
    return builtModule('index.js');
  };
  new Function('require', 'exports', 'console', 'process', code)(load, {}, capture, { exitCode: 0 });
  await finished;
  expect(printed[0][0]).toMatch(/AS runtime/); // the converted file
  expect(printed[1]).toEqual([
    'converted',
    expect.stringMatching(/^(converted|skipped)$/),
    'error',
    'parse-error',
  ]);
  expect(printed[2][0]).toBe('python');
}, 60_000);
