/**
 * Plans a Node server: the runtime is the slim image of the same Node (alpine stays alpine, so
 * native modules keep their libc) with the application and its production dependencies, the
 * global tools the command runs (pm2...), the system packages it needs, and the original's
 * ENV/WORKDIR/USER/EXPOSE/CMD. A Next.js standalone build runs its own server.js instead.
 */
import { posix as path } from 'path';
import { optionValue, parseArgv } from '../../analyze/argv';
import { expandVariables } from '../../analyze/instruction-args';
import { programName, shellQuote } from '../../analyze/shell-commands';
import { chooseRuntimeImage, globalArgValues } from '../../plan/base-image';
import { compiledServerLeftovers } from './compiled-sources';
import type { Decision, PlanContext, RuntimeStageModel, StrategyPlan } from '../../plan/plan-types';
import {
  applicationFileCopies,
  baseRuntimeModel,
  isWithin,
  runtimeCommands,
  workdirOwner,
} from '../../plan/runtime-stage';
import {
  BUILDER,
  containerCommand,
  copy,
  env,
  ExtraStage,
  original,
  shellRun,
  StageNode,
  StageRef,
} from '../../plan/stage-model';
import { convertedPlan } from '../../plan/converted-plan';
import { addBuilderSideEffects, runtimeSetup } from '../../plan/runtime-setup';
import type { AppKind } from './app-kind';
import type { NodeApp } from './node-app';
import type { NodeSettings } from './node-settings';
import { productionDeps } from './production-deps';

type ServerKind = Extract<AppKind, { kind: 'server' | 'next-standalone' }>;

export function planServer(
  input: PlanContext,
  app: NodeApp,
  kind: ServerKind,
  settings: NodeSettings,
): StrategyPlan {
  const { facts, profile, context } = input;
  const image = chooseRuntimeImage(facts.from, profile, globalArgValues(input.dockerfile));
  if (!image.ok) return { kind: 'skip', reason: image.reason };
  const warnings = [...image.warnings];
  const decisions: Decision[] = [];
  const extraStages: ExtraStage[] = [];
  const runtime = baseRuntimeModel(facts, image.image, [
    'Runtime stage (added by msb): the server with its production dependencies, without compilers, dev tools or caches.',
  ]);

  if (kind.kind === 'next-standalone') {
    const standalone = standaloneFiles(input, app, kind, runtime, settings);
    if (standalone.problem) return { kind: 'skip', reason: standalone.problem };
    warnings.push(...standalone.warnings);
    decisions.push(...standalone.decisions);
  } else {
    const framework = app.frameworks.find((f) => f.kind !== 'static');
    const leftovers = compiledServerLeftovers(app, facts, context, settings);
    const deps = productionDeps(
      input,
      app,
      settings,
      [...(framework?.pruneCleanup ?? []), ...leftovers.sources],
      leftovers.buildFiles,
    );
    const removed = deps.stage ? [...leftovers.sources, ...leftovers.buildFiles] : [];
    if (removed.length)
      decisions.push({
        subject: removed.join(', '),
        placement: 'builder',
        why: 'TypeScript sources, tests and build configuration of a server that runs its compiled output: removed in the prune stage',
      });
    warnings.push(...deps.warnings);
    decisions.push(...deps.decisions);
    if (deps.stage) extraStages.push(deps.stage);
    const files = applicationFileCopies(facts, deps.source, () => false, context);
    if (files.problem) return { kind: 'skip', reason: files.problem };
    decisions.push(...files.decisions);
    runtime.copies = [...files.copies, ...uncoveredNodeModules(input, app, deps.source)];
    if (framework?.kind === 'next') {
      decisions.push({
        subject: 'next.config',
        placement: 'runtime',
        why: "no output: 'standalone': the runtime keeps .next, public and the production node_modules and runs the original command; standalone output would make it much smaller",
      });
    }
  }

  const programs = containerPrograms(input, app);
  const tools = globalTools(app, settings, programs, decisions);
  const setup = runtimeSetup(input, {
    template: profile.templates.systemPackages,
    image: image.image,
    slimmer: image.image !== facts.from.text,
    dependencies: Object.keys(app.pkg?.dependencies ?? {}),
  });
  if ('problem' in setup) return { kind: 'skip', reason: setup.problem };
  warnings.push(...setup.warnings);
  decisions.push(...setup.decisions);
  // The package install, the global tools, then the user setup less the chowns the WORKDIR copy's --chown does.
  const install = setup.nodes.filter((node) => node.kind === 'fragment');
  const users = setup.nodes.filter((node) => node.kind !== 'fragment');
  const chowns = workdirChowns(input);
  const replayed = new Set(users.flatMap((run) => (run.kind === 'original' ? [run.text] : [])));
  runtime.setup.push(
    ...install,
    ...tools,
    ...users.filter((run) => run.kind !== 'original' || !chowns.has(run.text)),
  );
  for (const [run, covered] of chowns) {
    if (!replayed.has(run)) continue;
    if (covered)
      decisions.push({
        subject: run,
        placement: 'builder',
        why: 'the runtime copies the WORKDIR with --chown, which gives the same ownership',
      });
    else runtime.copies.push(original(run));
  }
  decisions.push(...addBuilderSideEffects(input, runtime));
  const { compose, command, source } = app.command;
  const commandWhy = compose
    ? `the command comes from ${source} (${command.argv.map(shellQuote).join(' ')}): the runtime is planned for it and keeps the original's ENTRYPOINT/CMD`
    : !facts.entrypoint && !facts.cmd
      ? 'the original has no command (compose or the platform supplies it); the runtime keeps the node image default'
      : null;
  if (commandWhy) decisions.push({ subject: 'CMD', placement: 'runtime', why: commandWhy });
  return convertedPlan(image, { runtime, builderInsertions: [], extraStages, warnings, decisions });
}

