/** The contract between the core planner and the language strategies. */
import type { BuildContext } from '../context/build-context';
import type { ParsedDockerfile } from '../parse/parse-dockerfile';
import type { StageFacts } from '../analyze/stage-facts';
import type { Profile } from '../profiles/profile-types';
import type { TemplateRenderer } from '../render/templates';
import type { ExtraStage, RuntimeStageModel, StageNode } from './stage-model';

export type { RuntimeStageModel } from './stage-model';

export interface Evidence {
  kind: 'file' | 'base-image' | 'command' | 'manifest' | 'override';
  detail: string;
  weight: number;
}

export interface LanguageDetails {
  framework?: string;
  packageManager?: string;
  /** Anything else worth reporting (build script, output directory, module path...). */
  facts?: Record<string, string>;
  evidence?: Evidence[];
}

export interface Candidate {
  language: string;
  confidence: number;
  priority: number;
  evidence: Evidence[];
}

export interface Detection {
  /** Profile id, or null when nothing matched well enough. */
  language: string | null;
  confidence: number;
  framework: string | null;
  packageManager: string | null;
  facts: Record<string, string>;
  evidence: Evidence[];
  /** Every profile that matched anything, best first. */
  candidates: Candidate[];
  /** True when the user chose the language (`--lang`). */
  overridden: boolean;
}

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
}

export interface DetectInput {
  dockerfile: ParsedDockerfile;
  /** Facts of the final stage (the only stage of a single-stage file). */
  facts: StageFacts;
  context: BuildContext;
}

export interface PlanInput extends DetectInput {
  profile: Profile;
  detection: Detection;
  options: ConvertOptions;
  templates: TemplateRenderer;
  /** The name the builder stage has (or will have). */
  builder: string;
  runtimeName: string;
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
export type InsertionPoint = { kind: 'after-from' } | { kind: 'end' } | { kind: 'before'; index: number; aboveComments?: boolean };

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
      decisions: Decision[];
      /** Runtime base image as written in the new FROM, for size estimates. */
      runtimeImage: string;
      /**
       * Container paths the runtime stage copies only because the original image had them there
       * (a committed `.env`): the lint of the result treats them as carried over, not introduced.
       */
      carried?: string[];
    };

export interface LanguageStrategy {
  id: string;
  /** JSON schema for the profile's `settings`, or null when the strategy takes none. */
  settingsSchema: object | null;
  /** Framework, package manager and other details once the language is known. */
  describe(input: DetectInput, profile: Profile): LanguageDetails;
  plan(input: PlanInput): StrategyPlan;
}
