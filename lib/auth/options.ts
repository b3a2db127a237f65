import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { appAuthDeps } from "./deps";
import { clientIp, requestId } from "./request";
import { authRoutes } from "./routes";
import { authSecret } from "./secret";
import { SIGN_IN_ERROR, lockedErrorCode } from "./sign-in-error";
import { SESSION_MAX_AGE_SECONDS, sessionClaimsSchema, type SessionClaims } from "./session-user";
import { authenticate, type AuthenticatedUser } from "./sign-in";
import { endSession } from "./user-sessions";

// Without NEXTAUTH_URL, next-auth v4 would assume http://localhost:3000; trusting the
// Host / X-Forwarded-* headers instead makes any port and an HTTPS proxy work (secure
// cookies behind HTTPS). Redirects never leave the site: see safeCallbackUrl.
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";

let options: AuthOptions | undefined;

/** The next-auth configuration, built on first use (never at build time). */
export function authOptions(): AuthOptions {
  options ??= {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: authRoutes.signIn(), error: authRoutes.signIn() },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const headers = req.headers ?? {};
          let result: Awaited<ReturnType<typeof authenticate>>;
          try {
            result = await authenticate(appAuthDeps, {
              email: credentials?.email,
              password: credentials?.password,
              ip: clientIp(headers),
              requestId: requestId(headers),
            });
          } catch (error) {
            // next-auth puts a thrown message in the redirect URL: never an internal one.
            console.error("sign-in failed", error);
            throw new Error(SIGN_IN_ERROR.unavailable);
          }
          if (result.ok) return result.user;
          if (result.reason === "locked") throw new Error(lockedErrorCode(result.retryAfterMinutes));
          if (result.reason === "inactive") throw new Error(SIGN_IN_ERROR.inactive);
          return null;
        },
      }),
    ],
    events: {
      // next-auth's own sign-out endpoint; the app's sign-out button ends it the same way.
      async signOut({ token }) {
        const claims = sessionClaimsSchema.safeParse(token);
        if (claims.success) await endSession(appAuthDeps, { id: claims.data.sessionId, userId: claims.data.userId, tenantId: claims.data.tenantId });
      },
    },
    callbacks: {
      jwt({ token, user }) {
        // `user` is there only at sign-in; later calls keep the token as it is.
        if (!user) return token;
        const signedIn = user as unknown as AuthenticatedUser;
        const claims: SessionClaims = {
          userId: signedIn.id,
          tenantId: signedIn.tenantId,
          role: signedIn.role,
          sessionVersion: signedIn.sessionVersion,
          signedInAt: Date.now(),
          sessionId: signedIn.sessionId,
        };
        return { ...token, ...claims };
      },
      session({ session, token }) {
        const claims = sessionClaimsSchema.safeParse(token);
        return { ...session, claims: claims.success ? claims.data : null };
      },
    },
  };
  return options;
}