/** Next.js standalone: server.js with its traced node_modules, the static assets and public/. */
function standaloneFiles(
  input: PlanContext,
  app: NodeApp,
  kind: Extract<ServerKind, { kind: 'next-standalone' }>,
  runtime: RuntimeStageModel,
  settings: NodeSettings,
) {
  const { facts, context } = input;
  const warnings: string[] = [];
  const decisions: Decision[] = [];
  const dir = facts.workdir;
  const owner = workdirOwner(facts);
  const outside = applicationFileCopies(facts, BUILDER, (dest) => isWithin(dest, dir), context);
  if (outside.problem) return { warnings, decisions, problem: outside.problem };
  decisions.push(...outside.decisions);
  const next = path.join(dir, kind.config.distDir);
  const publicDir = path.join(app.contextDir ?? '', 'public');
  const copies = [...outside.copies];
  if (context.files.some((f) => f.startsWith(`${publicDir}/`)) && !context.isDockerIgnored(publicDir))
    copies.push(copy(BUILDER, path.join(dir, 'public'), path.join(dir, 'public'), { chown: owner }));
  copies.push(
    copy(BUILDER, path.join(next, 'standalone'), dir, { chown: owner }),
    copy(BUILDER, path.join(next, 'static'), path.join(next, 'static'), { chown: owner }),
  );
  runtime.copies = copies;

  const step = kind.start;
  const words = step.command.kind === 'program' ? step.command.words : [];
  const options = parseArgv(words.slice(1), settings.nextStartOptions);
  const variables: [string, string][] = [];
  const port = optionValue(options, '-p', '--port');
  if (port && !facts.envNames.has('PORT')) variables.push(['PORT', expandVariables(port, facts.values)]);
  const hostname = optionValue(options, '-H', '--hostname') || '0.0.0.0';
  if (!facts.envNames.has('HOSTNAME')) variables.push(['HOSTNAME', hostname]);
  if (variables.length > 0) runtime.env.push(env(variables));
  runtime.command = [
    ...(facts.entrypoint ? [original(facts.entrypoint)] : []),
    containerCommand('CMD', { form: 'exec', argv: ['node', 'server.js'] }),
  ];

  const written = facts.cmd?.text ?? step.text;
  const via = written.includes(step.text) ? '' : ` (${step.text})`;
  warnings.push(
    `the command changed from ${written}${via} to CMD ["node", "server.js"]: with output: 'standalone' Next.js writes its own server (.next/standalone/server.js), which needs neither npm nor the next CLI`,
  );
  decisions.push(
    {
      subject: `${kind.config.file}`,
      placement: 'runtime',
      why: "output: 'standalone': the runtime copies .next/standalone (server.js and the node_modules it traced), .next/static and public/",
    },
    {
      subject: 'CMD',
      placement: 'runtime',
      why: `replaced by node server.js: the standalone server does what "${step.text}" did`,
    },
    {
      subject: 'ENV HOSTNAME',
      placement: 'added',
      why: 'server.js listens on $HOSTNAME, which Docker sets to the container id; 0.0.0.0 keeps it reachable on every interface like next start',
    },
  );
  return { warnings, decisions, problem: null };
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
 * `RUN chown` of the WORKDIR or paths in it: in the runtime they can only run after the copy
 * (false), or not at all when the copy's --chown already does it (true).
 */
function workdirChowns(input: PlanContext): Map<string, boolean> {
  const { facts } = input;
  const owner = workdirOwner(facts);
  const chowns = new Map<string, boolean>();
  if (facts.workdir === '/') return chowns;
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
  return chowns;
}

/** Programs the container starts: the command as written, the scripts it runs, the HEALTHCHECK. */
function containerPrograms(input: PlanContext, app: NodeApp): Set<string> {
  const programs = new Set(runtimeCommands(input.facts));
  for (const step of app.start) if (step.command.kind === 'program') programs.add(step.command.words[0]);
  return programs;
}

/** Globally installed tools the container runs (pm2-runtime, pnpm...) are installed again in the runtime. */
function globalTools(
  app: NodeApp,
  settings: NodeSettings,
  programs: ReadonlySet<string>,
  decisions: Decision[],
): StageNode[] {
  const runs: StageNode[] = [];
  for (const install of app.globals) {
    const provides = install.packages.flatMap(
      (p) => settings.globalToolBins[p] ?? [p.split('/').pop() as string],
    );
    const used = provides.filter((bin) => programs.has(bin));
    if (used.length === 0) continue;
    runs.push(shellRun(`${install.text}${/^npm\b/.test(install.text) ? ' && npm cache clean --force' : ''}`));
    decisions.push({
      subject: `${install.text} (line ${install.run.instruction.line + 1})`,
      placement: 'both',
      why: `the container runs ${used.join(', ')}, a global tool the runtime image does not have`,
    });
  }
  return runs;
}
