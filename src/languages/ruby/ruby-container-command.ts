/**
 * Checks on what the container runs (its ENTRYPOINT/CMD, or compose's command when the
 * Dockerfile has none): gems installed when the container starts cannot be moved to the builder
 * by msb, and a program from a gem group Bundler leaves out cannot start.
 */
import { posix as path } from 'path';
import { isShellScript } from '../../analyze/programs';
import { splitShellCommands } from '../../analyze/shell-commands';
import type { PlanContext } from '../../plan/plan-types';
import { startCommand } from '../../plan/start-command';
import { classifyRubyCommand, commandProgram } from './ruby-commands';
import type { RubySettings } from './ruby-settings';

export function containerStartInstall(input: PlanContext, settings: RubySettings): string | null {
  const { command, source } = startCommand(input);
  for (const c of command.commands) {
    const kind = classifyRubyCommand(c, settings).kind;
    if (kind === 'bundle-install' || kind === 'gem-install')
      return `${source} installs gems when it starts ("${c.text.slice(0, 60)}"); move the install into the build first, msb will not guess which gems the app needs`;
  }
  for (const word of command.argv.flatMap((w) => w.split(/\s+/))) {
    if (!isShellScript(word)) continue;
    for (const file of input.context.glob(`**/${path.basename(word)}`)) {
      const install = splitShellCommands(input.context.read(file) ?? '').find((c) =>
        ['bundle-install', 'gem-install'].includes(classifyRubyCommand(c, settings).kind),
      );
      if (install)
        return `${file}, which ${source} runs, installs gems when it starts ("${install.text.slice(0, 60)}"); move the install into the build first, msb will not guess which gems the app needs`;
    }
  }
  return null;
}

/**
 * The first program the container runs whose gem is only in groups Bundler leaves out
 * (`bundle exec rspec` with BUNDLE_WITHOUT=test): it would not start.
 */
export function excludedGroupProgram(
  input: PlanContext,
  groups: ReadonlyMap<string, readonly string[]>,
  without: readonly string[],
  executables: Readonly<Record<string, string>>,
): string | null {
  if (without.length === 0) return null;
  for (const c of startCommand(input).command.commands) {
    const program = commandProgram(c);
    // The Gemfile may name the program's gem (rspec) or the gem that provides it (rspec-core).
    const gem = [program, executables[program]].find((g) => g !== undefined && groups.has(g));
    const gemGroups = gem === undefined ? undefined : groups.get(gem);
    if (gemGroups && gemGroups.every((g) => without.includes(g)))
      return `the container runs ${program} (gem ${gem}, group ${gemGroups.join(', ')}), which Bundler leaves out (without: ${without.join(' ')}); it would not start in the original either — install that group or change the command`;
  }
  return null;
}
