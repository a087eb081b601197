/**
 * msb as a library. The pipeline: parse → detect → plan → render → edit.
 *
 *   import { convertFile } from 'msb-dockerfile';
 *   const result = await convertFile('Dockerfile');
 *   if (result.status === 'changed') console.log(result.output);
 */
export { convertText, convertFile } from './convert';
export type { ConversionResult, ConversionStatus, ConvertTextOptions } from './convert';
export { detectFile, detectText } from './api';
export { parseDockerfile } from './parse/parse-dockerfile';
export type { ParsedDockerfile, InstructionNode, Stage } from './parse/parse-dockerfile';
export { readDockerfile } from './parse/read-dockerfile';
export { loadProfiles, createEnvironment, STRATEGIES } from './languages';
export type { Profile } from './profiles/profile-types';
export type { Detection, Evidence, Decision, ConvertOptions, LanguageStrategy, RuntimeStageModel } from './plan/plan-types';
export { unifiedDiff } from './emit/unified-diff';
export { writeFileSafely } from './emit/write-file';
export { MsbError, EXIT_OK, EXIT_WOULD_CHANGE, EXIT_ERROR } from './errors';
