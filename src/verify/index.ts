/** `msb verify` as a library: build original and converted images and compare them. */
export { runVerify, NoDockerEngineError } from './run-verify';
export type { VerifyOptions, VerifyReport, VerifyVerdict } from './run-verify';
export { formatVerifyReport } from './format-verify';
export { parseHttpProbe } from './smoke';
export type { SmokeCheck, SmokeComparison, SmokeOutcome } from './smoke';
export { stripSyntaxDirective } from './build-image';
