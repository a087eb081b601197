/**
 * The interpreted archetype's plan: a dependency environment (a virtual environment, a bundle,
 * vendor/ and compiled extensions) plus the application's files. Every such language runs the
 * same sequence — installs at start, the runtime image, the environment and how the builder
 * installs it, an install hidden in a script, the build steps, the application's files, the
 * runtime's packages and users, what build steps left behind, the container command — and
 * explains it in that order. The profile's `interpreted` settings hold the wording that differs;
 * the language's hooks (InterpretedLanguage) hold what is tool-specific.
 */
import { Type, type Static } from '@sinclair/typebox';
import { commandLines } from '../analyze/container-command';
import type { ShellCommand } from '../analyze/shell-commands';
import type { RunFacts } from '../analyze/stage-facts';
import type { PackageManagerName } from '../profiles/profile-types';
import { chooseRuntimeImage, globalArgValues } from './base-image';
import { convertedPlan } from './converted-plan';
import { installAtStart } from './install-at-start';
import {
  applicationFiles,
  buildStepDecisions,
  coveredCopyDecisions,
  noCommandDecisions,
  scriptInstall,
} from './interpreted-stage';
import type { BuilderInsertion, Decision, PlanContext, StrategyPlan } from './plan-types';
import { addBuilderSideEffects, runtimeSetup } from './runtime-setup';
import { baseRuntimeModel, isWithin, runtimeCommands } from './runtime-stage';
import {
  BUILDER,
  commandSpec,
  containerCommand,
  copy,
  original,
  type CommandSpec,
  type ExtraStage,
  type StageNode,
  type StageRef,
} from './stage-model';
import type { StartCommand } from './start-command';
import type { ToolImage } from './tool-images';

