/** `--format` for `msb lint` and `msb convert --check`: one report, five renderings. */
import { formatCheckstyle } from './checkstyle';
import { formatGithub } from './github';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';
import type { FormatOptions, Report } from './report-types';

export type { FileReport, FormatOptions, Report, ReportMessage, ReportRule } from './report-types';

/** `json` is rendered by each command (its own JSON shape); the others from the shared report. */
export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'checkstyle'] as const;
export type FormatName = (typeof FORMATS)[number];

export function formatReport(
  format: Exclude<FormatName, 'json'>,
  report: Report,
  options: FormatOptions,
): string {
  switch (format) {
    case 'stylish':
      return formatStylish(report, options);
    case 'sarif':
      return formatSarif(report, options);
    case 'github':
      return formatGithub(report, options);
    case 'checkstyle':
      return formatCheckstyle(report);
  }
}
