/**
 * msb as a library. The pipeline: parse → analyze → detect → plan → render → edit → verify → lint.
 *
 *   import { convertFile } from 'msb-dockerfile';
 *   const result = await convertFile('Dockerfile');
 *   if (result.status === 'converted') console.log(result.output);
 */
export { convertText, convertFile } from './convert';
export type { ConversionResult, ConvertTextOptions } from './convert';
export { STATUSES } from './status';
export type { ConversionStatus } from './status';
export { detectFile, detectText } from './api';
export { parseDockerfile } from './parse/parse-dockerfile';
export type { ParsedDockerfile, InstructionNode, Stage } from './parse/parse-dockerfile';
export { readDockerfile } from './parse/read-dockerfile';
export { loadProfiles, createEnvironment, strategies } from './languages';
export { defineStrategy } from './languages/strategy';
export type { LanguageStrategy } from './languages/strategy';
export type { Profile } from './profiles/profile-types';
export type { Detection, Evidence } from './detect/detect-types';
export type {
  BrokenFinding,
  BrokenKind,
  Decision,
  ConvertOptions,
  RuntimeStageModel,
} from './plan/plan-types';
export type { Estimate, EstimatePart } from './estimate/estimate-types';
export type { MinSaving } from './gates/min-saving';
export { unifiedDiff } from './emit/unified-diff';
export { writeFileSafely } from './emit/write-file';
export { MsbError, EXIT_OK, EXIT_WOULD_CHANGE, EXIT_ERROR } from './errors';
