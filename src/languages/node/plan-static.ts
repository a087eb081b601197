/**
 * Plans a static front end: nginx serves only the built folder, on the port the original
 * server listened on, with the original's index.html fallback for client-side routes. No
 * node, npm, sources or node_modules in the runtime. A development server becomes the
 * production build, with a warning.
 */
import { posix as path } from 'path';
import { expandVariables } from '../../analyze/instruction-args';
import type {
  BrokenFinding,
  BuilderInsertion,
  Decision,
  PlanContext,
  PlanInput,
  StrategyPlan,
} from '../../plan/plan-types';
import { copiedBeyond } from '../../plan/copied-sources';
import { formCommands, healthchecks } from '../../analyze/container-command';
import { baseRuntimeModel, isWithin } from '../../plan/runtime-stage';
import { nonRootUser } from '../../plan/runtime-users';
import { BUILDER, copy, expose, fragment, shellRun, user } from '../../plan/stage-model';
import { staticOutput } from './app-kind';
import { literalProperty, readConfig } from './framework-config';
import type { FrontEndServer } from './front-end-server';
import type { NodeApp } from './node-app';
import type { NodeSettings } from './node-settings';

/** Instructions that only describe the image at run time: a build step goes before them. */
const RUN_TIME_ONLY = new Set([
  'EXPOSE',
  'CMD',
  'ENTRYPOINT',
  'HEALTHCHECK',
  'USER',
  'STOPSIGNAL',
  'VOLUME',
  'LABEL',
  'MAINTAINER',
]);

export function planStatic(
  input: PlanInput<NodeSettings>,
  app: NodeApp,
  server: Extract<FrontEndServer, { kind: 'static' | 'dev' }>,
): StrategyPlan {
  const { facts, templates, profile, settings } = input;
  const warnings: string[] = [];
  const decisions: Decision[] = [];
  const output = staticOutput(app, server, input, settings);
  if (!output) {
    return {
      kind: 'skip',
      reason: `msb cannot tell which folder the front-end build writes (no known framework config or output flag); the container runs "${server.step.text}"`,
    };
  }
  const servesProject = app.installs.find((i) => isWithin(i.dir, output.dir));
  if (servesProject) {
    return {
      kind: 'skip',
      reason: `the container serves ${output.dir}, which holds the project's node_modules (installed in ${servesProject.dir}); msb will not publish that folder with nginx`,
    };
  }
  const builderInsertions: BuilderInsertion[] = [];
  const exposed = exposedPorts(input);
  let port = server.port.port;
  if (server.port.runTimeVariable) {
    port = exposed[0] ?? port;
    warnings.push(
      `the original port comes from $${server.port.runTimeVariable} at run time; nginx listens on ${port} (${exposed.length > 0 ? 'the EXPOSEd port' : server.port.source}). Edit the nginx config to change it`,
    );
  } else if (exposed.length > 0 && !exposed.includes(port)) {
    warnings.push(
      `the Dockerfile EXPOSEs ${exposed.join(', ')} but the original server listened on ${port} (${server.port.source}); nginx listens on ${port} like the original`,
    );
  }
  if (server.kind === 'dev') {
    if (app.builds.length === 0) {
      if (app.pkg?.scripts.build === undefined) {
        return {
          kind: 'skip',
          reason: `the container runs a development server ("${server.step.text}") and package.json has no build script to make a production bundle from`,
        };
      }
      if (copiedBeyond(facts, settings.manifestFiles) === null) {
        return {
          kind: 'skip',
          reason: `the container runs a development server ("${server.step.text}") on sources the image does not hold (only the package manifests are copied: they come at run time, e.g. from a bind mount); a build step would have nothing to build`,
        };
      }
      builderInsertions.push(buildStep(input, app, settings));
    }
    warnings.push(
      `the container ran a development server ("${server.step.text}"); the runtime serves the production build (${output.dir}) with nginx on port ${port} instead. ` +
        'Environment variables the app read when the dev server started now only count at build time.',
    );
  }
  if (output.conflict) {
    warnings.push(
      `the container serves ${output.dir}, but the build writes ${output.conflict}; msb copies ${output.dir}, the folder the original served (if the build never creates it, the original served nothing: fix the command, and the runtime COPY, to use ${output.conflict})`,
    );
  }

  const nonRoot = nonRootUser(facts) !== null;
  const runtime = baseRuntimeModel(facts, settings.staticImage, [settings.staticStageComment]);
  runtime.shell = null;
  runtime.workdir = null;
  runtime.command = [];
  runtime.user = nonRoot ? user(settings.nginxUser) : null;
  const spa = server.kind === 'dev' || server.spa;
  const cleanUrls =
    server.kind === 'static' &&
    server.rule.cleanUrls === true &&
    !(spa && server.rule.spaOverridesCleanUrls === true);
  // A server that serves the app under a public path (vite's `base`): nginx keeps the same URLs.
  const base = publicPath(input, app, server);
  if (base.path !== '/')
    decisions.push({
      subject: `base ${base.path}`,
      placement: 'runtime',
      why: `${base.config} sets base: the files go to ${settings.nginxRoot}${base.path} so the URLs stay the same`,
    });
  const fallback = `${base.path}index.html`;
  runtime.setup = [
    fragment(
      templates
        .render(profile.templates.nginxConfig, {
          port,
          root: settings.nginxRoot,
          spa,
          fallback,
          cleanUrls,
          nonRoot,
          user: settings.nginxUser,
        })
        .trimEnd(),
    ),
  ];
  runtime.copies = [copy(BUILDER, output.dir, path.join(settings.nginxRoot, base.path).replace(/\/$/, ''))];
  if (!exposed.includes(port)) {
    runtime.metadata.push(expose(port));
    decisions.push({
      subject: `EXPOSE ${port}`,
      placement: 'added',
      why: `the port nginx listens on; ${settings.staticImage} itself only declares 80`,
    });
  }

  decisions.push(
    {
      subject: output.dir,
      placement: 'runtime',
      why: `the built front end (${output.source}), served by nginx from ${settings.nginxRoot}`,
    },
    {
      subject: `port ${port}`,
      placement: 'runtime',
      why: `nginx listens where the original server did (${server.port.runTimeVariable ? `$${server.port.runTimeVariable}` : server.port.source})`,
    },
    {
      subject: 'CMD',
      placement: 'dropped',
      why: `"${server.step.text}" is replaced by nginx, the runtime image's own command`,
    },
    {
      subject: 'index.html fallback',
      placement: 'runtime',
      why: spa
        ? 'unknown paths answer with index.html, like the original server (client-side routing)'
        : 'the original server answered unknown paths with 404, so nginx does too',
    },
  );
  if (facts.workdirText)
    decisions.push({
      subject: `WORKDIR ${facts.workdirText}`,
      placement: 'builder',
      why: 'nginx does not use a working directory',
    });
  if (nonRoot)
    decisions.push({
      subject: `USER ${facts.user}`,
      placement: 'runtime',
      why: `the original ran as a non-root user; nginx runs as its own unprivileged user ${settings.nginxUser}`,
    });
  const nodePrograms = ['node', 'npx', ...Object.values(settings.packageManagers).flatMap((m) => m.programs)];
  const checks = new Set(healthchecks(facts).flatMap((form) => formCommands(form).programs));
  const nodeChecks = [...checks].filter((p) => nodePrograms.includes(p));
  const broken: BrokenFinding[] =
    nodeChecks.length > 0
      ? [
          {
            kind: 'program-missing',
            message: `the HEALTHCHECK runs ${nodeChecks.join(', ')}, which the nginx runtime does not have: it will report unhealthy; rewrite it (e.g. curl -f http://localhost:${port}/ || exit 1)`,
          },
        ]
      : [];
  return {
    kind: 'convert',
    runtime,
    builderInsertions,
    warnings,
    broken,
    decisions,
    runtimeImage: settings.staticImage,
  };
}

