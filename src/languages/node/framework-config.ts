/**
 * Reads the framework config files that decide where a build writes its files, as the
 * profile's `frameworks[].config` says: a literal property of a config file (vite's
 * `build.outDir` under `root`, vue's `outputDir`, next's `output: 'export'`), an environment
 * variable (CRA's BUILD_PATH) or an Angular workspace (angular.json: `outputPath`, `/browser`
 * for the application builder). Config files are code: msb reads literal values only and
 * otherwise uses the framework's default.
 */
import { posix as path } from 'path';
import type { BuildContext } from '../../context/build-context';
import { optionValue, parseArgv } from '../../analyze/argv';
import { compiledRegExp } from '../../util/compiled-regexp';
import type { ConfigFile, FrameworkRule, TypeScriptBuild } from './node-settings';

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

export function frameworkOutputDir(
  rule: FrameworkRule,
  context: BuildContext,
  contextDir: string,
  values: ReadonlyMap<string, string>,
): OutputDir | null {
  const { config, outputDir } = rule;
  const fallback = outputDir ? { dir: outputDir, source: `${rule.name}'s default` } : null;
  if (config?.variable) {
    const dir = values.get(config.variable);
    if (dir) return { dir, source: config.variable };
  }
  const { file, text } = readConfig(context, contextDir, config);
  if (config?.workspace === 'angular') return (file && angularOutputDir(text, file)) || fallback;
  const value = config?.property ? literalProperty(text, config.property) : null;
  const source = `${config?.says ?? config?.property} in ${file}`;
  // `output: 'export'` names no folder: it says the build writes the framework's own (and without it, nothing static).
  if (config?.value !== undefined)
    return value === config.value && outputDir ? { dir: outputDir, source } : null;
  const root = config?.relativeTo ? literalProperty(text, config.relativeTo) : null;
  if (!value && !root) return fallback;
  return {
    dir: value && path.isAbsolute(value) ? value : path.join(root ?? '', value ?? outputDir ?? ''),
    source,
  };
}

/** The first of the config's files the project has, and its text. */
export function readConfig(
  context: BuildContext,
  contextDir: string,
  config: Pick<ConfigFile, 'files'> | undefined,
): { file: string | null; text: string | null } {
  const file = config?.files?.map((f) => path.join(contextDir, f)).find((f) => context.has(f)) ?? null;
  return { file, text: file === null ? null : context.read(file) };
}

export function readNextConfig(rule: FrameworkRule, context: BuildContext, contextDir: string): NextConfig {
  const { file, text } = readConfig(context, contextDir, rule.config);
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

/** angular.json: the default (or first application) project's build target. */
function angularOutputDir(text: string | null, file: string): OutputDir | null {
  let workspace: { defaultProject?: string; projects?: Record<string, AngularProject> };
  try {
    workspace = JSON.parse(text ?? 'null') ?? {};
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

/** A number in a literal object block: `preview.port` in `preview: { port: 8080 }`. */
export function blockNumber(source: string | null, key: string): number | null {
  if (!source) return null;
  const [block, name] = key.split('.');
  const match = compiledRegExp(`\\b${block}\\s*:\\s*\\{[^{}]*\\b${name}\\s*:\\s*(\\d+)`).exec(
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
  const match = compiledRegExp(`(?:^|[^\\w$])['"]?${name}['"]?\\s*:\\s*(['"\`])([^'"\`$]*)\\1`).exec(code);
  return match ? match[2] : null;
}
