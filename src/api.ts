/** Library entry points that are not the conversion itself. */
import * as path from 'path';
import { analyzeStage } from './analyze/stage-facts';
import { emptyBuildContext, openBuildContext } from './context/build-context';
import { detectLanguage } from './detect/detector';
import { defaultEnvironment } from './languages';
import { parseDockerfile } from './parse/parse-dockerfile';
import { readDockerfile } from './parse/read-dockerfile';
import type { ConvertTextOptions } from './convert';
import type { Detection } from './detect/detect-types';

/** Detects the language of a Dockerfile and its build context (`options.context`, else the file's folder). Throws MsbError for bad input. */
export async function detectFile(file: string, options: ConvertTextOptions = {}): Promise<Detection> {
  const source = await readDockerfile(file);
  return detectText(source.text, {
    ...options,
    file,
    context: options.context ?? path.dirname(path.resolve(file)),
  });
}

/** Detects the language of Dockerfile text; the build context is `options.context` only (none: the Dockerfile alone). */
export function detectText(text: string, options: ConvertTextOptions = {}): Detection {
  const file = options.file ?? 'Dockerfile';
  const environment = options.environment ?? defaultEnvironment();
  const dockerfile = parseDockerfile(text, file);
  const stage = dockerfile.stages[dockerfile.stages.length - 1];
  const context =
    options.context === undefined
      ? emptyBuildContext()
      : openBuildContext(options.context, environment.profiles);
  return detectLanguage(
    { dockerfile, facts: analyzeStage(dockerfile, stage), context },
    environment.profiles,
    environment.strategyFor,
    options.lang,
  ).detection;
}
