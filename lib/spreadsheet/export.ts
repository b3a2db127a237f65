// Exports and templates behind a route handler (`…/ekspor/route.ts?format=xlsx|csv`), built
// by lib/spreadsheet/routes.ts on `tenantRoute`: the gate (lib/auth/gate.ts) has admitted
// the user of this URL's city who may open the spec's page and export (and, for a list of
// people, read named people) before anything here runs.
// Rows come batch by batch (keyset: `batch` gets the last row's `cursor`), each in its own
// short tenant transaction, so a `notFound()` thrown by `batch` (another OPD's record) is a
// 404. Up to EXPORT_JOB_ROWS rows (export-queue.ts) the file is written on the request; a
// longer export becomes a job that writes the same file in a worker (export-job.ts). Either
// way one audit row says what was asked for, and for an export of named people the households
// its rows name (`householdId`) are recorded against it (PersonalDataDisclosure).
//
// Tables of figures (dashboards) go through `figureExportResponse`: readers who may open the
// page and hold data:export get the tables asked for, small household cells hidden.
import type { TenantPageKey } from "@/lib/auth/pages";
import type { Access } from "@/lib/auth/permissions";
import { clientIp, requestId } from "@/lib/auth/request";
import type { RouteRequirement } from "@/lib/auth/gate";
import { notFoundResponse, requestLocale, type RouteParams, type TenantRouteContext } from "@/lib/auth/route";
import type { TenantSessionUser } from "@/lib/auth/session-user";
import { recordAudit } from "@/lib/db/audit";
import { recordDisclosures } from "@/lib/privacy/disclosures";
import type { Tx } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { AppLocale } from "@/lib/i18n/locales";
import type { ImportColumn } from "./columns";
import type { FigureFileOptions, FigureTable } from "./figures";
import { exportJobRows, queueExport } from "./export-queue";
import {
  downloadHeaders,
  downloadName,
  writeFigureWorkbook,
  writeFigures,
  writeSheet,
  type CellType,
  type ColumnType,
  type OutCell,
  type SpreadsheetFormat,
  type WorkbookCover,
} from "./write";

export type ExportColumn<Row> = {
  header: string;
  value: (row: Row) => OutCell;
  /**
   * What the column holds, so the file computes: money, integer, decimal and percent are
   * numbers with number formats, date a date, text (NIK, No. KK, RT, ids) text kept exactly.
   * Without it a cell takes its value's type: bigint money, number, Date, else text.
   */
  type?: ColumnType;
  /** Fraction digits of a decimal or percent column (default 2). */
  digits?: number;
};

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
  /**
   * What the file says it holds, from the URL: lines written above the header row (the list,
   * the city, the filters by name, the date) and its name with the filters in it, e.g.
   * "mataram-poverty-unreached-2026-ampenan-decile-1" (in English). Without it the file is headers
   * and rows, named `fileName`. In the asker's language (a job keeps it).
   */
  describe?: (tx: Tx, query: { user: TenantSessionUser; search: URLSearchParams; locale: AppLocale }) => Promise<ExportDescription>;
};

/** An export's heading lines and file name (without extension), as its `describe` gives them. */
export type ExportDescription = { heading: string[]; fileName: string };

/** "xlsx" (default) or "csv" from ?format=; anything else is null. */
export function formatOf(url: string): SpreadsheetFormat | null {
  const value = new URL(url).searchParams.get("format") ?? "xlsx";
  return value === "xlsx" || value === "csv" ? value : null;
}

/** What the gate demands of an export's caller (routes.ts), and of its job's owner when the job runs. */
export function exportRequirement(spec: { page: TenantPageKey; lists: "people" | "figures"; also?: Access }): RouteRequirement {
  return { page: spec.page, also: spec.also ?? "data:export", people: spec.lists === "people" };
}

/** Who asked for an export and what the URL said: a request's, or a job's copy of it. */
export type ExportRequest = {
  user: TenantSessionUser;
  params: RouteParams;
  search: URLSearchParams;
  format: SpreadsheetFormat;
  /** The asker's interface language, for the words `describe` writes. */
  locale: AppLocale;
  requestId: string | null;
  ip: string | null;
};

/** Exports carry personal and budget data: each one is audited, in the transaction that reads it. */
async function auditExport(
  tx: Tx,
  request: Pick<ExportRequest, "user" | "requestId" | "ip">,
  entry: { entity: string; entityId?: string; after: Record<string, unknown> },
) {
  return recordAudit(tx, {
    tenantId: request.user.tenantId,
    userId: request.user.id,
    action: "export",
    ...entry,
    requestId: request.requestId,
    ip: request.ip,
  });
}

/**
 * The export's audit row (what was asked for, never a row of it) with the households `rows`
 * name recorded against it; returns the row's id, for the households of later batches.
 */
export async function auditRowExport<Row>(tx: Tx, spec: ExportSpec<Row>, request: ExportRequest, rows: readonly Row[]): Promise<bigint> {
  const { format, params, search } = request;
  const auditLogId = await auditExport(tx, request, {
    entity: spec.entity,
    after: { format, file: spec.fileName, params: { ...params, tenant: undefined }, query: Object.fromEntries(search) },
  });
  await discloseRows(tx, spec, request, auditLogId, rows);
  return auditLogId;
}

