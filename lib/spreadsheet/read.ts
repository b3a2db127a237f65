// Streams the rows of an uploaded .xlsx or .csv. This thread only reads the bytes: it
// counts them against the limit (refusing a declared length past it before reading) and
// hashes them, and hands them to a parse thread (parse-worker.mjs) with a capped heap and a
// time limit, which unpacks and parses under the limits of upload-limits.ts and sends the
// rows back. A file built to exhaust memory or time ends that thread, never the server, and
// the server's event loop keeps answering other requests meanwhile. Every import (route,
// server action, job) reads its upload through readSpreadsheet. Formulas are handed over
// as formulas, never evaluated.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";
import { messageWordsIn } from "@/lib/actions/error-words";
import { wordsMessage } from "@/lib/errors/words-message";
import type { Cell } from "./cells";
import { REGISTRY_UPLOAD_LIMITS, refuseDeclaredLength, uploadLimitError, type UploadLimitKind, type UploadLimits } from "./upload-limits";

export type SpreadsheetFormat = "xlsx" | "csv";

export type TextEncodingName = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

export type SheetRow = {
  /** As the spreadsheet program numbers it: the header is usually row 1. */
  rowNumber: number;
  cells: Cell[];
};

/** The registry's limits; a DTSEN extract of 100,000 households (350,000 member rows) fits in one file. */
export const READ_LIMITS = REGISTRY_UPLOAD_LIMITS;

/**
 * A file the import cannot read at all. Its messages name catalogue words (wordsMessage), so a
 * report kept with them is said in each reader's language (importFileWordsIn).
 */
export class ImportFileError extends Error {
  readonly messages: string[];

  constructor(...messages: string[]) {
    super(messages.join(" "));
    this.name = "ImportFileError";
    this.messages = messages;
  }
}

/** Spreadsheet.errors.<reason>: why a file cannot be imported at all. */
export const fileRefusal = (reason: string, params: Parameters<typeof wordsMessage>[1] = {}) => wordsMessage(`Spreadsheet.errors.${reason}`, params);

/**
 * A file refusal kept in a report (its messages, or the Indonesian text of a report kept before
 * refusals had words) in the reader's language.
 */
export function importFileWordsIn(refusal: string | readonly string[], locale: string | null | undefined): string {
  return (typeof refusal === "string" ? [refusal] : refusal).map((message) => messageWordsIn(message, locale)).join(" ");
}

export type ReadOptions = {
  fileName: string;
  /** Called with the bytes read so far, for progress. */
  onBytes?: (bytes: number) => void;
  /** The length the client declared (Content-Length, File.size): past the limit, refused before reading. */
  declaredBytes?: number | null;
  /** Limits on top of the registry's (READ_LIMITS). */
  limits?: Partial<UploadLimits>;
};

export type Spreadsheet = {
  format: SpreadsheetFormat;
  rows: AsyncGenerator<SheetRow>;
  /** SHA-256 of the whole file, once `rows` has been read to the end. */
  digest: () => string;
  bytes: () => number;
  /** The text encoding a CSV was read in; null for xlsx. */
  encoding: () => TextEncodingName | null;
};

type ByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/**
 * Opens an upload: .xlsx by its zip signature, anything else as CSV. Refusals past a limit
 * are UploadLimitError (code UPLOAD_LIMIT); a file that cannot be read is ImportFileError.
 * Both are thrown by `rows` while it is read, or here when the first bytes already tell.
 */
export async function readSpreadsheet(source: ByteSource, options: ReadOptions): Promise<Spreadsheet> {
  const limits: UploadLimits = { ...REGISTRY_UPLOAD_LIMITS, ...options.limits };
  refuseDeclaredLength(options.declaredBytes, limits);
  const hash = createHash("sha256");
  let total = 0;
  const iterator = toAsyncIterable(source)[Symbol.asyncIterator]();
  const take = (chunk: Uint8Array) => {
    total += chunk.byteLength;
    if (total > limits.maxBytes) throw uploadLimitError("bytes", limits);
    hash.update(chunk);
    options.onBytes?.(total);
  };

  // The first bytes decide the format.
  const firstChunks: Uint8Array[] = [];
  let head: Uint8Array = new Uint8Array(0);
  try {
    while (head.byteLength < 8) {
      const next = await iterator.next();
      if (next.done) break;
      take(next.value);
      firstChunks.push(next.value);
      head = Buffer.concat(firstChunks);
    }
  } catch (error) {
    await iterator.return?.();
    throw error;
  }
  options.onBytes?.(total);
  if (head.byteLength === 0) throw new ImportFileError(fileRefusal("empty"));

  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  const isOle = head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
  const refuse = async (message: string) => {
    await iterator.return?.();
    return new ImportFileError(message);
  };
  if (isOle || /\.xls$/i.test(options.fileName)) {
    throw await refuse(fileRefusal("xlsOld"));
  }
  if (!isZip && /\.xlsx$/i.test(options.fileName)) throw await refuse(fileRefusal("xlsxBroken"));
  if (isZip && !/\.xlsx$/i.test(options.fileName) && /\.(ods|zip|docx)$/i.test(options.fileName)) {
    throw await refuse(fileRefusal("onlyXlsxCsv"));
  }

  const format: SpreadsheetFormat = isZip ? "xlsx" : "csv";
  let encoding: TextEncodingName | null = null;
  const rows = parseInThread(format, limits, firstChunks, iterator, take, (name) => (encoding = name));
  let digest: string | null = null;
  return { format, rows, digest: () => (digest ??= hash.digest("hex")), bytes: () => total, encoding: () => encoding };
}

