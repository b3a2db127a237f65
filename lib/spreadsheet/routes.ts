// Route handlers for exports and templates, each behind the gate (lib/auth/route.ts):
//
//   // app/[tenant]/anggaran/ekspor/route.ts
//   export const dynamic = "force-dynamic";
//   export const GET = exportRoute(realisationExport);   // ?format=xlsx|csv, or ?tugas=<job> when large
//   export const POST = exportCancelRoute(realisationExport);   // ?tugas=<job>: cancel it
//
//   // app/[tenant]/anggaran/templat/route.ts
//   export const GET = templateRoute({ page: "budget", also: "entry:write", fileName: "realisasi", columns: REALISATION_COLUMNS });
//
//   // a dashboard's tables: features/dashboards/export-route.ts builds the spec
//   export const GET = figureExportRoute({ page: "budgetDashboard", entity: "Dashboard", build });
import { tenantRoute } from "@/lib/auth/route";
import { cancelExportResponse, exportJobResponse } from "./export-queue";
import { EXPORT_JOB_PARAM } from "./export-job-urls";
import { exportRequirement, exportResponse, figureExportResponse, templateResponse, type ExportSpec, type FigureExportSpec, type TemplateSpec } from "./export";

/**
 * An export of rows, for the readers of `spec.page` who hold data:export (and person:read, when
 * it lists people): the file, or a job when it is large, and that job's status and file.
 */
export function exportRoute<Row>(spec: ExportSpec<Row>) {
  const route = tenantRoute(exportRequirement(spec), (context) =>
    new URL(context.request.url).searchParams.has(EXPORT_JOB_PARAM) ? exportJobResponse(context, spec) : exportResponse(context, spec),
  );
  // The worker builds large exports only of specs app/exports.ts lists; a test holds the routes to it.
  return Object.assign(route, { exportSpec: spec });
}

/** Cancels the caller's own export job (?tugas=), behind the export's own gate. */
export function exportCancelRoute<Row>(spec: ExportSpec<Row>) {
  return tenantRoute(exportRequirement(spec), (context) => cancelExportResponse(context, spec));
}

/** An import's empty template, for the readers of `spec.page` who also hold `spec.also` (who may import). */
export function templateRoute(spec: TemplateSpec) {
  return tenantRoute({ page: spec.page, also: spec.also, people: false }, (context) => templateResponse(context, spec));
}

/** A page's tables of figures, for the page's readers who also hold data:export. */
export function figureExportRoute(spec: FigureExportSpec) {
  return tenantRoute({ page: spec.page, also: "data:export", people: false }, (context) => figureExportResponse(context, spec));
}
