/** What planning reads and what a strategy's plan returns (the contract is src/languages/strategy.ts). */
import type { Detection, DetectInput } from '../detect/detect-types';
import type { MinSaving } from '../gates/min-saving';
import type { Profile } from '../profiles/profile-types';
import type { TemplateRenderer } from '../render/templates';
import type { ExtraStage, RuntimeStageModel, StageNode } from './stage-model';

export type { RuntimeStageModel } from './stage-model';

export interface ConvertOptions {
  /** Force a language profile instead of detecting one. */
  lang?: string;
  /** Build context directory (convertFile/detectFile: default the Dockerfile's folder; convertText/detectText: none, the Dockerfile alone). */
  context?: string;
  /** Name of the runtime stage. */
  runtimeStageName?: string;
  /** Language-specific choice of runtime family (`alpine`, `scratch`, `distroless`...). */
  runtime?: string;
  /** Runtime family per language id, used when `runtime` is not given (a config file's `runtime`). */
  runtimeByLanguage?: Readonly<Record<string, string>>;
  /** Emit a result msb believes is broken or not worth it, with the reasons as warnings (default: skip it). */
  force?: boolean;
  /** The smallest estimated saving worth a conversion (default DEFAULT_MIN_SAVING, src/gates/min-saving.ts). */
  minSaving?: MinSaving;
}

/**
 * What makes msb believe the converted image would not work: the core skips such a result with
 * the finding as its reason (src/gates), unless `force`. A warning is for a result msb still
 * believes works.
 */
export type BrokenKind =
  /** The program the container command runs is neither built, copied nor in the runtime image. */
  | 'command-target-missing'
  /** A program the command or HEALTHCHECK needs (a shell, curl, node) is not in the runtime image. */
  | 'program-missing'
  /** A COPY source does not exist in the builder or in the build context. */
  | 'copy-source-missing'
  /** The converted file has an error-level lint finding the original did not have. */
  | 'lint-error';

export interface BrokenFinding {
  kind: BrokenKind;
  message: string;
}

/** What the core hands a strategy's plan (with the profile's settings: PlanInput). */
export interface PlanContext extends DetectInput {
  profile: Profile;
  detection: Detection;
  options: ConvertOptions;
  templates: TemplateRenderer;
  /** The name the builder stage has (or will have). */
  builder: string;
  runtimeName: string;
}

export interface PlanInput<S> extends PlanContext {
  /** The profile's `settings`, validated against the strategy's schema. */
  settings: S;
}

/**
 * Lines msb adds to the builder stage (a venv before the first install, a build step at the end):
 * where, as a position in the stage, and what, as a template with its values and instructions.
 * The planner renders it (quoting the instructions like the runtime stage's) and turns it into a
 * text edit with the file's offsets, indentation and line endings.
 */
export interface BuilderInsertion {
  at: InsertionPoint;
  /** The template that lays the lines out (`templates/<name>.hbs`). */
  template: string;
  /** The template's values (constants, names, paths): each must be one line. */
  values: Record<string, string | boolean | null>;
  /** Instructions the template lays out as `instructions`, rendered and quoted by the core. */
  instructions: StageNode[];
  /** What the change does, for the list of changes. */
  reason: string;
}

/** After the FROM, at the end of the stage, or before instruction `index` of the stage (0 is its FROM). */
export type InsertionPoint =
  { kind: 'after-from' } | { kind: 'end' } | { kind: 'before'; index: number; aboveComments?: boolean };

export interface Decision {
  /** The original instruction (1-based line) or artifact the decision is about. */
  subject: string;
  placement: 'builder' | 'runtime' | 'both' | 'dropped' | 'added';
  why: string;
}

export type StrategyPlan =
  | { kind: 'skip'; reason: string; warnings?: string[] }
  | {
      kind: 'convert';
      runtime: RuntimeStageModel;
      /** Lines added to the builder stage (e.g. a venv before the first install). */
      builderInsertions: BuilderInsertion[];
      /** Extra stages between the builder and the runtime stage. */
      extraStages?: ExtraStage[];
      warnings: string[];
      /** Findings that the converted image would not work (see BrokenKind); the core gates on them. */
      broken?: BrokenFinding[];
      decisions: Decision[];
      /** Runtime base image as written in the new FROM, for size estimates. */
      runtimeImage: string;
      /**
       * Container paths the runtime stage copies only because the original image had them there
       * (a committed `.env`): the lint of the result treats them as carried over, not introduced.
       */
      carried?: string[];
    };
