/**
 * Plans the Python conversion: dependencies go into a virtual environment in the builder
 * (or stay where the original put them: an existing venv, a uv project, --user, a prefix),
 * and the runtime stage — the slim image of the same Python — copies that environment whole,
 * so console scripts keep working, plus the application files and the runtime libraries.
 */
import { posix as path } from 'path';
import type { Env } from 'dockerfile-ast';
import { expandVariables } from '../../analyze/instruction-args';
import type { RunFacts } from '../../analyze/stage-facts';
import { isShellProgram, isShellScript } from '../../analyze/programs';
import { programName } from '../../analyze/shell-commands';
import type { BuilderInsertion, Decision, PlanContext, PlanInput, StrategyPlan } from '../../plan/plan-types';
import { isWithin } from '../../plan/runtime-stage';
import { homeOf, nonRoot, nonRootName } from '../../plan/run-user';
import { planInterpreted, type ClassifiedRun, type DependencyEnvironment } from '../../plan/interpreted-plan';
import { env, type StageNode } from '../../plan/stage-model';
import { pythonDependencies } from './python-analysis';
import { classifyPythonCommand, PythonCommand } from './python-commands';
import { composeRunWrapper, dropRunWrapper, pointAtVenv, shownCommand } from './python-container-command';
import type { PythonSettings } from './python-settings';
import { stripInstallers } from './strip-installers';
import { compiledRegExp } from '../../util/compiled-regexp';

type Environment =
  | { kind: 'new-venv'; path: string; before: RunFacts }
  | { kind: 'existing-venv'; path: string }
  | { kind: 'uv-project'; path: string }
  | { kind: 'user-site'; path: string }
  | { kind: 'user-base'; path: string; before: RunFacts }
  | { kind: 'prefix'; path: string }
  | { kind: 'none' };

type Classified = readonly ClassifiedRun<PythonCommand>[];

const START_INSTALLS: readonly PythonCommand['kind'][] = [
  'dependencies',
  'system-install',
  'tool-install',
  'user-install',
  'uv-sync',
];
const BUILD_INSTALLS: readonly PythonCommand['kind'][] = [
  'dependencies',
  'create-venv',
  'uv-sync',
  'user-install',
  'prefix-install',
];

export function planPython(input: PlanInput<PythonSettings>): StrategyPlan {
  const { facts, settings } = input;
  return planInterpreted(input, {
    data: settings.interpreted,
    packagesTemplate: input.profile.templates.systemPackages,
    toolImages: settings.installerImages,
    classify: (c, workdir) => classifyPythonCommand(c, settings, workdir),
    installsAtStart: (c) => START_INSTALLS.includes(c.kind),
    installs: (c) => BUILD_INSTALLS.includes(c.kind),
    // `make deps` and `sh install.sh` may install too.
    runsScript: (c) =>
      isShellScript(c.words[0] ?? '') ||
      ((isShellProgram(c.words[0] ?? '') || programName(c) === 'make') && c.words.length > 1),
    check: () => composeRunWrapper(input, settings),
    environment: (classified) => pythonEnvironmentPlan(input, classified),
    dependencies: () => ({ names: pythonDependencies(input, settings) }),
    buildWarnings: (classified) => buildOutputWarnings(classified, facts.workdir),
  });
}

/**
 * The environment the build installs into — a venv msb adds before the first install, or the one
 * the original made (a venv, a uv project, --user, a prefix) — copied whole, its bin/ on PATH.
 */
