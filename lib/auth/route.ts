// Every route handler (app/**/route.ts) is made here. `tenantRoute(requirement, handler)`
// (the requirement: the route's page, and whether it lists named people)
// runs the gate (lib/auth/gate.ts) before the handler and answers "not found" to anyone it
// turns away (signed out, another city's user, the platform admin, a user without the
// permission); `publicRoute` marks the few anyone may call. Each handler carries what it
// demands as `access`, which the permission-matrix test reads, and `withDeps` builds the
// same handler on a test's session and database.
import { withTenant, withTenantReport, type Tx } from "@/lib/db";
import { catalogues } from "@/lib/i18n/catalogues";
import { localeCookieName, localeFromCookie } from "@/lib/i18n/locales";
import { hasBadBytes } from "@/lib/validation/bad-bytes";
import type { ScopeOptions } from "@/lib/db/tenant-scope";
import { tenantGate, type GateDeps, type RouteRequirement } from "./gate";
import { getSessionUser } from "./session";
import type { TenantSessionUser } from "./session-user";

/** What a route handler needs from the outside world; tests pass their own. */
export type RouteDeps = GateDeps & {
  withTenant: <T>(tenantId: string, fn: (tx: Tx) => Promise<T>, options?: ScopeOptions) => Promise<T>;
  /** Read-only reads for a report (lib/db withTenantReport); withTenant when not given. */
  withTenantReport?: <T>(tenantId: string, fn: (tx: Tx) => Promise<T>) => Promise<T>;
};

/** A city route's URL parameters: `[tenant]`, and whatever else its path names. */
export type RouteParams = { tenant: string } & Record<string, string | string[] | undefined>;

/** What a handler behind the gate receives: the request, its parameters, the admitted user. */
export type TenantRouteContext<Params extends RouteParams = RouteParams> = {
  request: Request;
  params: Params;
  user: TenantSessionUser;
  deps: RouteDeps;
};

export type RouteHandler<Params> = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;

/** What a route demands: a requirement of the city's gate, or nothing (with the reason why). */
export type RouteAccess = { kind: "tenant"; requirement: RouteRequirement } | { kind: "public"; why: string };

export type TenantRoute<Params extends RouteParams> = RouteHandler<Params> & {
  readonly access: RouteAccess;
  /** The same handler on other dependencies (a test's user and database). */
  withDeps: (deps: RouteDeps) => RouteHandler<Params>;
};

const appRouteDeps: RouteDeps = { currentUser: getSessionUser, withTenant, withTenantReport };

/** "Not found", as plain text that is never cached: the gate's answer, and a handler's for a missing record. */
export function notFoundResponse(): Response {
  return new Response("Tidak ditemukan.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

/** The user's language, from the cookie the language switch sets. */
export function requestLocale(request: Request) {
  const pair = (request.headers.get("cookie") ?? "").split(/;\s*/).find((part) => part.startsWith(`${localeCookieName}=`));
  return localeFromCookie(pair?.slice(localeCookieName.length + 1));
}

function badUrlResponse(request: Request): Response {
  return new Response(catalogues[requestLocale(request)].Error.badCharactersUrl, {
    status: 400,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

// The gate's own refusals, so a test can tell them from a handler's "not found" (which
// only an admitted user can get). The answer itself is the same.
const refusals = new WeakSet<Response>();

/** Whether a response is the gate turning the caller away (for tests). */
export function refusedByGate(response: Response): boolean {
  return refusals.has(response);
}

/**
 * A city's route handler behind the gate:
 *
 *   // app/[tenant]/registri/impor/templat/route.ts
 *   export const GET = tenantRoute({ page: "registryImport", people: false }, async ({ user, deps }) => …);
 *
 * The requirement names the page the route belongs to (the one whose URL it sits under) and
 * whether its answer lists named people.
 */
export function tenantRoute<Params extends RouteParams = RouteParams>(
  requirement: RouteRequirement,
  handler: (context: TenantRouteContext<Params>) => Promise<Response>,
): TenantRoute<Params> {
  const withDeps =
    (deps: RouteDeps): RouteHandler<Params> =>
    async (request, context) => {
      const params = await context.params;
      const admission = await tenantGate(deps, params.tenant, requirement);
      if (!admission.ok) {
        const refusal = notFoundResponse();
        refusals.add(refusal);
        return refusal;
      }
      // An id in the path holding NUL or a lone surrogate names nothing; a query holding them
      // is refused before any handler reads it (PostgreSQL cannot compare such text).
      if (
        Object.values(params)
          .flat()
          .some((value) => typeof value === "string" && hasBadBytes(value))
      )
        return notFoundResponse();
      if ([...new URL(request.url).searchParams].some(([key, value]) => hasBadBytes(key) || hasBadBytes(value))) return badUrlResponse(request);
      return handler({ request, params, user: admission.user, deps });
    };
  return Object.assign(withDeps(appRouteDeps), { access: { kind: "tenant", requirement } as const, withDeps });
}

/** A route anyone may call, marked so: `why` says what makes that safe. */
export function publicRoute<Handler extends (...args: never[]) => Promise<Response>>(
  why: string,
  handler: Handler,
): Handler & { readonly access: RouteAccess } {
  return Object.assign(handler, { access: { kind: "public", why } as const });
}
