/**
 * Plans a Node server on the interpreted archetype (planInterpreted): the runtime is the slim
 * image of the same Node (alpine stays alpine, so native modules keep their libc); the dependency
 * environment is node_modules pruned to production dependencies in a stage FROM the builder
 * (production-deps.ts) plus the global tools the command runs (pm2...). A Next.js standalone
 * build runs its own server.js instead, with the node_modules it traced.
 */
import { posix as path } from 'path';
import { optionValue, parseArgv } from '../../analyze/argv';
import { expandVariables } from '../../analyze/instruction-args';
import { programName } from '../../analyze/shell-commands';
import { planInterpreted, type DependencyEnvironment } from '../../plan/interpreted-plan';
import type { Decision, PlanContext, PlanInput, StrategyPlan } from '../../plan/plan-types';
import { isWithin, runtimeCommands, workdirOwner } from '../../plan/runtime-stage';
import { BUILDER, copy, env, shellRun, type StageNode, type StageRef } from '../../plan/stage-model';
import type { AppKind } from './app-kind';
import { compiledServerLeftovers } from './compiled-sources';
import type { NodeApp } from './node-app';
import type { NodeSettings } from './node-settings';
import { productionDeps } from './production-deps';

type ServerKind = Extract<AppKind, { kind: 'server' | 'next-standalone' }>;
type Environment = DependencyEnvironment & { decisions: Decision[] };

export function planServer(input: PlanInput<NodeSettings>, app: NodeApp, kind: ServerKind): StrategyPlan {
  const { settings } = input;
  return planInterpreted(input, {
    data: settings.interpreted,
    packagesTemplate: input.profile.templates.systemPackages,
    start: app.command,
    environment: () => {
      const environment =
        kind.kind === 'next-standalone' ? standalone(input, app, kind) : prunedModules(input, app);
      const tools = globalTools(input, app);
      return {
        ...environment,
        afterPackages: tools.runs,
        replayed: workdirChowns(input),
        decisions: [...environment.decisions, ...tools.decisions],
      };
    },
    dependencies: () => ({ names: Object.keys(app.pkg?.dependencies ?? {}) }),
  });
}

/** node_modules pruned to production dependencies (with a compiled server's sources removed), copied with the application. */
function prunedModules(input: PlanInput<NodeSettings>, app: NodeApp): Environment {
  const { facts, context, settings } = input;
  const framework = app.frameworks.find((f) => f.kind !== 'static');
  const leftovers = compiledServerLeftovers(app, facts, context, settings);
  const deps = productionDeps(
    input,
    app,
    settings,
    [...(framework?.pruneCleanup ?? []), ...leftovers.sources],
    leftovers.buildFiles,
  );
  const decisions: Decision[] = [];
  const removed = deps.stage ? [...leftovers.sources, ...leftovers.buildFiles] : [];
  if (removed.length)
    decisions.push({
      subject: removed.join(', '),
      placement: 'builder',
      why: 'TypeScript sources, tests and build configuration of a server that runs its compiled output: removed in the prune stage',
    });
  decisions.push(...deps.decisions);
  if (framework?.kind === 'next')
    decisions.push({
      subject: 'next.config',
      placement: 'runtime',
      why: "no output: 'standalone': the runtime keeps .next, public and the production node_modules and runs the original command; standalone output would make it much smaller",
    });
  return {
    folders: [],
    source: deps.source,
    stages: deps.stage ? [deps.stage] : [],
    afterFiles: uncoveredNodeModules(input, app, deps.source),
    warnings: deps.warnings,
    decisions,
  };
}

/** Next.js standalone: server.js with its traced node_modules, the static assets and public/, over the WORKDIR. */
function standalone(
  input: PlanInput<NodeSettings>,
  app: NodeApp,
  kind: Extract<ServerKind, { kind: 'next-standalone' }>,
): Environment {
  const { facts, context, settings } = input;
  const dir = facts.workdir;
  const owner = workdirOwner(facts);
  const next = path.join(dir, kind.config.distDir);
  const publicDir = path.join(app.contextDir ?? '', 'public');
  const copies: StageNode[] = [];
  if (context.files.some((f) => f.startsWith(`${publicDir}/`)) && !context.isDockerIgnored(publicDir))
    copies.push(copy(BUILDER, path.join(dir, 'public'), path.join(dir, 'public'), { chown: owner }));
  copies.push(
    copy(BUILDER, path.join(next, 'standalone'), dir, { chown: owner }),
    copy(BUILDER, path.join(next, 'static'), path.join(next, 'static'), { chown: owner }),
  );

  const step = kind.start;
  const words = step.command.kind === 'program' ? step.command.words : [];
  const options = parseArgv(words.slice(1), settings.nextStandalone.options);
  const variables = Object.entries(settings.nextStandalone.env).flatMap(([name, set]): [string, string][] => {
    const value = optionValue(options, ...set.options) || set.default;
    return value && !facts.envNames.has(name) ? [[name, expandVariables(value, facts.values)]] : [];
  });

  const written = facts.cmd?.text ?? step.text;
  const via = written.includes(step.text) ? '' : ` (${step.text})`;
  return {
    folders: [],
    covers: [dir],
    afterFiles: copies,
    envAfter: variables.length > 0 ? env(variables) : undefined,
    command: (command, _dropped, keyword) =>
      keyword.toUpperCase() === 'CMD'
        ? {
            command: { form: 'exec', argv: ['node', 'server.js'] },
            why: `replaced by node server.js: the standalone server does what "${step.text}" did`,
          }
        : { command },
    warnings: [
      `the command changed from ${written}${via} to CMD ["node", "server.js"]: with output: 'standalone' Next.js writes its own server (.next/standalone/server.js), which needs neither npm nor the next CLI`,
    ],
    decisions: [
      {
        subject: `${kind.config.file}`,
        placement: 'runtime',
        why: "output: 'standalone': the runtime copies .next/standalone (server.js and the node_modules it traced), .next/static and public/",
      },
      {
        subject: 'ENV HOSTNAME',
        placement: 'added',
        why: 'server.js listens on $HOSTNAME, which Docker sets to the container id; 0.0.0.0 keeps it reachable on every interface like next start',
      },
    ],
  };
}

