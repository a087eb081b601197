/**
 * The artifact archetype's planner: a binary, a jar or a publish folder built in the builder and
 * copied onto a runtime image without the toolchain. Every such language runs this one sequence,
 * so the same project shape is planned — and explained — the same way:
 *
 *   Windows skip → builds and the command (start-up builds moved) → runtime choice → runtime
 *   stage (base, ENV, what the runtime lacks) → user → artifacts, runtime files, `COPY --from=<image>`
 *   → missing programs → no-command decision.
 *
 * A strategy supplies its profile data and hooks for what is tool-specific: reading its builds
 * and command, choosing its runtime, what that runtime lacks, which files the program reads.
 * A hook returns a string to skip the conversion with that reason.
 */
import { posix as path } from 'path';
import { Type, type Static } from '@sinclair/typebox';
import { MsbError } from '../errors';
import type { StageFacts } from '../analyze/stage-facts';
import type { CommandProgram } from './artifact-command';
import { noCommandDecisions } from './artifact-command';
import { artifactRuntimeFiles, imageCopies, runtimeFileCopies } from './artifact-files';
import type { ContextPaths } from './context-paths';
import type { Profile } from '../profiles/profile-types';
import { regexString, stringList } from '../profiles/settings-schema';
import { FileUse, settleRuntimeFiles, SettledRuntimeFiles } from './settle-runtime-files';
import { unreplayableSetupRun } from './builder-side-effects';
import { builderSteps } from './builder-steps';
import { composeStartFindings } from './compose-start';
import type { ContextProgram } from './context-programs';
import { missingCommandTargets, missingHealthcheckPrograms, unrunnableScript } from './missing-programs';
import type { BrokenFinding, BuilderInsertion, Decision, PlanContext, StrategyPlan } from './plan-types';
import type { RootEvidenceRules } from './root-evidence';
import { artifactUser } from './root-user';
import type { RuntimeFile } from './runtime-files';
import { baseRuntimeModel, isWithin, runtimeEnv } from './runtime-stage';
import { runtimeUser, RuntimeUserSupport } from './runtime-users';
import { BUILDER, copy, RuntimeStageModel, StageNode } from './stage-model';
import { windowsStage } from './windows-stage';

/** What the runtime copies from the builder: a binary, a jar, a publish folder. */
export interface ArtifactCopy {
  from: string;
  to: string;
  why: string;
  /** The owner the original gave it (`COPY --chown`), mapped to the runtime's users; null: none. */
  chown: string | null;
}

/** What the builds and the container command say (the `build` hook). */
export interface ArtifactBuild {
  /** In the order the runtime copies them. */
  artifacts: ArtifactCopy[];
  /** The runtime's ENTRYPOINT/CMD; none: the original's as written. */
  command?: StageNode[];
  /** The programs the command starts, each with the built binary it is (checked against the runtime). */
  programs?: readonly CommandProgram[];
  /** Programs it starts that a COPY brought from the build context: copied like the artifacts. */
  committed?: readonly ContextProgram[];
  /** The command needs a shell: its own syntax, or a committed script's interpreter. */
  needsShell?: boolean;
  /** Builds the container did at start-up, now builder RUNs (under the profile's `startupBuild` comment). */
  startup?: { runs: StageNode[]; title?: string } | null;
  /** Other builder lines, laid out before the start-up builds. */
  builderInsertions?: BuilderInsertion[];
  /** The build tool's test command the builder runs, if any (the runtime does not need the tests). */
  tests?: string | null;
  warnings: string[];
  decisions: Decision[];
}

/** The runtime the `runtime` hook chose. */
export interface ArtifactRuntime {
  image: string;
  /** What the image has: users and their tools, a shell, commands. */
  support: RuntimeUserSupport & { shell: boolean; commands: readonly string[] };
  /** The kind of artifact it runs: the key of the profile's runtime stage comment (`comments`). */
  kind: string;
  /** Said of the new FROM. */
  notes: string[];
  warnings: string[];
  broken: BrokenFinding[];
}

/** What the runtime image lacks and gets (the `stage` hook): CA bundle, libraries, variables, a WORKDIR. */
export interface RuntimeNeeds {
  /** Laid out before every other COPY. */
  copies?: StageNode[];
  /** Laid out after the start-up builds. */
  builderInsertions?: BuilderInsertion[];
  warnings?: string[];
  decisions?: Decision[];
}

