/**
 * Step 4 of the pipeline (parse → analyze → detect → plan): decide what happens to an analysed
 * Dockerfile. Language-independent parts live here (files msb leaves alone, naming the builder,
 * ARG scope, rendering the runtime stage); the strategy detection chose decides artifacts and
 * the runtime image from the project it already read.
 */
import { DockerfileParser, From } from 'dockerfile-ast';
import type { StageFacts } from '../analyze/stage-facts';
import type { DetectInput, Detection } from '../detect/detect-types';
import type { DetectedLanguage } from '../detect/detector';
import { MsbError } from '../errors';
import { insertAt, TextEdit } from '../edit/text-edits';
import type { ProfileStrategy } from '../languages/strategy';
import type { ParsedDockerfile, Stage } from '../parse/parse-dockerfile';
import type { Profile } from '../profiles/profile-types';
import {
  INJECTED_VALUE_REASON,
  RenderContext,
  renderExtraStage,
  renderInsertion,
  renderRuntimeLines,
  runtimeInstructionTexts,
} from '../render/render-stage';
import type { TemplateRenderer } from '../render/templates';
import { alreadyInserted, insertionEdit } from './builder-edits';
import type { BrokenFinding, ConvertOptions, Decision, StrategyPlan } from './plan-types';
import { dropCoveredChowns, keepReplayedOrder, neededArgs } from './runtime-stage';
import { withSettingDecisions } from './setting-decisions';
import { PlanningError, uniqueName } from './stage-model';

export { INJECTED_VALUE_REASON };

