/** Hands out 1, 2, 3 … per key, so generated NIKs and No. KKs never repeat. */
export class SerialCounter {
  private readonly next = new Map<string, number>();

  take(key: string): number {
    const serial = (this.next.get(key) ?? 0) + 1;
    if (serial > 9999) throw new Error(`More than 9999 serials for ${key}`);
    this.next.set(key, serial);
    return serial;
  }
}
