/**
 * Decides what kind of image the Node app needs: a static site (the container only serves
 * files, or runs a front end's dev server), a Next.js standalone server, a Node server — or
 * nothing, when the container installs or builds at start and msb cannot move that.
 */
import { posix as path } from 'path';
import type { DetectInput } from '../../detect/detect-types';
import { blockNumber, frameworkOutputDir, NextConfig, readConfig, readNextConfig } from './framework-config';
import { findFrontEndServer, FrontEndServer } from './front-end-server';
import { optionValue, parseArgv } from '../../analyze/argv';
import { envValues } from '../../analyze/command-env';
import { containerCommand } from '../../analyze/container-command';
import { buildAtStart, findBuild, matchesProgram, NodeApp } from './node-app';
import type { FrameworkRule, NodeSettings } from './node-settings';
import { declaredPackages } from './package-json';
import type { Step } from './run-scripts';

export type AppKind =
  | { kind: 'static'; server: Extract<FrontEndServer, { kind: 'static' | 'dev' }> }
  | { kind: 'next-standalone'; start: Step; config: NextConfig }
  | { kind: 'server' }
  | { kind: 'skip'; reason: string };

export interface StaticOutput {
  /** Absolute folder in the builder. */
  dir: string;
  source: string;
  /** The framework's own folder when the served one differs from it. */
  conflict?: string;
}

export function classifyApp(app: NodeApp, input: DetectInput, settings: NodeSettings): AppKind {
  const install = app.start.find((s) => s.command.kind === 'install' || s.command.kind === 'global-install');
  if (install) {
    return {
      kind: 'skip',
      reason: `the container installs packages when it starts ("${install.text}"); move the install into the build first, msb will not guess which packages the app needs`,
    };
  }
  if (
    !input.facts.cmd &&
    !input.facts.entrypoint &&
    !app.command.compose &&
    app.frameworks[0]?.kind === 'static'
  ) {
    return {
      kind: 'skip',
      reason: `the image has no command and holds a ${app.frameworks[0].name} front-end build: it looks like a build container whose output something else uses, so msb leaves it as it is`,
    };
  }
  // Compose keeps running its own command: the runtime must stay a Node image that can run it.
  const frontEnd = app.command.compose
    ? null
    : findFrontEndServer(app.start, settings, input.facts.values, declaredPackages(app.pkg));
  if (frontEnd?.kind === 'problem') return { kind: 'skip', reason: frontEnd.reason };
  if (frontEnd) return { kind: 'static', server: withConfigPort(frontEnd, app, input) };
  const build = buildAtStart(app.start, settings);
  if (build) return { kind: 'skip', reason: build };
  const compiling = compilingServer(app.start, settings);
  if (compiling) {
    return {
      kind: 'skip',
      reason: `the container compiles the app when it starts ("${compiling.step.text}"): it needs the sources, the compiler and the devDependencies at run time, so a runtime stage would carry the same; run ${compiling.rule.instead} first`,
    };
  }
  if (app.frameworks[0]?.kind === 'next') {
    const programs = app.start.filter((s) => s.command.kind === 'program');
    const start =
      programs.length === 1 &&
      programs[0].command.kind === 'program' &&
      matchesProgram(programs[0].command.words, [settings.nextStandalone.start])
        ? programs[0]
        : null;
    const config = readNextConfig(app.frameworks[0], input.context, app.contextDir ?? '');
    // server.js replaces the CMD: the ENTRYPOINT may only be an init wrapper, and server.js lands in the WORKDIR.
    const cmdOnly =
      input.facts.cmd !== null &&
      (!input.facts.entrypoint || containerCommand({ ...input.facts, cmd: null }).commands.length === 0);
    if (start && config.output === 'standalone' && cmdOnly && app.projectDir === input.facts.workdir)
      return { kind: 'next-standalone', start, config };
  }
  return { kind: 'server' };
}

/** A start step that runs a development or compiling server (profile `compilesAtStart`). */
function compilingServer(start: readonly Step[], settings: NodeSettings) {
  for (const step of start) {
    if (step.command.kind !== 'program') continue;
    const rule = matchesProgram(step.command.words, settings.compilesAtStart);
    if (rule) return { step, rule };
  }
  return null;
}

/** A server that reads its port from its config file (vite's `preview.port`) when no flag gives one. */
function withConfigPort<S extends Extract<FrontEndServer, { kind: 'static' | 'dev' }>>(
  server: S,
  app: NodeApp,
  input: DetectInput,
): S {
  const key = server.rule.config?.port;
  if (!server.port.isDefault || !key) return server;
  const { file, text } = readConfig(input.context, app.contextDir ?? '', server.rule.config);
  const port = blockNumber(text, key);
  return port === null ? server : { ...server, port: { port, source: `${key} in ${file}` } };
}

/**
 * The folder the static runtime serves: the one the original server served, else the build
 * command's output flag, else the framework's config or default. Null when nothing says.
 */
export function staticOutput(
  app: NodeApp,
  server: FrontEndServer & { kind: 'static' | 'dev' },
  input: DetectInput,
  settings: NodeSettings,
): StaticOutput | null {
  const built = builtOutput(app, input, settings, server.kind === 'dev' ? server.rule.framework : null);
  if (server.kind === 'static' && server.dir !== null) {
    const dir = path.resolve(input.facts.workdir, server.dir);
    const conflict = built && built.dir !== dir ? built.dir : undefined;
    return { dir, source: `the folder ${server.rule.program} served ("${server.step.text}")`, conflict };
  }
  return built;
}

/** Where the front end's build writes, as an absolute path in the builder. */
export function builtOutput(
  app: NodeApp,
  input: DetectInput,
  settings: NodeSettings,
  frameworkName: string | null = null,
): StaticOutput | null {
  const projectDir = app.builds[0]?.dir ?? app.projectDir;
  for (const build of app.builds) {
    for (const step of build.steps) {
      if (step.command.kind !== 'program') continue;
      const value = optionValue(
        parseArgv(step.command.words.slice(1), { valued: settings.outDirFlags }),
        ...settings.outDirFlags,
      );
      if (value) return { dir: path.resolve(build.dir, value), source: `"${step.text}"` };
    }
  }
  const rule = frontEndFramework(app, settings, frameworkName);
  // The build step's own environment (`BUILD_PATH=out react-scripts build`) names the folder too.
  const buildStep = app.builds.length > 0 ? findBuild(app.builds[0].steps, settings) : undefined;
  const values = buildStep ? envValues(buildStep.env, input.facts.values) : input.facts.values;
  const output = rule ? frameworkOutputDir(rule, input.context, app.contextDir ?? '', values) : null;
  return output ? { dir: path.resolve(projectDir, output.dir), source: output.source } : null;
}

function frontEndFramework(app: NodeApp, settings: NodeSettings, name: string | null): FrameworkRule | null {
  if (name) return settings.frameworks.find((f) => f.name === name) ?? null;
  return app.frameworks.find((f) => f.kind !== 'server') ?? null;
}
