/**
 * The pipeline end to end, each step once: parse → analyze → detect → plan (and render) →
 * edit → verify → lint.
 * Pure with respect to the Dockerfile (it reads the build context, never writes); the CLI
 * and the codemod decide what to do with the result.
 */
import * as path from 'path';
import { analyzeStage } from './analyze/stage-facts';
import { applyEdits } from './edit/text-edits';
import { baseImageWorkdir } from './plan/base-image';
import { emptyBuildContext, openBuildContext } from './context/build-context';
import type { ReadDirectory } from './context/read-directory';
import type { Detection } from './detect/detect-types';
import { detectLanguage } from './detect/detector';
import { internalErrorLine, MsbError, isMsbError } from './errors';
import { parseDockerfile, ParsedDockerfile } from './parse/parse-dockerfile';
import { readDockerfileSync, TextEncoding } from './parse/read-dockerfile';
import {
  INJECTED_VALUE_REASON,
  planConversion,
  PlanEnvironment,
  unconvertibleFile,
  unconvertibleStage,
} from './plan/planner';
import type { BrokenFinding, ConvertOptions, Decision } from './plan/plan-types';
import { brokenGate, lintErrorsAsBroken } from './gates/broken-gate';
import { DEFAULT_MIN_SAVING, minSavingProblem } from './gates/min-saving';
import { estimateConversion } from './estimate/estimate';
import type { Estimate } from './estimate/estimate-types';
import { defaultEnvironment } from './languages';
import { findingKey, lintDockerfile } from './lint/lint';
import type { LintFinding } from './lint/lint-types';
import type { Profile } from './profiles/profile-types';
import { runtimeProblem } from './profiles/runtime-names';
import type { ConversionStatus } from './status';

export interface ConversionResult {
  file: string;
  status: ConversionStatus;
  /** Why the file was left as it is (unchanged/skipped) or the error message. */
  reason?: string;
  detection: Detection | null;
  /** The text as read and the converted text (equal unless status is "converted"). */
  original: string;
  output: string;
  encoding: TextEncoding;
  changes: string[];
  warnings: string[];
  decisions: Decision[];
  builderImage?: string;
  runtimeImage?: string;
  /** `stack` only for kind "internal" (a bug in msb), for `--debug`. */
  error?: { kind: string; message: string; line?: number; stack?: string };
  /** Lint findings on the converted output that the original did not have (src/lint/rules). */
  lint?: LintFinding[];
  /**
   * Why msb believes the converted image would not work: the reason of a `skipped` result, or,
   * with `force`, what a `changed` result was written despite (also among its warnings).
   */
  broken?: BrokenFinding[];
  /** The size estimate of the conversion (src/estimate), when the profile knows both base images. */
  estimate?: Estimate;
}

export interface ConvertTextOptions extends ConvertOptions {
  /** File name for messages and diffs (default "Dockerfile"); convertFile reads this file. */
  file?: string;
  encoding?: TextEncoding;
  environment?: PlanEnvironment;
  /** How the build context's folders are listed (a codemod shares one memoised reader per repository). */
  readDirectory?: ReadDirectory;
}

/**
 * Converts Dockerfile text. The build context is `options.context` only: without it, detection
 * reads the Dockerfile alone (base image, RUN and CMD lines), never the process's folder.
 * Input that is not a valid Dockerfile comes back as status "error", as from convertFile.
 */
export function convertText(text: string, options: ConvertTextOptions = {}): ConversionResult {
  const file = options.file ?? 'Dockerfile';
  try {
    return convertParsed(text, file, options);
  } catch (error) {
    if (!isMsbError(error)) throw error;
    return errorResult(file, error);
  }
}

