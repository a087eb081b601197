/**
 * The contract between the core and a language strategy. Each folder `src/languages/<id>/`
 * exports `strategy = defineStrategy({...})`; the registry (./registry.ts) finds them by listing
 * the folder, so no core file names a language.
 *
 * A strategy is generic in its settings S (typed from its one TypeBox schema) and in what it
 * reads about a project P: the core calls `analyze` once per conversion and hands the result to
 * both `describe` (detection's report) and `plan`.
 */
import type { TSchema } from '@sinclair/typebox';
import type { DetectInput, LanguageDetails } from '../detect/detect-types';
import { MsbError } from '../errors';
import type { PlanContext, PlanInput, StrategyPlan } from '../plan/plan-types';
import { compileSettingsSchema } from '../profiles/load-profiles';
import type { Profile } from '../profiles/profile-types';

export interface LanguageStrategy<S, P> {
  /** Schema of the profile's `settings` (TypeBox: S is derived from it); checked at profile load. */
  settingsSchema: TSchema & { static: S };
  /** Keys of the profile's `templates:` this strategy renders; a profile without one fails to load. */
  templates: readonly string[];
  /** Reads the project once: manifests, build files, what the Dockerfile runs. */
  analyze(input: DetectInput, settings: S): P;
  /** Framework, package manager and other details for detection's report. */
  describe(project: P, settings: S): LanguageDetails;
  plan(input: PlanInput<S>, project: P): StrategyPlan;
  /** The values `--runtime` takes for this profile, for help text (none when it has no choice). */
  runtimeChoices?(settings: S): string | null;
}

/** A strategy bound to one profile's validated settings: what the core calls. */
export interface ProfileStrategy {
  analyze(input: DetectInput): AnalyzedProject;
  runtimeChoices(): string | null;
}

/** One project as the strategy read it. */
export interface AnalyzedProject {
  describe(): LanguageDetails;
  plan(context: PlanContext): StrategyPlan;
}

/** A registered strategy with its types erased: the core knows only what the profile loader checks. */
export class RegisteredStrategy {
  constructor(
    readonly settingsSchema: TSchema,
    readonly templates: readonly string[],
    /** Validates the profile's settings and binds them; throws MsbError when they do not fit. */
    readonly bind: (profile: Profile) => ProfileStrategy,
  ) {}
}

export function defineStrategy<S, P>(strategy: LanguageStrategy<S, P>): RegisteredStrategy {
  return new RegisteredStrategy(strategy.settingsSchema, strategy.templates, (profile) => {
    const settings = profile.settings ?? {};
    const validate = compileSettingsSchema(strategy.settingsSchema);
    if (!validate(settings)) {
      throw new MsbError(
        'invalid-profile',
        `settings: do not match the "${profile.strategy}" strategy's schema`,
        { file: profile.source },
      );
    }
    return {
      analyze: (input) => {
        const project = strategy.analyze(input, settings);
        return {
          describe: () => strategy.describe(project, settings),
          plan: (context) => strategy.plan({ ...context, settings }, project),
        };
      },
      runtimeChoices: () => strategy.runtimeChoices?.(settings) ?? null,
    };
  });
}
