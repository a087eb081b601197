/** Library entry points that are not the conversion itself. */
import * as path from 'path';
import { analyzeStage } from './analyze/stage-facts';
import { openBuildContext } from './context/build-context';
import { detectLanguage } from './detect/detector';
import { defaultEnvironment } from './languages';
import { parseDockerfile } from './parse/parse-dockerfile';
import { readDockerfile } from './parse/read-dockerfile';
import type { ConvertTextOptions } from './convert';
import type { Detection } from './detect/detect-types';

/** Detects the language of a Dockerfile's build context (the last stage's view of it). */
export async function detectFile(file: string, options: ConvertTextOptions = {}): Promise<Detection> {
  const source = await readDockerfile(file);
  return detectText(source.text, { ...options, file });
}

export function detectText(text: string, options: ConvertTextOptions = {}): Detection {
  const file = options.file ?? 'Dockerfile';
  const environment = options.environment ?? defaultEnvironment();
  const dockerfile = parseDockerfile(text, file);
  const stage = dockerfile.stages[dockerfile.stages.length - 1];
  const context = openBuildContext(options.context ?? path.dirname(path.resolve(file)), environment.profiles);
  return detectLanguage({ dockerfile, facts: analyzeStage(dockerfile, stage), context }, environment.profiles, environment.strategyFor, options.lang).detection;
}
