/**
 * Property-based fuzzing, small fixed-seed run (the long run is `npm run fuzz`): for generated
 * and mutated Dockerfiles, convertText returns a result or throws a typed MsbError with a
 * message, and every conversion keeps the invariants of test/helpers/conversion-invariants.ts.
 */
import fc from 'fast-check';
import * as path from 'path';
import { convertSafely, checkResult } from './helpers/conversion-invariants';
import { fuzzInput, generatedDockerfile, mutatedExample } from './helpers/dockerfile-arbitraries';
import { convertText } from '../src/convert';

const SEED = 20240611;
let converted = 0;

function property(input: { text: string; context: string; lang?: string }): void {
  const outcome = convertSafely(input.text, { file: 'Dockerfile', context: input.context, lang: input.lang });
  if (outcome.crash) throw new Error(`crash: ${outcome.crash}`);
  if (outcome.violations.length) throw new Error(outcome.violations.join('\n'));
  if (outcome.result?.status === 'converted') converted++;
}

/**
 * Counterexamples `npm run fuzz` found (seed, case count), kept as fixed cases so the class stays
 * fixed. `context` names the example folder used as the build context.
 */
const REGRESSIONS: { found: string; context: string; text: string }[] = [
  {
    // A build tool whose program word holds a space: its packaging command was re-split and read as null.
    found: 'seed 712265454, case 40,316',
    context: 'java-spring-boot-run',
    text: 'FROM eclipse-temurin:21-jdk\nWORKDIR /app\nCOPY .mvn .mvn\nCOPY mvnw pom.xml ./\nCOPY src ./src\nCMD ["RUN ./mvnw", "-B", "spring-boot:run"]\n',
  },
  {
    found: 'the same class: words with a space and a quote',
    context: 'java-spring-boot-run',
    text: 'FROM eclipse-temurin:21-jdk\nWORKDIR /app\nCOPY . .\nCMD ["./mvnw", "-Dspring-boot.run.profiles=a b", "-Dx=it\'s", "spring-boot:run"]\n',
  },
  {
    // A WORKDIR with quotes: the runtime COPY of a carried .env named a path lint read differently.
    found: 'seed 721690235, case 41,832',
    context: 'go-dotenv-gitignored',
    text: 'FROM golang:1.21\nWORKDIR ["sh", "-c", "echo $X"]/go/src/inventory\nCOPY . .\nENTRYPOINT ["./inventory"]',
  },
];

it.each(REGRESSIONS.map((r) => [r.found, r] as const))(
  'regression (%s) keeps the invariants',
  (_found, r) => {
    property({ text: r.text, context: path.resolve(__dirname, '..', 'examples', r.context) });
  },
);

it('generated Dockerfiles never crash msb and every conversion keeps the invariants', () => {
  fc.assert(fc.property(generatedDockerfile, property), { seed: SEED, numRuns: 700 });
});

it('mutated examples never crash msb and every conversion keeps the invariants', () => {
  fc.assert(fc.property(mutatedExample, property), { seed: SEED, numRuns: 700 });
});

it('the mix converts a fair share of its inputs (the properties are not vacuous)', () => {
  converted = 0;
  fc.assert(fc.property(fuzzInput, property), { seed: SEED + 1, numRuns: 300 });
  expect(converted).toBeGreaterThan(30);
});

it('the invariant checker catches a broken conversion', () => {
  const text =
    'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nEXPOSE 8000\nCMD ["python", "app.py"]\n';
  const context = path.resolve(__dirname, '..', 'examples', 'python-requirements-console-script');
  const result = convertText(text, { file: 'Dockerfile', context });
  expect(result.status).toBe('converted');
  expect(checkResult(result)).toEqual([]);
  const lostCmd = { ...result, output: result.output.replace(/CMD \["python", "app.py"\]\n$/, '') };
  expect(checkResult(lostCmd).join('\n')).toMatch(/final CMD changed/);
  const laterStage = { ...result, output: result.output.replace(/--from=builder/, '--from=runtime') };
  expect(checkResult(laterStage).join('\n')).toMatch(/not an earlier one/);
  const rewritten = {
    ...result,
    output: result.output.replace(
      'RUN pip install -r requirements.txt\n',
      'RUN pip install --user -r requirements.txt\n',
    ),
  };
  expect(checkResult(rewritten).join('\n')).toMatch(/line 4 of the original is not in the output unchanged/);
  const renamed = {
    ...result,
    output: result.output.replace('FROM python:3.12 AS builder', 'FROM python:3.13 AS builder'),
  };
  expect(checkResult(renamed).join('\n')).toMatch(/line 1 of the original is not in the output unchanged/);
  const lostComment = { ...result, original: `# keep me\n${text}`, output: result.output };
  expect(checkResult(lostComment).join('\n')).toMatch(
    /line 1 of the original is not in the output unchanged: "# keep me"/,
  );
});
