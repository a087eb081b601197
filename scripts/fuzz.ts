/**
 * `npm run fuzz [-- --runs N --seed S]`: the long fuzz run (default 100,000 cases) of the
 * properties in test/fuzz.test.ts. Prints cases, conversions, time; exits 1 on a counterexample.
 */
import fc from 'fast-check';
import { convertSafely } from '../test/helpers/conversion-invariants';
import { fuzzInput } from '../test/helpers/dockerfile-arbitraries';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const runs = option('runs', 100_000);
const seed = option('seed', Date.now() % 2 ** 31);
const counts: Record<string, number> = {};
const started = Date.now();
const details = fc.check(
  fc.property(fuzzInput, (input) => {
    const outcome = convertSafely(input.text, {
      file: 'Dockerfile',
      context: input.context,
      lang: input.lang,
    });
    if (outcome.crash) throw new Error(`crash: ${outcome.crash}`);
    if (outcome.violations.length) throw new Error(outcome.violations.join('\n'));
    const status = outcome.result?.status ?? 'error';
    counts[status] = (counts[status] ?? 0) + 1;
  }),
  { seed, numRuns: runs },
);
const seconds = (Date.now() - started) / 1000;
process.stdout.write(
  `fuzz: ${details.numRuns} cases in ${seconds.toFixed(1)} s (seed ${seed}): ${JSON.stringify(counts)}\n`,
);
if (details.failed) {
  process.stdout.write(`${fc.defaultReportMessage(details)}\n`);
  const error = details.errorInstance;
  if (error) process.stdout.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
