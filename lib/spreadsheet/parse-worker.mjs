// The parse thread: receives the upload's bytes from the thread that reads the request,
// parses them (parse-engine.mjs) and sends the rows back in batches, waiting for the reader
// to take them so that a slow consumer never piles rows up here. Its heap and run time are
// limited by whoever starts it (read.ts).
import { parentPort, workerData } from "node:worker_threads";
import { FileFailure, LimitFailure, parseRows } from "./parse-engine.mjs";

const BATCH = 500;
/** Characters of a batch: rows of long cells go in smaller batches. */
const BATCH_CHARS = 1024 * 1024;
/** Batches sent and not yet taken before this thread waits. */
const AHEAD = 4;

const chunks = [];
let ended = false;
let wakeBytes = null;
let unacked = 0;
let wakeRows = null;

parentPort.on("message", (message) => {
  if (message.type === "chunk") chunks.push(new Uint8Array(message.data));
  else if (message.type === "end") ended = true;
  else if (message.type === "ack") {
    unacked -= 1;
    wakeRows?.();
    return;
  }
  wakeBytes?.();
});

async function* bytes() {
  for (;;) {
    if (chunks.length > 0) {
      yield chunks.shift();
      continue;
    }
    if (ended) return;
    await new Promise((resolve) => {
      wakeBytes = resolve;
    });
    wakeBytes = null;
  }
}

async function send(rows) {
  while (unacked >= AHEAD) {
    await new Promise((resolve) => {
      wakeRows = resolve;
    });
    wakeRows = null;
  }
  unacked += 1;
  parentPort.postMessage({ type: "rows", rows });
}

async function main() {
  const { format, limits } = workerData;
  let encoding = null;
  let batch = [];
  let chars = 0;
  try {
    for await (const { chars: rowChars, ...row } of parseRows(format, bytes(), limits, (name) => (encoding = name))) {
      batch.push(row);
      chars += rowChars;
      if (batch.length >= BATCH || chars >= BATCH_CHARS) {
        await send(batch);
        batch = [];
        chars = 0;
      }
    }
    if (batch.length > 0) await send(batch);
    parentPort.postMessage({ type: "done", encoding });
  } catch (error) {
    if (error instanceof LimitFailure) parentPort.postMessage({ type: "limit", limit: error.limit, row: error.row, maxBytes: error.maxBytes });
    else if (error instanceof FileFailure) parentPort.postMessage({ type: "file", message: error.userMessage });
    else parentPort.postMessage({ type: "failed", message: String(error?.stack ?? error) });
  }
}

void main();
