/**
 * The container command in the runtime stage: what a Python image's CMD/ENTRYPOINT needs once
 * the packages live in a venv and the package managers stay in the builder.
 */
import { commandForm } from '../../analyze/instruction-args';
import { containerCommand } from '../../analyze/container-command';
import type { PlanContext } from '../../plan/plan-types';
import { classifyPythonCommand } from './python-commands';

/** `/usr/local/bin/gunicorn` lived in the system Python; with the venv it is in the venv's bin. */
export function pointAtVenv(instructionText: string, venvPath: string, copiedPaths: string[]): string {
  return instructionText.replace(/\/usr\/local\/bin\/([A-Za-z0-9_.-]+)/g, (whole, name: string) => {
    if (copiedPaths.some((p) => p === whole || p === '/usr/local/bin/' || p === '/usr/local/bin')) return whole;
    return `${venvPath}/bin/${name}`;
  });
}

const RUN_WRAPPERS = ['poetry', 'pipenv', 'pdm', 'uv'];

/** `poetry run gunicorn app` needs poetry; with the environment on PATH, `gunicorn app` is the same command. */
export function dropRunWrapper(instructionText: string, uvInRuntime: boolean): string {
  const match = /^(\s*\w+\s+)([\s\S]*)$/.exec(instructionText);
  if (!match) return instructionText;
  const [, keyword, args] = match;
  const wrappers = RUN_WRAPPERS.filter((w) => w !== 'uv' || !uvInRuntime);
  const form = commandForm(args);
  if (form.form === 'exec') {
    const [tool, verb, ...rest] = form.argv;
    if (!wrappers.includes(tool ?? '') || verb !== 'run') return instructionText;
    while (rest[0]?.startsWith('-')) rest.shift();
    return rest.length ? `${keyword}${JSON.stringify(rest).replace(/","/g, '", "')}` : instructionText;
  }
  const pattern = new RegExp(`^(\\s*)(${wrappers.join('|')})\\s+run\\s+((?:-\\S+\\s+)*)`);
  return pattern.test(args) ? keyword + args.replace(pattern, '$1') : instructionText;
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function containerStartInstall(input: PlanContext, tools: ReadonlySet<string>): string | null {
  for (const c of containerCommand(input.facts).commands) {
    const kind = classifyPythonCommand(c, tools, input.facts.workdir).kind;
    if (kind === 'dependencies' || kind === 'tool-install' || kind === 'user-install' || kind === 'uv-sync') {
      return `the container installs packages when it starts ("${c.text.slice(0, 60)}"); move the install into the build first, msb will not guess which packages the app needs`;
    }
  }
  return null;
}
