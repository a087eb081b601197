/**
 * Whether an install leaves devDependencies in node_modules. npm, yarn and pnpm decide it from
 * the command's own flags first (`--include=dev`, `--production=false` win over NODE_ENV), then
 * from their configuration in the environment (an inline `VAR=value` before the command over the
 * ENV/ARG in force), then from NODE_ENV=production.
 */
import type { Env } from 'dockerfile-ast';
import type { StageFacts } from '../../analyze/stage-facts';
import { expandVariables } from '../../analyze/instruction-args';
import { CommandEnv, envValues } from '../../analyze/command-env';
import type { PackageManagerRule } from './node-settings';

/** What the install's own flags say: devDependencies left out, put in, or the default. */
export type DevFlag = 'omit' | 'include' | null;

export interface DevDependencies {
  installed: boolean;
  why: string;
}

export function devDependenciesOf(
  manager: PackageManagerRule,
  flag: DevFlag,
  environment: ReadonlyMap<string, string>,
): DevDependencies {
  if (flag === 'omit') return { installed: false, why: 'installs production dependencies only' };
  if (flag === 'include')
    return { installed: true, why: 'its flags install devDependencies whatever NODE_ENV says' };
  // npm reads its npm_config_* variables whatever their case.
  const lower = new Map([...environment].map(([name, value]) => [name.toLowerCase(), value]));
  for (const [name, dev] of Object.entries(manager.devListVariables ?? {})) {
    if (!/(^|[\s,])dev($|[\s,])/.test(lower.get(name) ?? '')) continue;
    return dev === 'include'
      ? { installed: true, why: `${name.toUpperCase()}=dev installs devDependencies` }
      : { installed: false, why: `${name.toUpperCase()}=dev: installs production dependencies only` };
  }
  for (const name of manager.productionVariables) {
    const value = lower.get(name);
    if (value === undefined || value === '') continue;
    return /^(false|0|no)$/i.test(value)
      ? { installed: true, why: `${name.toUpperCase()}=${value} installs devDependencies` }
      : { installed: false, why: `${name.toUpperCase()}=${value}: installs production dependencies only` };
  }
  if (environment.get('NODE_ENV') === 'production')
    return {
      installed: false,
      why: 'NODE_ENV=production is set before the install: npm, yarn and pnpm then skip devDependencies, so the builder has production dependencies only and nothing is pruned',
    };
  return { installed: true, why: 'installs devDependencies' };
}

/** What the command sees: the ENV and ARG values in force when the instruction at `index` runs, then its own environment. */
export function environmentAt(facts: StageFacts, index: number, command: CommandEnv): Map<string, string> {
  const values = new Map<string, string>();
  for (const arg of facts.args) {
    if (arg.instruction.index >= index) break;
    if (arg.value !== null) values.set(arg.name, expandVariables(arg.value, values));
  }
  for (const env of facts.envs) {
    if (env.index >= index) break;
    for (const property of (env.node as Env).getProperties())
      values.set(property.getName(), expandVariables(property.getValue() ?? '', values));
  }
  return envValues(command, values);
}
