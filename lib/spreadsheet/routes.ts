// Route handlers for exports and templates, each behind the gate (lib/auth/route.ts):
//
//   // app/[tenant]/anggaran/ekspor/route.ts
//   export const dynamic = "force-dynamic";
//   export const GET = exportRoute(realisationExport);   // ?format=xlsx|csv
//
//   // app/[tenant]/anggaran/templat/route.ts
//   export const GET = templateRoute({ page: "budget", also: "entry:write", fileName: "realisasi", columns: REALISATION_COLUMNS });
//
//   // a dashboard's tables: features/dashboards/export-route.ts builds the spec
//   export const GET = figureExportRoute({ page: "budgetDashboard", entity: "Dashboard", build });
import { tenantRoute } from "@/lib/auth/route";
import { exportResponse, figureExportResponse, templateResponse, type ExportSpec, type FigureExportSpec, type TemplateSpec } from "./export";

/** An export of rows, for the readers of `spec.page` who hold data:export or `spec.also` (and person:read, when it lists people). */
export function exportRoute<Row>(spec: ExportSpec<Row>) {
  return tenantRoute({ page: spec.page, also: spec.also ?? "data:export", people: spec.lists === "people" }, (context) => exportResponse(context, spec));
}

/** An import's empty template, for the readers of `spec.page` who also hold `spec.also` (who may import). */
export function templateRoute(spec: TemplateSpec) {
  return tenantRoute({ page: spec.page, also: spec.also, people: false }, (context) => templateResponse(context, spec));
}

/** A page's tables of figures, for the page's readers who also hold data:export. */
export function figureExportRoute(spec: FigureExportSpec) {
  return tenantRoute({ page: spec.page, also: "data:export", people: false }, (context) => figureExportResponse(context, spec));
}