function convertParsed(text: string, file: string, options: ConvertTextOptions): ConversionResult {
  const environment = options.environment ?? defaultEnvironment();
  const encoding = options.encoding ?? 'utf8';
  const left = (status: 'unchanged' | 'skipped', reason: string): ConversionResult => ({
    file,
    original: text,
    encoding,
    detection: null,
    warnings: [],
    decisions: [],
    changes: [],
    status,
    reason,
    output: text,
  });
  const dockerfile = parseDockerfile(text, file);
  const unconvertible = unconvertibleFile(dockerfile);
  if (unconvertible) return left(unconvertible.status, unconvertible.reason);
  const stage = dockerfile.stages[0];
  const analyzed = analyzeStage(dockerfile, stage);
  // The base image's own WORKDIR (gradle: /home/gradle), when a profile knows it: relative paths resolve there.
  const imageWorkdir = baseImageWorkdir(analyzed.from, environment.profiles);
  const facts = imageWorkdir ? analyzeStage(dockerfile, stage, imageWorkdir) : analyzed;
  const conflict = unconvertibleStage(facts, stage);
  if (conflict) return left(conflict.status, conflict.reason);
  const context =
    options.context === undefined
      ? emptyBuildContext()
      : openBuildContext(options.context, environment.profiles, options.readDirectory);
  const input = { dockerfile, facts, context };
  const detected = detectLanguage(input, environment.profiles, environment.strategyFor, options.lang);
  const plan = planConversion(input, detected, options, environment);
  const wrongRuntime = plan.detection?.language
    ? runtimeProblem(environment.profiles, options.runtime, plan.detection.language)
    : null;
  if (wrongRuntime) throw new MsbError('usage', wrongRuntime, { file });
  const base = {
    file,
    original: text,
    encoding,
    detection: plan.detection,
    warnings: plan.warnings,
    decisions: [],
    changes: [],
  };
  if (plan.status !== 'converted') return { ...base, status: plan.status, reason: plan.reason, output: text };

  const body = applyEdits(dockerfile.text, plan.edits);
  const output = (dockerfile.bom ? '\uFEFF' : '') + body;
  // The runtime stage is the last edit: text appended after the user's last line.
  const appendedFrom = body.length - plan.edits[plan.edits.length - 1].text.length;
  const verified = verifyOutput(dockerfile, body, {
    runtimeInstructions: plan.runtimeInstructions,
    appendedFrom,
  });
  if (verified === INJECTED_VALUE_REASON)
    return { ...base, status: 'skipped', reason: verified, output: text };
  if (typeof verified === 'string') {
    // Never hand out an edit msb cannot vouch for: leave the file as it is and say why.
    return {
      ...base,
      status: 'skipped',
      reason: `msb could not verify its edit (${verified}); the file is left unchanged — please report this`,
      output: text,
    };
  }
  const lint = lintConversion(dockerfile, verified, plan.carried, environment.profiles);
  const broken = [...plan.broken, ...lintErrorsAsBroken(file, lint.errors)];
  const gate = brokenGate(broken, options.force === true);
  if (gate.kind === 'skip')
    return { ...base, status: 'skipped', reason: gate.reason, output: text, lint: lint.errors, broken };
  const profile = environment.profiles.find((p) => p.id === plan.detection.language);
  const estimate = profile
    ? estimateConversion({
        profile,
        profiles: environment.profiles,
        original: facts,
        converted: verified,
        runtime: analyzeStage(verified, verified.stages[verified.stages.length - 1]),
        builderImage: plan.builderImage,
        runtimeImage: plan.runtimeImage,
      })
    : null;
  const withEstimate = estimate ? { estimate } : {};
  const nothingToGain = estimate && minSavingProblem(estimate, options.minSaving ?? DEFAULT_MIN_SAVING);
  if (nothingToGain && !options.force)
    return { ...base, status: 'skipped', reason: nothingToGain, output: text, ...withEstimate };
  if (nothingToGain) gate.warnings.push(`written with --force although there is ${nothingToGain}`);
  return {
    ...base,
    status: 'converted',
    output,
    changes: plan.changes,
    warnings: [...plan.warnings, ...lint.warnings, ...gate.warnings],
    decisions: plan.decisions,
    lint: lint.introduced,
    ...(broken.length > 0 ? { broken } : {}),
    ...withEstimate,
    builderImage: plan.builderImage,
    runtimeImage: plan.runtimeImage,
  };
}

/**
 * Reads and converts one Dockerfile; the build context is `options.context`, else the file's
 * folder. Never throws: input errors, and unexpected exceptions (a bug in msb, kind "internal"),
 * come back as status "error".
 */
export async function convertFile(file: string, options: ConvertTextOptions = {}): Promise<ConversionResult> {
  return convertFileSync(file, options);
}