/** The public path in the server's config when it is absolute (`base: '/app/'`), else `/`; and the config's name. */
function publicPath(input: PlanContext, app: NodeApp, server: FrontEndServer & { kind: 'static' | 'dev' }) {
  const { file, text } = readConfig(input.context, app.contextDir ?? '', server.rule.config);
  const base = server.rule.config?.base ? literalProperty(text, server.rule.config.base) : null;
  const config = path.basename(file ?? '').replace(/\.[^.]*$/, '');
  if (!base || !base.startsWith('/') || base.includes('..')) return { path: '/', config };
  return { path: base.endsWith('/') ? base : `${base}/`, config };
}

/** Ports the original EXPOSEs, variables resolved. */
function exposedPorts(input: PlanContext): number[] {
  return input.facts.metadata
    .filter((m) => m.keyword === 'EXPOSE')
    .flatMap((m) => m.args.trim().split(/\s+/))
    .map((p) => Number(/^(\d+)/.exec(expandVariables(p, input.facts.values))?.[1]))
    .filter((p) => Number.isInteger(p));
}

/** `RUN npm run build` before the instructions that only describe the image (EXPOSE, CMD...) and their comments. */
function buildStep(input: PlanContext, app: NodeApp, settings: NodeSettings): BuilderInsertion {
  const { facts } = input;
  const run = settings.packageManagers[app.manager.name].buildCommand;
  const command = app.projectDir === facts.workdir ? run : `cd ${app.projectDir} && ${run}`;
  const instructions = facts.stage.instructions;
  let first = instructions.length;
  while (first > 1 && RUN_TIME_ONLY.has(instructions[first - 1].keyword)) first--;
  const at: BuilderInsertion['at'] =
    first === instructions.length ? { kind: 'end' } : { kind: 'before', index: first, aboveComments: true };
  return {
    at,
    template: input.profile.templates.buildStep,
    values: {},
    instructions: [shellRun(command)],
    reason: `added "${run}" to the builder: the runtime serves the production build`,
  };
}
