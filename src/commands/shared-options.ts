/** Options several commands share, declared once. */
import type { Argv } from 'yargs';
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
  return withConfigOption(yargs)
    .option('lang', { type: 'string', describe: 'Language profile to use instead of detecting one (python, node, go, java)' })
    .option('profile', { type: 'string', coerce: (value: string | string[]) => ([] as string[]).concat(value), describe: 'Extra profile YAML file (repeatable); a profile with a shipped id replaces it' })
    .option('context', { type: 'string', describe: "Build context directory (default: the Dockerfile's folder)" })
    .option('runtime', { type: 'string', describe: 'Runtime flavour where a profile offers several (go: distroless | scratch | alpine | debian | distroless-base; java: jre | alpine | distroless, plus ",layered" for Spring Boot layers)' })
    .option('json', { type: 'boolean', default: false, describe: 'Machine-readable output' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Only errors on stderr' }) as Argv<T & ConversionFlags>;
}
