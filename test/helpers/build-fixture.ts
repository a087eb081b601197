/** A throw-away build context (files + Dockerfile) and the views of it the planners use. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { analyzeStage, ImageRef, StageFacts } from '../../src/analyze/stage-facts';
import { openBuildContext, BuildContext } from '../../src/context/build-context';
import { convertText, ConversionResult, ConvertTextOptions } from '../../src/convert';
import { parseDockerfile, ParsedDockerfile } from '../../src/parse/parse-dockerfile';
import { contextPaths, ContextPaths } from '../../src/plan/context-paths';
import type { DetectInput } from '../../src/detect/detect-types';

export function contextDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'msb-fixture-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export function convertIn(
  dockerfile: string,
  files: Record<string, string>,
  options: ConvertTextOptions = {},
): ConversionResult {
  const dir = contextDir(files);
  return convertText(dockerfile, { ...options, file: path.join(dir, 'Dockerfile'), context: dir });
}

export interface StageFixture {
  dockerfile: ParsedDockerfile;
  facts: StageFacts;
  context: BuildContext;
  paths: ContextPaths;
}

export function stageFixture(
  dockerfile: string,
  files: Record<string, string>,
  imageWorkdir = '/',
): StageFixture {
  const parsed = parseDockerfile(dockerfile);
  const facts = analyzeStage(parsed, parsed.stages[0]);
  const context = openBuildContext(contextDir(files));
  return { dockerfile: parsed, facts, context, paths: contextPaths(facts, context, imageWorkdir) };
}

/** A Dockerfile in a throw-away build context, as detection and planning read it (compose files next to it count). */
export function detectFixture(dockerfile: string, files: Record<string, string>): DetectInput {
  const dir = contextDir(files);
  const parsed = parseDockerfile(dockerfile, path.join(dir, 'Dockerfile'));
  return {
    dockerfile: parsed,
    facts: analyzeStage(parsed, parsed.stages[0]),
    context: openBuildContext(dir),
  };
}

/** The text of the stage msb appended (from its FROM line). */
export function runtimeOf(output: string): string {
  return output.slice(output.lastIndexOf('\nFROM ') + 1);
}

/** An image reference as the stage facts give it, for `name:tag` without a registry or digest. */
export function imageRef(text: string): ImageRef {
  return { text, registry: null, name: text.split(':')[0], tag: text.split(':')[1] ?? null, digest: null };
}