/**
 * The files the program reads at run time (the `files` hook): those the COPYs bring in (found by
 * src/plan/runtime-files.ts) and those the command names as arguments, settled against secrets and
 * git (src/plan/settle-runtime-files.ts), then copied after the artifacts.
 */
export interface ArtifactFileRules {
  found: readonly RuntimeFile[];
  /** The command's file arguments count too (default true). */
  commandArguments?: boolean;
  /** Where relative arguments start (default the stage's WORKDIR). */
  workdir?: string;
  /** A context folder holding source files is a build input, not a file the command reads. */
  isSource(file: string): boolean;
  useOf(contextPath: string): FileUse;
  /**
   * A copied folder holding an artifact at its own path is copied and brings the artifact; by
   * default the folder is left out and the artifact copied alone.
   */
  foldersHoldArtifacts?: boolean;
  /** Copied after the files (a certificate store the build made), with what is said of it. */
  extra?: { copies: StageNode[]; decisions: Decision[] };
}

/** What a program run as root becomes on a `:nonroot` image (src/plan/root-user.ts). */
export type RootRule =
  /** The image's user: the runtime image decides. */
  | { kind: 'image' }
  /** Keep USER root unless msb read the code and found no need (null: it cannot read it). */
  | { kind: 'evidence'; rules: RootEvidenceRules | null };

/** Which programs the runtime has, for the broken findings of the command and the HEALTHCHECK. */
export interface PresentPrograms {
  /** The command's programs that are not built binaries; null: not checked. */
  command?: ((program: string) => boolean) | null;
  /** The HEALTHCHECK's programs; null: not checked (the runtime can install them). */
  healthcheck?: ((program: string) => boolean) | null;
  /** Whether the HEALTHCHECK's shell form can run; undefined: not checked. */
  healthcheckShell?: boolean;
}

export interface ArtifactHooks<B extends ArtifactBuild, R extends ArtifactRuntime> {
  /** Windows images are skipped (the language has Windows images msb cannot plan). */
  windows?: boolean;
  /** ENV names that only steer the build: left in the builder. */
  buildOnlyEnv?: readonly string[];
  build(): B | string;
  runtime(build: B): R | string;
  /** Changes to the runtime stage the language knows of, and what the image lacks. */
  stage?(model: RuntimeStageModel, build: B, runtime: R): RuntimeNeeds | string;
  /** `facts`: the stage as the runtime's user rules read it (variables the runtime image sets). */
  user: { rule: RootRule; facts?(runtime: R): StageFacts };
  files(build: B, runtime: R): ArtifactFileRules | string;
  /** What the runtime has; none: neither the command nor the HEALTHCHECK is checked. */
  present?(build: B, runtime: R, files: readonly RuntimeFile[]): PresentPrograms;
  /** Warnings on the finished stage (settings the command names that the runtime differs in). */
  finish?(model: RuntimeStageModel, build: B): string[];
}

/** The planner's wording a profile gives (`settings.stage` in its YAML). */
export const artifactStageSchema = Type.Object(
  {
    /** The runtime stage's header comment per kind of artifact (ArtifactRuntime.kind). */
    comments: Type.Record(Type.String(), Type.String({ minLength: 1 }), { minProperties: 1 }),
    /** The builder comment over a build the container did at start-up. */
    startupBuild: Type.String({ minLength: 1 }),
    /** Said of the new FROM for a kind of artifact, after the runtime choice's own notes. */
    notes: Type.Optional(Type.Record(Type.String(), Type.String({ minLength: 1 }))),
  },
  { additionalProperties: false },
);

/** Settings every artifact profile has: the planner's wording and the rules of src/plan/runtime-files.ts. */
export const artifactSettingsProperties = {
  stage: artifactStageSchema,
  runtimeFiles: stringList,
  runtimeDirs: stringList,
  /** Calls that name a folder read at run time (src/plan/served-dirs.ts): regular expressions, group 1 the folder. */
  servedDirCalls: Type.Optional(Type.Array(regexString)),
  notRuntimeFiles: stringList,
};