/** The profile's `settings.interpreted`: what the sequence says and checks, per language. */
export const interpretedSchema = Type.Object(
  {
    /** The runtime stage's comment. */
    stageComment: Type.String(),
    /**
     * The reasons to skip when the container installs at start (`{source}`, `{file}`, `{command}`);
     * unset: the language checks it before planning (Node reads the start through package.json scripts).
     */
    installAtStart: Type.Optional(
      Type.Object(
        { command: Type.String(), script: Type.Optional(Type.String()) },
        { additionalProperties: false },
      ),
    ),
    /** What a script msb cannot read may install when the build shows no install (unset: not checked). */
    scriptInstalls: Type.Optional(Type.String()),
    /** A kind of build step (the language's classification) → why it stays in the builder (`{field}`: the command's). */
    buildSteps: Type.Optional(Type.Record(Type.String(), Type.String())),
    /** What the runtime keeps for a command others supply (no CMD or ENTRYPOINT); unset: not said. */
    withoutCommand: Type.Optional(Type.String()),
    /** Said instead when a compose service supplies the command (`{source}`, `{command}`); unset: not said. */
    composeCommand: Type.Optional(Type.String()),
    /** The runtime is the builder's own image: nothing the build's image had is missing from it. */
    sameImage: Type.Optional(Type.Boolean()),
    /** Replayed setup that names a folder of the application's files runs after their copies. */
    setupAfterFiles: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export type InterpretedData = Static<typeof interpretedSchema>;

/** A RUN and what the language makes of each of its commands. */
export interface ClassifiedRun<C> {
  run: RunFacts;
  commands: C[];
}

/** The dependency environment as the language plans it. */
export interface DependencyEnvironment {
  /**
   * Folders copied whole from the builder, before the application's files, and what each holds:
   * one inside the application folder (or another of them) comes with it.
   */
  folders: readonly { path: string; holds: string }[];
  /** The stage the application's files are copied from (default: the builder), and the stages msb adds. */
  source?: StageRef;
  stages?: ExtraStage[];
  /** Copies after the application's files (an install outside them, a build's output laid over them). */
  afterFiles?: StageNode[];
  /** Lines right after the runtime's package install (global tools the container runs). */
  afterPackages?: StageNode[];
  /** Where a replayed setup RUN goes instead: after the application's copies, or nowhere (the decision says why). */
  replayed?: (text: string) => 'after-files' | Decision | undefined;
  /** Folders whose content the application's copies leave out (default: the copied `folders`). */
  covers?: readonly string[];
  /** A COPY destination as the runtime sees it (an image's variable filled in), for `covers`. */
  resolve?: (dest: string) => string;
  /** Lines added to the builder (the venv, a cleanup after the last install). */
  insertions?: BuilderInsertion[];
  /** The runtime's lines after its packages (configuration copied or replayed as built). */
  setup?: StageNode[];
  /** The ENV that puts the environment on PATH, before the original's. */
  env?: StageNode | null;
  /** An ENV after the original's (variables a replaced command reads). */
  envAfter?: StageNode;
  /** Libraries the language chose itself (runtimeSetup's `libraries`). */
  libraries?: { manager: PackageManagerName; names: readonly string[] };
  /** The container command as the runtime runs it, and why when it changed. */
  command?: (
    written: CommandSpec,
    dropped: ReadonlySet<string>,
    keyword: string,
  ) => { command: CommandSpec; why?: string };
  decisions?: Decision[];
  warnings?: string[];
}

export interface InterpretedLanguage<C extends { kind: string }> {
  data: InterpretedData;
  /** The profile's template that installs the runtime's packages (the strategy declares it). */
  packagesTemplate: string;
  /** Images build tools are copied from: such copies stay in the builder unless the container runs the tool. */
  toolImages?: readonly ToolImage[];
  /** What a command means to the language (unset: it read the build itself, and the hooks get no commands). */
  classify?: (command: ShellCommand, workdir: string) => C;
  /** Commands that install when the container starts them (with `data.installAtStart`). */
  installsAtStart?: (command: C) => boolean;
  /** Commands that install the dependencies in the build (none: a script may, `data.scriptInstalls`). */
  installs?: (command: C) => boolean;
  /** Commands that may run such a script (default: a shell script named by its path). */
  runsScript?: (command: ShellCommand) => boolean;
  /** What the container runs as the language reads it (default: startCommand), for `data.composeCommand`. */
  start?: StartCommand;
  /** A reason to skip found before the runtime image is chosen (a manifest msb cannot read). */
  check?(): string | null;
  environment(classified: readonly ClassifiedRun<C>[]): DependencyEnvironment | { problem: string };
  /** The application's declared dependencies (the profile's `dependencyLibraries`) on that image. */
  dependencies?(
    image: string,
    classified: readonly ClassifiedRun<C>[],
  ): { names: readonly string[] } | { problem: string };
  /** Warnings on build steps, after the others. */
  buildWarnings?(classified: readonly ClassifiedRun<C>[]): string[];
}

export function planInterpreted<C extends { kind: string }>(
  input: PlanContext,
  language: InterpretedLanguage<C>,
): StrategyPlan {
  const { facts, profile } = input;
  const data = language.data;
  const skip = (reason: string): StrategyPlan => ({ kind: 'skip', reason });

  const { classify, installs, installsAtStart } = language;
  const atStart =
    data.installAtStart && classify && installsAtStart
      ? installAtStart(input, (c) => installsAtStart(classify(c, facts.workdir)), data.installAtStart)
      : null;
  if (atStart) return skip(atStart);
  const early = language.check?.() ?? null;
  if (early) return skip(early);
  const image = chooseRuntimeImage(
    facts.from,
    profile,
    globalArgValues(input.dockerfile),
    runtimeCommands(facts),
  );
  if (!image.ok) return skip(image.reason);

  const classified = facts.runs.map((run) => ({
    run,
    commands: classify ? run.commands.map((c) => classify(c, run.workdir)) : [],
  }));
  const environment = language.environment(classified);
  if ('problem' in environment) return skip(environment.problem);
  const installed = installs !== undefined && classified.some((c) => c.commands.some(installs));
  if (data.scriptInstalls !== undefined && !installed) {
    const script = scriptInstall(facts, data.scriptInstalls, language.runsScript);
    if (script) return skip(script);
  }

  const folders = environmentFolders(environment.folders, facts.workdir);
  const resolve = environment.resolve ?? ((dest: string) => dest);
  const covering = (dest: string) =>
    (environment.covers ?? folders.copied).find((folder) => isWithin(resolve(dest), folder));
  const app = applicationFiles(
    input,
    (dest) => covering(dest) !== undefined,
    language.toolImages ?? [],
    environment.source,
  );
  if ('problem' in app) return skip(app.problem);
  const dependencies = language.dependencies?.(image.image, classified) ?? { names: [] };
  if ('problem' in dependencies) return skip(dependencies.problem);
  const setup = runtimeSetup(input, {
    template: language.packagesTemplate,
    image: image.image,
    slimmer: !data.sameImage && image.image !== facts.from.text,
    dependencies: dependencies.names,
    libraries: environment.libraries,
  });
  if ('problem' in setup) return skip(setup.problem);

  const runtime = baseRuntimeModel(facts, image.image, [data.stageComment]);
  if (environment.env) runtime.env.unshift(environment.env);
  if (environment.envAfter) runtime.env.push(environment.envAfter);
  // A replayed chown/mkdir of the application's own folders (Laravel's storage/) needs them copied first.
  const appDests = app.copies.flatMap((c) => (c.kind === 'copy' ? [c.dest] : []));
  const onAppFiles = (node: StageNode) =>
    data.setupAfterFiles === true &&
    node.kind === 'original' &&
    appDests.some((dest) => dest !== '/' && node.text.includes(`${dest}/`));
  const replayed = setup.nodes.map((node) => ({
    node,
    place: onAppFiles(node)
      ? ('after-files' as const)
      : node.kind === 'original'
        ? environment.replayed?.(node.text)
        : undefined,
  }));
  const stays = replayed.flatMap(({ node, place }) => (place === undefined ? [node] : []));
  runtime.setup.push(
    ...stays.filter((node) => node.kind === 'fragment'),
    ...(environment.afterPackages ?? []),
    ...stays.filter((node) => node.kind !== 'fragment'),
    ...(environment.setup ?? []),
  );
  runtime.copies = [
    ...folders.copied.map((folder) => copy(BUILDER, folder, folder)),
    ...app.copies,
    ...(environment.afterFiles ?? []),
    ...replayed.flatMap(({ node, place }) => (place === 'after-files' ? [node] : [])),
  ];
  const sideEffects = addBuilderSideEffects(input, runtime);
  if (typeof sideEffects === 'string') return skip(sideEffects);
  const commandDecisions: Decision[] = [];
  const inEnvironment = environment.command;
  if (inEnvironment)
    runtime.command = commandLines(facts).map((line) => {
      const written = commandSpec(line.form);
      const { command, why } = inEnvironment(written, app.dropped, line.keyword);
      if (why) commandDecisions.push({ subject: line.keyword, placement: 'runtime', why });
      return JSON.stringify(command) === JSON.stringify(written)
        ? original(line.instruction)
        : containerCommand(line.keyword, command);
    });

  const decisions = [
    ...folders.decisions,
    ...(environment.decisions ?? []),
    ...buildStepDecisions(classified, data.buildSteps ?? {}),
    ...coveredCopyDecisions(facts, app.decisions, covering),
    ...setup.decisions,
    ...replayed.flatMap(({ place }) => (typeof place === 'object' ? [place] : [])),
    ...sideEffects,
    ...commandDecisions,
    ...noCommandDecisions(input, data, language.start),
  ];
  const warnings = [
    ...image.warnings,
    ...(environment.warnings ?? []),
    ...setup.warnings,
    ...(language.buildWarnings?.(classified) ?? []),
  ];
  return convertedPlan(image, {
    runtime,
    builderInsertions: environment.insertions ?? [],
    extraStages: environment.stages,
    warnings,
    decisions,
  });
}

/** The environment's folders, each once: one inside the application folder comes with it. */
function environmentFolders(
  folders: DependencyEnvironment['folders'],
  workdir: string,
): { copied: string[]; decisions: Decision[] } {
  const copied: string[] = [];
  const decisions: Decision[] = [];
  for (const { path, holds } of folders) {
    if (copied.some((folder) => isWithin(path, folder))) continue;
    const inApp = workdir !== '/' && isWithin(path, workdir);
    if (!inApp) copied.push(path);
    decisions.push({
      subject: path,
      placement: 'runtime',
      why: inApp ? `${holds}; it comes with the application folder` : holds,
    });
  }
  return { copied, decisions };
}
