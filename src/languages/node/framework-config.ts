/**
 * Reads the framework config files that decide where a build writes its files: vite.config.*
 * (`build.outDir`, `root`), angular.json (`outputPath`, `/browser` for the application builder),
 * vue.config.js (`outputDir`), CRA's BUILD_PATH, next.config.* (`output`, `distDir`).
 * Config files are code: msb reads literal values only and otherwise uses the default.
 */
import { posix as path } from 'path';
import type { BuildContext } from '../../context/build-context';
import { optionValue, parseArgv } from '../../analyze/argv';
import type { FrameworkRule, TypeScriptBuild } from './node-settings';

export interface OutputDir {
  /** Relative to the project folder. */
  dir: string;
  /** Where the answer came from, for decisions. */
  source: string;
  /** The config file that says so (context path), when one does. */
  file?: string;
}

export interface NextConfig {
  output: 'standalone' | 'export' | null;
  distDir: string;
  file: string | null;
}

const CONFIG_EXTENSIONS = ['js', 'cjs', 'mjs', 'ts', 'mts'];

export function frameworkOutputDir(
  rule: FrameworkRule,
  context: BuildContext,
  contextDir: string,
  values: ReadonlyMap<string, string>,
): OutputDir | null {
  switch (rule.config) {
    case 'vite':
      return viteOutputDir(context, contextDir) ?? fallback(rule);
    case 'angular':
      return angularOutputDir(context, contextDir) ?? fallback(rule);
    case 'vue': {
      const file = path.join(contextDir, 'vue.config.js');
      const dir = literalProperty(context.read(file), 'outputDir');
      return dir ? { dir, source: `outputDir in ${file}` } : fallback(rule);
    }
    case 'react': {
      const buildPath = values.get('BUILD_PATH');
      return buildPath ? { dir: buildPath, source: 'BUILD_PATH' } : fallback(rule);
    }
    case 'next':
      return readNextConfig(context, contextDir).output === 'export'
        ? { dir: 'out', source: "output: 'export' in next.config" }
        : null;
    default:
      return fallback(rule);
  }
}

export function readNextConfig(context: BuildContext, contextDir: string): NextConfig {
  const file = configFile(context, contextDir, 'next.config');
  const text = file ? context.read(file) : null;
  const output = literalProperty(text, 'output');
  return {
    output: output === 'standalone' || output === 'export' ? output : null,
    distDir: literalProperty(text, 'distDir') ?? '.next',
    file,
  };
}

/**
 * Where a TypeScript build (`tsc`, `nest build`: profile `typescriptBuilds`) writes: its `--outDir`
 * flag, else `compilerOptions.outDir` of the tsconfig it compiles with (`-p <file>`, else the
 * rule's tsconfigs), followed through relative `extends`.
 */
export function typescriptOutDir(
  context: BuildContext,
  contextDir: string,
  words: readonly string[],
  rule: TypeScriptBuild,
): Required<OutputDir> | null {
  const parsed = parseArgv(words.slice(1), rule.options);
  const project = optionValue(parsed, '-p', '--project');
  const flag = parsed.options.filter((o) => o.name === '--outDir' && o.value).pop();
  for (const candidate of project ? [project] : rule.tsconfigs) {
    const file = path.join(
      contextDir,
      candidate.endsWith('.json') ? candidate : path.join(candidate, 'tsconfig.json'),
    );
    if (flag?.value && context.has(file)) return { dir: flag.value, source: `tsc ${flag.words[0]}`, file };
    const outDir = tsconfigValue(context, file, 'outDir');
    if (outDir)
      return {
        dir: path.join(path.dirname(path.relative(contextDir, outDir.file)), outDir.value),
        source: `compilerOptions.outDir in ${outDir.file}`,
        file,
      };
  }
  return null;
}

/** A literal tsconfig property, looked up through relative `extends` (`./tsconfig.base.json`). */
export function tsconfigValue(
  context: BuildContext,
  file: string,
  name: string,
  depth = 3,
): { value: string; file: string } | null {
  const text = context.read(file);
  const value = literalProperty(text, name);
  if (value !== null) return { value, file };
  const base = literalProperty(text, 'extends');
  if (!base || !base.startsWith('.') || depth === 0) return null;
  const next = path.join(path.dirname(file), base.endsWith('.json') ? base : `${base}.json`);
  return tsconfigValue(context, next, name, depth - 1);
}