/** What the planner reads of the plan input, with the context paths and the profile's builder-steps template. */
export type ArtifactPlanInput = Pick<PlanContext, 'facts' | 'context' | 'dockerfile'> & {
  profile: Pick<Profile, 'name'>;
  settings: { stage: Static<typeof artifactStageSchema> };
  paths: ContextPaths;
  builderSteps: string;
};

export function planArtifact<B extends ArtifactBuild, R extends ArtifactRuntime>(
  input: ArtifactPlanInput,
  hooks: ArtifactHooks<B, R>,
): StrategyPlan {
  const { facts, context } = input;
  const windows = hooks.windows ? windowsStage(facts, input.profile.name) : null;
  if (windows) return { kind: 'skip', reason: windows };

  const build = hooks.build();
  if (typeof build === 'string') return { kind: 'skip', reason: build };
  const runtime = hooks.runtime(build);
  if (typeof runtime === 'string') return { kind: 'skip', reason: runtime };
  const { image } = runtime;
  const committed = build.committed ?? [];
  const unrunnable = unrunnableScript(committed, runtime.support.commands, image);
  if (unrunnable) return { kind: 'skip', reason: unrunnable };
  const kindNote = input.settings.stage.notes?.[runtime.kind];
  const warnings = [...build.warnings, ...runtime.warnings];
  const decisions = [
    ...build.decisions,
    ...[...runtime.notes, ...(kindNote ? [kindNote] : [])].map((why): Decision => ({
      subject: 'FROM',
      placement: 'added',
      why,
    })),
  ];

  const comment = input.settings.stage.comments[runtime.kind];
  if (comment === undefined)
    throw new MsbError('invalid-profile', `settings.stage.comments: no comment for "${runtime.kind}"`);
  const model = baseRuntimeModel(facts, image, [comment]);
  const env = runtimeEnv(facts, hooks.buildOnlyEnv ?? []);
  model.env = env.env;
  decisions.push(...env.decisions);
  if (build.command) model.command = build.command;
  const needs = hooks.stage?.(model, build, runtime) ?? {};
  if (typeof needs === 'string') return { kind: 'skip', reason: needs };
  warnings.push(...(needs.warnings ?? []));
  decisions.push(...(needs.decisions ?? []));
  if (build.tests)
    decisions.push({
      subject: build.tests,
      placement: 'builder',
      why: 'tests run in the builder; the runtime does not need them',
    });

  const userFacts = hooks.user.facts?.(runtime) ?? facts;
  const rule = hooks.user.rule;
  const user =
    rule.kind === 'image'
      ? runtimeUser(userFacts, runtime.support)
      : artifactUser(userFacts, context, runtime.support, rule.rules);
  warnings.push(...user.warnings);
  decisions.push(...user.decisions);
  model.user = user.user;
  model.setup.push(...user.setup);

  const rules = hooks.files(build, runtime);
  if (typeof rules === 'string') return { kind: 'skip', reason: rules };
  const artifacts = copiedArtifacts(build.artifacts, committed);
  const files = runtimeFiles(input, rules, artifacts);
  // A replayed setup RUN must not change what only the builder has (a tool unpacked into /opt).
  const copiedHere = (p: string) =>
    artifacts.some((a) => isWithin(p, a.to)) || files.files.some((f) => isWithin(p, f.path));
  const unreplayable = user.setup.some((n) => n.kind === 'original')
    ? unreplayableSetupRun(facts, copiedHere)
    : undefined;
  if (unreplayable) return { kind: 'skip', reason: unreplayable };
  const copies: StageNode[] = [...(needs.copies ?? []), ...user.copies];
  for (const artifact of artifacts) {
    if (rules.foldersHoldArtifacts && files.files.some((f) => heldBy(artifact, f))) continue;
    copies.push(copy(BUILDER, artifact.from, artifact.to, { chown: user.owner(artifact.chown) }));
    decisions.push({ subject: artifact.to, placement: 'runtime', why: artifact.why });
  }
  const fileCopies = runtimeFileCopies(files.files, user.owner);
  copies.push(...fileCopies.copies, ...(rules.extra?.copies ?? []), ...imageCopies(facts));
  model.copies = copies;
  warnings.push(...files.warnings, ...(hooks.finish?.(model, build) ?? []));
  decisions.push(...files.decisions, ...fileCopies.decisions, ...(rules.extra?.decisions ?? []));
  for (const replayed of facts.copies.filter((c) => c.spec.from !== null))
    decisions.push({
      subject: `${replayed.instruction.keyword} (line ${replayed.instruction.line + 1})`,
      placement: 'both',
      why: `copies from the image ${replayed.spec.from}, replayed as written`,
    });
  decisions.push(...noCommandDecisions(facts));

  const present = hooks.present?.(build, runtime, files.files);
  const broken = [...runtime.broken];
  const has = present?.command;
  if (has) {
    broken.push(...missingCommandTargets(build.programs ?? [], image, has));
    // A command compose gives the image is checked the same way (what the runtime copies counts).
    const copied = artifacts.map((a) => a.to);
    const runs = (p: string) => copiedProgram(p, facts.workdir, copied, files.files) || has(p);
    broken.push(...composeStartFindings(input, image, runs));
  }
  if (present?.healthcheck)
    broken.push(...missingHealthcheckPrograms(facts, image, present.healthcheck, present.healthcheckShell));

  const builderInsertions = [...(build.builderInsertions ?? [])];
  if (build.startup)
    builderInsertions.push(
      builderSteps(
        input.builderSteps,
        facts,
        input.settings.stage.startupBuild,
        build.startup.runs,
        build.startup.title,
      ),
    );
  builderInsertions.push(...(needs.builderInsertions ?? []));
  return {
    kind: 'convert',
    runtime: model,
    builderInsertions,
    warnings,
    broken,
    decisions,
    runtimeImage: image,
    carried: files.carried,
  };
}

