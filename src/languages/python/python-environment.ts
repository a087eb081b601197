/**
 * Which environment a Python build installs into: a venv msb adds before the first install (a user
 * base on images whose own command runs the system Python), or the one the original made (a
 * venv, a uv project, --user, a prefix). Installs msb cannot copy apart from the base image
 * (into the system Python, conda) are reasons to skip.
 */
import { posix as path } from 'path';
import type { Env } from 'dockerfile-ast';
import { envValue } from '../../analyze/command-env';
import { expandVariables } from '../../analyze/instruction-args';
import type { RunFacts } from '../../analyze/stage-facts';
import type { ClassifiedRun } from '../../plan/interpreted-plan';
import type { PlanContext } from '../../plan/plan-types';
import { homeOf, nonRootName } from '../../plan/run-user';
import { compiledRegExp } from '../../util/compiled-regexp';
import type { PythonCommand } from './python-commands';
import type { PythonSettings } from './python-settings';

export type Environment =
  | { kind: 'new-venv'; path: string; before: RunFacts }
  | { kind: 'existing-venv'; path: string }
  | { kind: 'uv-project'; path: string }
  | { kind: 'user-site'; path: string }
  | { kind: 'user-base'; path: string; before: RunFacts }
  | { kind: 'prefix'; path: string }
  | { kind: 'none' };

type Classified = readonly ClassifiedRun<PythonCommand>[];

export function chooseEnvironment(
  classified: Classified,
  input: PlanContext,
  settings: PythonSettings,
): Environment | { problem: string } {
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
    settings.systemPrefixes.includes(environment.path.replace(/\/+$/, '') || '/')
  )
    return {
      problem: `pip installs into the system prefix "${environment.path}", which cannot be copied apart from the base image's own files`,
    };
  const problem = environment.kind === 'new-venv' ? newVenvProblem(environment, classified, input) : null;
  return problem ? { problem } : environment;
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
        case 'uv-sync': {
          const configured = envValue(command.env, 'UV_PROJECT_ENVIRONMENT', facts.values);
          return {
            kind: 'uv-project',
            path: path.resolve(run.workdir, configured ? expandVariables(configured, facts.values) : '.venv'),
          };
        }
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
