import { randomBytes } from "node:crypto";

/**
 * A new id shaped like Prisma's cuid() ("c" + 24 base-36 characters, about 124 random
 * bits), for a row whose id must be known before it is written: a new tenant's scope is
 * opened with its id.
 */
export function newCuidLikeId(): string {
  const value = BigInt(`0x${randomBytes(16).toString("hex")}`);
  return `c${value.toString(36).padStart(25, "0").slice(-24)}`;
}