/** The artifacts, then the committed programs the command runs, each once. */
function copiedArtifacts(
  artifacts: readonly ArtifactCopy[],
  committed: readonly ContextProgram[],
): (ArtifactCopy & { committed?: true })[] {
  const programs = committed.map((c): ArtifactCopy & { committed: true } => ({
    committed: true,
    from: c.path,
    to: c.path,
    chown: null,
    why: `the container runs it, and a COPY brought it from the build context (committed, not built)${c.interpreter ? `: a ${c.interpreter} script` : ''}`,
  }));
  return [...artifacts, ...programs].filter(
    (a, i, list) => list.findIndex((o) => o.from === a.from && o.to === a.to) === i,
  );
}

/** The folder copy brings the artifact to the path it is at in the builder. */
function heldBy(artifact: ArtifactCopy, file: RuntimeFile): boolean {
  return artifact.from === artifact.to && isWithin(artifact.from, file.path);
}

/**
 * The runtime files, settled, without those the artifacts' copies bring: the same path, or (unless
 * folders hold artifacts) a folder that holds an artifact.
 */
function runtimeFiles(
  input: ArtifactPlanInput,
  rules: ArtifactFileRules,
  artifacts: readonly (ArtifactCopy & { committed?: true })[],
): SettledRuntimeFiles {
  const { facts, paths, context } = input;
  const built = artifacts.filter((a) => !a.committed);
  const settled =
    rules.commandArguments === false
      ? settleRuntimeFiles(rules.found, paths, context, rules.useOf)
      : artifactRuntimeFiles(facts, paths, context, rules.found, {
          workdir: rules.workdir ?? facts.workdir,
          artifacts: artifacts.flatMap((a) => [a.to, a.from]),
          isSource: rules.isSource,
          useOf: rules.useOf,
        });
  const kept = settled.files.filter((f) =>
    rules.foldersHoldArtifacts
      ? !artifacts.some((a) => a.to === f.path || a.from === f.path)
      : !built.some((a) => isWithin(a.from, f.path) || isWithin(a.to, f.path)),
  );
  return { ...settled, files: kept };
}

/** A program named by path or by name, among copied artifacts and folders (`workdir` resolves a relative path). */
export function copiedProgram(
  program: string,
  workdir: string,
  artifacts: readonly string[],
  files: readonly RuntimeFile[],
): boolean {
  const absolute = path.resolve(workdir, program);
  return (
    artifacts.some((a) => a === absolute || path.basename(a) === program) ||
    files.some((f) => isWithin(absolute, f.path))
  );
}
