import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { publicRoute } from "@/lib/auth/route";

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth's endpoints: CSRF token, credentials callback, session. Options are built on
// the first request, so the build never reads the secret.
const handler = publicRoute(
  "next-auth's own endpoints: signing in is how one gets past the gate, and they answer only for the caller's own session",
  (request: NextRequest, context: Context): Promise<Response> => NextAuth(request, context, authOptions()),
);

export { handler as GET, handler as POST };
