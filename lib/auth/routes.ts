// The sign-in page's URL. It lives with auth, not with a feature: the sign-in redirect,
// next-auth's configuration and the callback check all need it, and lib never imports features.
import { withQuery, type Query } from "@/lib/paths";

export const authRoutes = {
  /** /masuk; `query` carries a callbackUrl or a notice. */
  signIn: (query?: Query) => withQuery("/masuk", query),
  /** The signed-in user's own password; where a user with an admin's password is sent. */
  changePassword: () => "/akun/kata-sandi",
};