function pythonEnvironmentPlan(
  input: PlanInput<PythonSettings>,
  classified: Classified,
): DependencyEnvironment | { problem: string } {
  const { facts, profile, settings } = input;
  for (const { run, commands } of classified) {
    const system = commands.find((k) => k.kind === 'system-install');
    if (system?.kind === 'system-install')
      return {
        problem: `line ${run.instruction.line + 1} installs with ${system.tool}, which ${system.why}: the packages land in the system Python and cannot be copied apart from the base image; install into a venv to convert`,
      };
  }
  if (classified.some((c) => c.commands.some((k) => k.kind === 'conda')))
    return { problem: 'conda environments are not supported yet: the runtime image would need conda itself' };
  const environment = systemPythonEnvironment(
    pythonEnvironment(classified, input, settings),
    classified,
    input,
    settings,
  );
  if (typeof environment === 'string') return { problem: environment };
  if (
    environment.kind === 'prefix' &&
    ['/', '/usr', '/usr/local', '/opt'].includes(environment.path.replace(/\/+$/, '') || '/')
  )
    return {
      problem: `pip installs into the system prefix "${environment.path}", which cannot be copied apart from the base image's own files`,
    };
  if (environment.kind === 'new-venv') {
    const problem = newVenvProblem(environment, classified, input);
    if (problem) return { problem };
  }

  const insertions: BuilderInsertion[] = [];
  const warnings: string[] = [];
  const decisions: Decision[] = [];
  if (environment.kind === 'new-venv') {
    // A fresh venv has no `wheel`: builds without isolation need the base image's setuptools and wheel.
    const systemSitePackages = facts.runs.some((r) => /--no-build-isolation\b/.test(r.script));
    if (systemSitePackages)
      warnings.push(
        "pip runs with --no-build-isolation, so the venv sees the base image's packages (--system-site-packages) for setuptools and wheel; a dependency that is already installed in the builder's system Python would not be copied to the runtime",
      );
    insertions.push(
      insertionBefore(
        input,
        environment.before,
        profile.templates.builderVenv,
        { venv: environment.path, options: systemSitePackages ? ' --system-site-packages' : '' },
        `added a virtual environment at ${environment.path} in the builder before line ${environment.before.instruction.line + 1}, so every package and console script lands in one folder the runtime copies`,
      ),
    );
  }
  if (environment.kind === 'user-base')
    insertions.push(
      insertionBefore(
        input,
        environment.before,
        profile.templates.builderUserBase,
        { path: environment.path },
        `pip installs into the user base ${environment.path} (PYTHONUSERBASE) from line ${environment.before.instruction.line + 1}: the image's own command runs the system Python, which reads it`,
      ),
    );
  const covers = environment.kind === 'none' ? [] : [environment.path];
  const folders = covers.filter((p) => !isWithin(p, facts.workdir === '/' ? '/nonexistent' : facts.workdir));
  if (environment.kind !== 'none' && folders.length > 0)
    decisions.push({
      subject: environment.path,
      placement: 'runtime',
      why: settings.environments[environment.kind].holds,
    });
  if (
    environment.kind === 'new-venv' ||
    (environment.kind === 'existing-venv' && !venvWithoutPip(facts.runs))
  ) {
    const strip = stripInstallers(input, classified, environment.path, settings);
    if (strip.insertion) insertions.push(strip.insertion);
    decisions.push(...strip.decisions);
  }
  return {
    folders,
    covers,
    insertions,
    env: environmentEnv(environment, settings, facts.envs.map((e) => e.text).join('\n')),
    command: (written, dropped) => {
      // uv copied from its image into the runtime (a replayed COPY --from=<uv image>) can still run `uv run`.
      const uvInRuntime = facts.copies.some(
        (c) => c.spec.from !== null && /uv\b/.test(c.spec.from) && !dropped.has(c.instruction.text),
      );
      const wrappers = settings.environmentManagers.filter((w) => w !== 'uv' || !uvInRuntime);
      const inVenv =
        environment.kind === 'new-venv'
          ? pointAtVenv(
              written,
              environment.path,
              facts.copies.map((x) => x.dest),
            )
          : written;
      const command = dropRunWrapper(inVenv, wrappers);
      return {
        command,
        why:
          command === inVenv
            ? undefined
            : `the runtime has no package manager: "${shownCommand(inVenv)}" runs as "${shownCommand(command)}" with the environment on PATH`,
      };
    },
    decisions,
    warnings,
  };
}

/**
 * `ENV PATH=/x:/usr/bin` (without $PATH) after the venv would hide it; a later install as another,
 * non-root user could not write the venv, which belongs to whoever creates it.
 */
