/**
 * Keeps the installers out of the environment the runtime copies. `python -m venv` puts pip and
 * setuptools into every venv (~20 MB on 3.11): on an already slim base that is all a conversion
 * adds. A builder step after the last install removes them again — unless the application's own
 * code imports them (`pkg_resources` is setuptools) or the container runs them; at build time the
 * step also keeps any that an installed package requires or a console script loads.
 */
import { posix as path } from 'path';
import { expandVariables } from '../../analyze/instruction-args';
import { globalArgValues } from '../../plan/base-image';
import { runtimeCommands } from '../../plan/runtime-stage';
import type { ClassifiedRun } from '../../plan/interpreted-plan';
import { besideRun } from '../../plan/interpreted-stage';
import type { BuilderInsertion, Decision, PlanContext } from '../../plan/plan-types';
import { compiledRegExp } from '../../util/compiled-regexp';
import type { PythonCommand } from './python-commands';
import type { PythonSettings } from './python-settings';

export interface InstallerStrip {
  insertion: BuilderInsertion | null;
  decisions: Decision[];
}

/**
 * @param rules `installers`: package → the modules that mean "imports it" (`setuptools: [setuptools,
 *   pkg_resources]`); `buildOnlyFiles` whose imports do not count; `installerUse`, a build step that
 *   still uses one
 */
export function stripInstallers(
  input: PlanContext,
  classified: readonly ClassifiedRun<PythonCommand>[],
  environmentPath: string,
  rules: Pick<PythonSettings, 'installers' | 'buildOnlyFiles' | 'installerUse'>,
): InstallerStrip {
  const decisions: Decision[] = [];
  // The step continues lines with a backslash; `# escape=\`` files are Windows images (no bin/ in a venv).
  if (input.dockerfile.escapeChar !== '\\') return { insertion: null, decisions };
  // The build-time check reads importlib.metadata, new in Python 3.8.
  const version = /^(\d+)\.(\d+)/.exec(
    expandVariables(input.facts.from.tag ?? '', globalArgValues(input.dockerfile)),
  );
  if (version && Number(version[1]) * 100 + Number(version[2]) < 308) return { insertion: null, decisions };
  const imported = importedModules(input, rules.buildOnlyFiles);
  const programs = new Set(runtimeCommands(input.facts));
  const removed: string[] = [];
  for (const [name, modules] of Object.entries(rules.installers)) {
    const source = modules.map((m) => imported.get(m)).find((file) => file !== undefined);
    if (source) {
      decisions.push({
        subject: name,
        placement: 'runtime',
        why: `kept in the environment: ${source} imports ${modules.filter((m) => imported.has(m)).join(', ')}`,
      });
    } else if ([...programs].some((p) => p === name || compiledRegExp(`^${name}[0-9.]*$`).test(p))) {
      decisions.push({
        subject: name,
        placement: 'runtime',
        why: 'kept in the environment: the container runs it',
      });
    } else removed.push(name);
  }
  const last = [...classified]
    .reverse()
    .find(
      ({ run, commands }) =>
        commands.some((c) => c.kind !== 'other') || compiledRegExp(rules.installerUse).test(run.script),
    );
  if (removed.length === 0 || !last) return { insertion: null, decisions };
  const line = last.run.instruction.line + 1;
  decisions.push({
    subject: removed.join(', '),
    placement: 'builder',
    why: `installers: removed from ${environmentPath} after line ${line}, so the runtime copies the environment without them`,
  });
  const values = {
    venv: environmentPath,
    packages: listInWords(removed),
    list: removed.map((name) => `'${name}'`).join(', '),
  };
  const reason = `removes ${listInWords(removed)} from ${environmentPath} in the builder after line ${line}: the runtime copies the environment without the installers`;
  const template = input.profile.templates.stripInstallers;
  return { insertion: besideRun(input.facts, 'after', last.run, template, values, reason), decisions };
}

/** Top-level modules the context's Python files import → the first file that does. */
function importedModules(input: PlanContext, buildOnlyFiles: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of input.context.glob('**/*.py')) {
    if (buildOnlyFiles.includes(path.basename(file))) continue;
    const text = input.context.read(file) ?? '';
    for (const match of text.matchAll(/^[ \t]*(?:from|import)[ \t]+([A-Za-z_][A-Za-z0-9_]*)/gm))
      if (!found.has(match[1])) found.set(match[1], file);
  }
  return found;
}

function listInWords(names: readonly string[]): string {
  return names.length < 2
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
