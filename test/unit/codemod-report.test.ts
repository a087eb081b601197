import { readFileSync } from 'fs';
import * as path from 'path';
import { reportToMarkdown, reportToTerminal, writeReport } from '../../src/codemod/report';
import type { CodemodRow, CodemodSummary } from '../../src/codemod/types';
import { tempDir } from './codemod-helpers';

const row = (over: Partial<CodemodRow>): CodemodRow => ({
  repository: 'org/api',
  file: 'Dockerfile',
  status: 'converted',
  written: false,
  reason: null,
  language: 'python',
  framework: 'flask',
  builderImage: 'python:3.11',
  runtimeImage: 'python:3.11-slim',
  changes: ['named the build stage "builder" (line 1)'],
  warnings: [],
  originalMb: 1090,
  convertedMb: 765,
  savingMb: 325,
  ...over,
});

const summary: CodemodSummary = {
  workerThreads: 0,
  mode: 'dry-run',
  outDir: '/tmp/out',
  rows: [
    row({}),
    row({
      file: 'web/Dockerfile',
      status: 'skipped',
      reason: 'unknown language | no match',
      language: null,
      framework: null,
      builderImage: null,
      runtimeImage: null,
      changes: [],
      originalMb: null,
      convertedMb: null,
      savingMb: null,
    }),
    row({
      repository: 'org/broken',
      file: '',
      status: 'error',
      reason: 'has uncommitted changes',
      language: null,
      framework: null,
      builderImage: null,
      runtimeImage: null,
      changes: [],
      originalMb: null,
      convertedMb: null,
      savingMb: null,
    }),
    row({ repository: 'org/db', warnings: ['libpq needed at run time'] }),
  ],
  repositories: [],
  totals: {
    repositories: 3,
    repositoryErrors: 1,
    dockerfiles: 3,
    converted: 2,
    unchanged: 0,
    skipped: 1,
    error: 0,
    savingMb: 650,
  },
  durationMs: 5,
};

describe('codemod reports', () => {
  it('JSON: the whole summary, versioned', async () => {
    const file = path.join(tempDir(), 'report.json');
    await writeReport(file, summary);
    const parsed = JSON.parse(readFileSync(file, 'utf8'));
    expect(parsed.version).toBe(2);
    expect(parsed.rows[0]).toMatchObject({ status: 'converted', written: false });
    expect(parsed.rows).toHaveLength(4);
    expect(parsed.totals.savingMb).toBe(650);
  });

  it('Markdown: a totals table and one escaped row per file, chosen by the extension', async () => {
    const file = path.join(tempDir(), 'report.md');
    await writeReport(file, summary);
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(reportToMarkdown(summary));
    expect(text).toContain(
      '| repositories | Dockerfiles | would convert | unchanged | skipped | error | estimated saving |',
    );
    expect(text).toContain('| 3 | 3 | 2 | 0 | 1 | 1 | 650 MB |');
    expect(text).toContain('| org/api | Dockerfile | python/flask | would convert |');
    expect(text).toContain('| org/api | web/Dockerfile | - | skipped: unknown language \\| no match |');
    expect(text).toContain('| org/broken | (repository) | - | error: has uncommitted changes |');
    expect(text).toContain('⚠ libpq needed at run time');
  });

  it('refuses other extensions', async () => {
    await expect(writeReport(path.join(tempDir(), 'report.txt'), summary)).rejects.toThrow(/\.json or \.md/);
  });

  it('terminal: converted, error and warned rows, a limit, and the totals line', () => {
    const text = reportToTerminal(summary, { limit: 2 });
    expect(text.split('\n')[0]).toMatch(
      /^repository\s+file\s+language\s+result\s+images\s+saving\s+first warning$/,
    );
    expect(text).toContain('python/flask');
    expect(text).toContain('… 2 more rows');
    expect(text).toContain(
      // 113 columns on one line: the saving goes on the next.
      '3 repositories (1 error), 3 Dockerfiles: would convert 2, unchanged 0, skipped 1, error 0;\nestimated saving 650 MB.\n',
    );
  });

  it.each([40, 60, 100, 236])(
    'terminal: every line fits %i columns; paths lose their start, text its end',
    (width) => {
      const long = row({
        repository: 'a-long-organisation/with-a-repository-whose-name-goes-on',
        file: 'services/backend/worker/Dockerfile.production',
        warnings: [
          'libsomething-unknown-dev: no runtime library is known for this -dev package; kept in the builder only',
          'second',
        ],
      });
      const text = reportToTerminal({ ...summary, rows: [long] }, { width });
      const table = text.split('\n').slice(0, 3);
      // Unclipped columns (saving) and the minimum widths set a floor below which lines cannot shrink.
      for (const line of table) expect(line.length).toBeLessThanOrEqual(Math.max(width, 88));
      if (width === 100) {
        expect(table[2]).toMatch(
          /^…\S*-goes-on {2}…\S*\.production {2}python\/flask {2}would convert {2}python:3\.11 →\S* {2}325 MB {2}\(2\) libsometh\S*…$/,
        );
      }
      if (width === 236)
        expect(table[2]).toMatch(
          /^a-long-organisation\/\S+ {2}services\/backend\/worker\/Dockerfile\.production .* \(2\) libsomething-unknown-dev: no runtime library/,
        );
    },
  );

  it('terminal: with no warning shown, the empty last column takes no room from the others', () => {
    // 100 columns without the last one; reserving its header would cut the images.
    const text = reportToTerminal(
      { ...summary, rows: [row({ repository: 'org/api-service', file: 'api/Dockerfile' })] },
      { width: 100 },
    );
    const [header, rule, line] = text.split('\n');
    expect(header).toMatch(/ {2}saving {2}first warning$/);
    expect(rule.length).toBeLessThanOrEqual(100);
    expect(line).toBe(
      'org/api-service  api/Dockerfile  python/flask  would convert  python:3.11 → python:3.11-slim  325 MB',
    );
  });

  it('terminal: singular counts read as such', () => {
    const one = {
      ...summary,
      totals: { ...summary.totals, repositories: 1, dockerfiles: 1, repositoryErrors: 0 },
    };
    expect(reportToTerminal(one)).toContain('1 repository, 1 Dockerfile: would convert 2');
    // Wide enough, the totals and the saving share a line.
    expect(reportToTerminal(one, { width: 120 })).toContain(
      '1 repository, 1 Dockerfile: would convert 2, unchanged 0, skipped 1, error 0; estimated saving 650 MB.\n',
    );
    expect(reportToTerminal(one)).toContain('0 patch files in /tmp/out');
  });
});
