/**
 * Plans the PHP conversion. The builder keeps the build: composer (copied from its image or
 * downloaded), git and unzip, the -dev headers and the extension compiles. The runtime is the same
 * php image (version and variant: apache stays apache, fpm stays fpm) with the runtime libraries
 * of the extensions, the extensions and PHP's configuration copied as built, Apache's configuration
 * replayed, and the application folder with vendor/ copied from the builder.
 */
import { posix as path } from 'path';
import { containerCommand as readContainerCommand } from '../../analyze/container-command';
import { programName } from '../../analyze/shell-commands';
import type { RunFacts } from '../../analyze/stage-facts';
import { chooseRuntimeImage, globalArgValues } from '../../plan/base-image';
import type { Decision, PlanInput, StrategyPlan } from '../../plan/plan-types';
import { baseRuntimeModel, isWithin, runtimeCommands } from '../../plan/runtime-stage';
import { applicationFiles } from '../../plan/interpreted-stage';
import { convertedPlan } from '../../plan/converted-plan';
import { addBuilderSideEffects, runtimeSetup } from '../../plan/runtime-setup';
import { BUILDER, copy, type StageNode } from '../../plan/stage-model';
import { toolUse } from '../../plan/tool-use';
import type { PackageManagerName } from '../../profiles/profile-types';
import { apacheConfig } from './apache-config';
import type { PhpProject } from './php-analysis';
import { classifyPhpCommand, type PhpCommand } from './php-commands';
import { extensionRuntime } from './php-extensions';
import type { PhpSettings } from './php-settings';

type Classified = { run: RunFacts; commands: PhpCommand[] }[];

