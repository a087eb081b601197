/** Human and JSON renderings of results, shared by convert, detect and codemod. */
import type { ConversionResult } from '../convert';
import type { Detection } from '../detect/detect-types';
import type { Decision } from '../plan/plan-types';
import { diffPath } from '../emit/diff-path';
import { unifiedDiff } from '../emit/unified-diff';
import { formatEstimate } from '../estimate/format-estimate';

export function resultToJson(
  result: ConversionResult,
  options: { diff?: boolean; output?: boolean } = {},
): Record<string, unknown> {
  return {
    file: result.file,
    status: result.status,
    reason: result.reason ?? null,
    language: result.detection?.language ?? null,
    framework: result.detection?.framework ?? null,
    packageManager: result.detection?.packageManager ?? null,
    confidence: result.detection?.confidence ?? null,
    evidence: result.detection?.evidence ?? [],
    builderImage: result.builderImage ?? null,
    runtimeImage: result.runtimeImage ?? null,
    changes: result.changes,
    warnings: result.warnings,
    decisions: result.decisions,
    estimate: result.estimate ?? null,
    broken: result.broken ?? [],
    // The stack of an internal error is for --debug on stderr, not for the JSON.
    error: result.error
      ? {
          kind: result.error.kind,
          message: result.error.message,
          ...(result.error.line !== undefined ? { line: result.error.line } : {}),
        }
      : null,
    ...(options.diff ? { diff: unifiedDiff(diffPath(result.file), result.original, result.output) } : {}),
    ...(options.output !== false && result.status === 'converted' ? { output: result.output } : {}),
  };
}

export function formatExplanation(result: ConversionResult): string {
  const lines: string[] = [];
  if (result.detection) lines.push(formatDetection(result.detection));
  for (const change of result.changes) lines.push(`  change: ${change}`);
  for (const decision of result.decisions)
    lines.push(`  ${decision.subject} → ${PLACEMENT_WORDS[decision.placement]}: ${decision.why}`);
  if (result.estimate) lines.push(...formatEstimate(result.estimate));
  return lines.join('\n');
}

/** Where a decision put something, in words (the JSON keeps the Decision's own value). */
const PLACEMENT_WORDS: Record<Decision['placement'], string> = {
  builder: 'builder only',
  runtime: 'runtime',
  both: 'builder and runtime',
  dropped: 'dropped',
  added: 'added',
};

export function formatDetection(detection: Detection): string {
  const lines: string[] = [];
  if (detection.language) {
    const extra = [
      detection.framework && `framework ${detection.framework}`,
      detection.packageManager && `package manager ${detection.packageManager}`,
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(
      `language: ${detection.language} (confidence ${detection.confidence.toFixed(2)}${detection.overridden ? ', chosen with --lang' : ''})${extra ? `; ${extra}` : ''}`,
    );
  } else {
    lines.push('language: unknown');
  }
  for (const [key, value] of Object.entries(detection.facts)) lines.push(`  ${key}: ${value}`);
  for (const e of detection.evidence) lines.push(`  evidence [${e.kind}] ${e.detail} (+${e.weight})`);
  const others = detection.candidates.filter((c) => c.language !== detection.language);
  if (others.length)
    lines.push(
      `  other candidates: ${others.map((c) => `${c.language} ${c.confidence.toFixed(2)}`).join(', ')}`,
    );
  return lines.join('\n');
}
