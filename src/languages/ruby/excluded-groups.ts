/**
 * A check on what the container runs (its ENTRYPOINT/CMD, or compose's command when the
 * Dockerfile has none): a program from a gem group Bundler leaves out cannot start.
 */
import type { PlanContext } from '../../plan/plan-types';
import { startCommand } from '../../plan/start-command';
import { commandProgram } from './ruby-commands';

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
