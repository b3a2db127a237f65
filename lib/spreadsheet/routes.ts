// Route handlers for exports and templates, with the app's session and database:
//
//   // app/[tenant]/anggaran/ekspor/route.ts
//   export const dynamic = "force-dynamic";
//   export const GET = exportRoute(realisationExport);   // ?format=xlsx|csv
//
//   // app/[tenant]/anggaran/templat/route.ts
//   export const GET = templateRoute({ permission: "entry:write", fileName: "realisasi", columns: REALISATION_COLUMNS });
//
//   // a dashboard's tables: lib/dashboards/export-route.ts builds the spec
//   export const GET = figureExportRoute({ page: "budgetDashboard", entity: "Dashboard", build });
import "server-only";
import { getSessionUser } from "@/lib/auth/session";
import type { Permission } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/db";
import type { ImportColumn } from "./columns";
import { exportResponse, figureExportResponse, templateResponse, type ExportSpec, type FigureExportSpec, type RouteDeps, type RouteParams } from "./export";

const deps: RouteDeps = { currentUser: getSessionUser, withTenant };

type Context = { params: Promise<RouteParams> };

export function exportRoute<Row>(spec: ExportSpec<Row>) {
  return async (request: Request, context: Context) => exportResponse(deps, spec, request, await context.params);
}

export function templateRoute(spec: { permission: Permission; fileName: string; columns: readonly ImportColumn[] }) {
  return async (request: Request, context: Context) => templateResponse(deps, spec, request, await context.params);
}

export function figureExportRoute(spec: FigureExportSpec) {
  return async (request: Request, context: Context) => figureExportResponse(deps, spec, request, await context.params);
}
