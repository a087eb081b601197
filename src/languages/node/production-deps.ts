/**
 * Production dependencies for a Node server. The builder's node_modules holds devDependencies
 * too; a stage FROM the builder prunes them with the project's own package manager (npm prune,
 * yarn --production, pnpm prune), so whatever the builder compiled (native modules) or generated
 * (prisma client) stays exactly as built, on the same libc, with no second download. The runtime
 * then copies the application from that stage. No prune when nothing would be removed, or when
 * the container runs a devDependency.
 */
import { posix as path } from 'path';
import type { Env } from 'dockerfile-ast';
import type { ImageRef, StageFacts } from '../../analyze/stage-facts';
import { expandVariables } from '../../analyze/instruction-args';
import type { InstructionNode, ParsedDockerfile } from '../../parse/parse-dockerfile';
import { globalArgValues } from '../../plan/base-image';
import { nonRootUser } from '../../plan/runtime-users';
import type { Decision, PlanContext } from '../../plan/plan-types';
import { BUILDER, copy, ExtraStage, shellRun, StageRef, stageRef, uniqueName } from '../../plan/stage-model';
import type { Install, NodeApp } from './node-app';
import type { Manager, NodeSettings } from './node-settings';
import { isDevOnly, preloadedPackages } from './package-json';
import { parseArgv } from '../../analyze/argv';

export interface ProductionDeps {
  /** The prune stage, or null when node_modules is copied as installed. */
  stage: ExtraStage | null;
  /** The stage the runtime copies the application from. */
  source: StageRef;
  warnings: string[];
  decisions: Decision[];
}

export function productionDeps(
  input: PlanContext,
  app: NodeApp,
  settings: NodeSettings,
  cleanup: readonly string[],
  /** Removed too, but not worth a stage of their own (a few configuration files). */
  alongside: readonly string[] = [],
): ProductionDeps {
  const { facts, builder } = input;
  const result: ProductionDeps = { stage: null, source: BUILDER, warnings: [], decisions: [] };
  const toPrune = installsToPrune(input, app, result);
  const keep = toPrune.length > 0 ? reasonToKeepDevDependencies(app, settings) : null;
  if (keep) result.warnings.push(keep);
  const pruned = keep ? [] : toPrune;
  // Build caches (.next/cache) are worth a stage of their own even with nothing to prune.
  const caches =
    pruned.length > 0 ? [...settings.pruneCleanup, ...cleanup] : app.builds.length > 0 ? [...cleanup] : [];
  if (pruned.length === 0 && caches.length === 0) return result;
  caches.push(...alongside);

  const name = uniqueName('prod-deps', [builder, input.runtimeName]);
  const major = nodeMajor(facts.from, input.dockerfile);
  const cd = (dir: string) => (dir === facts.workdir ? '' : `cd ${dir} && `);
  const runs = pruned.map(
    (install) => `${cd(install.dir)}${pruneCommand(install, settings, major)} && rm -rf ${caches.join(' ')}`,
  );
  if (runs.length === 0) runs.push(`${cd(app.projectDir)}rm -rf ${caches.join(' ')}`);
  // yarn reinstalls production dependencies: the client `prisma generate` wrote is put back as generated,
  // whatever @prisma/client's postinstall does without the prisma CLI
  const { prismaClient } = settings;
  const copies = pruned
    .filter((install) => pruneManager(install) === 'yarn' && generatesPrismaClient(input, app, prismaClient))
    .map((install) =>
      copy(BUILDER, path.join(install.dir, prismaClient.output), path.join(install.dir, prismaClient.output)),
    );
  const root = nonRootUser(facts) !== null;
  result.stage = {
    name,
    from: BUILDER,
    template: input.profile.templates.pruneStage,
    runs: runs.map(shellRun),
    copies,
    values: { root },
  };
  result.source = stageRef(result.stage);
  for (const install of pruned) {
    result.decisions.push({
      subject: `node_modules in ${install.dir}`,
      placement: 'runtime',
      why: `pruned to production dependencies in the "${name}" stage (FROM ${builder}), so native modules and generated code stay as the builder made them`,
    });
  }
  if (pruned.length === 0)
    result.decisions.push({
      subject: caches.join(' '),
      placement: 'builder',
      why: `build caches, removed in the "${name}" stage so the runtime does not carry them`,
    });
  return result;
}

/** Installs whose node_modules may hold devDependencies (not production-only, not under NODE_ENV=production). */
function installsToPrune(input: PlanContext, app: NodeApp, result: ProductionDeps): Install[] {
  const nodeEnv = nodeEnvBeforeBuild(input.facts, app);
  if (nodeEnv) result.decisions.push(nodeEnv);
  return dedupe(app.installs).filter((install) => {
    const subject = `${install.text} (line ${install.run.instruction.line + 1})`;
    if (install.production) {
      result.decisions.push({
        subject,
        placement: 'builder',
        why: /nothing is pruned/.test(install.why)
          ? install.why
          : `${install.why}: node_modules is copied as installed`,
      });
      return false;
    }
    if (install.changedBy?.kind === 'replaced') {
      result.warnings.push(
        `package.json or its lockfile in ${install.dir} is replaced after the install ("${install.changedBy.text}", line ${install.changedBy.line + 1}), so node_modules does not match it and msb will not prune by it: node_modules is copied whole (devDependencies included)`,
      );
      return false;
    }
    if (install.movedTo) {
      result.decisions.push({
        subject,
        placement: 'runtime',
        why: `node_modules was moved to ${install.movedTo}: it is copied from there as installed`,
      });
      return false;
    }
    if (install.pkg && Object.keys(install.pkg.devDependencies).length === 0) {
      result.decisions.push({
        subject,
        placement: 'builder',
        why: 'package.json has no devDependencies: node_modules is copied as installed',
      });
      return false;
    }
    return true;
  });
}

