/** Worker thread entry of src/codemod/worker-pool.ts: runs the batches of repositories it is sent. */
import { parentPort, workerData } from 'worker_threads';
import { createEnvironment, defaultEnvironment } from '../languages';
import { processRepository } from './process-repository';
import type { BatchRequest, BatchResult, WorkerData } from './worker-pool';

const { profileFiles } = workerData as WorkerData;
const environment = profileFiles.length > 0 ? createEnvironment(profileFiles) : defaultEnvironment();

parentPort?.on('message', async (request: BatchRequest) => {
  // Conversions run one after the other; their patch writes and git calls overlap.
  const outcomes = await Promise.all(request.jobs.map((job) => processRepository(job, environment)));
  parentPort?.postMessage({ id: request.id, outcomes } satisfies BatchResult);
});
