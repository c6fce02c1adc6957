import { parentPort, workerData } from 'node:worker_threads';
import { type BatchSetup, type ThreadMessage, batchWork } from './process-row.js';

/**
 * A batch worker thread: loads the law parameters, templates and fonts once, then takes rows one
 * at a time from the main thread and sends back each row's result; at the end, perhaps a group
 * document to write.
 */
const port = parentPort!;
const work = await batchWork(workerData as BatchSetup);
let chain: Promise<void> = Promise.resolve();
port.on('message', (msg: ThreadMessage) => {
  chain = chain.then(async () => {
    if ('task' in msg) return port.postMessage({ seq: msg.seq, result: await work.row(msg.task) });
    // A failed group document is a bug, not a row's fault: it goes back as an error to report.
    try {
      port.postMessage({ seq: msg.seq, files: await work.groupDocument(msg.group) });
    } catch (e) {
      const err = e as Error;
      port.postMessage({ seq: msg.seq, error: { message: err.message, stack: err.stack } });
    }
  });
});
port.postMessage({ ready: true });
