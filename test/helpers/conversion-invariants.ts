/**
 * What must hold for every conversion result, whatever the language: shared by the corpus
 * test, the fuzz test and `npm run fuzz`. Returns the violations as sentences (empty = fine).
 */
import { DockerfileParser, From } from 'dockerfile-ast';
import { analyzeStage } from '../../src/analyze/stage-facts';
import { parseCopy } from '../../src/analyze/instruction-args';
import { convertText, ConversionResult, ConvertTextOptions } from '../../src/convert';
import { isMsbError } from '../../src/errors';
import { parseDockerfile, ParsedDockerfile, Stage } from '../../src/parse/parse-dockerfile';

/** Error kinds that mean "the input is not a usable Dockerfile", as opposed to a bug in msb. */
const INPUT_ERROR_KINDS = new Set([
  'missing-file',
  'unreadable-file',
  'binary-file',
  'not-a-dockerfile',
  'parse-error',
  'too-large',
  'usage',
]);

/** The run-time view the final image gives: the same before and after a conversion. */
const RUNTIME_KEYWORDS = ['ENTRYPOINT', 'CMD', 'EXPOSE', 'USER'] as const;

export interface Outcome {
  result: ConversionResult | null;
  /** A thrown non-MsbError (a crash), with its stack. */
  crash: string | null;
  violations: string[];
}

/** convertText, with a thrown MsbError turned into the status-"error" result convertFile gives. */
export function convertSafely(text: string, options: ConvertTextOptions): Outcome {
  try {
    const result = convertText(text, options);
    return { result, crash: null, violations: checkResult(result) };
  } catch (error) {
    if (isMsbError(error)) {
      if (!error.message.trim())
        return { result: null, crash: null, violations: ['MsbError without a message'] };
      return { result: null, crash: null, violations: [] };
    }
    return { result: null, crash: (error as Error)?.stack ?? String(error), violations: [] };
  }
}

export function checkResult(result: ConversionResult): string[] {
  const violations: string[] = [];
  switch (result.status) {
    case 'error':
      if (!result.error || !INPUT_ERROR_KINDS.has(result.error.kind))
        violations.push(
          `error of kind ${result.error?.kind ?? '?'} on input msb should handle: ${result.reason}`,
        );
      return violations;
    case 'skipped':
    case 'unchanged':
      if (!result.reason?.trim()) violations.push(`${result.status} without a reason`);
      if (result.output !== result.original)
        violations.push(`${result.status} but the output differs from the input`);
      return violations;
    case 'converted':
      return checkConverted(result);
  }
}

function checkConverted(result: ConversionResult): string[] {
  const violations: string[] = [];
  try {
    DockerfileParser.parse(result.output);
  } catch (error) {
    return [`dockerfile-ast cannot parse the output: ${(error as Error).message}`];
  }
  let original: ParsedDockerfile;
  let output: ParsedDockerfile;
  try {
    original = parseDockerfile(result.original);
    output = parseDockerfile(result.output);
  } catch (error) {
    return [`the output does not parse: ${(error as Error).message}`];
  }
  const final = output.stages[output.stages.length - 1];

  // The final stage runs the profile's runtime image.
  const finalImage = (final.from.node as From).getImage();
  if (!result.runtimeImage || finalImage !== result.runtimeImage)
    violations.push(`final stage FROM ${finalImage} is not the runtime image ${result.runtimeImage}`);

  // COPY --from names an earlier stage, or an image (never a later stage or itself).
  for (const stage of output.stages) violations.push(...copyFromViolations(output, stage));

  // Nothing the original had is lost or duplicated in the builder part of the output.
  const countTexts = (stages: Stage[]) => {
    const counts = new Map<string, number>();
    for (const s of stages) for (const i of s.instructions) counts.set(i.text, (counts.get(i.text) ?? 0) + 1);
    return counts;
  };
  const before = countTexts(original.stages);
  const builderPart = countTexts(output.stages.slice(0, original.stages.length));
  for (const [text, count] of before) {
    const kept = builderPart.get(text) ?? 0;
    // The first FROM gains " AS builder": compare it by prefix.
    const isFrom = /^\s*from\b/i.test(text);
    // Strategies may re-state USER/ENV/WORKDIR/ARG/SHELL around their own builder steps.
    const restatable = /^\s*(user|env|workdir|arg|shell)\b/i.test(text);
    if (!isFrom && (kept < count || (kept > count && !restatable)))
      violations.push(
        `instruction ${JSON.stringify(text.slice(0, 80))} appears ${kept} times in the builder, ${count} in the original`,
      );
  }

  // The final image behaves the same at run time, unless a decision says why not.
  const was = runtimeView(original, original.stages[original.stages.length - 1]);
  const now = runtimeView(output, final);
  for (const keyword of RUNTIME_KEYWORDS) {
    if (was[keyword] === now[keyword] || rewrittenByDecision(result, keyword)) continue;
    violations.push(
      `final ${keyword} changed from ${JSON.stringify(was[keyword])} to ${JSON.stringify(now[keyword])} with no decision recorded`,
    );
  }
  // Run-time instructions are not duplicated in the runtime stage.
  // The runtime stage re-emits instructions in the file's line endings: compare them EOL-blind.
  const eolBlind = (counts: Map<string, number>) => {
    const folded = new Map<string, number>();
    for (const [text, n] of counts)
      folded.set(text.replace(/\r\n/g, '\n'), (folded.get(text.replace(/\r\n/g, '\n')) ?? 0) + n);
    return folded;
  };
  const runtimeTexts = eolBlind(countTexts([final]));
  const beforeBlind = eolBlind(before);
  for (const instruction of final.instructions) {
    if (
      !['ENTRYPOINT', 'CMD', 'USER', 'EXPOSE', 'HEALTHCHECK', 'STOPSIGNAL', 'LABEL'].includes(
        instruction.keyword,
      )
    )
      continue;
    const key = instruction.text.replace(/\r\n/g, '\n');
    const n = runtimeTexts.get(key) ?? 0;
    if (n > Math.max(1, beforeBlind.get(key) ?? 0))
      violations.push(`runtime stage repeats ${JSON.stringify(instruction.text)} ${n} times`);
  }

  // msb adds lines and never rewrites the user's: every line of the original is in the output, in order.
  const lost = lostOriginalLine(result.original, result.output);
  if (lost !== null)
    violations.push(
      `line ${lost + 1} of the original is not in the output unchanged: ${JSON.stringify(result.original.split('\n')[lost].slice(0, 80))}`,
    );
  return violations;
}

