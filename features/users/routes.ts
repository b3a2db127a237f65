// The URLs of a city's users: /<city>/pengguna.
import { withQuery, type Query } from "@/lib/paths";

const base = (slug: string) => `/${slug}/pengguna`;

export const usersRoutes = {
  /** `query`: peran (a role), masuk (NEVER_SIGNED_IN: active accounts that never signed in), terkunci (LOCKED_ONLY). */
  list: (slug: string, query?: Query) => withQuery(base(slug), query),
  create: (slug: string) => `${base(slug)}/baru`,
  detail: (slug: string, userId: string) => `${base(slug)}/${encodeURIComponent(userId)}`,
};

/** `?masuk=belum`: the list holds only active accounts that never signed in. */
export const NEVER_SIGNED_IN = "belum";

/** `?terkunci=1`: the list holds only accounts locked now by failed sign-ins. */
export const LOCKED_ONLY = { terkunci: "1" } as const;
