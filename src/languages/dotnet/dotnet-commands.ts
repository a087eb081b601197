/**
 * Reads `dotnet` command lines: the SDK verbs that build (publish, build), run (run, watch) or only
 * prepare (restore, test...), and `dotnet <app>.dll` / `dotnet exec <app>.dll`, which run a built app.
 * Options come from the profile's tables; MSBuild properties (`-p:Name=Value`,
 * `/p:Name=Value`, `--property:Name=Value`) are read before it.
 */
import { parseArgv, optionValue, hasOption, type OptionTable } from '../../analyze/argv';
import type { ShellCommand } from '../../analyze/shell-commands';
import type { DotnetSettings } from './dotnet-settings';

type DotnetOptions = DotnetSettings['commandOptions'];

export interface DotnetCommand {
  /** `publish`, `build`, `run`, `watch`, `restore`... or `dll` for `dotnet <app>.dll`. */
  verb: string;
  /** Project, solution or folder operand (publish/build), the DLL (dll), or null. */
  target: string | null;
  configuration: string | null;
  output: string | null;
  framework: string | null;
  runtime: string | null;
  /** `--self-contained [true|false]`, `--sc`, `--no-self-contained`; null when not said. */
  selfContained: boolean | null;
  /** MSBuild properties given with -p / /p / --property. */
  properties: ReadonlyMap<string, string>;
  /** `dotnet run --project` / `-p` (run only). */
  project: string | null;
  /** Arguments the app receives (dll: after the DLL; run: what dotnet run forwards). */
  appArgs: string[];
  /** run: `--no-launch-profile`; `--launch-profile` / `-lp` value. */
  launchProfile: string | null | false;
}

/** `options`: the dotnet CLI's option tables (dotnet.yaml `commandOptions`). */
export function parseDotnetCommand(command: ShellCommand, options: DotnetOptions): DotnetCommand | null {
  const [program, ...args] = command.words;
  if (!program || program.slice(program.lastIndexOf('/') + 1) !== 'dotnet') return null;
  const first = args[0] ?? '';
  if (/\.dll$/i.test(first)) return dllCommand(first, args.slice(1));
  if (first === 'exec') {
    const dll = args.slice(1).findIndex((a) => /\.dll$/i.test(a));
    return dll < 0 ? null : dllCommand(args[dll + 1], args.slice(dll + 2));
  }
  if (!/^[a-z][-a-z]*$/.test(first)) return null;
  const { properties, rest } = msbuildProperties(args.slice(1));
  if (first === 'run' || first === 'watch') return runCommand(first, rest, properties, options.run);
  const { words, selfContained } = selfContainedValue(rest);
  const parsed = parseArgv(words, options.build);
  return {
    ...empty(first),
    target: parsed.operands[0] ?? null,
    configuration: optionValue(parsed, '-c', '--configuration'),
    output: optionValue(parsed, '-o', '--output'),
    framework: optionValue(parsed, '-f', '--framework'),
    runtime: optionValue(parsed, '-r', '--runtime'),
    selfContained: hasOption(parsed, '--no-self-contained')
      ? false
      : (selfContained ?? (hasOption(parsed, '--self-contained', '--sc') ? true : null)),
    properties,
  };
}

function dllCommand(dll: string, appArgs: string[]): DotnetCommand {
  return { ...empty('dll'), target: dll, appArgs };
}

function runCommand(
  verb: string,
  words: string[],
  properties: Map<string, string>,
  table: OptionTable,
): DotnetCommand {
  const result: DotnetCommand = { ...empty(verb), properties };
  // `dotnet watch run ...`: the verb after watch is part of the command, not an app argument.
  let i = verb === 'watch' && words[0] === 'run' ? 1 : 0;
  const option = (name: string, value: string) => {
    if (name === '-c' || name === '--configuration') result.configuration = value;
    else if (name === '-f' || name === '--framework') result.framework = value;
    else if (name === '-r' || name === '--runtime') result.runtime = value;
    else if (name === '-p' || name === '--project') result.project = value;
    else if (name === '--launch-profile' || name === '-lp') result.launchProfile = value;
  };
  for (; i < words.length; i++) {
    const word = words[i];
    if (word === '--') {
      result.appArgs.push(...words.slice(i + 1));
      break;
    }
    const eq = word.indexOf('=');
    const name = eq > 0 ? word.slice(0, eq) : word;
    if (table.valued?.includes(name)) {
      if (eq > 0) option(name, word.slice(eq + 1));
      else option(name, words[++i] ?? '');
    } else if (table.flags?.includes(word)) {
      if (word === '--no-launch-profile') result.launchProfile = false;
    } else result.appArgs.push(word);
  }
  return result;
}

function empty(verb: string): DotnetCommand {
  return {
    verb,
    target: null,
    configuration: null,
    output: null,
    framework: null,
    runtime: null,
    selfContained: null,
    properties: new Map(),
    project: null,
    appArgs: [],
    launchProfile: null,
  };
}

/** `-p:A=1;B=2`, `/p:A=1`, `--property:A=1`, `-property:A=1` (case-insensitive, as MSBuild reads them). */
function msbuildProperties(words: string[]): { properties: Map<string, string>; rest: string[] } {
  const properties = new Map<string, string>();
  const rest: string[] = [];
  for (const word of words) {
    const match = /^(?:-{1,2}|\/)(?:p|property):(.+)$/i.exec(word);
    if (!match) {
      rest.push(word);
      continue;
    }
    for (const pair of match[1].split(';')) {
      const eq = pair.indexOf('=');
      if (eq > 0) properties.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).replace(/^"|"$/g, ''));
    }
  }
  return { properties, rest };
}

/** `--self-contained false` / `--self-contained=true`: the optional boolean value the table cannot express. */
function selfContainedValue(words: string[]): { words: string[]; selfContained: boolean | null } {
  const rest: string[] = [];
  let selfContained: boolean | null = null;
  for (let i = 0; i < words.length; i++) {
    const match = /^--self-contained(?:=(true|false))?$/i.exec(words[i]);
    if (!match) {
      rest.push(words[i]);
      continue;
    }
    let value = match[1];
    if (!value && /^(true|false)$/i.test(words[i + 1] ?? '')) value = words[++i];
    selfContained = value ? value.toLowerCase() === 'true' : true;
  }
  return { words: rest, selfContained };
}
