// Worker thread of the GBDT thread pool: receives the shared bins once (workerData), then trains
// one binary job per message and posts the model back.
import { parentPort, workerData } from 'node:worker_threads';
import { trainBinaryJob, type SharedBins } from '../../ml/index.js';
import { unpackSharedBins, type JobMessage, type PackedBins, type ResultMessage } from './packed-bins.js';

const shared: SharedBins = unpackSharedBins(workerData as PackedBins);
const port = parentPort;
if (!port) throw new Error('gbdt-head-worker must run in a worker thread');

port.on('message', (msg: JobMessage) => {
  let reply: ResultMessage;
  try {
    reply = { id: msg.id, model: trainBinaryJob(shared, msg.job) };
  } catch (e) {
    reply = { id: msg.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  port.postMessage(reply);
});
