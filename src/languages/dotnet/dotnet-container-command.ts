/**
 * What the .NET container runs: a built app (`dotnet <app>.dll`, `dotnet exec`, the apphost), or
 * the SDK itself (`dotnet run`, `dotnet watch`, `dotnet restore && dotnet run`). A `dotnet run`
 * line is rewritten to start the published DLL with the arguments `dotnet run` forwarded, and
 * the restore/build steps it did at start-up are dropped (the publish in the builder does them).
 */
import { posix as path } from 'path';
import {
  CommandLine,
  commandLines,
  containerCommand,
  formCommands,
  shellScript,
} from '../../analyze/container-command';
import { isShellProgram, isShellScript } from '../../analyze/programs';
import { programName, shellQuote, splitShellCommands, type ShellCommand } from '../../analyze/shell-commands';
import type { StageFacts } from '../../analyze/stage-facts';
import type { CommandSpec } from '../../plan/stage-model';
import { DotnetCommand, parseDotnetCommand } from './dotnet-commands';
import type { DotnetSettings } from './dotnet-settings';

export type AppRun =
  /** `dotnet <app>.dll`: the command is kept; `dll` is the absolute path. */
  | { kind: 'dll'; dll: string }
  /** A program (the apphost of a publish) at this absolute path. */
  | { kind: 'program'; program: string }
  /** `dotnet run` in one ENTRYPOINT/CMD line; `cwd` is where it runs. */
  | { kind: 'run'; command: DotnetCommand; line: CommandLine; cwd: string }
  /** No ENTRYPOINT or CMD (compose or the platform supplies it). */
  | { kind: 'none' };

/** What the SDK reading needs: the option tables and the verbs that only prepare `dotnet run` (dotnet.yaml). */
type CommandSettings = Pick<DotnetSettings, 'commandOptions' | 'startupBuildVerbs'>;

export function readAppRun(facts: StageFacts, settings: CommandSettings): AppRun | { problem: string } {
  const options = settings.commandOptions;
  const lines = commandLines(facts);
  if (lines.length === 0) return { kind: 'none' };
  const command = containerCommand(facts);
  let cwd = facts.workdir;
  for (const shellCommand of command.commands) {
    if (programName(shellCommand) === 'cd' && shellCommand.words[1]) {
      cwd = path.resolve(cwd, shellCommand.words[1]);
      continue;
    }
    const dotnet = parseDotnetCommand(shellCommand, options);
    if (!dotnet) {
      const program = shellCommand.words[0] ?? '';
      const script = isShellProgram(program)
        ? shellCommand.words[1]
        : isShellScript(program)
          ? program
          : null;
      if (script)
        return {
          problem: `the container runs the script ${script}, which msb does not read: it cannot tell which app it starts or whether it needs the SDK`,
        };
      if (program.includes('/')) return { kind: 'program', program: path.resolve(cwd, program) };
      continue;
    }
    if (dotnet.verb === 'dll' && dotnet.target) return { kind: 'dll', dll: path.resolve(cwd, dotnet.target) };
    if (dotnet.verb === 'watch')
      return {
        problem:
          'the container runs dotnet watch, which rebuilds on source changes (a development setup): it needs the SDK at run time',
      };
    if (dotnet.verb === 'run') {
      const line = lines.find((l) =>
        formCommands(l.form).commands.some((c) => parseDotnetCommand(c, options)?.verb === 'run'),
      );
      if (!line)
        return {
          problem:
            'the dotnet run command is split over ENTRYPOINT and CMD: msb rewrites a command written in one line',
        };
      return { kind: 'run', command: dotnet, line, cwd };
    }
    if (!settings.startupBuildVerbs.includes(dotnet.verb))
      return {
        problem: `the container runs "dotnet ${dotnet.verb}", an SDK command the runtime image does not have`,
      };
  }
  return {
    problem:
      'the container command runs no .NET app msb can read (no dotnet <app>.dll, dotnet run or apphost)',
  };
}

/**
 * The line with `dotnet run ...` replaced by `dotnet <dll> <forwarded args>` and the start-up
 * restore/build steps dropped; the form (exec, shell, `sh -c`) stays the same.
 */
export function rewriteRunLine(
  line: CommandLine,
  dll: string,
  appArgs: readonly string[],
  settings: CommandSettings,
): CommandSpec {
  const runWords = ['dotnet', dll, ...appArgs];
  if (line.form.form === 'shell')
    return { form: 'shell', text: rewriteScript(line.form.script, runWords, settings) };
  const argv = line.form.argv;
  const script = shellScript(argv);
  if (script !== null) {
    const at = argv.indexOf(script);
    return {
      form: 'exec',
      argv: [...argv.slice(0, at), rewriteScript(script, runWords, settings), ...argv.slice(at + 1)],
    };
  }
  const start = argv.findIndex((w, i) => path.basename(w) === 'dotnet' && argv[i + 1] === 'run');
  return { form: 'exec', argv: [...argv.slice(0, Math.max(start, 0)), ...runWords] };
}

function rewriteScript(script: string, runWords: readonly string[], settings: CommandSettings): string {
  const kept = splitShellCommands(script).flatMap((command: ShellCommand) => {
    const dotnet = parseDotnetCommand(command, settings.commandOptions);
    if (dotnet?.verb === 'run')
      return [`${/^exec\s/.test(command.text) ? 'exec ' : ''}${runWords.map(scriptWord).join(' ')}`];
    if (dotnet && settings.startupBuildVerbs.includes(dotnet.verb)) return [];
    return [command.text];
  });
  return kept.join(' && ');
}

/** A word for /bin/sh: `$PORT` must still expand, so such words are double-quoted rather than single-quoted. */
function scriptWord(word: string): string {
  return word.includes('$') && !/["`\\]/.test(word) ? `"${word}"` : shellQuote(word);
}
