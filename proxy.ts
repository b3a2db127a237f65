import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER, clientUsesHttps } from "@/lib/auth/request";
import { HSTS, contentSecurityPolicy, newNonce, servedOverHttps } from "@/lib/http/security-headers";
import { catalogues } from "@/lib/i18n/catalogues";
import { localeCookieName, localeFromCookie } from "@/lib/i18n/locales";
import { ACTION_BODY_MAX_BYTES } from "@/lib/spreadsheet/table-file-limit";

/**
 * Tells the page which URL was asked for (a server component cannot see it), so a
 * sign-in redirect can come back to it; gives every request an id for the audit log; and
 * sets the Content-Security-Policy with this request's nonce, on the request (Next.js puts
 * the nonce on its scripts from there) and on the response. It decides no access: every
 * page and action checks the session itself.
 */
export async function proxy(request: NextRequest) {
  // Next.js answers a server action's body past its limit with a server error, and cuts any body
  // at what it buffers for the proxy; such a body is refused here, in words.
  if (request.method === "POST" && (await bodyTooLarge(request))) {
    const words = catalogues[localeFromCookie(request.cookies.get(localeCookieName)?.value)].Error.requestTooLarge;
    return new NextResponse(words, { status: 413, headers: { "content-type": "text/plain; charset=utf-8", connection: "close" } });
  }
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  // Keep a front proxy's id (to match its logs) when it looks like one; otherwise make one.
  if (!/^[\w.:-]{8,100}$/.test(headers.get("x-request-id") ?? "")) headers.set("x-request-id", crypto.randomUUID());

  const https = servedOverHttps(clientUsesHttps(request.headers));
  const policy = contentSecurityPolicy(newNonce(), { https });
  headers.set("content-security-policy", policy);

  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

/**
 * A server action's declared length past its limit (refused before a byte is read), or a body
 * sent in pieces without a declared length that turns out longer. The proxy reads Next.js's
 * buffered copy of it (PROXY_BODY_MAX_BYTES, a megabyte more than the limit), so a body cut
 * there is still seen to be too long; the action's own copy stays unread.
 */
async function bodyTooLarge(request: NextRequest): Promise<boolean> {
  const declared = request.headers.get("content-length");
  if (declared !== null) return request.headers.has("next-action") && Number(declared) > ACTION_BODY_MAX_BYTES;
  if (!request.body) return false;
  const reader = request.body.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    bytes += value.byteLength;
    if (bytes > ACTION_BODY_MAX_BYTES) return true;
  }
}

export const config = {
  // Everything but static files, and the registry upload: a proxy buffers the request
  // body (cut at 10 MB), and a 100k-row extract is larger; that route checks the session
  // itself, and next.config.mjs gives it and the static files their security headers.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|[^/]+/registri/impor/unggah).*)"],
};
