/**
 * Extensions the build compiled (docker-php-ext-install, pecl) or had a tool install
 * (install-php-extensions) reach the runtime as built: the extension folder and PHP's
 * configuration (the docker-php-ext-*.ini files that load them) are copied from the builder, and
 * the runtime installs the shared libraries they link. Compiling them again in the runtime would
 * need the -dev headers and the compiler there, which is what the conversion leaves behind.
 */
import type { RunFacts } from '../../analyze/stage-facts';
import type { Decision } from '../../plan/plan-types';
import type { PackageManagerName } from '../../profiles/profile-types';
import type { PhpCommand } from './php-commands';
import type { PhpSettings } from './php-settings';

export interface ExtensionRuntime {
  /** Extension names in the order the build installs them. */
  extensions: string[];
  /** Libraries the extensions link, for the runtime to install (bookworm names for apt). */
  libraries: string[];
  decisions: Decision[];
  /** Set when an extension's libraries cannot be named: the conversion is skipped with it. */
  problem?: string;
}

export function extensionRuntime(
  classified: readonly { run: RunFacts; commands: PhpCommand[] }[],
  settings: PhpSettings,
  manager: PackageManagerName,
): ExtensionRuntime {
  const result: ExtensionRuntime = { extensions: [], libraries: [], decisions: [] };
  for (const { run, commands } of classified) {
    for (const command of commands) {
      if (command.kind !== 'extension') continue;
      for (const name of command.extensions) {
        if (result.extensions.includes(name)) continue;
        result.extensions.push(name);
        const known = settings.extensionLibraries[name];
        if (!known) {
          if (settings.selfContainedInstallers.includes(command.tool))
            result.problem ??= `line ${run.instruction.line + 1} installs the extension "${name}" with ${command.tool}, which fetches the libraries it links itself; msb does not know which of them the runtime needs`;
          continue;
        }
        const libraries = known[manager] ?? [];
        libraries.forEach((library) => {
          if (!result.libraries.includes(library)) result.libraries.push(library);
        });
        if (libraries.length > 0)
          result.decisions.push({
            subject: `extension ${name} (line ${run.instruction.line + 1})`,
            placement: 'runtime',
            why: `copied as built; it links ${libraries.join(', ')}, which the runtime installs`,
          });
      }
    }
  }
  return result;
}