export function planPhp(input: PlanInput<PhpSettings>, project: PhpProject): StrategyPlan {
  const { facts, profile, dockerfile, settings } = input;
  const warnings: string[] = [];
  const decisions: Decision[] = [];
  const programs = runtimeCommands(facts);
  const tools = toolUse(facts, input.context);

  const atStart = composerAtStart(input, tools.scriptPrograms);
  if (atStart) return { kind: 'skip', reason: atStart };
  if (project.invalidManifest)
    return {
      kind: 'skip',
      reason: 'composer.json is not valid JSON: msb cannot tell what the project needs',
    };

  const unpacked = unpackedIntoSources(facts.runs);
  if (unpacked) return { kind: 'skip', reason: unpacked };

  const image = chooseRuntimeImage(facts.from, profile, globalArgValues(dockerfile), programs);
  if (!image.ok) return { kind: 'skip', reason: image.reason };
  warnings.push(...image.warnings);

  const classified: Classified = facts.runs.map((run) => ({
    run,
    commands: run.commands.map((c) => classifyPhpCommand(c, settings)),
  }));
  decisions.push(...composerDecisions(classified));

  const manager: PackageManagerName = /alpine/.test(facts.from.tag ?? '') ? 'apk' : 'apt';
  const extensions = extensionRuntime(classified, settings, manager);
  if (extensions.problem) return { kind: 'skip', reason: extensions.problem };
  decisions.push(...extensions.decisions);

  // PHP's configuration folders the build changed, copied whole (with the extensions' ini files).
  const configDirs = changedConfigDirs(classified, settings, extensions.extensions.length > 0);
  const apache = apacheConfig(facts, classified, settings.apacheConfig);
  const wholeDirs = [
    ...(extensions.extensions.length > 0 ? [settings.extensionDir] : []),
    ...configDirs,
    ...(apache.copiedWhole ? [settings.apacheConfig] : []),
  ];
  // `COPY php.ini $PHP_INI_DIR/conf.d/` names the folder by the image's variable (resolved against "/").
  const resolvedDest = (dest: string) =>
    path.normalize(
      dest.replace(
        /\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g,
        (m, name: string) => settings.configVariables[name] ?? m,
      ),
    );

  const runtime = baseRuntimeModel(facts, image.image, [
    'Runtime stage (added by msb): the same PHP image with the application, its vendor/ folder and extensions, without composer or build tools.',
  ]);
  const app = applicationFiles(input, (dest) => wholeDirs.some((dir) => isWithin(resolvedDest(dest), dir)), {
    images: settings.installerImages,
    why: (_tool, from) =>
      `copies a build tool (composer, an extension installer) from ${from}, which only the build runs`,
  });
  if ('problem' in app) return { kind: 'skip', reason: app.problem };
  // A COPY into a folder the runtime copies whole is covered by that copy.
  const intoWhole = new Map<string, string>();
  for (const c of facts.copies) {
    const dir = wholeDirs.find((d) => isWithin(resolvedDest(c.dest), d));
    if (dir && c.spec.from === null)
      intoWhole.set(`${c.instruction.keyword} (line ${c.instruction.line + 1})`, dir);
  }
  decisions.push(
    ...app.decisions.map((d) => {
      const dir = intoWhole.get(d.subject);
      return dir ? { ...d, why: `the runtime copies ${dir}, where it lands, from the builder` } : d;
    }),
  );
  const appCopies = app.copies;

  const setup = runtimeSetup(input, {
    template: profile.templates.systemPackages,
    image: image.image,
    slimmer: false,
    dependencies: [],
    libraries: { manager, names: extensions.libraries },
  });
  if ('problem' in setup) return { kind: 'skip', reason: setup.problem };
  warnings.push(...setup.warnings);
  decisions.push(...setup.decisions);
  // A replayed chown/mkdir of the application's own folders (Laravel's storage/) needs them copied first.
  const appDests = appCopies.flatMap((c) => (c.kind === 'copy' ? [c.dest] : []));
  const onAppFiles = (node: StageNode) =>
    node.kind === 'original' && appDests.some((dest) => dest !== '/' && node.text.includes(`${dest}/`));
  runtime.setup.push(...setup.nodes.filter((n) => !onAppFiles(n)));
  runtime.setup.push(
    ...wholeDirs.filter((d) => d !== settings.apacheConfig).map((dir) => copy(BUILDER, dir, dir)),
  );
  for (const dir of wholeDirs)
    decisions.push({
      subject: dir,
      placement: 'runtime',
      why:
        dir === settings.extensionDir
          ? `the extensions the build compiled (${extensions.extensions.join(', ')}), copied as built`
          : dir === settings.apacheConfig
            ? "Apache's configuration as the build left it"
            : "PHP's configuration as the build left it (the ini files that load the extensions, php.ini)",
    });
  runtime.setup.push(...apache.nodes);
  if (!apache.copiedWhole) decisions.push(...apache.decisions);

  runtime.copies = [...appCopies, ...setup.nodes.filter(onAppFiles)];
  decisions.push(...addBuilderSideEffects(input, runtime));
  return convertedPlan(image, { runtime, builderInsertions: [], warnings, decisions });
}

/** A container that runs composer when it starts would need composer, git and the network in the runtime. */
function composerAtStart(input: PlanInput<PhpSettings>, scriptPrograms: readonly string[]): string | null {
  const command = readContainerCommand(input.facts).commands.find((c) =>
    classifyPhpCommand(c, input.settings).kind.startsWith('composer'),
  );
  if (command)
    return `the container runs composer when it starts ("${command.text.slice(0, 60)}"); the runtime leaves composer in the builder: run it in the build instead`;
  if (scriptPrograms.some((p) => /^composer(\.phar)?$/.test(p)))
    return "the container's start script runs composer, which the runtime leaves in the builder: run it in the build instead";
  return null;
}

/** What composer does in the build: dev dependencies are the original's choice, kept as they are. */
function composerDecisions(classified: Classified): Decision[] {
  const decisions: Decision[] = [];
  for (const { run, commands } of classified) {
    const install = commands.find((c) => c.kind === 'composer');
    if (install?.kind !== 'composer') continue;
    decisions.push({
      subject: `RUN (line ${run.instruction.line + 1})`,
      placement: 'builder',
      why: install.noDev
        ? `composer ${install.verb} writes vendor/ without the dev dependencies; the runtime copies it with the application`
        : `composer ${install.verb} writes vendor/, dev dependencies included as the original has them (msb does not add --no-dev: the app may load one at run time)`,
    });
  }
  return decisions;
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
