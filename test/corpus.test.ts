/**
 * The real-world corpus (../shared/corpus, or $MSB_CORPUS): every case is detected and
 * converted with its folder as the build context, and every result must be a conversion that
 * keeps the invariants (test/helpers/conversion-invariants.ts), or a skip/unchanged with a
 * reason, or a typed input error. The cases are data: nothing is copied into the repo.
 */
import { existsSync, readdirSync, statSync } from 'fs';
import * as path from 'path';
import { detectFile } from '../src/api';
import { convertFile } from '../src/convert';
import { isMsbError } from '../src/errors';
import { checkResult } from './helpers/conversion-invariants';

const REPO_ROOT = path.resolve(__dirname, '..');
const CORPUS = path.resolve(REPO_ROOT, process.env.MSB_CORPUS ?? path.join('..', 'shared', 'corpus'));

interface CorpusCase {
  name: string;
  dir: string;
  dockerfile: string;
}

function listCases(): CorpusCase[] {
  if (!existsSync(CORPUS)) return [];
  const cases: CorpusCase[] = [];
  for (const category of readdirSync(CORPUS).sort()) {
    const categoryDir = path.join(CORPUS, category);
    if (!statSync(categoryDir).isDirectory()) continue;
    for (const slug of readdirSync(categoryDir).sort()) {
      const dockerfile = path.join(categoryDir, slug, 'Dockerfile');
      if (existsSync(dockerfile))
        cases.push({ name: `${category}/${slug}`, dir: path.dirname(dockerfile), dockerfile });
    }
  }
  return cases;
}

const cases = listCases();
const summary = {
  converted: 0,
  skipped: new Map<string, number>(),
  unchanged: new Map<string, number>(),
  errors: new Map<string, number>(),
  failed: [] as string[],
};
const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
/** Reasons name lines and images; group them by their stable beginning. */
const reasonGroup = (reason = '') =>
  reason
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/"[^"]*"/g, '"…"')
    .slice(0, 70);

if (cases.length === 0 && process.env.CI) {
  // CI has the shared corpus beside the clone: a missing one is a broken setup, not a pass.
  it('finds the corpus in CI', () => {
    throw new Error(`no corpus at ${CORPUS}`);
  });
} else if (cases.length === 0) {
  it.skip(`corpus not found at ${CORPUS} (set MSB_CORPUS to run it)`, () => undefined);
  // eslint-disable-next-line no-console
  console.log(`corpus.test: skipped, no corpus at ${CORPUS} (set MSB_CORPUS)`);
} else {
  describe('corpus', () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', async (name, c) => {
      const problems: string[] = [];
      try {
        await detectFile(c.dockerfile, { context: c.dir });
      } catch (error) {
        if (!isMsbError(error)) problems.push(`detect crashed: ${(error as Error).stack}`);
      }
      try {
        const result = await convertFile(c.dockerfile, { context: c.dir });
        problems.push(...checkResult(result));
        if (result.status === 'converted') summary.converted++;
        else if (result.status === 'error') bump(summary.errors, result.error?.kind ?? '?');
        else
          bump(result.status === 'skipped' ? summary.skipped : summary.unchanged, reasonGroup(result.reason));
      } catch (error) {
        problems.push(`convert crashed: ${(error as Error).stack}`);
      }
      if (problems.length) summary.failed.push(`${name}: ${problems.join('; ')}`);
      expect(problems).toEqual([]);
    });

    afterAll(() => {
      const lines = [`corpus ${CORPUS}: ${cases.length} cases`, `  converted: ${summary.converted}`];
      for (const [label, map] of [
        ['skipped', summary.skipped],
        ['unchanged', summary.unchanged],
        ['error (input)', summary.errors],
      ] as const) {
        const total = [...map.values()].reduce((a, b) => a + b, 0);
        lines.push(`  ${label}: ${total}`);
        for (const [reason, n] of [...map].sort((a, b) => b[1] - a[1]))
          lines.push(`    ${String(n).padStart(4)}  ${reason}`);
      }
      lines.push(
        `  failed: ${summary.failed.length}`,
        ...summary.failed.map((f) => `    ${f.slice(0, 400)}`),
      );
      // eslint-disable-next-line no-console
      console.log(lines.join('\n'));
    });
  });
}