/** node_modules of an install outside the copied folders (no WORKDIR, or a separate deps folder). */
function uncoveredNodeModules(input: PlanContext, app: NodeApp, source: StageRef): StageNode[] {
  const { facts, context } = input;
  const directoryCopies = facts.copies
    .filter(
      (c) =>
        c.spec.from === null &&
        c.spec.sources.some(
          (s) =>
            s === '.' ||
            s === './' ||
            context.files.some((f) => f.startsWith(`${s.replace(/^\.\/|\/$/g, '')}/`)),
        ),
    )
    .map((c) => c.dest.replace(/\/$/, '') || '/');
  const folders = [...new Set(app.installs.map((i) => i.movedTo ?? path.join(i.dir, 'node_modules')))];
  return folders
    .filter(
      (modules) =>
        !(facts.workdir !== '/' && isWithin(modules, facts.workdir)) &&
        !directoryCopies.some((d) => d !== '/' && isWithin(modules, d)),
    )
    .map((modules) => copy(source, modules, modules));
}

/**
 * `RUN chown` of the WORKDIR or paths in it: in the runtime they can only run after the copy,
 * or not at all when the copy's --chown already does it.
 */
function workdirChowns(input: PlanContext): DependencyEnvironment['replayed'] {
  const { facts } = input;
  const owner = workdirOwner(facts);
  const chowns = new Map<string, boolean>();
  if (facts.workdir === '/') return undefined;
  for (const run of facts.runs) {
    if (
      run.commands.length === 0 ||
      !run.commands.every((c) => programName(c) === 'chown' || programName(c) === 'chmod')
    )
      continue;
    const targets = run.commands.flatMap((c) =>
      c.words
        .slice(1)
        .filter((w) => !w.startsWith('-'))
        .slice(1)
        .map((t) => path.resolve(run.workdir, expandVariables(t, facts.values))),
    );
    if (!targets.every((t) => isWithin(t, facts.workdir))) continue;
    const covered =
      run.commands.every(
        (c) => programName(c) === 'chown' && c.words.slice(1).find((w) => !w.startsWith('-')) === owner,
      ) && targets.every((t) => t === facts.workdir);
    chowns.set(run.instruction.text, covered);
  }
  return (text) => {
    const covered = chowns.get(text);
    if (covered === undefined) return undefined;
    return covered
      ? {
          subject: text,
          placement: 'builder',
          why: 'the runtime copies the WORKDIR with --chown, which gives the same ownership',
        }
      : 'after-files';
  };
}

/** Globally installed tools the container runs (pm2-runtime, pnpm...) are installed again in the runtime. */
function globalTools(
  input: PlanInput<NodeSettings>,
  app: NodeApp,
): { runs: StageNode[]; decisions: Decision[] } {
  const { settings } = input;
  // Programs the container starts: the command as written, the scripts it runs, the HEALTHCHECK.
  const programs = new Set(runtimeCommands(input.facts));
  for (const step of app.start) if (step.command.kind === 'program') programs.add(step.command.words[0]);
  const runs: StageNode[] = [];
  const decisions: Decision[] = [];
  // The download cache the manager the install's line starts with leaves behind (`npm cache clean --force`).
  const cacheClean = (text: string) =>
    Object.values(settings.packageManagers).find((m) => m.programs.includes(text.split(/\s+/)[0]))
      ?.globalCacheClean;
  for (const install of app.globals) {
    const provides = install.packages.flatMap(
      (p) => settings.globalToolBins[p] ?? [p.split('/').pop() as string],
    );
    const used = provides.filter((bin) => programs.has(bin));
    if (used.length === 0) continue;
    const clean = cacheClean(install.text);
    runs.push(shellRun(clean ? `${install.text} && ${clean}` : install.text));
    decisions.push({
      subject: `${install.text} (line ${install.run.instruction.line + 1})`,
      placement: 'both',
      why: `the container runs ${used.join(', ')}, a global tool the runtime image does not have`,
    });
  }
  return { runs, decisions };
}
