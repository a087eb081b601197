/**
 * The size estimate of a conversion: the original image ≈ its base + what the build adds, the
 * converted one ≈ the runtime base + what the runtime stage copies or installs. Everything it
 * knows of a language is profile data (`imageSizes`, `estimate`); the terms both images carry
 * equally (the application and its dependencies) are counted in both so that shares of the
 * original mean something. Conservative: a package the builder may already have in a larger base
 * image is not counted as left behind.
 */
import type { StageFacts } from '../analyze/stage-facts';
import { cachesLeftIn } from '../lint/rules/MSB005';
import type { ParsedDockerfile } from '../parse/parse-dockerfile';
import { findPackageInstalls } from '../plan/system-packages';
import type { EstimateData, EstimateStep, Profile } from '../profiles/profile-types';
import type { Estimate, EstimatePart } from './estimate-types';
import { globToRegExp, imageSizeMb } from './image-sizes';

export interface EstimateInput {
  /** The detected language's profile, and all loaded ones (their install caches). */
  profile: Profile;
  profiles: readonly Profile[];
  /** The original's one stage, and the converted file with its runtime (last) stage. */
  original: StageFacts;
  converted: ParsedDockerfile;
  runtime: StageFacts;
  builderImage: string;
  runtimeImage: string;
}

/** Null when the profile does not know the size of either base image. */
export function estimateConversion(input: EstimateInput): Estimate | null {
  const { profile } = input;
  const before = imageSizeMb(profile, input.builderImage);
  const after = imageSizeMb(profile, input.runtimeImage);
  if (before === null || after === null) return null;
  const data = profile.estimate ?? {};
  const parts: EstimatePart[] = [
    {
      what: `base image ${input.builderImage} → ${input.runtimeImage}`,
      originalMb: before,
      convertedMb: after,
    },
  ];
  if (data.application)
    parts.push({
      what: 'the application and its dependencies (typical, in both images)',
      originalMb: data.application,
      convertedMb: data.application,
    });
  parts.push(...packageParts(input, data), ...cacheParts(input, data), ...stepParts(input, data));
  const originalMb = sum(parts.map((p) => p.originalMb));
  const convertedMb = sum(parts.map((p) => p.convertedMb));
  const [base, ...rest] = parts;
  const difference = (p: EstimatePart) => Math.abs(p.originalMb - p.convertedMb);
  return {
    originalMb,
    convertedMb,
    savingMb: originalMb - convertedMb,
    basis: [base, ...rest.sort((a, b) => difference(b) - difference(a))],
  };
}

/** apt/apk packages: in both images, left in the builder (only over the same base), added by the runtime stage. */
function packageParts(input: EstimateInput, data: EstimateData): EstimatePart[] {
  const installed = (facts: StageFacts) => {
    const { installs, removed } = findPackageInstalls(facts.runs);
    return new Set(installs.flatMap((i) => i.packages).filter((p) => !removed.has(p)));
  };
  const original = installed(input.original);
  const runtime = installed(input.runtime);
  const sizeOf = packageSizer(data);
  const total = (names: string[]) => sum(names.map(sizeOf));
  const both = [...original].filter((p) => runtime.has(p));
  const left = [...original].filter((p) => !runtime.has(p));
  const added = [...runtime].filter((p) => !original.has(p));
  const parts: EstimatePart[] = [];
  if (both.length > 0)
    parts.push({ what: `system packages in both images: ${both.join(', ')}`, ...same(total(both)) });
  // Over a larger base image (python:3.11 → python:3.11-slim) the builder may have had them already.
  if (left.length > 0 && sameImage(input.builderImage, input.runtimeImage))
    parts.push({
      what: `system packages left in the builder: ${left.join(', ')}`,
      originalMb: total(left),
      convertedMb: 0,
    });
  if (added.length > 0)
    parts.push({
      what: `system packages the runtime stage installs: ${added.join(', ')}`,
      originalMb: 0,
      convertedMb: total(added),
    });
  return parts;
}

/** Installer caches (apt lists, pip's cache...) the original keeps and the runtime stage does not. */
function cacheParts(input: EstimateInput, data: EstimateData): EstimatePart[] {
  const subjects = (facts: StageFacts) => new Set(cachesLeftIn(facts, input.profiles).map((f) => f.subject));
  const runtime = subjects(input.runtime);
  const left = [...subjects(input.original)].filter((s) => !runtime.has(s) && data.caches?.[s] !== undefined);
  if (left.length === 0) return [];
  return [
    {
      what: `install caches left in the builder: ${left.join(', ')}`,
      originalMb: sum(left.map((s) => data.caches?.[s] ?? 0)),
      convertedMb: 0,
    },
  ];
}

/**
 * The profile's `estimate.steps`. A build step counts when the original runs it more often than the
 * runtime stage does (a global tool installed again is not left behind); an added one when a RUN
 * line msb adds matches.
 */
function stepParts(input: EstimateInput, data: EstimateData): EstimatePart[] {
  const commandsOf = (facts: StageFacts) =>
    facts.runs.flatMap((r) => r.commands.map((c) => c.words.join(' ')));
  const originalCommands = commandsOf(input.original);
  const runtimeCommands = commandsOf(input.runtime);
  const written = new Set(input.original.runs.map((r) => r.instruction.text));
  const addedRuns = input.converted.instructions
    .filter((i) => i.keyword === 'RUN' && !written.has(i.text))
    .map((i) => i.text);
  const parts: EstimatePart[] = [];
  for (const step of compiledSteps(data)) {
    const count = (texts: string[]) => texts.filter((t) => step.pattern.test(t)).length;
    if (step.unless && originalCommands.some((t) => step.unless!.test(t))) continue;
    const applies =
      step.source.match === 'build' ? count(originalCommands) > count(runtimeCommands) : count(addedRuns) > 0;
    if (!applies) continue;
    parts.push({
      what: step.source.what,
      originalMb: step.source.image === 'original' ? step.source.mb : 0,
      convertedMb: step.source.image === 'converted' ? step.source.mb : 0,
    });
  }
  return parts;
}

type CompiledStep = { source: EstimateStep; pattern: RegExp; unless: RegExp | null };
// Every conversion is estimated: compile each profile's patterns once.
const compiled = new WeakMap<EstimateData, CompiledStep[]>();

function compiledSteps(data: EstimateData): CompiledStep[] {
  let steps = compiled.get(data);
  if (!steps) {
    steps = (data.steps ?? []).map((source) => ({
      source,
      pattern: new RegExp(source.pattern),
      unless: source.unless === undefined ? null : new RegExp(source.unless),
    }));
    compiled.set(data, steps);
  }
  return steps;
}

// Compiled once per profile, like the steps.
const packageRules = new WeakMap<EstimateData, { pattern: RegExp; mb: number }[]>();

function packageSizer(data: EstimateData): (name: string) => number {
  const rules =
    packageRules.get(data) ??
    Object.entries(data.packages ?? {}).map(([glob, mb]) => ({ pattern: globToRegExp(glob), mb }));
  packageRules.set(data, rules);
  const fallback = data.packageMb ?? 0;
  return (name) => rules.find((r) => r.pattern.test(name))?.mb ?? fallback;
}

function sameImage(a: string, b: string): boolean {
  const bare = (image: string) =>
    image
      .trim()
      .toLowerCase()
      .replace(/@sha256:[0-9a-f]+$/, '');
  return bare(a) === bare(b);
}

const same = (mb: number) => ({ originalMb: mb, convertedMb: mb });
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
