/** Framework and package manager of a Python project, read once from its manifests and the Dockerfile. */
import { parse as parseToml } from 'smol-toml';
import type { DetectInput, Evidence, LanguageDetails } from '../../detect/detect-types';
import { findFramework } from '../../detect/frameworks';
import { pipInstallPackages, type PythonCommandRules } from './python-commands';
import type { PythonSettings } from './python-settings';

export function analyzePython(input: DetectInput, settings: PythonSettings): LanguageDetails {
  const { context } = input;
  const evidence: Evidence[] = [];
  const scripts = input.facts.runs.map((r) => r.script).join('\n');
  const pyproject = readToml(context.read('pyproject.toml'));
  const tool = (pyproject?.tool ?? {}) as Record<string, unknown>;

  let packageManager = 'pip';
  if (context.has('uv.lock') || /\buv (sync|pip)\b/.test(scripts)) packageManager = 'uv';
  else if (context.has('poetry.lock') || tool.poetry || /\bpoetry install\b/.test(scripts))
    packageManager = 'poetry';
  else if (context.has('Pipfile') || context.has('Pipfile.lock') || /\bpipenv (install|sync)\b/.test(scripts))
    packageManager = 'pipenv';
  else if (context.has('pdm.lock') || /\bpdm (install|sync)\b/.test(scripts)) packageManager = 'pdm';

  const dependencies = dependencyNames(input, pyproject);
  const framework = findFramework(
    settings.frameworks,
    (name) => dependencies.has(name),
    (file) => context.has(file),
  )?.name;
  if (framework) evidence.push({ kind: 'manifest', detail: `${framework} in the dependencies`, weight: 0.3 });
  return { framework, packageManager, evidence };
}

/**
 * The distributions the project declares (requirements files, pyproject, Pipfile, setup.py) or
 * the Dockerfile installs by name, normalised (lower case, `_` → `-`).
 */
export function pythonDependencies(input: DetectInput, rules: PythonCommandRules): string[] {
  const names = dependencyNames(input, readToml(input.context.read('pyproject.toml')));
  for (const run of input.facts.runs)
    for (const command of run.commands) pipInstallPackages(command, rules).forEach((name) => names.add(name));
  return [...names].map((name) => name.replace(/_/g, '-'));
}

function dependencyNames(input: DetectInput, pyproject: Record<string, unknown> | null): Set<string> {
  const names = new Set<string>();
  const add = (spec: string) => {
    const name = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec)?.[1];
    if (name) names.add(name.toLowerCase().replace(/_/g, '-'));
  };
  for (const file of [
    ...input.context.glob('requirements*.txt'),
    ...input.context.glob('requirements/*.txt'),
  ]) {
    for (const line of (input.context.read(file) ?? '').split(/\r?\n/))
      if (!/^\s*(#|-)/.test(line)) add(line);
  }
  const project = (pyproject?.project ?? {}) as { dependencies?: unknown };
  if (Array.isArray(project.dependencies))
    project.dependencies.forEach((d) => typeof d === 'string' && add(d));
  const poetry = ((pyproject?.tool ?? {}) as { poetry?: { dependencies?: Record<string, unknown> } }).poetry;
  Object.keys(poetry?.dependencies ?? {}).forEach(add);
  const pipfile = readToml(input.context.read('Pipfile'));
  Object.keys((pipfile?.packages ?? {}) as Record<string, unknown>).forEach(add);
  const setupPy = input.context.read('setup.py') ?? '';
  for (const match of setupPy.matchAll(/["']([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:[<>=!~][^"']*)?["']/g))
    add(match[1]);
  return names;
}

function readToml(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    return parseToml(text) as Record<string, unknown>;
  } catch {
    return null;
  }
}
