/** Discovers `examples/<case>/` folders and reads their `case.yaml`. */
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

export const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'examples');

export interface ExampleCase {
  name: string;
  dir: string;
  dockerfile: string;
  expectedFile: string;
  spec: {
    description: string;
    language?: string;
    framework?: string;
    packageManager?: string;
    status: 'changed' | 'unchanged' | 'skipped';
    reason?: string;
    options?: Record<string, string>;
    warnings?: string[];
    e2e?: unknown;
  };
}

export function listExamples(): ExampleCase[] {
  return readdirSync(EXAMPLES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(EXAMPLES_DIR, d.name, 'case.yaml')))
    .map((d) => {
      const dir = path.join(EXAMPLES_DIR, d.name);
      return {
        name: d.name,
        dir,
        dockerfile: path.join(dir, 'Dockerfile'),
        expectedFile: path.join(dir, 'Dockerfile.expected'),
        spec: parse(readFileSync(path.join(dir, 'case.yaml'), 'utf8')),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
