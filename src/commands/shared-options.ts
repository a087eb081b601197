/** Options several commands share, declared once; the language lists come from the shipped profiles. */
import type { Argv } from 'yargs';
import { defaultEnvironment } from '../languages';
import { ConfigFlags, withConfigOption } from './config-options';

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
    .option('lang', { type: 'string', describe: `Language profile to use instead of detecting one (${help.languages})` })
    .option('profile', { type: 'string', coerce: (value: string | string[]) => ([] as string[]).concat(value), describe: 'Extra profile YAML file (repeatable); a profile with a shipped id replaces it' })
    .option('context', { type: 'string', describe: "Build context directory (default: the Dockerfile's folder)" })
    .option('runtime', { type: 'string', describe: `Runtime flavour where a profile offers several (${help.runtimes})` })
    .option('json', { type: 'boolean', default: false, describe: 'Machine-readable output' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Only errors on stderr' }) as Argv<T & ConversionFlags>;
}

/** The profile ids and each profile's `--runtime` choices, as its strategy names them. */
function languageHelp(): { languages: string; runtimes: string } {
  const { profiles, strategyFor } = defaultEnvironment();
  const runtimes = profiles.flatMap((profile) => {
    const choices = strategyFor(profile).runtimeChoices();
    return choices ? [`${profile.id}: ${choices}`] : [];
  });
  return { languages: `${profiles.map((p) => p.id).join(', ')}, or the id of a --profile`, runtimes: runtimes.join('; ') };
}
