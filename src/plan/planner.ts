/**
 * Step 4 of the pipeline (parse → analyze → detect → plan): decide what happens to an analysed
 * Dockerfile. Language-independent parts live here (files msb leaves alone, naming the builder,
 * ARG scope, rendering the runtime stage); the strategy detection chose decides artifacts and
 * the runtime image from the project it already read.
 */
import { DockerfileParser, From } from 'dockerfile-ast';
import { isFilesystemRoot, parseCopyLine } from '../analyze/instruction-args';
import type { StageFacts } from '../analyze/stage-facts';
import type { DetectInput, Detection } from '../detect/detect-types';
import type { DetectedLanguage } from '../detect/detector';
import { insertAt, TextEdit } from '../edit/text-edits';
import type { ProfileStrategy } from '../languages/strategy';
import type { ParsedDockerfile, Stage } from '../parse/parse-dockerfile';
import type { Profile } from '../profiles/profile-types';
import type { TemplateRenderer } from '../render/templates';
import type { ConvertOptions, Decision, RuntimeStageModel } from './plan-types';
import { neededArgs } from './runtime-stage';

export type Plan =
  | { status: 'unchanged' | 'skipped'; reason: string; detection: Detection | null; warnings: string[] }
  | {
      status: 'changed';
      detection: Detection;
      edits: TextEdit[];
      changes: string[];
      warnings: string[];
      decisions: Decision[];
      builderImage: string;
      runtimeImage: string;
      /** Instructions the appended runtime stage must parse into (checked on the parsed output). */
      runtimeInstructions: number;
      /** See StrategyPlan.carried. */
      carried: string[];
    };

export interface PlanEnvironment {
  profiles: readonly Profile[];
  strategyFor: (profile: Profile) => ProfileStrategy;
  templates: TemplateRenderer;
}

type Unconvertible = { status: 'unchanged' | 'skipped'; reason: string };

/** Files msb leaves alone before analysing anything: already multi-stage, or a tail that would swallow a new stage. */
export function unconvertibleFile(dockerfile: ParsedDockerfile): Unconvertible | null {
  if (dockerfile.stages.length > 1) return { status: 'unchanged', reason: `already multi-stage (${dockerfile.stages.length} stages)` };
  const dangling = danglingContinuationLine(dockerfile);
  if (dangling !== null) {
    return { status: 'skipped', reason: `the last instruction (line ${dangling + 1}) ends with an open line continuation or heredoc: a stage added after it would become part of it` };
  }
  return null;
}

/** A stage that copies from itself cannot be split: Docker rejects the file as it is. */
export function unconvertibleStage(facts: StageFacts, stage: Stage): Unconvertible | null {
  const selfCopy = facts.copies.find((c) => c.spec.from !== null && (c.spec.from.toLowerCase() === stage.name || c.spec.from === '0'));
  if (!selfCopy) return null;
  return { status: 'skipped', reason: `${selfCopy.instruction.keyword} --from=${selfCopy.spec.from} (line ${selfCopy.instruction.line + 1}) copies from the stage itself, which Docker rejects` };
}

/** Plans the conversion of an analysed single-stage file whose language detection chose (or did not). */
export function planConversion(input: DetectInput, detected: DetectedLanguage, options: ConvertOptions, env: PlanEnvironment): Plan {
  const { dockerfile, facts } = input;
  const { detection } = detected;
  if (!detected.project) {
    const best = detection.candidates[0];
    const hint = best ? ` (best guess ${best.language} at ${best.confidence.toFixed(2)}; use --lang to choose)` : ' (no manifest, base image or command matched any profile; use --lang to choose)';
    return { status: 'skipped', reason: `unknown language${hint}`, detection, warnings: [] };
  }
  const { profile, project } = detected;
  const stage = dockerfile.stages[0];
  // `COPY --from=builder` in a one-stage file names an image: the new stage names must not capture it.
  const imageRefs = facts.copies.map((c) => c.spec.from?.toLowerCase()).filter((f): f is string => Boolean(f));
  const builder = stage.name ?? uniqueName('builder', imageRefs);
  const runtimeName = uniqueName(options.runtimeStageName ?? 'runtime', [builder, ...imageRefs]);
  const strategyPlan = project.plan({ ...input, profile, detection, options, templates: env.templates, builder, runtimeName });
  if (strategyPlan.kind === 'skip') {
    return { status: 'skipped', reason: strategyPlan.reason, detection, warnings: strategyPlan.warnings ?? [] };
  }

  const runtime = strategyPlan.runtime;
  // A copy of the builder's "/" would carry the whole toolchain: a strategy that gets there guessed wrong.
  const wholeFilesystem = runtime.copies.find((line) => {
    const copy = parseCopyLine(line);
    return copy?.from != null && copy.sources.some(isFilesystemRoot);
  });
  if (wholeFilesystem) {
    return { status: 'skipped', reason: `the runtime stage would copy the builder's whole filesystem ("${wholeFilesystem}"): msb cannot tell what the application needs`, detection, warnings: strategyPlan.warnings };
  }
  runtime.args = [...neededArgs(runtime, facts), ...runtime.args];
  const edits: TextEdit[] = [];
  const changes: string[] = [];
  if (!stage.name) {
    edits.push(nameStage(dockerfile, stage.from, builder));
    changes.push(`named the build stage "${builder}" (line ${stage.from.line + 1})`);
  }
  for (const edit of strategyPlan.builderEdits) {
    edits.push(edit);
    if (edit.reason) changes.push(edit.reason);
  }
  const runtimeText = env.templates.render(profile.templates.runtimeStage ?? 'runtime-stage', { ...runtime, name: runtimeName });
  const blocks = [...(strategyPlan.extraStages ?? []), runtimeText];
  edits.push(appendBlocks(dockerfile, blocks));
  changes.push(`added the runtime stage "${runtimeName}" FROM ${runtime.from}`);
  return {
    status: 'changed',
    detection,
    edits,
    changes,
    warnings: strategyPlan.warnings,
    decisions: strategyPlan.decisions,
    builderImage: facts.from.text,
    runtimeImage: strategyPlan.runtimeImage,
    runtimeInstructions: modelInstructionCount(runtime),
    carried: strategyPlan.carried ?? [],
  };
}

