/**
 * TypeScript sources a server no longer needs: when the build compiles them with tsc (or nest
 * build) into an outDir and the container runs `node <outDir>/...`, the runtime image carries the
 * compiled JavaScript only. A source folder is dropped only when every file in it is TypeScript
 * (a `.json` or template beside the code may be read at run time).
 */
import { posix as path } from 'path';
import type { BuildContext } from '../../context/build-context';
import { literalProperty, TYPESCRIPT_BUILDS, typescriptOutDir } from './framework-config';
import type { NodeApp } from './node-app';
import { matchesProgram } from './node-app';

const TYPESCRIPT = /\.(ts|tsx|mts|cts)$/;

/** Paths relative to the project folder to delete in the prune stage (empty: keep everything). */
export function compiledTypeScriptSources(app: NodeApp, context: BuildContext): string[] {
  if (app.contextDir === null) return [];
  for (const build of app.builds) {
    for (const step of build.steps) {
      if (step.command.kind !== 'program' || !matchesProgram(step.command.words, TYPESCRIPT_BUILDS)) continue;
      const outDir = typescriptOutDir(context, app.contextDir, step.command.words);
      if (!outDir?.file || !runsCompiledCode(app, path.normalize(outDir.dir))) continue;
      const rootDir = path.normalize(literalProperty(context.read(outDir.file), 'rootDir') ?? 'src');
      const inContext = path.join(app.contextDir, rootDir);
      const files = context.files.filter((f) => f.startsWith(`${inContext}/`));
      if (
        rootDir === '.' ||
        rootDir.startsWith('..') ||
        files.length === 0 ||
        !files.every((f) => TYPESCRIPT.test(f))
      )
        return [];
      return [rootDir];
    }
  }
  return [];
}

/** The container starts `node <outDir>/...` (directly or through a package.json script). */
function runsCompiledCode(app: NodeApp, outDir: string): boolean {
  return app.start.some((step) => {
    if (step.command.kind !== 'program' || path.basename(step.command.words[0] ?? '') !== 'node')
      return false;
    const script = step.command.words.slice(1).find((w) => !w.startsWith('-'));
    return script !== undefined && path.normalize(script).startsWith(`${outDir}/`);
  });
}
