// Exports and templates behind a route handler (`…/ekspor/route.ts?format=xlsx|csv`).
// The wiring with the app's session is lib/spreadsheet/routes.ts; this file takes its
// dependencies as arguments so tests call it directly.
//
// A request is answered "not found" unless the user is signed in to this URL's city and
// holds the permission (as the page guard does). Rows come page by page (keyset: `page`
// gets the last row's `cursor`), each page in its own short tenant transaction, and are
// streamed out as they come. The first page is read with the audit entry, before the
// response starts, so a `notFound()` thrown by `page` (another OPD's record) is a 404.
import type { ActionDeps } from "@/lib/actions/run";
import { recordAudit } from "@/lib/audit";
import { can, type Permission } from "@/lib/auth/permissions";
import { clientIp, requestId } from "@/lib/auth/request";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Tx } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { ImportColumn } from "./columns";
import { downloadHeaders, downloadName, writeSheet, type OutCell, type SpreadsheetFormat } from "./write";

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
      // Exports carry personal and budget data: each one is audited.
      await recordAudit(tx, {
        tenantId: user.tenantId,
        userId: user.id,
        action: "export",
        entity: spec.entity,
        after: { format, file: spec.fileName, params: { ...params, tenant: undefined }, query: Object.fromEntries(search) },
        requestId: requestId(request.headers),
        ip: clientIp(request.headers),
      });
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
