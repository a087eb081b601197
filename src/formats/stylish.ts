/** eslint's "stylish" format: problems grouped under each file, aligned columns, a summary line. */
import { createColors } from 'picocolors';
import { countProblems, FileReport, FormatOptions, Report } from './report-types';

export function formatStylish(report: Report, options: FormatOptions): string {
  const c = createColors(options.color);
  const blocks: string[] = [];
  for (const file of report.files.filter((f) => f.messages.length)) {
    // One row per problem: a multi-line message is folded onto its row.
    const rows = file.messages.map((m) => [
      `${m.line}:${m.column}`,
      m.severity,
      m.message.replace(/\s*\n\s*/g, ' '),
      m.ruleId,
    ]);
    const width = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i].length)));
    const lines = rows.map(([place, severity, message, rule]) => {
      const paint = severity === 'error' ? c.red : c.yellow;
      return `  ${c.dim(place.padEnd(width[0]))}  ${paint(severity.padEnd(width[1]))}  ${message.padEnd(width[2])}  ${c.dim(rule)}`.trimEnd();
    });
    blocks.push(`${c.underline(file.file)}\n${lines.join('\n')}\n`);
  }
  if (!blocks.length) return '';
  return `${blocks.join('\n')}\n${summary(report.files, c)}\n`;
}

function summary(files: FileReport[], c: ReturnType<typeof createColors>): string {
  const { errors, warnings } = countProblems(files);
  const total = errors + warnings;
  const text = `✖ ${total} ${total === 1 ? 'problem' : 'problems'} (${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'})`;
  return c.bold(errors ? c.red(text) : c.yellow(text));
}
