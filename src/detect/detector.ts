/**
 * Step 3 of the pipeline (parse → analyze → detect → plan): which language profile fits. Every
 * profile is scored from its weighted rules (files in the build context, the base image, RUN/CMD
 * lines); all candidates are kept with their evidence, then the best is picked by confidence and,
 * on a tie, by the profile's explicit priority. The chosen profile's strategy then reads the
 * project once: detection reports from that reading and planning decides from the same one.
 */
import { MsbError } from '../errors';
import { expandVariables } from '../analyze/instruction-args';
import { globalArgValues } from '../plan/base-image';
import type { BuildContext } from '../context/build-context';
import type { Profile, WeightedRule } from '../profiles/profile-types';
import type { AnalyzedProject, ProfileStrategy } from '../languages/strategy';
import type { Candidate, DetectInput, Detection, Evidence } from './detect-types';
import { compiledRegExp } from '../util/compiled-regexp';

export type DetectedLanguage =
  | { detection: Detection; profile: null; project: null }
  | {
      detection: Detection;
      profile: Profile;
      project: AnalyzedProject;
      /** The build context as the chosen language sees it (its own `contextSkipDirs` only). */
      context: BuildContext;
    };

/** Below this, msb says "unknown language" rather than guess. */
const MIN_CONFIDENCE = 0.5;

export function detectLanguage(
  input: DetectInput,
  profiles: readonly Profile[],
  strategyFor: (profile: Profile) => ProfileStrategy,
  forcedLanguage?: string,
): DetectedLanguage {
  const texts = commandTexts(input);
  const image = resolvedImageName(input);
  const candidates: (Candidate & { profile: Profile })[] = [];
  for (const profile of profiles) {
    const evidence = ruleEvidence(profile, input, texts, image);
    if (evidence.length === 0 && profile.id !== forcedLanguage) continue;
    candidates.push({
      language: profile.id,
      confidence: combine(evidence),
      priority: profile.detect.priority,
      evidence,
      profile,
    });
  }
  candidates.sort(
    (a, b) => b.confidence - a.confidence || b.priority - a.priority || a.language.localeCompare(b.language),
  );

  let chosen = candidates[0];
  if (forcedLanguage) {
    const forced = profiles.find((p) => p.id === forcedLanguage);
    if (!forced) {
      throw new MsbError(
        'usage',
        `unknown language "${forcedLanguage}" (known: ${profiles.map((p) => p.id).join(', ')})`,
      );
    }
    chosen = candidates.find((c) => c.language === forcedLanguage) as (typeof candidates)[number];
  } else if (!chosen || chosen.confidence < MIN_CONFIDENCE) {
    const detection: Detection = {
      language: null,
      confidence: chosen?.confidence ?? 0,
      framework: null,
      packageManager: null,
      facts: {},
      evidence: chosen?.evidence ?? [],
      candidates: candidates.map(stripProfile),
      overridden: false,
    };
    return { detection, profile: null, project: null };
  }

  const context = input.context.forLanguage(chosen.profile.contextSkipDirs ?? []);
  const project = strategyFor(chosen.profile).analyze({ ...input, context });
  const details = project.describe();
  const evidence = [...chosen.evidence, ...(details.evidence ?? [])];
  if (forcedLanguage) evidence.unshift({ kind: 'override', detail: `--lang ${forcedLanguage}`, weight: 1 });
  const detection: Detection = {
    language: chosen.language,
    confidence: forcedLanguage ? 1 : round(combine(evidence)),
    framework: details.framework ?? null,
    packageManager: details.packageManager ?? null,
    facts: details.facts ?? {},
    evidence,
    candidates: candidates.map(stripProfile),
    overridden: Boolean(forcedLanguage),
  };
  return { detection, profile: chosen.profile, project, context };
}

function ruleEvidence(profile: Profile, input: DetectInput, texts: string[], image: string): Evidence[] {
  const evidence: Evidence[] = [];
  for (const rule of profile.detect.files) {
    const matches = input.context.glob(rule.pattern);
    if (matches.length > 0)
      evidence.push({
        kind: 'file',
        detail: rule.evidence ?? matches.slice(0, 3).join(', '),
        weight: rule.weight,
      });
  }
  const { baseImages, commands } = compiledRules(profile);
  for (const { rule, pattern } of baseImages) {
    if (pattern.test(image))
      evidence.push({ kind: 'base-image', detail: rule.evidence ?? `FROM ${image}`, weight: rule.weight });
  }
  for (const { rule, pattern } of commands) {
    const hit = texts.find((t) => pattern.test(t));
    if (hit) evidence.push({ kind: 'command', detail: rule.evidence ?? oneLine(hit), weight: rule.weight });
  }
  return evidence;
}

interface CompiledRule {
  readonly rule: WeightedRule;
  readonly pattern: RegExp;
}
interface CompiledRules {
  readonly baseImages: readonly CompiledRule[];
  readonly commands: readonly CompiledRule[];
}
const compiled = new WeakMap<Profile, CompiledRules>();

/** A profile's image and command rules with their expressions, looked up once per profile, not per file. */
function compiledRules(profile: Profile): CompiledRules {
  let rules = compiled.get(profile);
  if (!rules) {
    const withPattern = (rule: WeightedRule): CompiledRule => ({
      rule,
      pattern: compiledRegExp(rule.pattern),
    });
    rules = {
      baseImages: profile.detect.baseImages.map(withPattern),
      commands: profile.detect.commands.map(withPattern),
    };
    compiled.set(profile, rules);
  }
  return rules;
}

/** Independent evidence: each rule lowers the chance that the guess is wrong. */
function combine(evidence: readonly Evidence[]): number {
  return Math.min(0.99, 1 - evidence.reduce((p, e) => p * (1 - e.weight), 1));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function commandTexts(input: DetectInput): string[] {
  const texts = input.facts.runs.map((r) => r.script);
  for (const instruction of [input.facts.entrypoint, input.facts.cmd])
    if (instruction) texts.push(instruction.args);
  return texts;
}

/** `python:${V}` is matched as `python` with its registry path, ARG defaults applied. */
function resolvedImageName(input: DetectInput): string {
  const { from } = input.facts;
  return expandVariables(
    from.registry ? `${from.registry}/${from.name}` : from.name,
    globalArgValues(input.dockerfile),
  );
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

function stripProfile({ profile: _profile, ...candidate }: Candidate & { profile: Profile }): Candidate {
  return candidate;
}
