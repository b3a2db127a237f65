import { randomInt } from "node:crypto";

// No 0/o, 1/l/i: the admin reads it out or copies it by hand.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A random password to hand over once, e.g. "k7pm-x3qa-9dnv-h2tc" (about 79 bits). */
export function generatePassword(groups = 4, groupLength = 4): string {
  return Array.from({ length: groups }, () => Array.from({ length: groupLength }, () => ALPHABET[randomInt(ALPHABET.length)]).join("")).join("-");
}
