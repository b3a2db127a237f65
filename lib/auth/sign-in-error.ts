// Shared by the Credentials provider (which throws these codes; next-auth hands the
// message to the client as `error`) and the sign-in form (which shows the message).

export const SIGN_IN_ERROR = { locked: "locked", inactive: "inactive", unavailable: "unavailable" } as const;

export type SignInError = { key: "invalid" | "inactive" | "unavailable" } | { key: "locked"; minutes: number };

export function lockedErrorCode(minutes: number): string {
  return `${SIGN_IN_ERROR.locked}:${minutes}`;
}

/** The message to show for next-auth's `error` value; null when there was none. */
export function signInError(code: string | null | undefined): SignInError | null {
  if (!code) return null;
  if (code === "CredentialsSignin") return { key: "invalid" };
  if (code === SIGN_IN_ERROR.inactive) return { key: "inactive" };
  const locked = new RegExp(`^${SIGN_IN_ERROR.locked}:(\\d{1,4})$`).exec(code);
  if (locked) return { key: "locked", minutes: Math.max(1, Number(locked[1])) };
  return { key: "unavailable" };
}
