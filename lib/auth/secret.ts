import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

let cached: string | undefined;
let warned = false;

/**
 * The key that protects session cookies: NEXTAUTH_SECRET (or AUTH_SECRET). Without one,
 * a random key is generated once into .data/auth-secret (git-ignored) and reused, so a
 * fresh checkout runs with no configuration. Production must set NEXTAUTH_SECRET: with
 * several servers each would otherwise have its own key, and a copied .data/ would share it.
 */
export function authSecret(env: NodeJS.ProcessEnv = process.env): string {
  const configured = (env.NEXTAUTH_SECRET ?? env.AUTH_SECRET)?.trim();
  if (configured) return configured;
  // The hint stops Turbopack from tracing the whole project into the server bundle.
  cached ??= localSecret(path.resolve(/* turbopackIgnore: true */ process.cwd(), ".data/auth-secret"));
  if (env.NODE_ENV === "production" && !warned) {
    warned = true;
    console.warn("Entas: NEXTAUTH_SECRET is not set; using the generated key in .data/auth-secret. Set NEXTAUTH_SECRET in production.");
  }
  return cached;
}

/** Reads the key file, or creates it; two processes starting at once agree on one key. */
export function localSecret(file: string): string {
  try {
    return readKey(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  // Written aside, then linked into place: the link either wins whole or finds the winner's.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(draft, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(draft);
  }
  return readKey(file);
}

function readKey(file: string): string {
  const key = readFileSync(file, "utf8").trim();
  if (key.length < 32) throw new Error(`${file}: the key is too short; delete the file to generate a new one`);
  return key;
}
