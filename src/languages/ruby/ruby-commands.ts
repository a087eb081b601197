/**
 * What a shell command does in a Ruby build: installs the bundle, installs a gem, precompiles
 * assets or bootsnap's cache, or runs the tests. The container's commands are read with the same
 * classification: an install there means packages are fetched when the container starts.
 */
import { parseArgv, type OptionTable } from '../../analyze/argv';
import { programName, ShellCommand } from '../../analyze/shell-commands';
import { compiledRegExp } from '../../util/compiled-regexp';
import { bundlerWords, isBundleInstall } from './bundle-config';
import type { RubySettings } from './ruby-settings';

export type RubyCommand =
  | { kind: 'bundle-install' }
  | { kind: 'gem-install' }
  | { kind: 'assets' }
  | { kind: 'bootsnap' }
  | { kind: 'test' }
  | { kind: 'other' };

export function classifyRubyCommand(
  command: ShellCommand,
  tests: Pick<RubySettings, 'testPrograms' | 'testTasks'>,
): RubyCommand {
  if (isBundleInstall(command)) return { kind: 'bundle-install' };
  const [bundler, verb] = bundlerWords(command);
  if (bundler !== null && (verb === 'update' || verb === 'add')) return { kind: 'bundle-install' };
  const words = bundler !== null && verb === 'exec' ? command.words.slice(2) : command.words;
  const program = commandProgram(command);
  if (program === 'gem' && words[1] === 'install') return { kind: 'gem-install' };
  if (program === 'bootsnap' && words[1] === 'precompile') return { kind: 'bootsnap' };
  const tasks =
    program === 'rails' || program === 'rake' ? words.slice(1).filter((w) => !w.startsWith('-')) : [];
  if (tasks.some((t) => t === 'assets:precompile')) return { kind: 'assets' };
  const testTask = compiledRegExp(tests.testTasks);
  if (tests.testPrograms.includes(program) || (tasks.length > 0 && tasks.every((t) => testTask.test(t))))
    return { kind: 'test' };
  return { kind: 'other' };
}

/** The program a container command starts, through `bundle exec` (`bundle exec puma` → puma). */
export function commandProgram(command: ShellCommand): string {
  const [bundler, verb, program] = bundlerWords(command);
  if (bundler !== null && verb === 'exec') return (program ?? '').replace(/^.*\//, '');
  return programName(command);
}

/** The gems `gem install a b -v 1.2` names (their native extensions may load system libraries). */
export function gemInstallNames(command: ShellCommand, options: OptionTable): string[] {
  if (programName(command) !== 'gem' || command.words[1] !== 'install') return [];
  return parseArgv(command.words.slice(2), options)
    .operands.filter((word) => !word.includes('$'))
    .map((word) => word.replace(/[:=].*$/, ''));
}
