/** The size estimate as `--explain` lines: the totals, then each term that weighs something. */
import type { Estimate } from './estimate-types';

export function formatEstimate(estimate: Estimate): string[] {
  const sign = (mb: number) => (mb > 0 ? `−${mb}` : mb < 0 ? `+${-mb}` : '±0');
  return [
    `  estimate: ${estimate.originalMb} MB → ${estimate.convertedMb} MB (saving ${estimate.savingMb} MB; approximate, from profile data — msb verify measures)`,
    ...estimate.basis
      .filter((p) => p.originalMb > 0 || p.convertedMb > 0)
      .map(
        (p) => `    ${p.what}: ${p.originalMb} → ${p.convertedMb} MB (${sign(p.originalMb - p.convertedMb)})`,
      ),
  ];
}
