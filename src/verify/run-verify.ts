/**
 * `msb verify` as a library call: convert a Dockerfile, build the original and the converted
 * file with the local engine, measure both images and compare their behaviour. Images and
 * temporary files are removed afterwards (unless keepImages).
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { convertFile } from '../convert';
import { MsbError } from '../errors';
import type { ConvertOptions } from '../plan/plan-types';
import type { PlanEnvironment } from '../plan/planner';
import { buildImage, BuiltImage, stripSyntaxDirective } from './build-image';
import { dockerUnavailable, removeImage } from './docker';
import { compareSmoke, SmokeCheck, SmokeComparison } from './smoke';

export interface VerifyOptions extends Pick<
  ConvertOptions,
  'lang' | 'runtime' | 'runtimeByLanguage' | 'context' | 'force' | 'minSaving'
> {
  environment?: PlanEnvironment;
  smoke?: SmokeCheck;
  /** Time each smoke run may take (default 15 s). */
  smokeTimeoutMs?: number;
  /** Time each build may take (default 20 min). */
  buildTimeoutMs?: number;
  noCache?: boolean;
  keepImages?: boolean;
  /** Called before each long step ("building original"...). */
  onStep?: (step: string) => void;
}

export type VerifyVerdict =
  'same' | 'nothing-to-verify' | 'converted-build-failed' | 'behaves-differently' | 'original-build-failed';

export interface VerifyReport {
  dockerfile: string;
  verdict: VerifyVerdict;
  /** Conversion status (`converted`, or why there is nothing to verify). */
  conversion: {
    status: string;
    reason: string | null;
    language: string | null;
    builderImage: string | null;
    runtimeImage: string | null;
  };
  original: BuiltImage | null;
  converted: BuiltImage | null;
  /** Converted size / original size. */
  sizeRatio: number | null;
  smoke: SmokeComparison | null;
  notes: string[];
}

/** Thrown when no engine answers; the CLI prints it as one line and exits 2. */
export class NoDockerEngineError extends MsbError {
  constructor(detail: string) {
    super('usage', `no Docker engine available (${detail}); msb verify needs a running Docker daemon`);
  }
}

export async function runVerify(dockerfile: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const result = await convertFile(dockerfile, {
    lang: options.lang,
    runtime: options.runtime,
    runtimeByLanguage: options.runtimeByLanguage,
    context: options.context,
    force: options.force,
    minSaving: options.minSaving,
    environment: options.environment,
  });
  if (result.status === 'error')
    throw new MsbError(
      (result.error?.kind as never) ?? 'usage',
      result.error?.message ?? result.reason ?? 'cannot convert',
      { file: dockerfile, line: result.error?.line },
    );
  const conversion = {
    status: result.status,
    reason: result.reason ?? null,
    language: result.detection?.language ?? null,
    builderImage: result.builderImage ?? null,
    runtimeImage: result.runtimeImage ?? null,
  };
  const report: VerifyReport = {
    dockerfile,
    verdict: 'nothing-to-verify',
    conversion,
    original: null,
    converted: null,
    sizeRatio: null,
    smoke: null,
    notes: [],
  };
  if (result.status !== 'converted') return report;

  const unavailable = await dockerUnavailable();
  if (unavailable) throw new NoDockerEngineError(unavailable);
  if (stripSyntaxDirective(result.original).stripped)
    report.notes.push(
      'removed the "# syntax=" directive from the temporary copies (the frontend image cannot be pulled offline)',
    );

  const temp = await fs.mkdtemp(path.join(os.tmpdir(), 'msb-verify-'));
  const id = `${process.pid}-${Date.now().toString(36)}`;
  const context = options.context ?? path.dirname(path.resolve(dockerfile));
  // Outside the temp folder, which is removed: the report names the file.
  const logFile = (which: string) => path.join(os.tmpdir(), `msb-verify-${which}-${id}.log`);
  const build = { context, noCache: options.noCache, timeoutMs: options.buildTimeoutMs ?? 20 * 60_000 };
  try {
    options.onStep?.('building the original Dockerfile');
    report.original = await buildImage({
      ...build,
      tag: `msb-verify:original-${id}`,
      text: result.original,
      tempFile: path.join(temp, 'Dockerfile.original'),
      logFile: logFile('original'),
    });
    if (!report.original.built) return { ...report, verdict: 'original-build-failed' };
    options.onStep?.('building the converted Dockerfile');
    report.converted = await buildImage({
      ...build,
      tag: `msb-verify:converted-${id}`,
      text: result.output,
      tempFile: path.join(temp, 'Dockerfile.converted'),
      logFile: logFile('converted'),
    });
    if (!report.converted.built) return { ...report, verdict: 'converted-build-failed' };
    report.sizeRatio = report.original.sizeBytes
      ? (report.converted.sizeBytes ?? 0) / report.original.sizeBytes
      : null;
    options.onStep?.('running the smoke check on both images');
    report.smoke = await compareSmoke(
      options.smoke ?? { kind: 'default' },
      report.original.tag,
      report.converted.tag,
      options.smokeTimeoutMs ?? 15_000,
    );
    report.verdict = report.smoke.same ? 'same' : 'behaves-differently';
    report.notes.push('build times include the layer cache: the second build may reuse layers of the first');
    return report;
  } finally {
    if (!options.keepImages)
      for (const image of [report.original, report.converted]) if (image) await removeImage(image.tag);
    await fs.rm(temp, { recursive: true, force: true });
  }
}
