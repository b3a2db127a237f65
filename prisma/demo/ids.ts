import { createHash } from "node:crypto";

/**
 * A cuid-shaped id derived from the row's place in the demo data, so a second seed run
 * produces the same ids and `createMany({ skipDuplicates: true })` inserts nothing.
 * Built from positions and labels, never from NIK or No. KK, so ids in URLs reveal nothing.
 */
export function seedId(...parts: Array<string | number>): string {
  const digest = createHash("sha256").update(parts.join("/")).digest();
  const value = digest.readBigUInt64BE(0) * 2n ** 64n + digest.readBigUInt64BE(8);
  return `c${value.toString(36).padStart(25, "0").slice(-24)}`;
}