/** Why the devDependencies must stay: the container may run one of them. Null when pruning is safe. */
function reasonToKeepDevDependencies(app: NodeApp, settings: NodeSettings): string | null {
  const whole = 'node_modules is copied whole (devDependencies included)';
  if (app.command.elsewhere)
    return `the container's command is not in the Dockerfile (compose or the platform supplies it), so msb cannot tell which packages it runs: ${whole}`;
  if (app.opaqueScript)
    return `the container runs ${app.opaqueScript}, which is not in the build context, so msb cannot tell which packages it runs: ${whole}`;
  const devAtStart = devPackagesAtStart(app, settings);
  if (devAtStart.length > 0) {
    return `the container runs ${devAtStart.join(', ')} from devDependencies, so ${whole}; move ${devAtStart.length > 1 ? 'them' : 'it'} to dependencies, or compile ahead of time, to get a production-only runtime`;
  }
  if (app.manager.name === 'yarn' && app.manager.berry)
    return `Yarn 2+ (berry) has no production-only install msb can run: ${whole.replace('node_modules', "node_modules (or the Plug'n'Play cache)")}`;
  return null;
}

/** devDependencies the container command runs (`ts-node`, `nodemon`, `node -r ts-node/register`). */
export function devPackagesAtStart(app: NodeApp, settings: NodeSettings): string[] {
  const used = new Set<string>();
  for (const step of app.start) {
    if (step.command.kind !== 'program') continue;
    const [program, ...args] = step.command.words;
    used.add(settings.binPackages[program] ?? program);
    for (const name of preloadedPackages(parseArgv(args, { valued: settings.preloadOptions }), settings))
      used.add(name);
  }
  return [...used].filter((p) => isDevOnly(app.pkg, p));
}

/** `ENV NODE_ENV=production` in force before the first build but after every install: the build runs in production mode. */
function nodeEnvBeforeBuild(facts: StageFacts, app: NodeApp): Decision | null {
  const build = app.builds[0]?.run.instruction;
  if (!build || app.installs.some((i) => i.run.instruction.index > build.index)) return null;
  const nodeEnv = (e: InstructionNode) =>
    (e.node as Env)
      .getProperties()
      .find((p) => p.getName() === 'NODE_ENV')
      ?.getValue();
  const env = [...facts.envs].reverse().find((e) => e.index < build.index && nodeEnv(e) !== undefined);
  if (!env || nodeEnv(env) !== 'production') return null;
  return {
    subject: `ENV NODE_ENV=production (line ${env.line + 1})`,
    placement: 'both',
    why: 'NODE_ENV=production is set before the build: the build runs in production mode; the runtime keeps the variable',
  };
}

/** The command that removes devDependencies from the tree the install left, with the install's relevant flags. */
function pruneCommand(install: Install, settings: NodeSettings, nodeMajorVersion: number | null): string {
  const rule = settings.packageManagers[pruneManager(install)];
  const legacy = rule.legacyPrune;
  const base =
    legacy && nodeMajorVersion !== null && nodeMajorVersion <= legacy.maxNodeMajor
      ? legacy.command
      : rule.pruneCommand;
  const flags = install.options.filter((o) => rule.pruneFlags.includes(o.name)).flatMap((o) => o.words);
  return [base, ...flags].join(' ');
}

/**
 * yarn 1 prunes by installing again; after `yarn add` changed the tree that would resolve
 * again, so npm prunes what is there instead (it reads a yarn 1 node_modules as it is).
 */
function pruneManager(install: Install): Manager {
  return install.manager === 'yarn' && install.changedBy?.kind === 'added' ? 'npm' : install.manager;
}

/** The build runs `prisma generate` into its default output (no generator in the schema sets another). */
function generatesPrismaClient(
  input: PlanContext,
  app: NodeApp,
  { generate, schemas: schemaFiles }: NodeSettings['prismaClient'],
): boolean {
  const generates = app.builds.some((b) =>
    b.steps.some(
      (s) =>
        s.command.kind === 'program' &&
        s.command.words[0] === generate.program &&
        s.command.words.includes(generate.subcommand),
    ),
  );
  const schemas = schemaFiles.map((f) => input.context.read(path.join(app.contextDir ?? '', f)) ?? '');
  return generates && !schemas.some((schema) => /generator\s+\w+\s*\{[^}]*\boutput\s*=/.test(schema));
}

/** The Node major of `node:18-slim`, `node:${V}` (V=14.21)...; null for lts, latest or no tag (npm 6 needs another prune). */
function nodeMajor(from: ImageRef, dockerfile: ParsedDockerfile): number | null {
  const major = /^(\d+)/.exec(expandVariables(from.tag ?? '', globalArgValues(dockerfile)));
  return major ? Number(major[1]) : null;
}

/** One entry per folder, as the last install there left it (a final `npm ci --omit=dev` wins). */
function dedupe(installs: readonly Install[]): Install[] {
  const byDir = new Map<string, Install>();
  for (const install of installs) {
    byDir.set(install.dir, {
      ...install,
      movedTo: install.movedTo ?? byDir.get(install.dir)?.movedTo ?? null,
    });
  }
  return [...byDir.values()];
}
