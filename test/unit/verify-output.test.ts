/**
 * What `msb verify` shows of a failed build: a fake builder (MSB_DOCKER_BUILD) prints a legacy
 * builder log; the report shows the failing step's last lines and names the full log file.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildImage } from '../../src/verify/build-image';
import { formatVerifyReport } from '../../src/verify/format-verify';
import type { VerifyReport } from '../../src/verify/run-verify';

let tmp: string;
const saved = process.env.MSB_DOCKER_BUILD;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'msb-verify-out-'));
  const builder = path.join(tmp, 'fake-build.sh');
  writeFileSync(
    builder,
    [
      '#!/bin/sh',
      'echo "Sending build context to Docker daemon  2.048kB"',
      'echo "Step 1/2 : FROM python:3.11-slim"',
      'echo " ---> 0a1b2c3d4e5f"',
      'echo "Step 2/2 : RUN pip install nope-not-a-package"',
      'echo "ERROR: No matching distribution found for nope-not-a-package"',
      'echo "DEPRECATED: The legacy builder is deprecated and will be removed in a future release." >&2',
      'echo "            Install the buildx component to build images with BuildKit:" >&2',
      'echo "            https://docs.docker.com/go/buildx/" >&2',
      'echo "The command \'/bin/sh -c pip install nope-not-a-package\' returned a non-zero code: 1" >&2',
      'exit 1',
      '',
    ].join('\n'),
  );
  chmodSync(builder, 0o755);
  process.env.MSB_DOCKER_BUILD = builder;
});
afterEach(() => {
  if (saved === undefined) delete process.env.MSB_DOCKER_BUILD;
  else process.env.MSB_DOCKER_BUILD = saved;
  rmSync(tmp, { recursive: true, force: true });
});

it('a failed build: the failing step in the report, the whole log in the named file', async () => {
  const logFile = path.join(tmp, 'build.log');
  const built = await buildImage({
    tag: 'msb-verify:test',
    text: 'FROM python:3.11-slim\nRUN pip install nope-not-a-package\n',
    tempFile: path.join(tmp, 'Dockerfile'),
    logFile,
    context: tmp,
    timeoutMs: 30_000,
  });
  expect(built).toMatchObject({ built: false, logFile });
  expect(built.error).toBe(
    [
      'Step 2/2 : RUN pip install nope-not-a-package',
      'ERROR: No matching distribution found for nope-not-a-package',
      "The command '/bin/sh -c pip install nope-not-a-package' returned a non-zero code: 1",
    ].join('\n'),
  );
  expect(readFileSync(logFile, 'utf8')).toMatch(
    /^Sending build context[\s\S]*Step 1\/2[\s\S]*returned a non-zero code: 1\n$/,
  );

  const report: VerifyReport = {
    dockerfile: 'Dockerfile',
    verdict: 'converted-build-failed',
    conversion: {
      status: 'converted',
      reason: null,
      language: 'python',
      builderImage: 'python:3.11',
      runtimeImage: 'python:3.11-slim',
    },
    original: {
      tag: 'o',
      built: true,
      error: null,
      logFile: null,
      buildMs: 1000,
      sizeBytes: 5e8,
      layers: 10,
    },
    converted: built,
    sizeRatio: null,
    smoke: null,
    notes: [],
  };
  const text = formatVerifyReport(report);
  expect(text).toContain(
    `build error, last lines of the failing step (full log: ${logFile}):\n  Step 2/2 : RUN pip install nope-not-a-package\n  ERROR: No matching distribution`,
  );
  expect(text).not.toMatch(/DEPRECATED/);
});
