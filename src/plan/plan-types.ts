/** What planning reads and what a strategy's plan returns (the contract is src/languages/strategy.ts). */
import type { Detection, DetectInput } from '../detect/detect-types';
import type { TextEdit } from '../edit/text-edits';
import type { Profile } from '../profiles/profile-types';
import type { TemplateRenderer } from '../render/templates';

export interface ConvertOptions {
  /** Force a language profile instead of detecting one. */
  lang?: string;
  /** Build context directory (defaults to the Dockerfile's directory). */
  context?: string;
  /** Name of the runtime stage. */
  runtimeStageName?: string;
  /** Language-specific choice of runtime family (`alpine`, `scratch`, `distroless`...). */
  runtime?: string;
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

/** The runtime stage as data; `templates/runtime-stage.hbs` lays it out. Lines are instruction texts. */
export interface RuntimeStageModel {
  comment: string[];
  from: string;
  args: string[];
  shell: string | null;
  env: string[];
  setup: string[];
  workdir: string | null;
  copies: string[];
  user: string | null;
  metadata: string[];
  command: string[];
}

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
      /** Extra edits inside the builder stage (e.g. a venv before the first install). */
      builderEdits: TextEdit[];
      /** Extra stages rendered between the builder and the runtime stage. */
      extraStages?: string[];
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
