/**
 * The codemod summary as a terminal table, JSON and Markdown. `writeReport` picks the format
 * from the file extension (.json, .md/.markdown).
 */
import * as path from 'path';
import { writeFileSafely } from '../emit/write-file';
import { MsbError } from '../errors';
import type { CodemodRow, CodemodSummary } from './types';

/** Rows printed in the terminal before "… N more": the full list belongs in --report. */
export const TERMINAL_ROW_LIMIT = 40;

export function reportToJson(summary: CodemodSummary): string {
  return `${JSON.stringify({ version: 1, ...summary }, null, 2)}\n`;
}

export function reportToMarkdown(summary: CodemodSummary): string {
  const t = summary.totals;
  const lines = [
    '# msb codemod report',
    '',
    `Mode: ${summary.mode}. Patches: \`${summary.outDir}\`.`,
    '',
    '| repositories | Dockerfiles | converted | unchanged | skipped | failed | estimated saving |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    `| ${t.repositories} | ${t.dockerfiles} | ${t.converted} | ${t.unchanged} | ${t.skipped} | ${t.failed + t.repositoryErrors} | ${t.savingMb} MB |`,
    '',
    '| repository | file | language | result | images | saving | changes and warnings |',
    '|---|---|---|---|---|---:|---|',
  ];
  for (const row of summary.rows) {
    const notes = [...row.changes, ...row.warnings.map((w) => `⚠ ${w}`)].map(cell).join('<br>');
    lines.push(
      `| ${cell(row.repository)} | ${cell(row.file || '(repository)')} | ${cell(languageOf(row))} | ${cell(resultOf(row))} | ${cell(imagesOf(row))} | ${row.savingMb === null ? '' : `${row.savingMb} MB`} | ${notes} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function reportToTerminal(summary: CodemodSummary, limit = TERMINAL_ROW_LIMIT): string {
  const interesting = summary.rows.filter((r) => r.outcome === 'converted' || r.outcome === 'failed' || r.warnings.length > 0);
  const shown = (interesting.length > 0 ? interesting : summary.rows).slice(0, limit);
  const table = formatTable(
    ['repository', 'file', 'language', 'result', 'images', 'saving', 'warnings'],
    shown.map((r) => [r.repository, r.file || '(repository)', languageOf(r), truncate(resultOf(r), 60), imagesOf(r), r.savingMb === null ? '' : `${r.savingMb} MB`, String(r.warnings.length || '')]),
  );
  const hidden = summary.rows.length - shown.length;
  const t = summary.totals;
  const patches = summary.repositories.filter((r) => r.patch).length;
  const verb = summary.mode === 'dry-run' ? 'would convert' : 'converted';
  const lines = [
    table,
    ...(hidden > 0 ? [`… ${hidden} more row${hidden === 1 ? '' : 's'} (unchanged and skipped files are listed in --report)`] : []),
    '',
    `${count(t.repositories, 'repository', 'repositories')}, ${count(t.dockerfiles, 'Dockerfile', 'Dockerfiles')}: ${verb} ${t.converted}, unchanged ${t.unchanged}, skipped ${t.skipped}, failed ${t.failed}` +
      `${t.repositoryErrors ? `, ${count(t.repositoryErrors, 'repository', 'repositories')} failed` : ''}; estimated saving ${t.savingMb} MB.`,
    `${count(patches, 'patch file', 'patch files')} in ${summary.outDir}${summary.mode === 'dry-run' && t.converted > 0 ? ' (apply with `git apply`, or rerun with --write)' : ''}.`,
  ];
  return `${lines.join('\n')}\n`;
}

export async function writeReport(file: string, summary: CodemodSummary): Promise<void> {
  const ext = path.extname(file).toLowerCase();
  const text = ext === '.json' ? reportToJson(summary) : ext === '.md' || ext === '.markdown' ? reportToMarkdown(summary) : null;
  if (text === null) throw new MsbError('usage', '--report must end in .json or .md', { file });
  await writeFileSafely(file, text);
}

/** Fixed-width columns; the last column is not padded. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function languageOf(row: CodemodRow): string {
  return [row.language, row.framework].filter(Boolean).join('/') || '-';
}

function resultOf(row: CodemodRow): string {
  return row.outcome === 'converted' || !row.reason ? row.outcome : `${row.outcome}: ${row.reason}`;
}

function imagesOf(row: CodemodRow): string {
  return row.builderImage && row.runtimeImage ? `${row.builderImage} → ${row.runtimeImage}` : '';
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