/** Same as readSpreadsheet, named for callers that only want the rows under their limits. */
export const parseUpload = readSpreadsheet;

type FromWorker =
  | { type: "rows"; rows: SheetRow[] }
  | { type: "done"; encoding: TextEncodingName | null }
  | { type: "limit"; limit: UploadLimitKind; row?: number; maxBytes?: number }
  | { type: "file"; message: string }
  | { type: "failed"; message: string };

type Event = FromWorker | { type: "error"; error: unknown };

async function* parseInThread(
  format: SpreadsheetFormat,
  limits: UploadLimits,
  firstChunks: Uint8Array[],
  iterator: AsyncIterator<Uint8Array>,
  take: (chunk: Uint8Array) => void,
  onEncoding: (name: TextEncodingName) => void,
): AsyncGenerator<SheetRow> {
  // The thread's file is found at run time, not bundled: a `new Worker(...)` the bundler sees
  // it would try to bundle, with every file of the project its path could name.
  const options: WorkerOptions = {
    workerData: { format, limits },
    // A small young generation: the thread's rows live only until they are sent, and every
    // megabyte it reserves counts against the memory of the process that reads the upload.
    resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 8 },
  };
  const worker = Reflect.construct(Worker, [workerFile(), options]) as Worker;
  worker.unref();
  const events: Event[] = [];
  let wake: (() => void) | null = null;
  const push = (event: Event) => {
    events.push(event);
    wake?.();
  };
  let finished = false;
  worker.on("message", (message: FromWorker) => push(message));
  worker.on("error", (error: Error & { code?: string }) =>
    push({ type: "error", error: error.code === "ERR_WORKER_OUT_OF_MEMORY" ? uploadLimitError("memory", limits) : error }),
  );
  worker.on("exit", (code) => {
    if (!finished) push({ type: "error", error: code === 0 ? new Error("parse thread ended early") : uploadLimitError("memory", limits) });
  });
  const timer = setTimeout(() => push({ type: "error", error: uploadLimitError("time", limits) }), limits.timeoutMs);
  timer.unref();

  const send = (chunk: Uint8Array) => {
    // A copy this thread gives away: the source's own buffer may be shared.
    const copy = new Uint8Array(chunk);
    worker.postMessage({ type: "chunk", data: copy.buffer }, [copy.buffer]);
  };
  let stopped = false;
  const pump = (async () => {
    for (const chunk of firstChunks) send(chunk);
    while (!stopped) {
      const next = await iterator.next();
      if (next.done) break;
      take(next.value);
      send(next.value);
    }
    if (!stopped) worker.postMessage({ type: "end" });
  })().catch((error: unknown) => push({ type: "error", error }));

  try {
    for (;;) {
      const event = events.shift();
      if (!event) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
        continue;
      }
      switch (event.type) {
        case "rows":
          worker.postMessage({ type: "ack" });
          yield* event.rows;
          break;
        case "done":
          await pump;
          if (event.encoding) onEncoding(event.encoding);
          return;
        case "limit":
          throw uploadLimitError(event.limit, limits, event.row, event.maxBytes);
        case "file":
          throw new ImportFileError(event.message);
        case "failed":
          throw new Error(`parse thread: ${event.message}`);
        case "error":
          throw event.error;
      }
    }
  } finally {
    finished = true;
    stopped = true;
    clearTimeout(timer);
    await worker.terminate();
    // Not awaited: a client that stalls mid-upload must not hold this answer.
    void iterator.return?.()?.catch(() => undefined);
  }
}

const WORKER_NAME = "parse-worker.mjs";

/**
 * Beside this file when run from source (vitest, tsx, a job process); from the project's
 * folder when this file was bundled (Next), whose server runs there.
 */
function workerFile(): string {
  const beside = import.meta.url.startsWith("file:") ? path.join(path.dirname(fileURLToPath(import.meta.url)), WORKER_NAME) : null;
  if (beside && existsSync(beside)) return beside;
  return path.join(process.cwd(), "lib", "spreadsheet", WORKER_NAME);
}

function toAsyncIterable(source: ByteSource): AsyncIterable<Uint8Array> {
  if (Symbol.asyncIterator in source) return source as AsyncIterable<Uint8Array>;
  const stream = source as ReadableStream<Uint8Array>;
  return {
    async *[Symbol.asyncIterator]() {
      const reader = stream.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      } finally {
        await reader.cancel().catch(() => undefined);
        reader.releaseLock();
      }
    },
  };
}
