/** Options several commands share, declared once (the language lists come from the loaded profiles), and the checks that run before any work. */
import type { Argv } from 'yargs';
import { statSync } from 'fs';
import * as path from 'path';
import type { MsbConfig } from '../config/load-config';
import { MsbError } from '../errors';
import { DEFAULT_MIN_SAVING, formatMinSaving, MinSaving, parseMinSaving } from '../gates/min-saving';
import { defaultEnvironment } from '../languages';
import type { PlanEnvironment } from '../plan/planner';
import { runtimeProblem } from '../profiles/runtime-names';
import { ConfigFlags, environmentCache, withConfigOption } from './config-options';

export interface ConversionFlags extends ConfigFlags {
  lang?: string;
  profile?: string[];
  context?: string;
  runtime?: string;
  json?: boolean;
  quiet?: boolean;
}

export function withConversionOptions<T>(yargs: Argv<T>): Argv<T & ConversionFlags> {
  const help = languageHelp();
  return withConfigOption(yargs)
    .option('lang', {
      type: 'string',
      describe: `Language profile to use instead of detecting one (${help.languages})`,
    })
    .option('profile', {
      type: 'string',
      coerce: (value: string | string[]) => ([] as string[]).concat(value),
      describe: 'Extra profile YAML file (repeatable); a profile with a shipped id replaces it',
    })
    .option('context', {
      type: 'string',
      describe: "Build context directory (default: the Dockerfile's folder)",
    })
    .option('runtime', {
      type: 'string',
      describe: `Runtime flavour where a profile offers several (${help.runtimes})`,
    })
    .option('json', { type: 'boolean', default: false, describe: 'Machine-readable output' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Only errors on stderr' })
    .check((argv) => {
      const problem = folderProblem('--context', argv.context);
      if (problem) throw new Error(problem);
      return true;
    }) as Argv<T & ConversionFlags>;
}

export interface GateFlags {
  force?: boolean;
  'min-saving'?: MinSaving;
}

/** `--force` and `--min-saving`: the two gates a result passes before it is written (README "Principles"). */
export function withGateOptions<T>(yargs: Argv<T>): Argv<T & GateFlags> {
  return yargs
    .option('force', {
      type: 'boolean',
      describe:
        'Write a result msb believes would not work, or that gains nothing, instead of skipping it; the reasons become warnings',
    })
    .option('min-saving', {
      type: 'string',
      coerce: (value: string) => {
        const parsed = parseMinSaving(value);
        if (!parsed)
          throw new Error(`--min-saving ${value}: not a size (10MB) or a share of the original (5%)`);
        return parsed;
      },
      describe: `Skip a conversion whose estimated saving is below this size (10MB) or share of the original image (5%); default ${formatMinSaving(DEFAULT_MIN_SAVING)}`,
    }) as Argv<T & GateFlags>;
}

/** The gate options for a file: flags beat its config file. */
export function gateOptions(
  flags: GateFlags,
  config: MsbConfig | null,
): { force: boolean; minSaving?: MinSaving } {
  const minSaving = flags['min-saving'] ?? config?.minSaving;
  return { force: flags.force ?? config?.force ?? false, ...(minSaving ? { minSaving } : {}) };
}

/** `-` reads standard input; this names it. */
export function withStdinOption<T>(yargs: Argv<T>): Argv<T & { 'stdin-filepath'?: string }> {
  return yargs.option('stdin-filepath', {
    type: 'string',
    describe:
      'With -: the path standard input stands for, used in messages and diffs; its folder is the build context unless --context says otherwise',
  });
}

/**
 * The profiles (shipped + the config's + --profile) with --runtime checked against them, before any
 * file is read. Pass one cache per run so that files sharing a config share the loaded profiles.
 */
export function conversionEnvironment(
  flags: ConversionFlags,
  config: MsbConfig | null = null,
  environmentFor = environmentCache(),
): PlanEnvironment {
  const environment = environmentFor(config, flags.profile);
  const problem = runtimeProblem(environment.profiles, flags.runtime, flags.lang);
  if (problem) throw new MsbError('usage', problem);
  return environment;
}

/** A flag that names a folder that must exist (`--context`), or a file whose folder must (`--report`). */
function folderProblem(flag: string, folder: string | undefined): string | null {
  if (folder === undefined) return null;
  try {
    if (statSync(folder).isDirectory()) return null;
    return `${flag} ${folder}: not a folder`;
  } catch {
    return `${flag} ${folder}: no such folder`;
  }
}

export function parentFolderProblem(flag: string, file: string | undefined): string | null {
  if (file === undefined) return null;
  const problem = folderProblem(flag, path.dirname(path.resolve(file)));
  return problem ? `${flag} ${file}: the folder ${path.dirname(file)} does not exist` : null;
}

/** The profile ids and each profile's `--runtime` choices, as its strategy names them. */
function languageHelp(): { languages: string; runtimes: string } {
  const { profiles, strategyFor } = defaultEnvironment();
  const runtimes = profiles.flatMap((profile) => {
    const choices = strategyFor(profile).runtimeChoices();
    return choices ? [`${profile.id}: ${choices}`] : [];
  });
  return {
    languages: `${profiles.map((p) => p.id).join(', ')}, or the id of a --profile`,
    runtimes: runtimes.join('; '),
  };
}
