// How every script starts a job worker (`npm run worker` says the same in package.json).
// A young generation of 32 MB instead of V8's default: an import's check allocates a short-lived
// string or object per cell of 300,000 rows, and with the default the collector ran so often
// that reading a 100,000-household extract took about a second longer.
export const WORKER_NODE_FLAGS = ["--max-semi-space-size=32", "--import", "tsx"];

/** Node's arguments for a worker process, with a heap limit when given. */
export function workerArgs({ heapMb } = {}) {
  return [...(heapMb ? [`--max-old-space-size=${heapMb}`] : []), ...WORKER_NODE_FLAGS, "scripts/worker.ts"];
}
