import { createHmac } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

/**
 * A keyed hash (HMAC-SHA-256 with the app's secret, 16 hex digits) of a value, within a
 * domain. Equal values give equal tags, so an investigator with the secret can match two
 * rows or a known number, while no one can turn a tag back into the number: NIKs are too
 * few to hide behind a plain hash. Changing the secret changes every tag.
 */
export function keyedTag(domain: "personal-number" | "sign-in", value: string): string {
  return createHmac("sha256", authSecret()).update(`entas:${domain}\u0000${value}`).digest("hex").slice(0, 16);
}
