import { hash, verify } from "@node-rs/argon2";

// argon2id (the library's default) at OWASP's baseline: 19 MiB, 2 passes, 1 lane.
// The parameters travel inside each hash, so raising them later keeps old hashes valid.
const HASH_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 10;
/** Hashing cost grows with the input; nobody types more than this. */
export const PASSWORD_MAX_LENGTH = 128;

/** Why a new password is refused; the form shows `Account.passwordRules.<problem>`. */
export type PasswordProblem = "tooShort" | "tooLong" | "sameAsEmail" | "tooCommon";

// The ones people type first. Length already rules out most of the well-known lists.
const COMMON = new Set([
  "1234567890",
  "12345678910",
  "0123456789",
  "qwertyuiop",
  "password123",
  "password1234",
  "katasandi123",
  "passwordku1",
  "bismillah123",
  "indonesia123",
  "indonesia45",
  "entas12345",
  "admin12345",
  "administrator",
]);

/** The rules a new password must meet (NIST SP 800-63B: length and a block list, no composition rules). */
export function passwordProblems(password: string, context: { email?: string } = {}): PasswordProblem[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return ["tooShort"];
  if (length > PASSWORD_MAX_LENGTH) return ["tooLong"];
  const folded = password.trim().toLowerCase();
  const email = context.email?.trim().toLowerCase();
  const problems: PasswordProblem[] = [];
  if (email && (folded === email || folded === email.split("@")[0])) problems.push("sameAsEmail");
  if (COMMON.has(folded) || /^(.)\1*$/u.test(folded)) problems.push("tooCommon");
  return problems;
}

/** An argon2id hash in PHC form (`$argon2id$v=19$m=…`), with its own random salt. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, HASH_OPTIONS);
}

/** Whether `password` matches `passwordHash`; false (never a throw) for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX_LENGTH * 4) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the email is unknown, so a wrong email takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("entas-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
  return false;
}