/** For exports of named people: the households of `rows`, recorded against the export's audit row. */
export async function discloseRows<Row>(tx: Tx, spec: ExportSpec<Row>, request: ExportRequest, auditLogId: bigint, rows: readonly Row[]) {
  if (spec.householdId) await recordDisclosures(tx, request.user.tenantId, auditLogId, rows.map(spec.householdId));
}

/** One batch of the export's rows after `after`. */
export function exportBatch<Row>(tx: Tx, spec: ExportSpec<Row>, request: ExportRequest, after: string | null, take: number): Promise<Row[]> {
  return spec.batch(tx, { user: request.user, params: request.params, search: request.search, after, take });
}

export const exportPageSize = <Row>(spec: ExportSpec<Row>) => spec.pageSize ?? 1000;

/** The file's header row and one row of cells per row. */
export const exportHeaders = <Row>(spec: ExportSpec<Row>) => spec.columns.map((column) => column.header);
/** Each column's cell type, for the writer (undefined: the values' own). */
export const exportTypes = <Row>(spec: ExportSpec<Row>): (CellType | undefined)[] =>
  spec.columns.map((column) => (column.type ? { type: column.type, digits: column.digits } : undefined));
export function exportCells<Row>(spec: ExportSpec<Row>, row: Row): OutCell[] {
  return spec.columns.map((column) => column.value(row));
}

/** The heading and file name of this request's file: its spec's `describe`, or none and the spec's name. */
export async function describeExport<Row>(tx: Tx, spec: ExportSpec<Row>, request: ExportRequest): Promise<ExportDescription> {
  return spec.describe ? spec.describe(tx, { user: request.user, search: request.search, locale: request.locale }) : { heading: [], fileName: spec.fileName };
}

export function exportDownloadName(description: ExportDescription, format: SpreadsheetFormat): string {
  return downloadName(description.fileName, "", format);
}

/**
 * The rows of an export for the admitted user, as .xlsx or .csv, audited. Up to the job
 * threshold (export-queue.ts) the rows are read here, a batch per short transaction, and
 * written straight out; an export with more rows is queued as a job instead (the rows read so
 * far are dropped, nothing is audited here: the job audits what it writes) and answers 202
 * with the job's id, which the page follows (components/spreadsheet/export-links.tsx).
 */
export async function exportResponse<Row>({ deps, request, params, user }: TenantRouteContext, spec: ExportSpec<Row>): Promise<Response> {
  const format = formatOf(request.url);
  if (!format) return notFoundResponse();
  const asked: ExportRequest = {
    user,
    params,
    search: new URL(request.url).searchParams,
    format,
    locale: requestLocale(request),
    requestId: requestId(request.headers),
    ip: clientIp(request.headers),
  };
  const limit = exportJobRows();
  const take = Math.min(exportPageSize(spec), limit + 1);
  const rows: Row[] = [];
  try {
    let after: string | null = null;
    for (;;) {
      const batch: Row[] = await deps.withTenant(user.tenantId, (tx) => exportBatch(tx, spec, asked, after, take));
      rows.push(...batch);
      if (rows.length > limit) return queueExport(deps, spec, asked);
      if (batch.length < take) break;
      after = spec.cursor(batch[batch.length - 1]!);
    }
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return notFoundResponse();
    throw error;
  }
  const description = await deps.withTenant(user.tenantId, async (tx) => {
    await auditRowExport(tx, spec, asked, rows);
    return describeExport(tx, spec, asked);
  });
  const cells = rows.map((row) => exportCells(spec, row));
  return new Response(writeSheet(format, exportHeaders(spec), cells, { types: exportTypes(spec), heading: description.heading }), {
    headers: downloadHeaders(format, exportDownloadName(description, format)),
  });
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
  /** The download's name without extension, e.g. "mataram-kemiskinan-kecamatan-2026-ampenan". */
  fileName: string;
  /** The audit entry's entity id and what it records besides the format (filters, row count). */
  entityId: string;
  audit: Record<string, unknown>;
  /**
   * For a whole page in one .xlsx: the cover sheet, and each table's own heading (in the order
   * of `tables`) in place of the one `heading` a file of one table has.
   */
  workbook?: { cover: WorkbookCover; headings: readonly (readonly string[])[] };
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
  // The figures are read as the dashboard reads them (a replica, when there is one); the audit row is written on the primary.
  const file = await (deps.withTenantReport ?? deps.withTenant)(user.tenantId, (tx) => spec.build(tx, { user, params, search }));
  if (file) {
    const meta = { user, requestId: requestId(request.headers), ip: clientIp(request.headers) };
    await deps.withTenant(user.tenantId, (tx) => auditExport(tx, meta, { entity: spec.entity, entityId: file.entityId, after: { format, ...file.audit } }));
  }
  if (!file) return notFoundResponse();
  const { workbook } = file;
  const body = workbook
    ? writeFigureWorkbook({
        cover: workbook.cover,
        sheets: file.tables.map((table, i) => ({ table, heading: workbook.headings[i] ?? file.heading })),
        suppressionNote: file.suppressionNote,
      })
    : writeFigures(format, file.tables, file);
  return new Response(body, { headers: downloadHeaders(format, downloadName(file.fileName, "", format)) });
}
