/**
 * Plans the Python conversion: dependencies go into a virtual environment in the builder
 * (or stay where the original put them: an existing venv, a uv project, --user, a prefix),
 * and the runtime stage — the slim image of the same Python — copies that environment whole,
 * so console scripts keep working, plus the application files and the runtime libraries.
 */
import type { RunFacts } from '../../analyze/stage-facts';
import { isShellProgram, isShellScript } from '../../analyze/programs';
import { programName } from '../../analyze/shell-commands';
import { planInterpreted, type ClassifiedRun, type DependencyEnvironment } from '../../plan/interpreted-plan';
import { besideRun } from '../../plan/interpreted-stage';
import type { BuilderInsertion, Decision, PlanInput, StrategyPlan } from '../../plan/plan-types';
import { nonRoot } from '../../plan/run-user';
import { env, type StageNode } from '../../plan/stage-model';
import { pythonDependencies } from './python-analysis';
import { classifyPythonCommand, PythonCommand } from './python-commands';
import {
  composeRunWrapper,
  dropRunWrapper,
  pointAtVenv,
  runWrappers,
  shownCommand,
} from './python-container-command';
import { chooseEnvironment, type Environment } from './python-environment';
import type { PythonSettings } from './python-settings';
import { stripInstallers } from './strip-installers';

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
  const environment = chooseEnvironment(classified, input, settings);
  if ('problem' in environment) return environment;
  // The venv (or user base) goes in right before the first dependency install, so tools installed earlier stay out of it.
  const before = (run: RunFacts, template: string, values: Record<string, string>, reason: string) =>
    besideRun(facts, 'before', run, template, { ...values, user: nonRoot(run.user) }, reason);

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
      before(
        environment.before,
        profile.templates.builderVenv,
        { venv: environment.path, options: systemSitePackages ? ' --system-site-packages' : '' },
        `added a virtual environment at ${environment.path} in the builder before line ${environment.before.instruction.line + 1}, so every package and console script lands in one folder the runtime copies`,
      ),
    );
  }
  if (environment.kind === 'user-base')
    insertions.push(
      before(
        environment.before,
        profile.templates.builderUserBase,
        { path: environment.path },
        `pip installs into the user base ${environment.path} (PYTHONUSERBASE) from line ${environment.before.instruction.line + 1}: the image's own command runs the system Python, which reads it`,
      ),
    );
  if (
    environment.kind === 'new-venv' ||
    (environment.kind === 'existing-venv' && !venvWithoutPip(facts.runs))
  ) {
    const strip = stripInstallers(input, classified, environment.path, settings);
    if (strip.insertion) insertions.push(strip.insertion);
    decisions.push(...strip.decisions);
  }
  return {
    folders:
      environment.kind === 'none'
        ? []
        : [{ path: environment.path, holds: settings.environments[environment.kind].holds }],
    // A venv inside the application folder comes with it, without what COPY puts there.
    covers: environment.kind === 'none' ? [] : [environment.path],
    insertions,
    env: environmentEnv(environment, settings, facts.envs.map((e) => e.text).join('\n')),
    command: (written, dropped) => {
      const wrappers = runWrappers(facts, settings, dropped);
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
