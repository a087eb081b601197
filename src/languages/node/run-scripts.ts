/**
 * Expands package.json scripts: `npm start` in a CMD, or `yarn build` in a RUN, becomes the
 * commands it really runs (`node dist/server.js`, `vite build`), with the pre/post hooks npm
 * and yarn run, so the strategy sees through scripts to the programs.
 */
import { type ShellCommand, shellQuote, splitShellCommands } from '../../analyze/shell-commands';
import { classifyNodeCommand, NodeCommand } from './node-commands';
import type { NodeSettings } from './node-settings';
import type { PackageJson } from './package-json';

export interface Step {
  command: Exclude<NodeCommand, { kind: 'script' }>;
  text: string;
  /** The scripts it was reached through, outermost first. */
  via: string[];
}

const MAX_DEPTH = 8;

export function expandScripts(
  commands: readonly ShellCommand[],
  pkg: PackageJson | null,
  settings: NodeSettings,
): Step[] {
  const steps: Step[] = [];
  const walk = (list: readonly ShellCommand[], via: string[]) => {
    for (const shell of list) {
      const command = classifyNodeCommand(shell, settings);
      if (command.kind !== 'script') {
        steps.push({ command, text: shell.text, via });
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
        walk(splitShellCommands(text), [...via, name]);
      }
    }
  };
  walk(commands, []);
  return steps;
}
