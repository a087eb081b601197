/** The `msb verify` table: before/after size, layers, build time and the smoke comparison. */
import { formatTable } from '../codemod/report';
import type { VerifyReport } from './run-verify';

export function formatVerifyReport(report: VerifyReport): string {
  const c = report.conversion;
  if (report.verdict === 'nothing-to-verify')
    return `msb verify: nothing to verify: ${report.dockerfile} is ${c.status}${c.reason ? ` (${c.reason})` : ''}\n`;
  const { original, converted, smoke } = report;
  const rows = [
    [
      'image size',
      mb(original?.sizeBytes),
      mb(converted?.sizeBytes),
      report.sizeRatio === null ? '' : `×${report.sizeRatio.toFixed(2)}`,
    ],
    ['layers', num(original?.layers), num(converted?.layers), ''],
    ['build time', secs(original?.buildMs), secs(converted?.buildMs), ''],
    [
      'build',
      original ? (original.built ? 'ok' : 'FAILED') : '',
      converted ? (converted.built ? 'ok' : 'FAILED') : 'not run',
      '',
    ],
  ];
  if (smoke)
    rows.push([
      `smoke: ${smoke.check}`,
      outcome(smoke.original),
      outcome(smoke.converted),
      smoke.same ? 'same' : 'DIFFERENT',
    ]);
  const lines = [
    `msb verify ${report.dockerfile} (${c.language ?? 'unknown'}: ${c.builderImage} → ${c.runtimeImage})`,
    '',
    formatTable(['', 'original', 'converted', ''], rows),
    '',
  ];
  const failed =
    report.verdict === 'original-build-failed'
      ? original
      : report.verdict === 'converted-build-failed'
        ? converted
        : null;
  if (failed?.error) {
    lines.push(
      `build error, last lines of the failing step${failed.logFile ? ` (full log: ${failed.logFile})` : ''}:`,
      ...failed.error.split('\n').map((line) => `  ${line}`),
    );
  }
  if (smoke && !smoke.same) lines.push(`difference: ${smoke.difference}`);
  for (const note of report.notes) lines.push(`note: ${note}`);
  lines.push(`verdict: ${report.verdict}`);
  return `${lines.join('\n')}\n`;
}

function mb(bytes: number | null | undefined): string {
  return bytes === null || bytes === undefined ? '' : `${(bytes / 1e6).toFixed(1)} MB`;
}

function num(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

function secs(ms: number | undefined): string {
  return ms === undefined ? '' : `${(ms / 1000).toFixed(1)} s`;
}

function outcome(o: { exitCode: number | null; status: number | null }): string {
  if (o.status !== null) return `HTTP ${o.status}`;
  return o.exitCode === null ? 'running' : `exit ${o.exitCode}`;
}
