/**
 * What a compiled Node server no longer needs: when the build compiles TypeScript with tsc (or
 * nest build) into an outDir and the container runs `node <outDir>/...` (directly, through a
 * package.json script or a process manager), the runtime carries the compiled JavaScript only —
 * not the TypeScript sources, the tests, or the build's configuration files. Whatever is not
 * TypeScript beside the code (a `.json`, a template) stays: it may be read at run time.
 */
import { posix as path } from 'path';
import { parseArgv } from '../../analyze/argv';
import type { StageFacts } from '../../analyze/stage-facts';
import type { BuildContext } from '../../context/build-context';
import { globMatcher } from '../../util/glob-matcher';
import { contextPaths } from '../../plan/context-paths';
import { OutputDir, tsconfigValue, typescriptOutDir } from './framework-config';
import type { Build, NodeApp } from './node-app';
import { matchesProgram } from './node-app';
import type { NodeSettings } from './node-settings';
import { preloadedPackages } from './package-json';

/** More separate paths than this and the sources are kept whole (the prune line stays readable). */
const MAX_PATHS = 12;
/** Paths relative to the project folder to delete in the prune stage. */
export interface Leftovers {
  /** The TypeScript sources (worth a stage of their own). */
  sources: string[];
  /** Tests and build configuration files (removed when there is a prune stage anyway). */
  buildFiles: string[];
}

const NONE: Leftovers = { sources: [], buildFiles: [] };

export function compiledServerLeftovers(
  app: NodeApp,
  facts: StageFacts,
  context: BuildContext,
  settings: NodeSettings,
): Leftovers {
  if (app.contextDir === null) return NONE;
  for (const { outDir } of typescriptOutputs(app, context, settings)) {
    const start = compiledStart(app, path.normalize(outDir.dir), settings);
    if (!start) continue;
    const rootDir = path.normalize(
      tsconfigValue(context, outDir.file, 'rootDir')?.value ?? includedFolder(context, outDir.file) ?? 'src',
    );
    if (rootDir === '.' || rootDir.startsWith('..')) return NONE;
    const inImage = copiedIntoProject(app, facts, context);
    const isTypeScript = (file: string) => settings.typescriptExtensions.some((e) => file.endsWith(`.${e}`));
    const sources = typeScriptOnly(inImage, rootDir, isTypeScript);
    const readsTsconfig = start.preloads.some((p) => settings.tsconfigAtRunTime.includes(p));
    // Top-level files and folders of the project, in the profile's order of globs (`tsconfig*.json`, `test`).
    const topLevel = [...new Set(inImage.map((f) => f.split('/')[0]))];
    const buildFiles = settings.compiledBuildFiles
      .filter((glob) => !(readsTsconfig && glob.startsWith('tsconfig')))
      .flatMap((glob) => topLevel.filter(globMatcher(glob, { dot: true })))
      .filter((file) => !sources.includes(file));
    return sources.length + buildFiles.length > MAX_PATHS ? NONE : { sources, buildFiles };
  }
  return NONE;
}

/** Every TypeScript compilation the build runs (profile `typescriptBuilds`), with where it writes. */
export function typescriptOutputs(
  app: NodeApp,
  context: BuildContext,
  settings: NodeSettings,
): { build: Build; outDir: Required<OutputDir> }[] {
  return app.builds.flatMap((build) =>
    build.steps.flatMap((step) => {
      if (step.command.kind !== 'program') return [];
      const rule = matchesProgram(step.command.words, settings.typescriptBuilds);
      const outDir = rule && typescriptOutDir(context, app.contextDir ?? '', step.command.words, rule);
      return outDir ? [{ build, outDir }] : [];
    }),
  );
}

/** Without rootDir, tsc's root is the common folder of its inputs: `"include": ["private/**\/*"]` → private. */
function includedFolder(context: BuildContext, tsconfig: string): string | null {
  const include = /"include"\s*:\s*\[([^\]]*)\]/.exec(context.read(tsconfig) ?? '');
  const entries = include ? [...include[1].matchAll(/"([^"]*)"/g)].map((m) => m[1]) : [];
  if (entries.length !== 1) return null;
  const folder = entries[0].replace(/^\.\//, '').split('/')[0];
  return folder && !/[*?]/.test(folder) && !/\.[cm]?[jt]sx?$/.test(folder) ? folder : null;
}

/** The container starts `node <outDir>/...`: the packages it preloads (`-r tsconfig-paths/register`), else null. */
function compiledStart(app: NodeApp, outDir: string, settings: NodeSettings): { preloads: string[] } | null {
  for (const step of app.start) {
    if (step.command.kind !== 'program') continue;
    const [program, ...args] = step.command.words;
    if (path.basename(program ?? '') !== 'node') continue;
    const parsed = parseArgv(args, settings.nodeOptions);
    const script = parsed.operands[0];
    if (script === undefined || !path.normalize(script).startsWith(`${outDir}/`)) continue;
    return { preloads: preloadedPackages(parsed, settings) };
  }
  return null;
}

/** Project-relative paths of the context files a COPY put into the project folder. */
function copiedIntoProject(app: NodeApp, facts: StageFacts, context: BuildContext): string[] {
  const paths = contextPaths(facts, context);
  const prefix = app.contextDir ? `${app.contextDir}/` : '';
  return context.files
    .filter((f) => f.startsWith(prefix) && !context.isDockerIgnored(f))
    .filter((f) => paths.toContainer(f) === path.join(app.projectDir, f.slice(prefix.length)))
    .map((f) => f.slice(prefix.length));
}

/** The largest folders and files under `root` that hold TypeScript only. */
function typeScriptOnly(
  files: readonly string[],
  root: string,
  isTypeScript: (file: string) => boolean,
): string[] {
  const under = files.filter((f) => f.startsWith(`${root}/`));
  if (under.length === 0) return [];
  if (under.every(isTypeScript)) return [root];
  const children = [...new Set(under.map((f) => path.join(root, f.slice(root.length + 1).split('/')[0])))];
  return children.flatMap((child) =>
    files.includes(child) ? (isTypeScript(child) ? [child] : []) : typeScriptOnly(under, child, isTypeScript),
  );
}
