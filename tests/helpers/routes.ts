import type { RouteDeps, RouteParams, TenantRoute } from "@/lib/auth/route";
import type { SessionUser } from "@/lib/auth/session-user";
import type { TestDb } from "./db";

/** A route handler's dependencies, on the test database, asked by `user`. */
export function routeDeps(t: Pick<TestDb, "withTenant">, user: SessionUser | null): RouteDeps {
  return { currentUser: async () => user, withTenant: t.withTenant };
}

/** Calls a route handler as Next.js would, on the given dependencies. */
export function callRoute<Params extends RouteParams>(
  route: TenantRoute<Params>,
  deps: RouteDeps,
  url: string,
  params: Params,
  init?: RequestInit,
): Promise<Response> {
  return route.withDeps(deps)(new Request(url, init), { params: Promise.resolve(params) });
}
