import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "@/lib/auth/request";

/**
 * Tells the page which URL was asked for (a server component cannot see it), so a
 * sign-in redirect can come back to it, and gives every request an id for the audit log.
 * It decides nothing: every page and action checks the session itself.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  // Keep a front proxy's id (to match its logs) when it looks like one; otherwise make one.
  if (!/^[\w.:-]{8,100}$/.test(headers.get("x-request-id") ?? "")) headers.set("x-request-id", crypto.randomUUID());
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Everything but static files, and the registry upload: a proxy buffers the request
  // body (cut at 10 MB), and a 100k-row extract is larger; that route checks the session itself.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|[^/]+/registri/impor/unggah).*)"],
};
