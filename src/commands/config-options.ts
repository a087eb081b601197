/**
 * `--config FILE` / `--no-config` and the config that applies to each target: the named file,
 * else the nearest `.msbrc.yaml` / `msb.config.yaml` above the target (src/config), else none.
 * Flags beat the config: `--runtime` over its `runtime`, `--profile` after its `profiles`
 * (so a flag's profile replaces one with the same id), `--ignore` added to its `ignore`.
 */
import type { Argv } from 'yargs';
import { statSync } from 'fs';
import * as path from 'path';
import { findConfig, loadConfig, MsbConfig } from '../config/load-config';
import { createEnvironment } from '../languages';
import type { PlanEnvironment } from '../plan/planner';

export interface ConfigFlags {
  /** A file, or false with --no-config. */
  config?: string | false;
}

export function withConfigOption<T>(yargs: Argv<T>): Argv<T & ConfigFlags> {
  return yargs.option('config', {
    type: 'string',
    describe:
      'Config file to use instead of the nearest .msbrc.yaml or msb.config.yaml above each file; --no-config uses none',
  }) as Argv<T & ConfigFlags>;
}

/** The config for a Dockerfile or folder; MsbError when a file found is invalid. */
export function configFor(target: string, flags: ConfigFlags): MsbConfig | null {
  if (flags.config === false) return null;
  if (typeof flags.config === 'string') return loadConfig(flags.config);
  return findConfig(isDirectory(target) ? target : path.dirname(path.resolve(target)));
}

/** One plan environment per distinct profile list (loading profiles is the costly part). */
export function environmentCache(): (
  config: MsbConfig | null,
  flagProfiles: readonly string[] | undefined,
) => PlanEnvironment {
  const environments = new Map<string, PlanEnvironment>();
  return (config, flagProfiles) => {
    const files = [...(config?.profiles ?? []), ...(flagProfiles ?? [])];
    const key = JSON.stringify(files);
    let environment = environments.get(key);
    if (!environment) environments.set(key, (environment = createEnvironment(files)));
    return environment;
  };
}

function isDirectory(target: string): boolean {
  try {
    return statSync(target).isDirectory();
  } catch {
    return false;
  }
}
