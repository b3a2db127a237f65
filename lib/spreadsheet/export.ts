// Exports and templates behind a route handler (`…/ekspor/route.ts?format=xlsx|csv`), built
// by lib/spreadsheet/routes.ts on `tenantRoute`: the gate (lib/auth/gate.ts) has admitted
// the user of this URL's city who may open the spec's page and export (and, for a list of
// people, read named people) before anything here runs.
// Rows come batch by batch (keyset: `batch` gets the last row's `cursor`), each in its own
// short tenant transaction, and are streamed out as they come. The first batch is read with
// the audit entry, before the response starts, so a `notFound()` thrown by `batch` (another
// OPD's record) is a 404. An export of named people says which household each row names
// (`householdId`): the households of each batch are recorded against the export's audit row.
//
// Tables of figures (dashboards) go through `figureExportResponse`: readers who may open the
// page and hold data:export get the tables asked for, small household cells hidden.
import type { TenantPageKey } from "@/lib/auth/pages";
import type { Access } from "@/lib/auth/permissions";
import { clientIp, requestId } from "@/lib/auth/request";
import { notFoundResponse, type RouteParams, type TenantRouteContext } from "@/lib/auth/route";
import type { TenantSessionUser } from "@/lib/auth/session-user";
import { recordAudit } from "@/lib/db/audit";
import { recordDisclosures } from "@/lib/privacy/disclosures";
import type { Tx } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { ImportColumn } from "./columns";
import type { FigureFileOptions, FigureTable } from "./figures";
import { downloadHeaders, downloadName, writeFigures, writeSheet, type OutCell, type SpreadsheetFormat } from "./write";

export type ExportColumn<Row> = { header: string; value: (row: Row) => OutCell };

export type ExportSpec<Row> = {
  /**
   * The page whose list this exports: only its readers who also hold data:export get it, so
   * an export is never wider than its page.
   */
  page: TenantPageKey;
  /**
   * What its page's readers must hold besides, to take the file: data:export unless said
   * otherwise (the registry's own export asks for registry:read-personal instead: its full
   * numbers are what that permission covers).
   */
  also?: Access;
  /**
   * What its rows are: "people" when they name anyone (names, addresses, RT/RW, masked
   * numbers, desil, the extreme-poor flag), which needs person:read as well; "figures" for
   * rows of money and counts that name no one.
   */
  lists: "people" | "figures";
  /** The audit log's entity, e.g. "BudgetRealisation". */
  entity: string;
  /** The download's name without extension, e.g. "realisasi-anggaran". */
  fileName: string;
  columns: readonly ExportColumn<Row>[];
  /** One batch of rows in key order after `after` (null: from the start), at most `take` rows. */
  batch: (tx: Tx, query: { user: TenantSessionUser; params: RouteParams; search: URLSearchParams; after: string | null; take: number }) => Promise<Row[]>;
  /** The key `batch` orders by, e.g. (row) => row.id. */
  cursor: (row: Row) => string;
  pageSize?: number;
  /**
   * For exports of named people: the household a row names. Each household listed is recorded
   * against the export's audit row (PersonalDataDisclosure), for the data subject's access report.
   */
  householdId?: (row: Row) => string | null;
};

/** "xlsx" (default) or "csv" from ?format=; anything else is null. */
export function formatOf(url: string): SpreadsheetFormat | null {
  const value = new URL(url).searchParams.get("format") ?? "xlsx";
  return value === "xlsx" || value === "csv" ? value : null;
}

/** Exports carry personal and budget data: each one is audited, in the transaction that reads it. */
async function auditExport(tx: Tx, user: TenantSessionUser, request: Request, entry: { entity: string; entityId?: string; after: Record<string, unknown> }) {
  return recordAudit(tx, {
    tenantId: user.tenantId,
    userId: user.id,
    action: "export",
    ...entry,
    requestId: requestId(request.headers),
    ip: clientIp(request.headers),
  });
}

/** The rows of an export for the admitted user, as .xlsx or .csv, audited. */
export async function exportResponse<Row>({ deps, request, params, user }: TenantRouteContext, spec: ExportSpec<Row>): Promise<Response> {
  const format = formatOf(request.url);
  if (!format) return notFoundResponse();
  const search = new URL(request.url).searchParams;
  const take = spec.pageSize ?? 1000;
  let auditLogId: bigint | null = null;
  // Each batch's households are recorded in the transaction that reads the batch.
  const read = async (tx: Tx, after: string | null) => {
    const rows = await spec.batch(tx, { user, params, search, after, take });
    if (spec.householdId && auditLogId !== null) await recordDisclosures(tx, user.tenantId, auditLogId, rows.map(spec.householdId));
    return rows;
  };

  let first: Row[];
  try {
    first = await deps.withTenant(user.tenantId, async (tx) => {
      auditLogId = await auditExport(tx, user, request, {
        entity: spec.entity,
        after: { format, file: spec.fileName, params: { ...params, tenant: undefined }, query: Object.fromEntries(search) },
      });
      return read(tx, null);
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
      batch = await deps.withTenant(user.tenantId, (tx) => read(tx, after));
    }
  }
  const headers = spec.columns.map((column) => column.header);
  return new Response(writeSheet(format, headers, rows()), { headers: downloadHeaders(format, downloadName(spec.fileName, "", format)) });
}

/** An import's template: the page it belongs to and what, besides, lets one import there; its file name and columns. */
export type TemplateSpec = { page: TenantPageKey; also: Access; fileName: string; columns: readonly ImportColumn[] };

/** The import's template: its headers and one example row. */
export async function templateResponse({ request }: TenantRouteContext, spec: TemplateSpec): Promise<Response> {
  const format = formatOf(request.url);
  if (!format) return notFoundResponse();
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
  build: (tx: Tx, query: { user: TenantSessionUser; params: RouteParams; search: URLSearchParams }) => Promise<FigureExport | null>;
};

/** Tables of figures as .xlsx/.csv for a reader of `spec.page` who may export (the route's requirement). */
export async function figureExportResponse({ deps, request, params, user }: TenantRouteContext, spec: FigureExportSpec): Promise<Response> {
  const format = formatOf(request.url);
  if (!format) return notFoundResponse();
  const search = new URL(request.url).searchParams;
  const file = await deps.withTenant(user.tenantId, async (tx) => {
    const built = await spec.build(tx, { user, params, search });
    if (built) await auditExport(tx, user, request, { entity: spec.entity, entityId: built.entityId, after: { format, ...built.audit } });
    return built;
  });
  if (!file) return notFoundResponse();
  return new Response(writeFigures(format, file.tables, file), { headers: downloadHeaders(format, downloadName(file.fileName, "", format)) });
}
