/**
 * Runs repository jobs on worker threads, one per core: conversion is CPU work, and a large
 * run has thousands of independent repositories. Workers pull small batches (so a slow
 * repository never leaves a core idle), write their own patches, and send back only the report
 * rows. A worker that dies takes only its in-flight batch with it: those repositories become
 * failed rows and a fresh worker carries on.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { failedRepository, RepositoryJob, RepositoryOutcome } from './process-repository';

const WORKER_SCRIPT = path.join(__dirname, 'codemod-worker.js');
/** Repositories per message: large enough to amortise the messaging, small enough to balance. */
const BATCH_SIZE = 8;
/** Batches queued per worker, so that it never waits for the next one. */
const BATCHES_AHEAD = 2;

export interface WorkerData {
  profileFiles: readonly string[];
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

export function runInWorkers(jobs: readonly RepositoryJob[], workers: number, data: WorkerData, onOutcome: (outcome: RepositoryOutcome) => void): Promise<void> {
  return new Promise((resolve) => {
    let next = 0;
    let batchId = 0;
    let running = 0;

    const start = (): void => {
      const worker = new Worker(WORKER_SCRIPT, { workerData: data });
      const inFlight = new Map<number, RepositoryJob[]>();
      let finished = false;
      running += 1;

      const send = (): boolean => {
        if (next >= jobs.length) return false;
        const batch = jobs.slice(next, next + BATCH_SIZE);
        next += batch.length;
        const id = batchId++;
        inFlight.set(id, batch);
        worker.postMessage({ id, jobs: batch } satisfies BatchRequest);
        return true;
      };
      const finish = (failure: string | null): void => {
        if (finished) return;
        finished = true;
        for (const batch of inFlight.values()) for (const job of batch) onOutcome(failedRepository(job, failure ?? 'the msb worker stopped'));
        inFlight.clear();
        void worker.terminate();
        running -= 1;
        if (failure !== null && next < jobs.length) start();
        else if (running === 0) resolve();
      };

      worker.on('message', (result: BatchResult) => {
        inFlight.delete(result.id);
        for (const outcome of result.outcomes) onOutcome(outcome);
        send();
        if (inFlight.size === 0) finish(null);
      });
      worker.on('error', (error) => finish(`the msb worker failed on this repository's batch: ${error.message}`));
      worker.on('exit', (code) => finish(code === 0 ? null : `the msb worker exited with code ${code}`));
      for (let i = 0; i < BATCHES_AHEAD; i++) if (!send()) break;
      if (inFlight.size === 0) finish(null);
    };

    for (let i = 0; i < workers && next < jobs.length; i++) start();
    if (running === 0) resolve();
  });
}
