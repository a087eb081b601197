/** Discovers `examples/<case>/` folders and reads their `case.yaml`. */
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { caseSpecErrors, CaseSpec } from './case-schema';

export const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'examples');

export interface ExampleCase {
  name: string;
  dir: string;
  dockerfile: string;
  expectedFile: string;
  spec: CaseSpec;
  /** How case.yaml breaks its schema (helpers/case-schema.ts), each naming the file; empty when valid. */
  specErrors: string[];
}

export function listExamples(): ExampleCase[] {
  return readdirSync(EXAMPLES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(EXAMPLES_DIR, d.name, 'case.yaml')))
    .map((d) => {
      const dir = path.join(EXAMPLES_DIR, d.name);
      const spec: CaseSpec = parse(readFileSync(path.join(dir, 'case.yaml'), 'utf8'));
      return {
        name: d.name,
        dir,
        dockerfile: path.join(dir, 'Dockerfile'),
        expectedFile: path.join(dir, 'Dockerfile.expected'),
        spec,
        specErrors: caseSpecErrors(`examples/${d.name}/case.yaml`, spec),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
