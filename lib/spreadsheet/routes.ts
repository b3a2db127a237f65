// Route handlers for exports and templates, with the app's session and database:
//
//   // app/[tenant]/anggaran/ekspor/route.ts
//   export const dynamic = "force-dynamic";
//   export const GET = exportRoute(realisationExport);   // ?format=xlsx|csv
//
//   // app/[tenant]/anggaran/templat/route.ts
//   export const GET = templateRoute({ permission: "entry:write", fileName: "realisasi", columns: REALISATION_COLUMNS });
import "server-only";
import { getSessionUser } from "@/lib/auth/session";
import type { Permission } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/db";
import type { ImportColumn } from "./columns";
import { exportResponse, templateResponse, type ExportSpec, type RouteDeps, type RouteParams } from "./export";

const deps: RouteDeps = { currentUser: getSessionUser, withTenant };

type Context = { params: Promise<RouteParams> };

export function exportRoute<Row>(spec: ExportSpec<Row>) {
  return async (request: Request, context: Context) => exportResponse(deps, spec, request, await context.params);
}

export function templateRoute(spec: { permission: Permission; fileName: string; columns: readonly ImportColumn[] }) {
  return async (request: Request, context: Context) => templateResponse(deps, spec, request, await context.params);
}
