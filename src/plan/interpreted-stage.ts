/**
 * The interpreted archetype's runtime stage (a dependency environment plus the application's
 * files): the original's run-time instructions on the runtime image, the environment's folders
 * copied whole from the builder, the application's files without what lands in those folders or
 * comes from a build tool's image the container does not run, the runtime's packages and users,
 * and what build steps left behind. The language supplies what differs: its folders, its tools'
 * images, its dependencies, and what it says about them.
 */
import type { ShellCommand } from '../analyze/shell-commands';
import type { RunFacts, StageFacts } from '../analyze/stage-facts';
import { isShellScript } from '../analyze/programs';
import type { Decision, PlanContext } from './plan-types';
import { addBuilderSideEffects, runtimeSetup, type PackageTarget } from './runtime-setup';
import { applicationFileCopies, baseRuntimeModel, isWithin } from './runtime-stage';
import { BUILDER, copy, type RuntimeStageModel } from './stage-model';
import { withoutToolCopies, type ToolFreeFiles, type ToolImage } from './tool-images';

export interface InterpretedStage {
  /** The runtime stage's comment. */
  comment: string;
  /** The environment's folders, copied whole before the application's files. */
  environment: readonly string[];
  /** Destinations the application's copies leave out; by default those in the environment's folders. */
  exclude?: (dest: string) => boolean;
  /** Build tools' images (`COPY --from=`) and what a copy from one brings, for its decision. */
  tools?: { images: readonly ToolImage[]; why: (tool: ToolImage, from: string) => string };
  /** The runtime's packages: the profile's template that installs them and the application's declared dependencies. */
  packages: Pick<PackageTarget, 'template' | 'dependencies'>;
  /**
   * What the language says about its environment, in order: decisions before and after those about
   * the application's files, warnings, and a reason to skip checked after the files' own.
   */
  said?: { before?: Decision[]; after?: Decision[]; warnings?: string[]; problem?: string | null };
}

export type PlannedStage =
  | { problem: string }
  | {
      runtime: RuntimeStageModel;
      warnings: string[];
      decisions: Decision[];
      /** The texts of the COPY instructions from tool images left in the builder. */
      dropped: ReadonlySet<string>;
    };

export function interpretedStage(input: PlanContext, image: string, stage: InterpretedStage): PlannedStage {
  const { facts } = input;
  const runtime = baseRuntimeModel(facts, image, [stage.comment]);
  const exclude = stage.exclude ?? ((dest) => stage.environment.some((folder) => isWithin(dest, folder)));
  const app = applicationFiles(input, exclude, stage.tools);
  if ('problem' in app) return app;
  runtime.copies = [...stage.environment.map((folder) => copy(BUILDER, folder, folder)), ...app.copies];
  if (stage.said?.problem) return { problem: stage.said.problem };
  const setup = runtimeSetup(input, {
    ...stage.packages,
    image,
    slimmer: image !== facts.from.text,
  });
  if ('problem' in setup) return setup;
  runtime.setup.push(...setup.nodes);
  const decisions = [
    ...(stage.said?.before ?? []),
    ...app.decisions,
    ...(stage.said?.after ?? []),
    ...setup.decisions,
  ];
  decisions.push(...addBuilderSideEffects(input, runtime));
  return {
    runtime,
    warnings: [...(stage.said?.warnings ?? []), ...setup.warnings],
    decisions,
    dropped: app.dropped,
  };
}

/**
 * The application files (applicationFileCopies) without those `exclude` leaves out and without the
 * copies from tool images the container does not run.
 */
export function applicationFiles(
  input: PlanContext,
  exclude: (dest: string) => boolean,
  tools: InterpretedStage['tools'],
): ToolFreeFiles | { problem: string } {
  const files = applicationFileCopies(input.facts, BUILDER, exclude, input.context);
  if (files.problem) return { problem: files.problem };
  return withoutToolCopies(files, input.facts, tools?.images ?? [], tools?.why ?? (() => ''));
}

/**
 * When no install was found: a RUN that runs a script msb cannot read (`./install.sh`; the
 * language may count more, such as `make deps`) may install the dependencies.
 */
export function scriptInstall(
  facts: StageFacts,
  what: string,
  runsScript: (command: ShellCommand) => boolean = (c) => isShellScript(c.words[0] ?? ''),
): string | null {
  const script = facts.runs.find((r) => r.commands.some(runsScript));
  return script
    ? `${what} may be installed by a script (line ${script.instruction.line + 1}: ${script.instruction.text.split(/\r?\n/)[0].slice(0, 80)}) that msb cannot read`
    : null;
}

/** Decisions on the RUNs that are build steps (tests, asset builds): the first kind with a reason says why. */
export function buildStepDecisions<K extends string>(
  classified: readonly { run: RunFacts; kinds: readonly K[] }[],
  reasons: Partial<Record<K, string>>,
): Decision[] {
  return classified.flatMap(({ run, kinds }) => {
    const why = kinds.map((k) => reasons[k]).find(Boolean);
    return why
      ? [{ subject: `RUN (line ${run.instruction.line + 1})`, placement: 'builder' as const, why }]
      : [];
  });
}

/** With no ENTRYPOINT or CMD, compose or the platform supplies the command; `keeps` says what the runtime keeps for it. */
export function noCommandDecisions(facts: StageFacts, keeps: string): Decision[] {
  if (facts.entrypoint || facts.cmd) return [];
  return [
    {
      subject: 'CMD',
      placement: 'runtime',
      why: `the original has no command (compose or the platform supplies it); the runtime keeps ${keeps}`,
    },
  ];
}
