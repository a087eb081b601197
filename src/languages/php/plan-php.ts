/**
 * Plans the PHP conversion. The builder keeps the build: composer (copied from its image or
 * downloaded), git and unzip, the -dev headers and the extension compiles. The runtime is the same
 * php image (version and variant: apache stays apache, fpm stays fpm) with the runtime libraries
 * of the extensions, the extensions and PHP's configuration copied as built, Apache's configuration
 * replayed, and the application folder with vendor/ copied from the builder.
 */
import { posix as path } from 'path';
import { programName } from '../../analyze/shell-commands';
import type { RunFacts } from '../../analyze/stage-facts';
import { planInterpreted, type ClassifiedRun, type DependencyEnvironment } from '../../plan/interpreted-plan';
import type { Decision, PlanInput, StrategyPlan } from '../../plan/plan-types';
import { BUILDER, copy } from '../../plan/stage-model';
import type { PackageManagerName } from '../../profiles/profile-types';
import { apacheConfig } from './apache-config';
import type { PhpProject } from './php-analysis';
import { classifyPhpCommand, type PhpCommand } from './php-commands';
import { extensionRuntime } from './php-extensions';
import type { PhpSettings } from './php-settings';

type Classified = readonly ClassifiedRun<PhpCommand>[];

export function planPhp(input: PlanInput<PhpSettings>, project: PhpProject): StrategyPlan {
  const { settings } = input;
  return planInterpreted(input, {
    data: settings.interpreted,
    packagesTemplate: input.profile.templates.systemPackages,
    toolImages: settings.installerImages,
    classify: (c) => classifyPhpCommand(c, settings),
    installsAtStart: (c) => c.kind.startsWith('composer'),
    installs: (c) => c.kind === 'composer' || c.kind === 'composer-no-dev',
    check: () =>
      project.invalidManifest
        ? 'composer.json is not valid JSON: msb cannot tell what the project needs'
        : unpackedIntoSources(input.facts.runs),
    environment: (classified) => phpEnvironment(input, classified),
  });
}

/**
 * vendor/ comes with the application folder; the extensions the build compiled, PHP's
 * configuration folders it changed and Apache's configuration are copied (or replayed) as built,
 * after the runtime's packages, with the libraries the extensions link.
 */
function phpEnvironment(
  input: PlanInput<PhpSettings>,
  classified: Classified,
): DependencyEnvironment | { problem: string } {
  const { facts, settings } = input;
  const manager: PackageManagerName = /alpine/.test(facts.from.tag ?? '') ? 'apk' : 'apt';
  const extensions = extensionRuntime(classified, settings, manager);
  if (extensions.problem) return { problem: extensions.problem };
  const configDirs = changedConfigDirs(classified, settings, extensions.extensions.length > 0);
  const apache = apacheConfig(facts, classified, settings.apacheConfig);
  const wholeDirs = [
    ...(extensions.extensions.length > 0 ? [settings.extensionDir] : []),
    ...configDirs,
    ...(apache.copiedWhole ? [settings.apacheConfig] : []),
  ];
  const copied: Decision[] = wholeDirs.map((dir) => ({
    subject: dir,
    placement: 'runtime',
    why:
      dir === settings.extensionDir
        ? `the extensions the build compiled (${extensions.extensions.join(', ')}), copied as built`
        : dir === settings.apacheConfig
          ? "Apache's configuration as the build left it"
          : "PHP's configuration as the build left it (the ini files that load the extensions, php.ini)",
  }));
  return {
    folders: [],
    covers: wholeDirs,
    // `COPY php.ini $PHP_INI_DIR/conf.d/` names the folder by the image's variable (resolved against "/").
    resolve: (dest) =>
      path.normalize(
        dest.replace(
          /\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g,
          (m, name: string) => settings.configVariables[name] ?? m,
        ),
      ),
    setup: [
      ...wholeDirs.filter((d) => d !== settings.apacheConfig).map((dir) => copy(BUILDER, dir, dir)),
      ...apache.nodes,
    ],
    libraries: { manager, names: extensions.libraries },
    decisions: [...extensions.decisions, ...copied, ...(apache.copiedWhole ? [] : apache.decisions)],
  };
}

/** The PHP configuration folders the build changes: PHP_INI_DIR when extensions are installed or enabled. */
function changedConfigDirs(classified: Classified, settings: PhpSettings, extensions: boolean): string[] {
  const dirs = new Set<string>();
  if (extensions) dirs.add(settings.configDirs[0]);
  for (const command of classified.flatMap((c) => c.commands))
    if (command.kind === 'php-config') command.dirs.forEach((dir) => dirs.add(dir));
  return settings.configDirs.filter((dir) => dirs.has(dir));
}

/**
 * Images of packaged PHP apps (WordPress, Matomo, Nextcloud) unpack the release into /usr/src/<app>
 * and their entrypoint copies it into the volume at start: the runtime stage would not have it.
 */
function unpackedIntoSources(runs: readonly RunFacts[]): string | null {
  for (const run of runs)
    for (const command of run.commands) {
      const program = programName(command);
      const flag = program === 'tar' ? ['-C', '--directory'] : program === 'unzip' ? ['-d'] : [];
      const at = command.words.findIndex((w) => flag.includes(w));
      const target = at >= 0 ? (command.words[at + 1] ?? '') : '';
      if (/^\/usr\/src(\/|$)/.test(target) && !/^\/usr\/src\/php(\/|$)/.test(target))
        return `line ${run.instruction.line + 1} unpacks into ${target}, which the container's start script copies the application from; msb copies the application folder, not the build's source folder, so it leaves such images alone`;
    }
  return null;
}
