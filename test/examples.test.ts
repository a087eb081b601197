/**
 * The golden suite: every examples/<case>/ is converted and compared with its
 * Dockerfile.expected and case.yaml. `UPDATE_GOLDEN=1 npm test` rewrites the goldens.
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { convertFile, convertText, parseDockerfile } from '../src';
import { listExamples } from './helpers/examples';

const update = process.env.UPDATE_GOLDEN === '1';
const examples = listExamples();

describe.each(examples.map((e) => [e.name, e] as const))('example %s', (_name, example) => {
  let result: Awaited<ReturnType<typeof convertFile>>;
  beforeAll(async () => {
    result = await convertFile(example.dockerfile, example.spec.options ?? {});
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

  if (example.spec.status === 'changed') {
    it('matches Dockerfile.expected', () => {
      if (update && result.status === 'changed') writeFileSync(example.expectedFile, result.output);
      if (!existsSync(example.expectedFile)) throw new Error(`missing ${example.expectedFile}: run UPDATE_GOLDEN=1 npm test`);
      expect(result.output).toBe(readFileSync(example.expectedFile, 'utf8'));
    });

    it('is stable: converting the output again changes nothing', () => {
      const again = convertText(result.output, { file: example.dockerfile, ...(example.spec.options ?? {}) });
      expect(again.status).toBe('unchanged');
    });

    it('keeps every comment and re-parses', () => {
      const comments = result.original.split(/\r?\n/).filter((l) => /^\s*#/.test(l));
      for (const comment of comments) expect(result.output).toContain(comment);
      expect(() => parseDockerfile(result.output)).not.toThrow();
    });
  }
});