function newVenvProblem(
  environment: Extract<Environment, { kind: 'new-venv' }>,
  classified: Classified,
  input: PlanContext,
): string | null {
  const resetsPath = input.facts.envs.find((e) =>
    (e.node as Env)
      .getProperties()
      .some((p) => p.getName() === 'PATH' && !/\$\{?PATH\b/.test(p.getValue() ?? '')),
  );
  if (resetsPath)
    return `ENV on line ${resetsPath.line + 1} sets PATH without $PATH, which would hide the virtual environment msb installs into; add $PATH to it first`;
  const creator = nonRootName(environment.before.user);
  const other = classified.find(
    ({ run, commands }) =>
      commands.some((k) => k.kind === 'dependencies') &&
      nonRootName(run.user) !== creator &&
      nonRootName(run.user) !== null,
  );
  return other
    ? `line ${other.run.instruction.line + 1} installs as ${nonRootName(other.run.user)}, but the virtual environment msb would create before line ${environment.before.instruction.line + 1} belongs to ${creator ?? 'root'}, so that install could not write it; install as one user to convert`
    : null;
}

function pythonEnvironment(
  classified: Classified,
  input: PlanContext,
  settings: PythonSettings,
): Environment {
  const { facts } = input;
  let venv: string | null = null;
  for (const { run, commands } of classified) {
    for (const command of commands) {
      switch (command.kind) {
        case 'create-venv':
          venv ??= expandVariables(command.path, facts.values);
          break;
        case 'uv-sync':
          return {
            kind: 'uv-project',
            path: facts.values.get('UV_PROJECT_ENVIRONMENT') ?? path.join(run.workdir, '.venv'),
          };
        case 'user-install':
          return {
            kind: 'user-site',
            path: path.join(homeOf(run.user), '.local'),
          };
        case 'prefix-install':
          return { kind: 'prefix', path: expandVariables(command.path, facts.values) };
        case 'dependencies':
          if (venv) return { kind: 'existing-venv', path: venv };
          if (facts.values.get('VIRTUAL_ENV'))
            return { kind: 'existing-venv', path: facts.values.get('VIRTUAL_ENV') as string };
          return { kind: 'new-venv', path: settings.venvPath, before: run };
        default:
          break;
      }
    }
  }
  return venv ? { kind: 'existing-venv', path: venv } : { kind: 'none' };
}

/**
 * Images whose own command runs the system Python's tools (tiangolo's /start.sh runs the image's
 * gunicorn) cannot use a venv: that gunicorn would not see it. pip installs into a user base
 * (PYTHONUSERBASE), which the system Python reads, instead.
 */
function systemPythonEnvironment(
  environment: Environment,
  classified: Classified,
  input: PlanContext,
  settings: PythonSettings,
): Environment | string {
  const image = input.facts.from.name;
  if (
    environment.kind !== 'new-venv' ||
    !settings.systemPythonImages.some((p) => compiledRegExp(p).test(image))
  )
    return environment;
  const other = classified
    .flatMap((c) => c.commands)
    .find((c) => c.kind === 'dependencies' && c.tool !== 'pip');
  if (other?.kind === 'dependencies')
    return `${image} runs the system Python's own tools (its command), which would not see a virtual environment, and ${other.tool} cannot install into a user base; install with pip or create a venv in the Dockerfile`;
  return { kind: 'user-base', path: settings.userBasePath, before: environment.before };
}

/** The venv (or user base) goes in right before the first dependency install, so tools installed earlier stay out of it. */
function insertionBefore(
  input: PlanContext,
  before: RunFacts,
  template: string,
  values: Record<string, string>,
  reason: string,
): BuilderInsertion {
  return {
    at: { kind: 'before', index: input.facts.stage.instructions.indexOf(before.instruction) },
    template,
    values: { ...values, user: nonRoot(before.user) },
    instructions: [],
    reason,
  };
}

/** `uv venv` and `--without-pip` make a venv without installers: nothing to remove. */
function venvWithoutPip(runs: readonly RunFacts[]): boolean {
  return runs.some((r) => /\buv venv\b|--without-pip\b/.test(r.script));
}

/** The runtime's ENV for the environment (the profile's `environments`): its variable, its bin/ on PATH. */
function environmentEnv(
  environment: Environment,
  settings: PythonSettings,
  existingEnv: string,
): StageNode | null {
  if (environment.kind === 'none') return null;
  const { variable, path: onPath } = settings.environments[environment.kind];
  const bin = `${environment.path}/bin`;
  if (
    !onPath ||
    (onPath === 'unlessSet' && (existingEnv.includes(bin) || existingEnv.includes('VIRTUAL_ENV/bin')))
  )
    return null;
  return env([...(variable ? [[variable, environment.path] as const] : []), ['PATH', `${bin}:$PATH`]]);
}

/** Build steps that write outside the WORKDIR leave files the runtime does not copy. */
function buildOutputWarnings(classified: Classified, workdir: string): string[] {
  const warnings: string[] = [];
  for (const { run, commands } of classified) {
    run.commands.forEach((command, i) => {
      const program = programName(command);
      if (commands[i].kind !== 'other' || !/^python(\d(\.\d+)?)?$/.test(program)) return;
      if (
        command.words[1] === '-c' ||
        (command.words[1] === '-m' && ['venv', 'pip', 'compileall'].includes(command.words[2]))
      )
        return;
      if (workdir === '/') return;
      warnings.push(
        `line ${run.instruction.line + 1} runs "${command.text.slice(0, 60)}" at build time; only what it writes under ${workdir} reaches the runtime image`,
      );
    });
  }
  return warnings;
}
