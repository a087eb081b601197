/**
 * The "never larger" gate: a conversion whose estimated saving (src/estimate) is below the
 * threshold is not worth a change to the user's file. The threshold is a size (`10MB`) or a share
 * of the original image (`5%`); `--min-saving 0` skips only conversions estimated to grow.
 */
import type { Estimate } from '../estimate/estimate-types';

export type MinSaving = { unit: 'MB'; value: number } | { unit: '%'; value: number };

/** The default: a conversion must save an estimated 10 MB (README "Principles"). */
export const DEFAULT_MIN_SAVING: MinSaving = { unit: 'MB', value: 10 };

const FORMAT = /^\s*(\d+(?:\.\d+)?)\s*(mb|%)?\s*$/i;

/** `10MB`, `10 MB`, `5%`, `0`, or a number of MB; null when the text is neither. */
export function parseMinSaving(text: string | number): MinSaving | null {
  if (typeof text === 'number')
    return Number.isFinite(text) && text >= 0 ? { unit: 'MB', value: text } : null;
  const match = FORMAT.exec(text);
  if (!match) return null;
  const value = Number(match[1]);
  return match[2] === '%' ? { unit: '%', value } : { unit: 'MB', value };
}

export function formatMinSaving(threshold: MinSaving): string {
  return threshold.unit === '%' ? `${threshold.value} %` : `${threshold.value} MB`;
}

/** The reason to skip, or null when the estimated saving reaches the threshold. */
export function minSavingProblem(estimate: Estimate, threshold: MinSaving): string | null {
  const wanted = threshold.unit === 'MB' ? threshold.value : (estimate.originalMb * threshold.value) / 100;
  if (estimate.savingMb >= wanted && estimate.savingMb > 0) return null;
  return `nothing to gain (estimated ${estimate.originalMb} MB → ${estimate.convertedMb} MB, below the minimum saving of ${formatMinSaving(threshold)}; --min-saving or --force changes that)`;
}
