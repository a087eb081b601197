/**
 * The codemod summary as a terminal table, JSON and Markdown. `writeReport` picks the format
 * from the file extension (.json, .md/.markdown), or writes a folder with both and rerun lists.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { writeFileSafely } from '../emit/write-file';
import { MsbError } from '../errors';
import { OutputMode, STATUSES, statusLabel } from '../status';
import { clip, fitWidths } from './fit-columns';
import type { CodemodRow, CodemodSummary } from './types';

/** Rows printed in the terminal before "… N more": the full list belongs in --report. */
const TERMINAL_ROW_LIMIT = 40;

/** Version 2: rows carry `status` (src/status.ts) and `written`; counts are keyed by status. */
export function reportToJson(summary: CodemodSummary): string {
  return `${JSON.stringify({ version: 2, ...summary }, null, 2)}\n`;
}

/** `890 MB (1090 → 200 MB)`: the estimated saving and the two images it comes from. */
function estimateOf(row: CodemodRow): string {
  if (row.savingMb === null) return '';
  return `${row.savingMb} MB (${row.originalMb} → ${row.convertedMb} MB)`;
}

export function reportToMarkdown(summary: CodemodSummary): string {
  const t = summary.totals;
  const mode = outputMode(summary);
  const lines = [
    '# msb codemod report',
    '',
    `Mode: ${summary.mode}. Patches: \`${summary.outDir}\`.`,
    '',
    `| repositories | Dockerfiles | ${STATUSES.map((s) => statusLabel(s, mode)).join(' | ')} | estimated saving |`,
    '|---:|---:|---:|---:|---:|---:|---:|',
    `| ${t.repositories} | ${t.dockerfiles} | ${t.converted} | ${t.unchanged} | ${t.skipped} | ${t.error + t.repositoryErrors} | ${t.savingMb} MB |`,
    '',
    '| repository | file | language | result | images | saving | changes and warnings |',
    '|---|---|---|---|---|---:|---|',
  ];
  for (const row of summary.rows) {
    const notes = [...row.changes, ...row.warnings.map((w) => `⚠ ${w}`)].map(cell).join('<br>');
    lines.push(
      `| ${cell(row.repository)} | ${cell(row.file || '(repository)')} | ${cell(languageOf(row))} | ${cell(resultOf(row, mode))} | ${cell(imagesOf(row))} | ${estimateOf(row)} | ${notes} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Width of the terminal table when stdout is not a terminal. */
const DEFAULT_TABLE_WIDTH = 100;

export function reportToTerminal(
  summary: CodemodSummary,
  options: { limit?: number; width?: number } = {},
): string {
  const limit = options.limit ?? TERMINAL_ROW_LIMIT;
  const width = options.width ?? DEFAULT_TABLE_WIDTH;
  const mode = outputMode(summary);
  const interesting = summary.rows.filter(
    (r) => r.status === 'converted' || r.status === 'error' || r.warnings.length > 0,
  );
  const shown = (interesting.length > 0 ? interesting : summary.rows).slice(0, limit);
  const table = formatTable(
    ['repository', 'file', 'language', 'result', 'images', 'saving', 'first warning'],
    shown.map((r) =>
      [
        r.repository,
        r.file || '(repository)',
        languageOf(r),
        resultOf(r, mode),
        imagesOf(r),
        r.savingMb === null ? '' : `${r.savingMb} MB`,
        firstWarning(r),
      ].map(oneLine),
    ),
    {
      width,
      clip: ['start', 'start', 'end', 'end', 'end', null, 'end'],
    },
  );
  const hidden = summary.rows.length - shown.length;
  const t = summary.totals;
  const patches = summary.repositories.filter((r) => r.patch).length;
  const repositories = `${count(t.repositories, 'repository', 'repositories')}${t.repositoryErrors ? ` (${count(t.repositoryErrors, 'error', 'errors')})` : ''}`;
  const lines = [
    table,
    ...(hidden > 0
      ? [
          `… ${hidden} more row${hidden === 1 ? '' : 's'} (unchanged and skipped files are listed in --report)`,
        ]
      : []),
    '',
    ...fitOrBreak(
      [
        `${repositories}, ${count(t.dockerfiles, 'Dockerfile', 'Dockerfiles')}: ${STATUSES.map((s) => `${statusLabel(s, mode)} ${t[s]}`).join(', ')};`,
        `estimated saving ${t.savingMb} MB.`,
      ],
      width,
    ),
    `${count(patches, 'patch file', 'patch files')} in ${summary.outDir}${summary.mode === 'dry-run' && t.converted > 0 ? ' (apply with `git apply`, or rerun with --write)' : ''}.`,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * `--report FILE.json|FILE.md`: the summary in that format. `--report DIR` (no extension): both,
 * plus rerun lists as turbolift writes them, one repository root per line, named by status:
 * `converted.txt` (a Dockerfile converted) and `error.txt` (a Dockerfile or the repository itself
 * ended in an error), for `--repos-from`.
 */
export async function writeReport(target: string, summary: CodemodSummary): Promise<void> {
  const ext = path.extname(target).toLowerCase();
  if (ext === '.json') return writeFileSafely(target, reportToJson(summary));
  if (ext === '.md' || ext === '.markdown') return writeFileSafely(target, reportToMarkdown(summary));
  if (ext !== '')
    throw new MsbError('usage', '--report must end in .json or .md, or name a folder', { file: target });
  await fs.mkdir(target, { recursive: true });
  const list = (roots: string[]) => roots.map((root) => `${root}\n`).join('');
  await writeFileSafely(path.join(target, 'report.json'), reportToJson(summary));
  await writeFileSafely(path.join(target, 'report.md'), reportToMarkdown(summary));
  await writeFileSafely(
    path.join(target, 'converted.txt'),
    list(summary.repositories.filter((r) => r.counts.converted > 0).map((r) => r.root)),
  );
  await writeFileSafely(
    path.join(target, 'error.txt'),
    list(summary.repositories.filter((r) => r.error !== null || r.counts.error > 0).map((r) => r.root)),
  );
}

/**
 * Fixed-width columns; the last column is not padded. With `width`, columns marked in `clip` are
 * cut (with …, at the start for paths) until each line fits; unmarked columns stay whole. An empty
 * last column is left out of the fit, so only the header line may run past `width`.
 */
export function formatTable(
  header: string[],
  rows: string[][],
  fit?: { width: number; clip: readonly ('start' | 'end' | null)[] },
): string {
  const natural = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  // An empty last column (e.g. no row has a warning) takes no room from the others: only its header shows, whole.
  const emptyLast = fit !== undefined && rows.every((r) => r[r.length - 1] === '');
  const fitted = emptyLast ? natural.slice(0, -1) : natural;
  const widths = fit
    ? [
        ...fitWidths(
          fitted.map((n, i) => ({
            natural: n,
            min: fit.clip[i] ? Math.min(n, Math.max(header[i].length, MIN_CLIPPED_WIDTH)) : n,
          })),
          fit.width,
          GAP.length,
        ),
        ...(emptyLast ? [0] : []),
      ]
    : natural;
  const cellOf = (text: string, i: number) =>
    text.length > widths[i] ? clip(text, widths[i], fit?.clip[i] ?? 'end') : text;
  const line = (cells: string[], wholeLast = false) =>
    cells
      .map((c, i) =>
        i === cells.length - 1 ? (wholeLast ? c : cellOf(c, i)) : cellOf(c, i).padEnd(widths[i]),
      )
      .join(GAP)
      .trimEnd();
  return [line(header, emptyLast), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(r))].join(
    '\n',
  );
}

const GAP = '  ';
/** A clipped column keeps at least this much (or its header), so the table stays readable on narrow terminals. */
const MIN_CLIPPED_WIDTH = 8;

function languageOf(row: CodemodRow): string {
  return [row.language, row.framework].filter(Boolean).join('/') || '-';
}

/** A dry run would convert; --write and --git-branch converted. */
function outputMode(summary: CodemodSummary): OutputMode {
  return summary.mode === 'dry-run' ? 'preview' : 'write';
}

function resultOf(row: CodemodRow, mode: OutputMode): string {
  const label = statusLabel(row.status, mode);
  return row.status === 'converted' || !row.reason ? label : `${label}: ${row.reason}`;
}

function firstWarning(row: CodemodRow): string {
  if (row.warnings.length === 0) return '';
  const [first] = row.warnings;
  return row.warnings.length === 1 ? first : `(${row.warnings.length}) ${first}`;
}

function imagesOf(row: CodemodRow): string {
  return row.builderImage && row.runtimeImage ? `${row.builderImage} → ${row.runtimeImage}` : '';
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ');
}

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The parts on one line when it fits the width, else one line each. */
function fitOrBreak(parts: string[], width: number): string[] {
  const joined = parts.join(' ');
  return joined.length <= width ? [joined] : parts;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
