/**
 * A Node project read once: the app (node-app.ts), the kind of image it needs (app-kind.ts), and
 * for the report its framework, package manager, build script and output folder.
 */
import { posix as path } from 'path';
import type { DetectInput, Evidence, LanguageDetails } from '../../detect/detect-types';
import { isWithin } from '../../plan/runtime-stage';
import { AppKind, builtOutput, classifyApp, staticOutput } from './app-kind';
import { typescriptOutputs } from './compiled-sources';
import { readNextConfig } from './framework-config';
import { NodeApp, readNodeApp } from './node-app';
import type { FrameworkRule, NodeSettings } from './node-settings';

export interface NodeAnalysis {
  app: NodeApp;
  kind: AppKind;
  details: LanguageDetails;
}

export function analyzeNode(input: DetectInput, settings: NodeSettings): NodeAnalysis {
  const app = readNodeApp(input, settings);
  const kind = classifyApp(app, input, settings);
  return { app, kind, details: describeNode(app, kind, input, settings) };
}

function describeNode(
  app: NodeApp,
  kind: AppKind,
  input: DetectInput,
  settings: NodeSettings,
): LanguageDetails {
  const evidence: Evidence[] = [];
  const facts: Record<string, string> = { appKind: settings.appKinds[kind.kind] };

  // A front-end framework's name is only right when the app is the front end (not an API that also lists react).
  const framework =
    kind.kind === 'static' || kind.kind === 'next-standalone'
      ? app.frameworks[0]
      : (app.frameworks.find((f) => f.kind !== 'static') ?? app.frameworks[0]);
  if (framework)
    evidence.push({
      kind: 'manifest',
      detail: `${framework.name} in package.json or its config file`,
      weight: 0.3,
    });
  if (app.manager.lockfile) facts.lockfile = app.manager.lockfile;
  if (app.installs[0]) facts.installCommand = app.installs[0].text;
  const build = app.builds[0];
  if (build) {
    facts.buildScript = build.script ?? build.text;
    if (build.script && app.pkg?.scripts[build.script]) facts.buildCommand = app.pkg.scripts[build.script];
  }
  const output =
    kind.kind === 'static'
      ? staticOutput(app, kind.server, input, settings)?.dir
      : kind.kind === 'next-standalone'
        ? path.join(input.facts.workdir, kind.config.distDir, 'standalone')
        : serverOutputDir(app, input, settings, framework);
  if (output)
    facts.outputDir =
      isWithin(output, app.projectDir) && output !== app.projectDir
        ? path.relative(app.projectDir, output)
        : output;
  if (kind.kind === 'skip') facts.skipReason = kind.reason;
  return {
    framework: framework?.name,
    packageManager: app.manager.berry ? 'yarn' : app.manager.name,
    facts,
    evidence,
  };
}

/** Where a server's build writes: .next for Next.js, the tsconfig's outDir for tsc / nest build. */
function serverOutputDir(
  app: NodeApp,
  input: DetectInput,
  settings: NodeSettings,
  framework: FrameworkRule | undefined,
): string | undefined {
  if (framework?.kind === 'next')
    return path.join(app.projectDir, readNextConfig(framework, input.context, app.contextDir ?? '').distDir);
  if (framework?.kind === 'static' && app.builds.length > 0) return builtOutput(app, input, settings)?.dir;
  const [compiled] = typescriptOutputs(app, input.context, settings);
  return compiled && path.resolve(compiled.build.dir, compiled.outDir.dir);
}
