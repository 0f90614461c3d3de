/** Seeded randomness for the simulated world: independent named streams and distributions. */
export { RandomStream, streamFor } from './random-stream.js';
export { hashKeys, type Seed, type StreamKey } from './seed-hash.js';
