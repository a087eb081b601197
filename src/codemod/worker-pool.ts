/**
 * Runs repository jobs on this thread and on worker threads: conversion is CPU work, and a large
 * run has thousands of independent repositories. Workers pull small batches (so a slow
 * repository never leaves a core idle), write their own patches, and send back only the report
 * rows. A worker that dies takes only the batch it was running with it: those repositories
 * become failed rows, the batch queued behind it goes back in line, and a fresh worker carries on.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { errorRepository, RepositoryJob, RepositoryOutcome } from './process-repository';

const WORKER_SCRIPT = path.join(__dirname, 'codemod-worker.js');
/** Repositories per message: large enough to amortise the messaging, small enough to balance. */
const BATCH_SIZE = 8;
/** Batches queued per worker, so that it never waits for the next one. */
const BATCHES_AHEAD = 2;

export interface WorkerData {
  profileFiles: readonly string[];
  /** The worker's entry point (tests substitute one that fails). */
  script?: string;
}

export interface BatchRequest {
  id: number;
  jobs: RepositoryJob[];
}

export interface BatchResult {
  id: number;
  outcomes: RepositoryOutcome[];
}

/** False when running from the TypeScript sources (tests): there is no compiled worker then. */
export function workersAvailable(): boolean {
  return fs.existsSync(WORKER_SCRIPT);
}

/** How the calling thread takes part: `slots` repositories in flight, so that their writes and git overlap. */
export interface LocalRunner {
  run: (job: RepositoryJob) => Promise<RepositoryOutcome>;
  slots: number;
}

/**
 * Runs the jobs from one queue: on `workers` threads (0 for none) and on this thread when `local`
 * is given (it is already warm, and would otherwise only wait for messages).
 */
export function runRepositoryJobs(
  jobs: readonly RepositoryJob[],
  workers: number,
  data: WorkerData,
  onOutcome: (outcome: RepositoryOutcome) => void,
  local?: LocalRunner,
): Promise<void> {
  return new Promise((resolve) => {
    let next = 0;
    let batchId = 0;
    let running = 0;
    /** Jobs a dead worker had queued but not started: they go to the next taker. */
    const requeued: RepositoryJob[] = [];
    const takeBatch = (size: number): RepositoryJob[] | null => {
      const batch = requeued.splice(0, size);
      const fresh = jobs.slice(next, next + size - batch.length);
      next += fresh.length;
      batch.push(...fresh);
      return batch.length > 0 ? batch : null;
    };
    const workLeft = () => requeued.length > 0 || next < jobs.length;

    const runLocally = async ({ run, slots }: LocalRunner): Promise<void> => {
      running += 1;
      const slot = async () => {
        for (let batch = takeBatch(1); batch; batch = takeBatch(1)) {
          const [job] = batch;
          // A new turn of the event loop per repository: progress display, signals and the workers' results get in.
          await new Promise((turn) => setImmediate(turn));
          onOutcome(
            await run(job).catch((error: Error) =>
              errorRepository(job, `msb failed on this repository: ${error.message}`),
            ),
          );
        }
      };
      await Promise.all(Array.from({ length: slots }, slot));
      running -= 1;
      if (running === 0) resolve();
    };

    const start = (): void => {
      const worker = new Worker(data.script ?? WORKER_SCRIPT, { workerData: data });
      const inFlight = new Map<number, RepositoryJob[]>();
      let finished = false;
      running += 1;

      const send = (): boolean => {
        const batch = takeBatch(BATCH_SIZE);
        if (!batch) return false;
        const id = batchId++;
        inFlight.set(id, batch);
        worker.postMessage({ id, jobs: batch } satisfies BatchRequest);
        return true;
      };
      const finish = (failure: string | null): void => {
        if (finished) return;
        finished = true;
        // The oldest batch was running when the worker died: its repositories fail; the ones queued behind it did not start.
        const [current, ...queued] = [...inFlight.values()];
        for (const job of current ?? []) onOutcome(errorRepository(job, failure ?? 'the msb worker stopped'));
        requeued.push(...queued.flat());
        inFlight.clear();
        void worker.terminate();
        running -= 1;
        if (workLeft()) start();
        else if (running === 0) resolve();
      };

      worker.on('message', (result: BatchResult) => {
        inFlight.delete(result.id);
        for (const outcome of result.outcomes) onOutcome(outcome);
        send();
        if (inFlight.size === 0) finish(null);
      });
      worker.on('error', (error) =>
        finish(`the msb worker failed on this repository's batch: ${error.message}`),
      );
      worker.on('exit', (code) => finish(code === 0 ? null : `the msb worker exited with code ${code}`));
      for (let i = 0; i < BATCHES_AHEAD; i++) if (!send()) break;
      if (inFlight.size === 0) finish(null);
    };

    for (let i = 0; i < workers && workLeft(); i++) start();
    if (local) void runLocally(local);
    if (running === 0) resolve();
  });
}
