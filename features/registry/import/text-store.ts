// Text kept for each row of a large import until the whole file is read, outside the
// JavaScript heap: a check of 300,000 rows held their shown cells and their members as that
// many strings, about 100 MB that the garbage collector then let the heap grow to twice.
// Strings go into 1 MB buffers as UTF-8, each found again by its number.

const CHUNK_BYTES = 1 << 20;

export class TextStore {
  private readonly chunks: Buffer[] = [];
  private used = CHUNK_BYTES;
  /** Per text: its chunk, its offset in it and its length in bytes. */
  private chunkOf = new Uint32Array(1024);
  private offset = new Uint32Array(1024);
  private bytes = new Uint32Array(1024);
  private count = 0;

  /** Keeps `text`; returns its number (0, 1, 2, … in the order kept). */
  add(text: string): number {
    const most = text.length * 3;
    if (this.used + most > CHUNK_BYTES) {
      this.chunks.push(Buffer.allocUnsafe(Math.max(CHUNK_BYTES, most)));
      this.used = 0;
    }
    const chunk = this.chunks.length - 1;
    const written = this.chunks[chunk]!.write(text, this.used, "utf8");
    if (this.count === this.bytes.length) this.grow();
    this.chunkOf[this.count] = chunk;
    this.offset[this.count] = this.used;
    this.bytes[this.count] = written;
    this.used += written;
    return this.count++;
  }

  get(id: number): string {
    const offset = this.offset[id]!;
    return this.chunks[this.chunkOf[id]!]!.toString("utf8", offset, offset + this.bytes[id]!);
  }

  private grow(): void {
    const twice = (array: Uint32Array) => {
      const grown = new Uint32Array(array.length * 2);
      grown.set(array);
      return grown;
    };
    this.chunkOf = twice(this.chunkOf);
    this.offset = twice(this.offset);
    this.bytes = twice(this.bytes);
  }
}
