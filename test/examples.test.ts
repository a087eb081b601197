/**
 * The golden suite: every examples/<case>/ is converted and compared with its
 * Dockerfile.expected and case.yaml. `UPDATE_GOLDEN=1 npm test` rewrites the goldens.
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { convertFile, convertText } from '../src';
import { caseSpecErrors } from './helpers/case-schema';
import { checkResult, withoutAddedStages } from './helpers/conversion-invariants';
import { listExamples } from './helpers/examples';

const update = process.env.UPDATE_GOLDEN === '1';
/**
 * Known gap (Python's planner): converted again, the environment msb added to the builder (a venv,
 * or tiangolo's user base) reads as the user's own, so the runtime replays its ENV lines after the
 * user's instead of writing them first — the same image, other text. `it.failing` fails the day it
 * is fixed: then drop this.
 */
const ENVIRONMENT_ADDED_BY_MSB = [
  '# msb: install Python packages into one virtual environment',
  "# msb: the image's own command runs the system Python's tools",
];
const roundTripGap = (expectedFile: string) =>
  existsSync(expectedFile) &&
  ENVIRONMENT_ADDED_BY_MSB.some((marker) => readFileSync(expectedFile, 'utf8').includes(marker));
const examples = listExamples();

describe.each(examples.map((e) => [e.name, e] as const))('example %s', (_name, example) => {
  let result: Awaited<ReturnType<typeof convertFile>>;
  beforeAll(async () => {
    result = await convertFile(example.dockerfile, example.spec.options ?? {});
  });

  it('has a case.yaml that follows the schema (test/helpers/case-schema.ts)', () => {
    expect(example.specErrors).toEqual([]);
  });

  it(`has status ${example.spec.status}`, () => {
    expect({ status: result.status, reason: result.reason }).toMatchObject({ status: example.spec.status });
    if (example.spec.reason) expect(result.reason).toContain(example.spec.reason);
  });

  it('detects the expected language, framework and package manager', () => {
    const { language, framework, packageManager } = example.spec;
    if (language === undefined) return;
    expect(result.detection?.language).toBe(language);
    if (framework !== undefined) expect(result.detection?.framework).toBe(framework);
    if (packageManager !== undefined) expect(result.detection?.packageManager).toBe(packageManager);
  });

  it('gives the expected warnings', () => {
    for (const warning of example.spec.warnings ?? []) {
      expect(result.warnings.join('\n')).toContain(warning);
    }
  });

  if (example.spec.status === 'converted') {
    it('matches Dockerfile.expected', () => {
      if (update && result.status === 'converted') writeFileSync(example.expectedFile, result.output);
      if (!existsSync(example.expectedFile))
        throw new Error(`missing ${example.expectedFile}: run UPDATE_GOLDEN=1 npm test`);
      expect(result.output).toBe(readFileSync(example.expectedFile, 'utf8'));
    });

    it('holds the invariants shared with the corpus and fuzz tests (every original line kept, same run-time view...)', () => {
      expect(checkResult(result)).toEqual([]);
    });

    const roundTrip = roundTripGap(example.expectedFile) ? it.failing : it;
    roundTrip('gives the same output again when the added stages are cut off and the rest converted', () => {
      const again = convertText(withoutAddedStages(result.output), {
        file: example.dockerfile,
        context: example.dir,
        ...(example.spec.options ?? {}),
      });
      // Only the final line break may differ: a file without one gets none after the runtime stage.
      expect(again.output.replace(/\r?\n$/, '')).toBe(result.output.replace(/\r?\n$/, ''));
    });

    it('gives the same conversion, in CRLF, for the file with CRLF line endings', () => {
      const crlf = convertText(result.original.replace(/\r?\n/g, '\r\n'), {
        file: example.dockerfile,
        context: example.dir,
        ...(example.spec.options ?? {}),
      });
      expect(crlf.output).toBe(result.output.replace(/\r?\n/g, '\r\n'));
    });
  }
});

describe('the case.yaml schema', () => {
  const valid = { description: 'd', status: 'converted' };
  it.each([
    [
      'an unknown field',
      { ...valid, warning: ['x'] },
      /x\/case\.yaml: \(top level\) must NOT have additional properties \(warning\)/,
    ],
    ['a wrong type', { ...valid, warnings: 'cgo' }, /x\/case\.yaml: \/warnings must be array/],
    [
      'an unknown status',
      { ...valid, status: 'changed' },
      /x\/case\.yaml: \/status must be equal to one of the allowed values/,
    ],
    [
      'an unknown option',
      { ...valid, options: { runtme: 'alpine' } },
      /x\/case\.yaml: \/options must NOT have additional properties \(runtme\)/,
    ],
    [
      'an e2e block that neither runs nor serves',
      { ...valid, e2e: { absent: ['gcc'] } },
      /x\/case\.yaml: \/e2e must have required property 'run'/,
    ],
    [
      'an HTTP port as text',
      { ...valid, e2e: { http: { port: '80' } } },
      /x\/case\.yaml: \/e2e\/http\/port must be integer/,
    ],
    [
      'no description',
      { status: 'converted' },
      /x\/case\.yaml: \(top level\) must have required property 'description'/,
    ],
  ])('rejects %s, naming the file', (_what, doc, message) => {
    expect(caseSpecErrors('examples/x/case.yaml', doc).join('\n')).toMatch(message);
  });

  it('accepts a full case', () => {
    const full = {
      ...valid,
      language: 'go',
      framework: 'gin',
      packageManager: 'go modules',
      reason: 'r',
      options: { lang: 'go', runtime: 'scratch' },
      warnings: ['w'],
      e2e: {
        run: { args: ['-v'], expect: 'ok' },
        http: { port: 8080, paths: ['/'] },
        absent: ['go'],
        maxRatio: 0.5,
      },
    };
    expect(caseSpecErrors('examples/x/case.yaml', full)).toEqual([]);
  });
});