/** convertFile without the promise, for callers that convert thousands of files in a row. */
export function convertFileSync(file: string, options: ConvertTextOptions = {}): ConversionResult {
  try {
    const source = readDockerfileSync(file);
    return convertText(source.text, {
      ...options,
      file,
      encoding: source.encoding,
      context: options.context ?? path.dirname(path.resolve(file)),
    });
  } catch (error) {
    return isMsbError(error) ? errorResult(file, error) : internalErrorResult(file, error);
  }
}

function internalErrorResult(file: string, error: unknown): ConversionResult {
  const reason = internalErrorLine(error, file);
  const stack = error instanceof Error ? error.stack : undefined;
  return {
    ...errorResult(file, new MsbError('internal', reason)),
    reason,
    error: { kind: 'internal', message: reason, stack },
  };
}

export function errorResult(file: string, error: MsbError): ConversionResult {
  return {
    file,
    status: 'error',
    reason: error.toOneLine(),
    detection: null,
    original: '',
    output: '',
    encoding: 'utf8',
    changes: [],
    warnings: [],
    decisions: [],
    error: { kind: error.kind, message: error.message, line: error.line },
  };
}

/**
 * The output must parse, every original instruction must survive with its exact text, in order
 * (msb adds lines, it never rewrites the user's), and the appended runtime stage must hold
 * exactly the instructions planned (a value from the user's file must not smuggle one in).
 * Returns the parsed output, or what went wrong (a bug in msb, or a file whose parse msb and
 * Docker may disagree on).
 */
function verifyOutput(
  original: ParsedDockerfile,
  output: string,
  expected: { runtimeInstructions: number; appendedFrom: number },
): ParsedDockerfile | string {
  let reparsed: ParsedDockerfile;
  try {
    reparsed = parseDockerfile(output, original.file);
  } catch (error) {
    // A line msb appended after the user's last one that does not parse came from a hostile value.
    const line = isMsbError(error) ? error.line : undefined;
    if (line !== undefined && line > output.slice(0, expected.appendedFrom).split('\n').length)
      return INJECTED_VALUE_REASON;
    return `the output does not parse: ${(error as Error).message}`;
  }
  const texts = reparsed.instructions.map((i) => i.text);
  let cursor = 0;
  for (const instruction of original.instructions) {
    const isFirstFrom = instruction.keyword === 'FROM';
    const found = texts.findIndex(
      (t, i) =>
        i >= cursor && (t === instruction.text || (isFirstFrom && t.startsWith(instruction.text.trimEnd()))),
    );
    if (found === -1) return `the instruction on line ${instruction.line + 1} would not survive unchanged`;
    cursor = found + 1;
  }
  if (reparsed.stages.length <= original.stages.length) return 'no new stage in the output';
  if (reparsed.stages[reparsed.stages.length - 1].instructions.length !== expected.runtimeInstructions)
    return INJECTED_VALUE_REASON;
  return reparsed;
}

/**
 * Lints the converted file against the original: an error the conversion introduced blocks the
 * result; new warnings, and errors the original already had that the runtime image still
 * carries, become warnings. `carriedOver` are paths the plan copies because the original image had
 * them (rules report those as warnings).
 */
function lintConversion(
  original: ParsedDockerfile,
  converted: ParsedDockerfile,
  carriedOver: readonly string[],
  profiles: readonly Profile[],
): { errors: LintFinding[]; introduced: LintFinding[]; warnings: string[] } {
  // `# msb-ignore` pragmas are the user's word on the user's lines, not a licence for msb's edit.
  const after = lintDockerfile(converted, {
    carriedOver: new Set(carriedOver),
    profiles,
    inlineSuppressions: false,
  });
  // The original is linted only when there is something to compare: most outputs are clean.
  const before = new Set(
    after.length ? lintDockerfile(original, { profiles, inlineSuppressions: false }).map(findingKey) : [],
  );
  const introduced = after.filter((f) => !before.has(findingKey(f)));
  const carried = after.filter((f) => before.has(findingKey(f)) && f.severity === 'error');
  return {
    errors: introduced.filter((f) => f.severity === 'error'),
    introduced,
    warnings: [
      ...introduced
        .filter((f) => f.severity === 'warning')
        .map((f) => `${f.rule} (line ${f.line}): ${f.message}`),
      ...carried.map((f) => `${f.rule} (line ${f.line}, as in the original): ${f.message}`),
    ],
  };
}