export interface ViteConfig {
  file: string | null;
  /** `build.outDir`, joined to `root`, relative to the project. */
  outDir: string | null;
  /** `base`: the public path the app is served under (`/app/`). */
  base: string | null;
  previewPort: number | null;
  serverPort: number | null;
}

export function readViteConfig(context: BuildContext, contextDir: string): ViteConfig {
  const file = configFile(context, contextDir, 'vite.config');
  const text = file ? context.read(file) : null;
  const outDir = literalProperty(text, 'outDir');
  const root = literalProperty(text, 'root');
  return {
    file,
    outDir:
      outDir || root
        ? path.isAbsolute(outDir ?? '')
          ? (outDir as string)
          : path.join(root ?? '', outDir ?? 'dist')
        : null,
    base: literalProperty(text, 'base'),
    previewPort: blockNumber(text, 'preview', 'port'),
    serverPort: blockNumber(text, 'server', 'port'),
  };
}

function viteOutputDir(context: BuildContext, contextDir: string): OutputDir | null {
  const config = readViteConfig(context, contextDir);
  return config.outDir ? { dir: config.outDir, source: `build.outDir in ${config.file}` } : null;
}

/** angular.json: the default (or first application) project's build target. */
function angularOutputDir(context: BuildContext, contextDir: string): OutputDir | null {
  const file = path.join(contextDir, 'angular.json');
  let workspace: { defaultProject?: string; projects?: Record<string, AngularProject> };
  try {
    workspace = JSON.parse(context.read(file) ?? 'null') ?? {};
  } catch {
    return null;
  }
  const projects = Object.entries(workspace.projects ?? {});
  const entry =
    projects.find(([name]) => name === workspace.defaultProject) ??
    projects.find(([, p]) => p.projectType === 'application') ??
    projects[0];
  if (!entry) return null;
  const [name, project] = entry;
  const build = project.architect?.build ?? project.targets?.build;
  const applicationBuilder = /:application$/.test(build?.builder ?? '');
  const outputPath = build?.options?.outputPath ?? `dist/${name}`;
  let dir: string;
  if (typeof outputPath === 'string')
    dir = applicationBuilder ? path.join(outputPath, 'browser') : outputPath;
  else dir = path.join(outputPath.base, outputPath.browser ?? 'browser');
  const why = applicationBuilder
    ? ' (the application builder writes the browser files to <outputPath>/browser)'
    : '';
  return { dir, source: `outputPath of project "${name}" in ${file}${why}` };
}

interface AngularProject {
  projectType?: string;
  architect?: { build?: AngularTarget };
  targets?: { build?: AngularTarget };
}

interface AngularTarget {
  builder?: string;
  options?: { outputPath?: string | { base: string; browser?: string } };
}

function fallback(rule: FrameworkRule): OutputDir | null {
  return rule.outputDir ? { dir: rule.outputDir, source: `${rule.name}'s default` } : null;
}

function configFile(context: BuildContext, contextDir: string, base: string): string | null {
  for (const extension of CONFIG_EXTENSIONS) {
    const file = path.join(contextDir, `${base}.${extension}`);
    if (context.has(file)) return file;
  }
  return null;
}

/** A number in a literal object block: `preview: { port: 8080 }`. */
function blockNumber(source: string | null, block: string, name: string): number | null {
  if (!source) return null;
  const match = new RegExp(`\\b${block}\\s*:\\s*\\{[^{}]*\\b${name}\\s*:\\s*(\\d+)`).exec(
    stripComments(source),
  );
  return match ? Number(match[1]) : null;
}

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** `name: 'value'` in JavaScript (or `"name": "value"` in JSON) source, comments ignored; null when absent or not a literal. */
export function literalProperty(source: string | null, name: string): string | null {
  if (!source) return null;
  const code = stripComments(source);
  const match = new RegExp(`(?:^|[^\\w$])['"]?${name}['"]?\\s*:\\s*(['"\`])([^'"\`$]*)\\1`).exec(code);
  return match ? match[2] : null;
}
