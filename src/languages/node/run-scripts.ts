/**
 * Expands package.json scripts: `npm start` in a CMD, or `yarn build` in a RUN, becomes the
 * commands it really runs (`node dist/server.js`, `vite build`), with the pre/post hooks npm
 * and yarn run, so the strategy sees through scripts to the programs.
 */
import { type CommandEnv, withAssignments } from '../../analyze/command-env';
import { type ShellCommand, shellQuote, splitShellCommands } from '../../analyze/shell-commands';
import { classifyNodeCommand, NodeCommand } from './node-commands';
import type { NodeSettings } from './node-settings';
import type { PackageJson } from './package-json';

export interface Step {
  command: Exclude<NodeCommand, { kind: 'script' }>;
  text: string;
  /** The scripts it was reached through, outermost first. */
  via: string[];
  /** The environment it runs with: the outer command's (`BUILD_PATH=out npm run build`), then its own `VAR=...`. */
  env: CommandEnv;
}

const MAX_DEPTH = 8;

export function expandScripts(
  commands: readonly ShellCommand[],
  pkg: PackageJson | null,
  settings: NodeSettings,
): Step[] {
  const steps: Step[] = [];
  const walk = (list: readonly ShellCommand[], via: string[], outer: CommandEnv | null) => {
    for (const shell of list) {
      const command = classifyNodeCommand(shell, settings);
      // A script's commands inherit the environment of the npm/yarn process that runs them.
      const env =
        outer && shell.env.inherits === 'all' && shell.env.except.length === 0
          ? withAssignments(outer, shell.env.assignments)
          : shell.env;
      if (command.kind !== 'script') {
        steps.push({ command, text: shell.text, via, env });
        continue;
      }
      const body = pkg?.scripts[command.script] ?? settings.defaultScripts[command.script] ?? null;
      if (body === null || via.includes(command.script) || via.length >= MAX_DEPTH) {
        // `yarn tsc` runs a binary when no script has that name
        const words = [command.script, ...command.args];
        steps.push({
          command: command.mayBeProgram ? { kind: 'program', words } : { kind: 'other' },
          text: shell.text,
          via,
          env,
        });
        continue;
      }
      const runsHooks = settings.packageManagers[command.manager].runsHooks === true && pkg !== null;
      const hook = (name: string) => (runsHooks && pkg.scripts[name] ? [name] : []);
      for (const name of [
        ...hook(`pre${command.script}`),
        command.script,
        ...hook(`post${command.script}`),
      ]) {
        const text =
          name === command.script
            ? [body, ...command.args.map(shellQuote)].join(' ')
            : (pkg as PackageJson).scripts[name];
        walk(splitShellCommands(text), [...via, name], env);
      }
    }
  };
  walk(commands, [], null);
  return steps;
}
