/** Fixtures for the Node strategy's unit tests: a build context on disk, stage facts, the profile's settings. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { analyzeStage } from '../../../src/analyze/stage-facts';
import { openBuildContext } from '../../../src/context/build-context';
import { convertText, parseDockerfile } from '../../../src';
import { compileSettingsSchema, loadProfileFile } from '../../../src/profiles/load-profiles';
import { environmentFor, strategyContract } from '../../../src/languages';
import { nodeSettingsSchema } from '../../../src/languages/node/node-settings';
import type { DetectInput } from '../../../src/detect/detect-types';
import type { PlanEnvironment } from '../../../src/plan/planner';

export type Files = Record<string, string | object>;

const profile = (id: string) =>
  loadProfileFile(
    path.join(__dirname, '..', '..', '..', 'language-profiles', `${id}.yaml`),
    strategyContract,
  );

/** Node and Python only (Python for lookalike detection): these tests do not depend on the other languages. */
export const environment: PlanEnvironment = environmentFor([profile('python'), profile('node')]);

const nodeSettings = environment.profiles[1].settings;
if (!compileSettingsSchema(nodeSettingsSchema)(nodeSettings))
  throw new Error('node.yaml settings do not match the schema');
export const settings = nodeSettings;

/** A package.json as text. */
export const pkg = (json: object): string => JSON.stringify(json, null, 2);

export function project(files: Files): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'msb-node-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(
      path.join(dir, name),
      typeof content === 'string' ? content : JSON.stringify(content, null, 2),
    );
  }
  return dir;
}

export function nodeInput(dockerfile: string, files: Files = {}): DetectInput {
  const parsed = parseDockerfile(dockerfile);
  return {
    dockerfile: parsed,
    facts: analyzeStage(parsed, parsed.stages[0]),
    context: openBuildContext(project(files)),
  };
}

export function convert(
  dockerfile: string,
  files: Files = {},
  options: { lang?: string; runtime?: string } = {},
) {
  const dir = project(files);
  return convertText(dockerfile, {
    file: path.join(dir, 'Dockerfile'),
    context: dir,
    environment,
    ...options,
  });
}

/** The stages msb appended (everything after the original text). */
export const addedStages = (result: { original: string; output: string }): string =>
  result.output.slice(result.original.length);