/**
 * The first line of `original` (0-based) that `output` does not keep, byte for byte and in order
 * (comments, blank lines, continuations and line endings included), or null when all survive.
 * The FROM line may only gain a stage name (` AS builder`) after its image.
 */
function lostOriginalLine(original: string, output: string): number | null {
  const outputLines = output.split('\n');
  const originalLines = original.split('\n');
  // the piece after a final newline is empty, and msb appends after it
  if (originalLines[originalLines.length - 1] === '') originalLines.pop();
  const unterminated = !original.endsWith('\n');
  let cursor = 0;
  for (let i = 0; i < originalLines.length; i++) {
    const line = originalLines[i];
    // a last line without a line break gets the file's line ending when msb appends after it
    const last = unterminated && i === originalLines.length - 1;
    const same = (candidate: string) => candidate === line || isNamedStage(line, candidate);
    const keeps = (candidate: string) => same(candidate) || (last && same(candidate.replace(/\r$/, '')));
    while (cursor < outputLines.length && !keeps(outputLines[cursor])) cursor++;
    if (cursor === outputLines.length) return i;
    cursor++;
  }
  return null;
}

/** Whether `candidate` is `line` with ` AS <name>` inserted at one place. */
function isNamedStage(line: string, candidate: string): boolean {
  if (candidate.length <= line.length) return false;
  let common = 0;
  while (common < line.length && line[common] === candidate[common]) common++;
  for (let at = common; at >= 0; at--) {
    const inserted = / (?:AS|as) [\w.-]+/y;
    inserted.lastIndex = at;
    if (
      inserted.test(candidate) &&
      candidate.slice(inserted.lastIndex) === line.slice(at) &&
      candidate.slice(0, at) === line.slice(0, at)
    )
      return true;
  }
  return false;
}

function copyFromViolations(dockerfile: ParsedDockerfile, stage: Stage): string[] {
  const violations: string[] = [];
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
    const from = parseCopy(instruction)?.from?.toLowerCase();
    if (!from || from.includes('$')) continue;
    const index = /^\d+$/.test(from) ? Number(from) : dockerfile.stages.findIndex((s) => s.name === from);
    if (index >= stage.index)
      violations.push(
        `line ${instruction.line + 1}: COPY --from=${from} names stage ${index}, not an earlier one`,
      );
  }
  return violations;
}

/** ENTRYPOINT/CMD/USER as written, EXPOSE as the sorted set of ports. */
function runtimeView(
  dockerfile: ParsedDockerfile,
  stage: Stage,
): Record<(typeof RUNTIME_KEYWORDS)[number], string> {
  const facts = analyzeStage(dockerfile, stage);
  const ports = facts.metadata
    .filter((m) => m.keyword === 'EXPOSE')
    .flatMap((m) => m.args.trim().split(/\s+/));
  return {
    ENTRYPOINT: facts.entrypoint?.args.trim() ?? '',
    CMD: facts.cmd?.args.trim() ?? '',
    EXPOSE: [...new Set(ports)].sort().join(' '),
    USER: facts.user ?? '',
  };
}

/** A strategy that rewrites the command (nginx runtimes) or the user says so in a decision. */
function rewrittenByDecision(result: ConversionResult, keyword: string): boolean {
  const group =
    keyword === 'CMD' || keyword === 'ENTRYPOINT'
      ? /\b(CMD|ENTRYPOINT|command)\b/i
      : new RegExp(`\\b${keyword}\\b`, 'i');
  return result.decisions.some((d) => {
    if (group.test(d.subject)) return d.placement !== 'builder' && d.placement !== 'both';
    return group.test(d.why) && /replac|rewr|instead|runs as/i.test(d.why);
  });
}

/**
 * The output with the stages msb appended cut off: the builder as msb left it (named, with its
 * insertions). Converting that again must give the same output — msb recognises its own builder
 * lines instead of adding them twice. `originalStages` is how many stages the input had.
 */
export function withoutAddedStages(output: string, originalStages = 1): string {
  const parsed = parseDockerfile(output);
  const firstAdded = parsed.stages[originalStages];
  if (!firstAdded) return output;
  // The appended block starts with its comment lines, after a blank line.
  const lines = parsed.text.slice(0, firstAdded.from.start).split(/(?<=\n)/);
  while (lines.length > 0 && /^[ \t]*(#.*)?\r?\n?$/.test(lines[lines.length - 1])) lines.pop();
  return (parsed.bom ? '\uFEFF' : '') + lines.join('');
}
