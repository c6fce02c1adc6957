import { parentPort, workerData } from 'node:worker_threads';
import { type BatchSetup, type RowResult, type RowTask, rowProcessor } from './process-row.js';

/**
 * A batch worker thread: loads the law parameters, templates and fonts once, then takes rows one
 * at a time from the main thread and sends back each row's result.
 */
const port = parentPort!;
const processRow = await rowProcessor(workerData as BatchSetup);
let chain: Promise<void> = Promise.resolve();
port.on('message', (msg: { seq: number; task: RowTask }) => {
  chain = chain.then(async () => {
    const result: RowResult = await processRow(msg.task);
    port.postMessage({ seq: msg.seq, result });
  });
});
port.postMessage({ ready: true });
