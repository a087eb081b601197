/**
 * The "never broken" gate: a converted file msb believes would not work (a strategy's
 * BrokenFinding, or an error-level lint finding the conversion introduced) is not handed out.
 * The result becomes `skipped` with the findings as its reason, unless the user forces it; then
 * the findings travel with the result as warnings.
 */
import { formatFinding } from '../lint/lint';
import type { LintFinding } from '../lint/lint-types';
import type { BrokenFinding } from '../plan/plan-types';

export type GateVerdict = { kind: 'pass'; warnings: string[] } | { kind: 'skip'; reason: string };

/** Error-level lint findings on the converted file, as findings of the gate. */
export function lintErrorsAsBroken(file: string, errors: readonly LintFinding[]): BrokenFinding[] {
  return errors.map((finding) => ({ kind: 'lint-error', message: formatFinding(file, finding) }));
}

export function brokenGate(findings: readonly BrokenFinding[], force: boolean): GateVerdict {
  if (findings.length === 0) return { kind: 'pass', warnings: [] };
  if (force)
    return {
      kind: 'pass',
      warnings: findings.map((f) => `written with --force although it would not work: ${f.message}`),
    };
  return {
    kind: 'skip',
    reason: `msb believes the converted image would not work: ${findings.map((f) => f.message).join('; ')} (--force writes it anyway)`,
  };
}
