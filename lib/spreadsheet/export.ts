// Exports and templates behind a route handler (`…/ekspor/route.ts?format=xlsx|csv`).
// The wiring with the app's session is lib/spreadsheet/routes.ts; this file takes its
// dependencies as arguments so tests call it directly.
//
// A request is answered "not found" unless the user is signed in to this URL's city and
// holds the permission (as the page guard does). Rows come page by page (keyset: `page`
// gets the last row's `cursor`), each page in its own short tenant transaction, and are
// streamed out as they come. The first page is read with the audit entry, before the
// response starts, so a `notFound()` thrown by `page` (another OPD's record) is a 404.
//
// Tables of figures (dashboards) go through `figureExportResponse`: readers who may open the
// page and hold data:export get the tables asked for, small household cells hidden.
import type { ActionDeps } from "@/lib/actions/run";
import { recordAudit } from "@/lib/db/audit";
import { pageAccess, type TenantPageKey } from "@/lib/auth/pages";
import { can, type Permission } from "@/lib/auth/permissions";
import { clientIp, requestId } from "@/lib/auth/request";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Tx } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { ImportColumn } from "./columns";
import type { FigureFileOptions, FigureTable } from "./figures";
import { downloadHeaders, downloadName, writeFigures, writeSheet, type OutCell, type SpreadsheetFormat } from "./write";

export type RouteDeps = Pick<ActionDeps, "currentUser" | "withTenant">;
export type ExportUser = SessionUser & { tenantId: string; tenantSlug: string };
export type RouteParams = Record<string, string | string[] | undefined> & { tenant: string };

export type ExportColumn<Row> = { header: string; value: (row: Row) => OutCell };

export type ExportSpec<Row> = {
  permission: Permission;
  /** The audit log's entity, e.g. "BudgetRealisation". */
  entity: string;
  /** The download's name without extension, e.g. "realisasi-anggaran". */
  fileName: string;
  columns: readonly ExportColumn<Row>[];
  /** One page in key order after `after` (null: from the start), at most `take` rows. */
  page: (tx: Tx, query: { user: ExportUser; params: RouteParams; search: URLSearchParams; after: string | null; take: number }) => Promise<Row[]>;
  /** The key `page` orders by, e.g. (row) => row.id. */
  cursor: (row: Row) => string;
  pageSize?: number;
};

const notFoundResponse = () =>
  new Response("Tidak ditemukan.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/** "xlsx" (default) or "csv" from ?format=; anything else is null. */
export function formatOf(url: string): SpreadsheetFormat | null {
  const value = new URL(url).searchParams.get("format") ?? "xlsx";
  return value === "xlsx" || value === "csv" ? value : null;
}

/** The signed-in user of this URL's city holding `permission`, or null (answer 404). */
export async function routeUser(deps: Pick<RouteDeps, "currentUser">, tenantSlug: string, permission: Permission): Promise<ExportUser | null> {
  const user = await deps.currentUser();
  if (!user || !user.tenantId || !user.tenantSlug || user.tenantSlug !== tenantSlug) return null;
  if (!can(user.role, permission)) return null;
  return user as ExportUser;
}

/** Exports carry personal and budget data: each one is audited, in the transaction that reads it. */
async function auditExport(tx: Tx, user: ExportUser, request: Request, entry: { entity: string; entityId?: string; after: Record<string, unknown> }) {
  await recordAudit(tx, {
    tenantId: user.tenantId,
    userId: user.id,
    action: "export",
    ...entry,
    requestId: requestId(request.headers),
    ip: clientIp(request.headers),
  });
}

export async function exportResponse<Row>(deps: RouteDeps, spec: ExportSpec<Row>, request: Request, params: RouteParams): Promise<Response> {
  const format = formatOf(request.url);
  const user = await routeUser(deps, params.tenant, spec.permission);
  if (!user || !format) return notFoundResponse();
  const search = new URL(request.url).searchParams;
  const take = spec.pageSize ?? 1000;
  const page = (tx: Tx, after: string | null) => spec.page(tx, { user, params, search, after, take });

  let first: Row[];
  try {
    first = await deps.withTenant(user.tenantId, async (tx) => {
      const rows = await page(tx, null);
      await auditExport(tx, user, request, { entity: spec.entity, after: { format, file: spec.fileName, params: { ...params, tenant: undefined }, query: Object.fromEntries(search) } });
      return rows;
    });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return notFoundResponse();
    throw error;
  }

  async function* rows(): AsyncGenerator<OutCell[]> {
    let batch = first;
    for (;;) {
      for (const row of batch) yield spec.columns.map((column) => column.value(row));
      if (batch.length < take) return;
      const after = spec.cursor(batch[batch.length - 1]!);
      batch = await deps.withTenant(user!.tenantId, (tx) => page(tx, after));
    }
  }
  const headers = spec.columns.map((column) => column.header);
  return new Response(writeSheet(format, headers, rows()), { headers: downloadHeaders(format, downloadName(spec.fileName, "", format)) });
}

/** The import's template: its headers and one example row. */
export async function templateResponse(
  deps: Pick<RouteDeps, "currentUser">,
  spec: { permission: Permission; fileName: string; columns: readonly ImportColumn[] },
  request: Request,
  params: RouteParams,
): Promise<Response> {
  const format = formatOf(request.url);
  const user = await routeUser(deps, params.tenant, spec.permission);
  if (!user || !format) return notFoundResponse();
  const headers = spec.columns.map((column) => column.header);
  const example = [spec.columns.map((column) => column.example)];
  return new Response(writeSheet(format, headers, example), { headers: downloadHeaders(format, downloadName(spec.fileName, "templat", format)) });
}

/** What a figure export's `build` hands back: the tables and what the file says around them. */
export type FigureExport = FigureFileOptions & {
  tables: FigureTable[];
  /** The download's name without extension, e.g. "mataram-coverage-2026". */
  fileName: string;
  /** The audit entry's entity id and what it records besides the format (filters, row count). */
  entityId: string;
  audit: Record<string, unknown>;
};

export type FigureExportSpec = {
  /** The page whose readers may export its figures (holding data:export as well). */
  page: TenantPageKey;
  /** The audit log's entity, e.g. "Dashboard". */
  entity: string;
  /** The tables the URL asks for (`search`); null answers "not found". */
  build: (tx: Tx, query: { user: ExportUser; params: RouteParams; search: URLSearchParams }) => Promise<FigureExport | null>;
};

/** Tables of figures as .xlsx/.csv for a reader of `spec.page` who may export; anyone else gets 404. */
export async function figureExportResponse(deps: RouteDeps, spec: FigureExportSpec, request: Request, params: RouteParams): Promise<Response> {
  const format = formatOf(request.url);
  const user = await routeUser(deps, params.tenant, "data:export");
  if (!user || !format || pageAccess(user, params.tenant, spec.page) !== "allow") return notFoundResponse();
  const search = new URL(request.url).searchParams;
  const file = await deps.withTenant(user.tenantId, async (tx) => {
    const built = await spec.build(tx, { user, params, search });
    if (built) await auditExport(tx, user, request, { entity: spec.entity, entityId: built.entityId, after: { format, ...built.audit } });
    return built;
  });
  if (!file) return notFoundResponse();
  return new Response(writeFigures(format, file.tables, file), { headers: downloadHeaders(format, downloadName(file.fileName, "", format)) });
}