/** ` AS builder` after the image, matching the keyword's case (`from x as builder`). */
function nameStage(dockerfile: ParsedDockerfile, from: ParsedDockerfile['stages'][number]['from'], name: string): TextEdit {
  const imageRange = (from.node as From).getImageRange();
  let offset = from.start + from.text.trimEnd().length;
  if (imageRange) {
    const text = dockerfile.text;
    const lineStart = dockerfile.offsetOfLine(imageRange.end.line);
    offset = lineStart + imageRange.end.character;
    while (offset < from.end && !/\s/.test(text[offset])) offset++;
  }
  const lower = from.text.startsWith('from');
  return insertAt(offset, ` ${lower ? 'as' : 'AS'} ${name}`, undefined);
}

/**
 * Values from the user's file (paths, names, commands) end up inside generated lines: a line
 * break or heredoc marker among them would smuggle in instructions. Every model entry must come
 * back as exactly one instruction; convertText checks the count on the parsed output.
 */
export const INJECTED_VALUE_REASON =
  'a value taken from the Dockerfile (a path, name or command with a line break, heredoc marker or trailing escape character) would change the meaning of the generated stage';

function modelInstructionCount(model: RuntimeStageModel): number {
  const entries = [model.from, ...model.args, model.shell, ...model.env, ...model.setup, model.workdir, ...model.copies, model.user, ...model.metadata, ...model.command];
  return entries.filter((e) => e !== null).length;
}

/** New stages go after the last line, separated by a blank line, in the file's line endings. */
function appendBlocks(dockerfile: ParsedDockerfile, blocks: string[]): TextEdit {
  const { eol, text } = dockerfile;
  const body = blocks.map((b) => b.replace(/\r\n/g, '\n').replace(/\n+$/, '')).join('\n\n');
  const withEol = body.replace(/\n/g, eol);
  const trailingBlank = /(\r?\n)\s*$/.test(text) && /\n\s*\n\s*$/.test(text);
  const prefix = text.length === 0 ? '' : dockerfile.endsWithNewline ? (trailingBlank ? '' : eol) : eol + eol;
  return insertAt(text.length, prefix + withEol + (dockerfile.endsWithNewline ? eol : ''), undefined);
}

/**
 * The 0-based line of the last instruction when text appended after the file would become part
 * of it (a trailing continuation, an unterminated heredoc), or null. Probed by parsing.
 */
function danglingContinuationLine(dockerfile: ParsedDockerfile): number | null {
  // Only the tail can swallow what is appended: parse from the last instruction on, plus a probe.
  const last = dockerfile.instructions[dockerfile.instructions.length - 1];
  const escape = dockerfile.escapeChar === '\\' ? '' : `# escape=${dockerfile.escapeChar}${dockerfile.eol}`;
  const tail = `${escape}${dockerfile.text.slice(last.start)}${dockerfile.eol}${dockerfile.eol}LABEL msb-probe=1${dockerfile.eol}`;
  const probe = DockerfileParser.parse(tail).getInstructions();
  const added = probe[probe.length - 1];
  if (probe.length === 2 && added.getKeyword() === 'LABEL' && added.getArgumentsContent() === 'msb-probe=1') return null;
  return last.line;
}

function uniqueName(wanted: string, taken: string[]): string {
  let name = wanted;
  for (let n = 2; taken.includes(name); n++) name = `${wanted}-${n}`;
  return name;
}
