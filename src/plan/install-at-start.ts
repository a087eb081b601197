/**
 * Installs when the container starts (`CMD bundle install && puma`, a start script that runs
 * `composer install`): msb cannot move them into the builder, and the runtime leaves the installer
 * there, so the interpreted archetype skips such images. The language says which commands install;
 * the reason's wording is profile data (`{source}`, `{file}` and `{command}` are filled in).
 */
import { posix as path } from 'path';
import { isShellScript } from '../analyze/programs';
import { splitShellCommands, type ShellCommand } from '../analyze/shell-commands';
import type { DetectInput } from '../detect/detect-types';
import { fillIn } from './interpreted-stage';
import { startCommand } from './start-command';

export interface InstallAtStartWording {
  /** The container's own command installs. */
  command: string;
  /** A script the command runs installs (unset: scripts are not read). */
  script?: string;
}

export function installAtStart(
  input: DetectInput,
  installs: (command: ShellCommand) => boolean,
  wording: InstallAtStartWording,
): string | null {
  const { command, source } = startCommand(input);
  const direct = command.commands.find(installs);
  if (direct) return fillIn(wording.command, { source, command: direct.text.slice(0, 60) });
  if (wording.script === undefined) return null;
  for (const word of command.argv.flatMap((w) => w.split(/\s+/))) {
    if (!isShellScript(word)) continue;
    for (const file of input.context.glob(`**/${path.basename(word)}`)) {
      const install = splitShellCommands(input.context.read(file) ?? '').find(installs);
      if (install) return fillIn(wording.script, { file, source, command: install.text.slice(0, 60) });
    }
  }
  return null;
}
