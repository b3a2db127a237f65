// A job's uploaded file, kept in the database in pieces (JobFilePart) so that no process holds
// it whole: the upload route writes each piece as the body arrives, and the job reads them back
// one by one. Kept as one bytea value, a 50 MB extract reached the web server's heap several
// times over (the body, its copy, the query parameter's text) and a server with a 256 MB heap
// died on it.
import type { Tx } from "@/lib/db";

/** The largest piece kept in one row. */
export const JOB_FILE_PART_BYTES = 1024 * 1024;

type WithTenant = <T>(tenantId: string, fn: (tx: Tx) => Promise<T>) => Promise<T>;

/** A job's file as its work reads it. */
export type JobFile = {
  /** Its length in bytes. */
  size: number;
  /** The file from its first byte, a piece at a time. */
  pieces: () => AsyncIterable<Uint8Array>;
  /** The whole file in one array, for readers that need it so (small table imports). */
  bytes: () => Promise<Uint8Array<ArrayBuffer>>;
};

/** Pieces of at most `size` bytes out of a stream of any-sized chunks. */
export async function* inPiecesOf(size: number, source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  let piece = new Uint8Array(size);
  let filled = 0;
  for await (const chunk of source) {
    let at = 0;
    while (at < chunk.byteLength) {
      const taken = Math.min(size - filled, chunk.byteLength - at);
      piece.set(chunk.subarray(at, at + taken), filled);
      filled += taken;
      at += taken;
      if (filled === size) {
        yield piece;
        piece = new Uint8Array(size);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield piece.subarray(0, filled);
}

/** Writes one piece of a job's file; pieces are numbered from 0 in the file's order. */
export async function writeJobFilePart(tx: Tx, tenantId: string, jobId: string, seq: number, bytes: Uint8Array): Promise<void> {
  await tx.jobFilePart.create({ data: { tenantId, jobId, seq, bytes: bytes as Uint8Array<ArrayBuffer> }, select: { seq: true } });
}

/** Writes a file already in memory (a server action's upload) in the caller's transaction. */
export async function writeJobFile(tx: Tx, tenantId: string, jobId: string, file: Uint8Array): Promise<void> {
  for (let seq = 0, at = 0; at < file.byteLength; seq++, at += JOB_FILE_PART_BYTES) {
    await writeJobFilePart(tx, tenantId, jobId, seq, file.subarray(at, at + JOB_FILE_PART_BYTES));
  }
}

/** The job's file, or null when it has none (never given, or dropped once the job ended). */
export async function findJobFile(withTenant: WithTenant, tenantId: string, jobId: string): Promise<JobFile | null> {
  const [found] = await withTenant(
    tenantId,
    (tx) => tx.$queryRaw<{ parts: number; size: bigint | null }[]>`
      SELECT count(*)::int AS parts, sum(length(bytes))::bigint AS size
      FROM "JobFilePart" WHERE "tenantId" = ${tenantId} AND "jobId" = ${jobId}`,
  );
  if (!found || found.parts === 0) return null;
  const { parts } = found;
  const size = Number(found.size ?? 0);
  const piece = async (seq: number) => {
    const part = await withTenant(tenantId, (tx) =>
      tx.jobFilePart.findUnique({ where: { tenantId_jobId_seq: { tenantId, jobId, seq } }, select: { bytes: true } }),
    );
    if (!part) throw new Error(`job ${jobId} lost piece ${seq} of its file`);
    return part.bytes;
  };
  // The next piece is on its way while the reader works on this one: one piece ahead, no more.
  async function* pieces(): AsyncIterable<Uint8Array> {
    let next = parts > 0 ? piece(0) : null;
    for (let seq = 0; next; seq++) {
      const current = next;
      next = seq + 1 < parts ? piece(seq + 1) : null;
      // A reader that stops early leaves the piece ahead unread; its failure is not an error then.
      next?.catch(() => undefined);
      yield await current;
    }
  }
  const bytes = async () => {
    const whole = new Uint8Array(new ArrayBuffer(size));
    let at = 0;
    for await (const piece of pieces()) {
      whole.set(piece, at);
      at += piece.byteLength;
    }
    return whole;
  };
  return { size, pieces, bytes };
}

/** Drops a job's file (the job ended). */
export async function dropJobFile(tx: Tx, tenantId: string, jobId: string): Promise<void> {
  await tx.jobFilePart.deleteMany({ where: { tenantId, jobId } });
}
