/** Worker thread entry of src/codemod/worker-pool.ts: runs the batches of repositories it is sent. */
import { parentPort, workerData } from 'worker_threads';
import { createEnvironment, defaultEnvironment } from '../languages';
import { processRepository } from './process-repository';
import type { BatchRequest, BatchResult, WorkerData } from './worker-pool';

const { profileFiles } = workerData as WorkerData;
const environment = profileFiles.length > 0 ? createEnvironment(profileFiles) : defaultEnvironment();

parentPort?.on('message', async (request: BatchRequest) => {
  const outcomes = [];
  for (const job of request.jobs) outcomes.push(await processRepository(job, environment));
  parentPort?.postMessage({ id: request.id, outcomes } satisfies BatchResult);
});
