/**
 * The container command in the runtime stage: what a Python image's CMD/ENTRYPOINT needs once
 * the packages live in a venv and the package managers stay in the builder.
 */
import { shellScript } from '../../analyze/container-command';
import type { StageFacts } from '../../analyze/stage-facts';
import type { PlanContext } from '../../plan/plan-types';
import { startCommand } from '../../plan/start-command';
import type { CommandSpec } from '../../plan/stage-model';
import type { PythonCommandRules } from './python-commands';

/** `/usr/local/bin/gunicorn` lived in the system Python; with the venv it is in the venv's bin. */
export function pointAtVenv(command: CommandSpec, venvPath: string, copiedPaths: string[]): CommandSpec {
  const rewrite = (text: string) =>
    text.replace(/\/usr\/local\/bin\/([A-Za-z0-9_.-]+)/g, (whole, name: string) => {
      if (copiedPaths.some((p) => p === whole || p === '/usr/local/bin/' || p === '/usr/local/bin'))
        return whole;
      return `${venvPath}/bin/${name}`;
    });
  return command.form === 'exec'
    ? { form: 'exec', argv: command.argv.map(rewrite) }
    : { form: 'shell', text: rewrite(command.text) };
}

/**
 * `poetry run gunicorn app` (or `python -m poetry run ...`) needs poetry; with the environment on
 * PATH, `gunicorn app` is the same command. In a shell script (shell form, or `sh -c "…"` in exec
 * form) every command is rewritten: `poetry run a & poetry run b` → `a & b`.
 * @param wrappers the environment managers the runtime lacks
 */
export function dropRunWrapper(command: CommandSpec, wrappers: readonly string[]): CommandSpec {
  // At the start of the script or after a command separator (;, &, &&, |, ||, a newline, a subshell).
  const pattern = new RegExp(
    `(^|[;&|(\\n])(\\s*)(?:python[0-9.]*\\s+-m\\s+)?(?:${wrappers.join('|')})\\s+run\\s+((?:-\\S+\\s+)*)`,
    'g',
  );
  const rewrite = (script: string) => script.replace(pattern, '$1$2');
  if (command.form === 'shell') {
    const text = rewrite(command.text);
    return text === command.text ? command : { form: 'shell', text };
  }
  const script = shellScript(command.argv);
  if (script !== null) {
    const rewritten = rewrite(script);
    return rewritten === script
      ? command
      : { form: 'exec', argv: [...command.argv.slice(0, 2), rewritten, ...command.argv.slice(3)] };
  }
  const asModule = /^python[0-9.]*$/.test(command.argv[0] ?? '') && command.argv[1] === '-m';
  const [tool, verb, ...rest] = asModule ? command.argv.slice(2) : command.argv;
  if (!wrappers.includes(tool ?? '') || verb !== 'run') return command;
  while (rest[0]?.startsWith('-')) rest.shift();
  return rest.length ? { form: 'exec', argv: rest } : command;
}

/** The command as one line of words, for decisions. */
export function shownCommand(command: CommandSpec): string {
  return (command.form === 'exec' ? command.argv.join(' ') : command.text).replace(/\s+/g, ' ').trim();
}

/**
 * A command compose supplies cannot be rewritten the way a CMD is (dropRunWrapper): one that runs
 * through an environment manager the runtime leaves in the builder would not start.
 */
export function composeRunWrapper(input: PlanContext, rules: PythonCommandRules): string | null {
  const { command, compose } = startCommand(input);
  if (!compose) return null;
  const wrappers = runWrappers(input.facts, rules, new Set());
  const wrapped = command.commands.find((c) => wrappers.includes(c.words[0] ?? '') && c.words[1] === 'run');
  return wrapped
    ? `the container's command comes from service "${compose.service}" in ${compose.file} and runs ${wrapped.words[0]}, which the runtime leaves in the builder; change it to run the program directly`
    : null;
}

/**
 * The environment managers the runtime lacks: uv copied from its image into the runtime (a
 * replayed COPY --from=<uv image>, not among the `dropped` copies) can still run `uv run`.
 */
export function runWrappers(
  facts: StageFacts,
  rules: PythonCommandRules,
  dropped: ReadonlySet<string>,
): string[] {
  const uvInRuntime = facts.copies.some(
    (c) => c.spec.from !== null && /uv\b/.test(c.spec.from) && !dropped.has(c.instruction.text),
  );
  return rules.environmentManagers.filter((w) => w !== 'uv' || !uvInRuntime);
}
