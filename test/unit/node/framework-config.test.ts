import { openBuildContext } from '../../../src/context/build-context';
import {
  frameworkOutputDir,
  literalProperty,
  readNextConfig,
  typescriptOutDir,
} from '../../../src/languages/node/framework-config';
import { Files, project, settings } from './node-fixtures';

const rule = (name: string) => settings.frameworks.find((f) => f.name === name)!;
const outputOf = (framework: string, files: Files, values: Record<string, string> = {}, contextDir = '') =>
  frameworkOutputDir(
    rule(framework),
    openBuildContext(project(files)),
    contextDir,
    new Map(Object.entries(values)),
  )?.dir ?? null;

const angular = (build: object, extra: object = {}) => ({
  'angular.json': {
    version: 1,
    ...extra,
    projects: { shop: { projectType: 'application', architect: { build } } },
  },
});

describe('framework output folders', () => {
  it.each([
    [
      'vite default',
      'vite',
      { 'vite.config.js': 'export default defineConfig({ server: { port: 5173 } })\n' },
      {},
      'dist',
    ],
    [
      'vite build.outDir',
      'vite',
      { 'vite.config.ts': "export default { build: { outDir: 'public_html' } }\n" },
      {},
      'public_html',
    ],
    [
      'vite outDir relative to root',
      'vite',
      { 'vite.config.mjs': "export default { root: 'src', build: { outDir: '../www' } }\n" },
      {},
      'www',
    ],
    [
      'vite commented-out outDir is ignored',
      'vite',
      { 'vite.config.js': "export default {\n  // outDir: 'nope',\n  build: {}\n}\n" },
      {},
      'dist',
    ],
    [
      'vite outDir from a variable is not a literal',
      'vite',
      { 'vite.config.js': 'export default { build: { outDir: OUT } }\n' },
      {},
      'dist',
    ],
    [
      'angular browser builder',
      'angular',
      angular({ builder: '@angular-devkit/build-angular:browser', options: { outputPath: 'dist/shop' } }),
      {},
      'dist/shop',
    ],
    [
      'angular application builder adds /browser',
      'angular',
      angular({ builder: '@angular-devkit/build-angular:application', options: { outputPath: 'dist/shop' } }),
      {},
      'dist/shop/browser',
    ],
    [
      '@angular/build application builder',
      'angular',
      angular({ builder: '@angular/build:application', options: { outputPath: 'dist/shop' } }),
      {},
      'dist/shop/browser',
    ],
    [
      'angular outputPath object',
      'angular',
      angular({
        builder: '@angular/build:application',
        options: { outputPath: { base: 'out', browser: '' } },
      }),
      {},
      'out',
    ],
    [
      'angular without outputPath',
      'angular',
      angular({ builder: '@angular/build:application', options: {} }),
      {},
      'dist/shop/browser',
    ],
    ['vue default', 'vue', { 'vue.config.js': 'module.exports = {}\n' }, {}, 'dist'],
    ['vue outputDir', 'vue', { 'vue.config.js': "module.exports = { outputDir: 'static' }\n" }, {}, 'static'],
    ['CRA default', 'react', {}, {}, 'build'],
    ['CRA BUILD_PATH', 'react', {}, { BUILD_PATH: 'www' }, 'www'],
    ['next static export', 'next', { 'next.config.mjs': "export default { output: 'export' }\n" }, {}, 'out'],
    [
      'next server build has no static folder',
      'next',
      { 'next.config.js': 'module.exports = {}\n' },
      {},
      null,
    ],
  ])('%s', (_name, framework, files, values, expected) => {
    expect(outputOf(framework, files, values)).toBe(expected);
  });

  it('reads the config in the project folder of the context', () => {
    expect(
      outputOf('vite', { 'web/vite.config.js': "export default { build: { outDir: 'site' } }\n" }, {}, 'web'),
    ).toBe('site');
  });

  it.each([
    [
      'standalone',
      "module.exports = { output: 'standalone' }",
      { output: 'standalone', distDir: '.next', file: 'next.config.js' },
    ],
    [
      'distDir',
      'module.exports = { output: "standalone", distDir: \'build\' }',
      { output: 'standalone', distDir: 'build' },
    ],
    ['none', 'module.exports = {}', { output: null, distDir: '.next' }],
  ])('reads next.config: %s', (_name, text, expected) => {
    expect(
      readNextConfig(rule('next'), openBuildContext(project({ 'next.config.js': text })), ''),
    ).toMatchObject(expected);
  });

  it.each([
    [
      ['tsc'],
      { 'tsconfig.json': '{\n  // comment\n  "compilerOptions": { "outDir": "./dist" }\n}\n' },
      'dist',
    ],
    [
      ['tsc', '-p', 'tsconfig.build.json'],
      { 'tsconfig.build.json': '{ "compilerOptions": { "outDir": "build" } }' },
      'build',
    ],
    [
      ['nest', 'build'],
      {
        'tsconfig.build.json': '{ "extends": "./tsconfig.json" }',
        'tsconfig.json': '{ "compilerOptions": { "outDir": "./dist" } }',
      },
      'dist',
    ],
    [['tsc'], { 'tsconfig.json': '{ "compilerOptions": {} }' }, null],
  ])('tsconfig outDir for %j', (words, files, expected) => {
    const [rule] = settings.typescriptBuilds.filter((r) => r.program === words[0]);
    expect(typescriptOutDir(openBuildContext(project(files)), '', words, rule)?.dir ?? null).toBe(expected);
  });

  it.each([
    ["{ outDir: 'a' }", 'a'],
    ['{ "outDir": "b" }', 'b'],
    ['{ outDir: `c` }', 'c'],
    ['{ myoutDir: "x" }', null],
    ['{ outDir: `${x}/y` }', null],
    ['/* outDir: "x" */ {}', null],
  ])('literalProperty(%s)', (source, expected) => {
    expect(literalProperty(source, 'outDir')).toBe(expected);
  });
});