export type Plan =
  | { status: 'unchanged' | 'skipped'; reason: string; detection: Detection | null; warnings: string[] }
  | {
      status: 'converted';
      detection: Detection;
      edits: TextEdit[];
      changes: string[];
      warnings: string[];
      /** See StrategyPlan.broken. */
      broken: BrokenFinding[];
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

/** Files msb leaves alone before analysing anything (already multi-stage); throws MsbError for a tail that would swallow a new stage. */
export function unconvertibleFile(dockerfile: ParsedDockerfile): Unconvertible | null {
  if (dockerfile.stages.length > 1)
    return { status: 'unchanged', reason: `already multi-stage (${dockerfile.stages.length} stages)` };
  const dangling = danglingContinuationLine(dockerfile);
  if (dangling !== null) {
    // Docker reads a file whose last line continues into nothing as a broken instruction too: an input error.
    throw new MsbError(
      'parse-error',
      `the last instruction ends with an open line continuation (${dockerfile.escapeChar} at the end of the file) or an unterminated heredoc`,
      { file: dockerfile.file, line: dangling + 1 },
    );
  }
  return null;
}

/** A stage that copies from itself cannot be split: Docker rejects the file as it is. */
export function unconvertibleStage(facts: StageFacts, stage: Stage): Unconvertible | null {
  const selfCopy = facts.copies.find(
    (c) => c.spec.from !== null && (c.spec.from.toLowerCase() === stage.name || c.spec.from === '0'),
  );
  if (!selfCopy) return null;
  return {
    status: 'skipped',
    reason: `${selfCopy.instruction.keyword} --from=${selfCopy.spec.from} (line ${selfCopy.instruction.line + 1}) copies from the stage itself, which Docker rejects`,
  };
}

/** Plans the conversion of an analysed single-stage file whose language detection chose (or did not). */
export function planConversion(
  input: DetectInput,
  detected: DetectedLanguage,
  options: ConvertOptions,
  env: PlanEnvironment,
): Plan {
  const { dockerfile, facts } = input;
  const { detection } = detected;
  if (!detected.project) {
    const best = detection.candidates[0];
    const hint = best
      ? ` (best guess ${best.language} at ${best.confidence.toFixed(2)}; use --lang to choose)`
      : ' (no manifest, base image or command matched any profile; use --lang to choose)';
    return { status: 'skipped', reason: `unknown language${hint}`, detection, warnings: [] };
  }
  const { profile, project, context } = detected;
  const stage = dockerfile.stages[0];
  // `COPY --from=builder` in a one-stage file names an image: the new stage names must not capture it.
  const imageRefs = facts.copies
    .map((c) => c.spec.from?.toLowerCase())
    .filter((f): f is string => Boolean(f));
  const builder = stage.name ?? uniqueName('builder', imageRefs);
  const runtimeName = uniqueName(options.runtimeStageName ?? 'runtime', [builder, ...imageRefs]);
  const runtimeFlavour = options.runtime ?? options.runtimeByLanguage?.[profile.id];
  const planned = skipOnPlanningError(() =>
    project.plan({
      ...input,
      context,
      profile,
      detection,
      options: { ...options, runtime: runtimeFlavour },
      templates: env.templates,
      builder,
      runtimeName,
    }),
  );
  if (planned.kind === 'skip')
    return { status: 'skipped', reason: planned.reason, detection, warnings: planned.warnings ?? [] };
  const strategyPlan = planned;
  keepReplayedOrder(strategyPlan.runtime, facts);
  const droppedChowns = dropCoveredChowns(strategyPlan.runtime, facts);
  strategyPlan.decisions = [
    ...strategyPlan.decisions.filter((d) => !droppedChowns.some((x) => x.subject === d.subject)),
    ...droppedChowns,
  ];

  const edits: TextEdit[] = [];
  const changes: string[] = [];
  if (!stage.name) {
    edits.push(nameStage(dockerfile, stage.from, builder));
    changes.push(`named the build stage "${builder}" (line ${stage.from.line + 1})`);
  }
  const extraStages = strategyPlan.extraStages ?? [];
  const renderContext: RenderContext = {
    builder,
    stages: extraStages.map((s) => s.name),
    escapeChar: dockerfile.escapeChar,
  };
  const rendered = skipOnPlanningError(() => {
    const insertions = strategyPlan.builderInsertions.map((i) => ({
      ...i,
      text: renderInsertion(i, renderContext, env.templates),
    }));
    const lines = renderRuntimeLines(strategyPlan.runtime, renderContext);
    // ARG scope ends at FROM: the ARGs the runtime stage's lines use are declared again.
    const redeclaredArgs = neededArgs(runtimeInstructionTexts(lines), facts);
    const decisions = withSettingDecisions({
      facts,
      model: strategyPlan.runtime,
      lines,
      redeclaredArgs,
      globalArgs: dockerfile.instructions.filter((i) => i.stage === -1 && i.keyword === 'ARG'),
      decisions: strategyPlan.decisions,
    });
    lines.args = [...redeclaredArgs, ...lines.args];
    const runtimeText = env.templates.render(profile.templates.runtimeStage ?? 'runtime-stage', {
      ...lines,
      name: runtimeName,
    });
    const blocks = [
      ...extraStages.map((s) => renderExtraStage(s, renderContext, env.templates)),
      runtimeText,
    ];
    return {
      kind: 'convert' as const,
      insertions,
      decisions,
      blocks,
      instructions: runtimeInstructionTexts(lines).length + 1,
    };
  });
  if (rendered.kind === 'skip')
    return { status: 'skipped', reason: rendered.reason, detection, warnings: strategyPlan.warnings };
  for (const insertion of rendered.insertions) {
    if (alreadyInserted(dockerfile, insertion.at, insertion.text)) continue;
    edits.push(insertionEdit(dockerfile, insertion.at, insertion.text, insertion.reason));
    changes.push(insertion.reason);
  }
  edits.push(appendBlocks(dockerfile, rendered.blocks));
  changes.push(`added the runtime stage "${runtimeName}" FROM ${strategyPlan.runtime.from}`);
  return {
    status: 'converted',
    detection,
    edits,
    changes,
    warnings: strategyPlan.warnings,
    broken: strategyPlan.broken ?? [],
    decisions: rendered.decisions,
    builderImage: facts.from.text,
    runtimeImage: strategyPlan.runtimeImage,
    runtimeInstructions: rendered.instructions,
    carried: strategyPlan.carried ?? [],
  };
}

/** A PlanningError (a value msb cannot write, a copy it must not make) is a skip with its reason. */
function skipOnPlanningError<T extends { kind: string }>(
  step: () => T,
): T | Extract<StrategyPlan, { kind: 'skip' }> {
  try {
    return step();
  } catch (error) {
    if (error instanceof PlanningError) return { kind: 'skip', reason: error.reason };
    throw error;
  }
}

/** ` AS builder` after the image, matching the keyword's case (`from x as builder`). */
function nameStage(
  dockerfile: ParsedDockerfile,
  from: ParsedDockerfile['stages'][number]['from'],
  name: string,
): TextEdit {
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
  const rest = dockerfile.text.slice(last.start);
  // Only an escape character (a continuation) or `<<` (a heredoc) lets an instruction span lines.
  if (!rest.includes(dockerfile.escapeChar) && !rest.includes('<<')) return null;
  const escape = dockerfile.escapeChar === '\\' ? '' : `# escape=${dockerfile.escapeChar}${dockerfile.eol}`;
  const tail = `${escape}${rest}${dockerfile.eol}${dockerfile.eol}LABEL msb-probe=1${dockerfile.eol}`;
  const probe = DockerfileParser.parse(tail).getInstructions();
  const added = probe[probe.length - 1];
  if (probe.length === 2 && added.getKeyword() === 'LABEL' && added.getArgumentsContent() === 'msb-probe=1')
    return null;
  return last.line;
}
