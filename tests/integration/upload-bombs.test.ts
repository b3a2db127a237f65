// Files built to take the server down, uploaded to every import: the registry's upload route
// and each table import's server action. Each is refused with its limit named, nothing is
// written, this process's memory stays far from 512 MB and its event loop keeps turning
// while the parse thread works. A normal file laid out as LibreOffice writes it still imports.
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as registryUpload } from "@/app/[tenant]/registri/impor/unggah/route";
import { registryCheckJob } from "@/features/registry/import/jobs";
import { DISTRIBUTION_COLUMNS, importDistributionsDefinition } from "@/features/aid/distribution-import";
import { importRealisationsDefinition, REALISATION_COLUMNS } from "@/features/budget/realisation-import";
import { createImportTenant, extractRows, HEADERS, type ImportTenant } from "@/features/registry/tests/fixtures/extract";
import { importRepaymentsDefinition, REPAYMENT_COLUMNS } from "@/features/revolving-funds/repayment-import";
import { importStatisticsDefinition, STATISTIC_COLUMNS } from "@/features/statistics/import";
import { importParticipantsDefinition, PARTICIPANT_COLUMNS } from "@/features/trainings/participant-import";
import type { SessionUser } from "@/lib/auth/session-user";
import type { ImportColumn } from "@/lib/spreadsheet/columns";
import { findJobFile, JOB_FILE_PART_BYTES } from "@/lib/jobs/job-file";
import { readSpreadsheet } from "@/lib/spreadsheet/read";
import type { TableImportReport } from "@/lib/spreadsheet/table-import";
import { boundRejectedRows, TABLE_UPLOAD_LIMITS, UploadLimitError } from "@/lib/spreadsheet/upload-limits";
import { actionDeps, sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { runQueuedNow } from "@/tests/helpers/queued-jobs";
import { routeDeps } from "@/tests/helpers/routes";
import { buildXlsx, columnLetters, inlineRow, sharedRow } from "@/tests/helpers/xlsx-builder";
import { runTableImport, type AnyTableImport } from "../helpers/table-imports";

const MB = 1024 * 1024;

let t: TestDb;
let registryCity: ImportTenant;
let city: TestTenant;
let registryUser: SessionUser;
let staff: SessionUser;
let bapeda: SessionUser;
let kelurahanOfficer: SessionUser;

type Bomb = {
  name: string;
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
  /** The file as made for one import, when it must carry that import's header row. */
  forImport?: Map<string, Uint8Array<ArrayBuffer>>;
  words: RegExp;
};
const bombs: Bomb[] = [];
const BOMB_NAMES = [
  "highly compressed shared strings",
  "one long shared string in every cell",
  "inline strings whose sizes lie",
  "one huge cell (.xlsx)",
  "one huge cell (.csv)",
  "a million columns (.xlsx, up to XFD)",
  "a million columns (.csv)",
] as const;
const bomb = (name: string) => bombs.find((each) => each.name === name)!;

/** Each table import's required headers, by the import's name in `tableImports`. */
const TABLE_HEADERS: Record<string, readonly ImportColumn[]> = {
  "aid hand-overs": DISTRIBUTION_COLUMNS,
  "training participants": PARTICIPANT_COLUMNS,
  "budget realisations": REALISATION_COLUMNS,
  "poverty statistics": STATISTIC_COLUMNS,
  "Dana PEM repayments": REPAYMENT_COLUMNS,
};
const requiredHeaders = (columns: readonly ImportColumn[]) => columns.filter((column) => column.required).map((column) => column.header);

function* repeat(times: number, piece: string): Iterable<string> {
  for (let i = 0; i < times; i += 1) yield piece;
}

beforeAll(async () => {
  t = await openTestDb();
  registryCity = await createImportTenant(t);
  city = await createTestTenant(t.db, t.withTenant);
  const opd = await t.withTenant(city.id, (tx) =>
    tx.opd.create({ data: { tenantId: city.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } }),
  );
  registryUser = sessionUser({ id: registryCity.id, slug: registryCity.slug, kecamatanId: "", kelurahanId: "" }, "BAPEDA");
  staff = sessionUser(city, "OPD_STAFF", { id: "staf-bom", opdId: opd.id });
  bapeda = sessionUser(city, "BAPEDA");
  kelurahanOfficer = sessionUser(city, "KELURAHAN", { kelurahanId: city.kelurahanId });

  const header = inlineRow(1, ["NIK", "NAMA"]);
  // 120 MB of shared strings (each within the cell limit) in about 120 KB: past every import's cap.
  const longString = "A".repeat(1_999);
  bombs.push({
    name: "highly compressed shared strings",
    fileName: "bom-shared.xlsx",
    bytes: await buildXlsx({
      sharedStrings: () => repeat(60_000, `<si><t>${longString}</t></si>`),
      rows: function* () {
        yield header;
        for (let row = 2; row < 2_000; row += 1) yield sharedRow(row, [row, row + 1]);
      },
    }),
    words: /terlalu besar setelah dibuka: lebih dari \d+ MB/,
  });
  // A 2 KB string that 100,000 cells point to: 200 million characters from a file of a few
  // kilobytes. Under the import's own header row, so each import reads on until the limit.
  const referenced = (headers: readonly string[]) =>
    buildXlsx({
      sharedStrings: () => [`<si><t>${longString}</t></si>`],
      rows: () => [
        inlineRow(1, headers),
        ...Array.from({ length: 1_000 }, (_, i) =>
          sharedRow(
            i + 2,
            Array.from({ length: 100 }, () => 0),
          ),
        ),
      ],
    });
  const forImport = new Map<string, Uint8Array<ArrayBuffer>>();
  for (const [name, columns] of Object.entries(TABLE_HEADERS)) forImport.set(name, await referenced(requiredHeaders(columns)));
  bombs.push({
    name: "one long shared string in every cell",
    fileName: "bom-rujukan.xlsx",
    bytes: await referenced(HEADERS),
    forImport,
    words: /terlalu besar setelah dibuka: lebih dari (160|32) MB/,
  });
  // 300 MB of inline strings that declare themselves a few kilobytes: caught while inflating.
  bombs.push({
    name: "inline strings whose sizes lie",
    fileName: "bom-inline.xlsx",
    bytes: await buildXlsx({
      rows: function* () {
        yield header;
        const cell = "B".repeat(1_500);
        for (let row = 2; row < 200_000; row += 1) yield `<row r="${row}"><c r="A${row}" t="inlineStr"><is><t>${cell}</t></is></c></row>`;
      },
      declaredSizes: { "xl/worksheets/sheet1.xml": 4_096 },
    }),
    words: /terlalu besar setelah dibuka/,
  });
  bombs.push({
    name: "one huge cell (.xlsx)",
    fileName: "bom-sel.xlsx",
    bytes: await buildXlsx({ rows: () => [header, inlineRow(2, ["5271010101800001", "C".repeat(10 * MB)])] }),
    words: /Sel di baris 2 terlalu panjang: lebih dari 2\.000 karakter/,
  });
  bombs.push({
    name: "one huge cell (.csv)",
    fileName: "bom-sel.csv",
    bytes: new TextEncoder().encode(`NIK;NAMA\r\n5271010101800001;"${"D".repeat(5 * MB)}"\r\n`),
    words: /Baris 2 terlalu panjang/,
  });
  // Every column up to XFD, 64 rows deep: a million cells.
  const wide = (row: number) =>
    `<row r="${row}">${Array.from({ length: 16_384 }, (_, i) => `<c r="${columnLetters(i + 1)}${row}"><v>1</v></c>`).join("")}</row>`;
  bombs.push({
    name: "a million columns (.xlsx, up to XFD)",
    fileName: "bom-kolom.xlsx",
    bytes: await buildXlsx({ rows: () => Array.from({ length: 64 }, (_, i) => wide(i + 1)) }),
    words: /terlalu banyak kolom \(baris 1\): paling banyak 100 kolom/,
  });
  bombs.push({
    name: "a million columns (.csv)",
    fileName: "bom-kolom.csv",
    bytes: new TextEncoder().encode(`NIK;NAMA\r\n${"1;".repeat(1_000_000)}\r\n`),
    words: /Baris 2 terlalu panjang/,
  });
  expect(bombs.map((each) => each.name)).toEqual(BOMB_NAMES);
  for (const each of bombs) expect(each.bytes.byteLength, each.name).toBeLessThan(TABLE_UPLOAD_LIMITS.maxBytes);
}, 300_000);

afterAll(async () => {
  await t?.close();
});

type Measured<T> = { result: T; rssGrowthMb: number; heapGrowthMb: number; maxLagMs: number };

/** Runs `work` while sampling this process's memory and how late its timers fire. */
async function measured<T>(work: () => Promise<T>): Promise<Measured<T>> {
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  let last = performance.now();
  let maxLagMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxLagMs = Math.max(maxLagMs, now - last - 10);
    last = now;
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 10);
  try {
    const result = await work();
    return { result, rssGrowthMb: (peakRss - base.rss) / MB, heapGrowthMb: (peakHeap - base.heapUsed) / MB, maxLagMs };
  } finally {
    clearInterval(timer);
  }
}

function expectBounded(run: Measured<unknown>) {
  expect(run.rssGrowthMb).toBeLessThan(300);
  expect(run.heapGrowthMb).toBeLessThan(200);
  // Parsing happens on another thread: this one stays free to answer other requests.
  expect(run.maxLagMs).toBeLessThan(2_000);
}

// ───────────────────────────── the registry's upload route ─────────────────────────────

type Event = { type: string; code?: string; message?: string; jobId?: string; status?: string; error?: string };

async function postRegistry(body: BodyInit, options: { name: string; size?: number; contentLength?: number }): Promise<{ status: number; events: Event[] }> {
  const query = new URLSearchParams({ mode: "dry-run", source: "DTSEN", name: options.name });
  if (options.size !== undefined) query.set("size", String(options.size));
  const headers: Record<string, string> = { "x-entas-import": "1", host: "localhost", origin: "http://localhost" };
  if (options.contentLength !== undefined) headers["content-length"] = String(options.contentLength);
  const request = new Request(`http://localhost/${registryCity.slug}/registri/impor/unggah?${query}`, {
    method: "POST",
    headers,
    body,
    duplex: "half",
  } as RequestInit);
  const response = await registryUpload.withDeps(routeDeps(t, registryUser))(request, { params: Promise.resolve({ tenant: registryCity.slug }) });
  const answer = (await response.json()) as Event & { taskId?: string };
  if (answer.type !== "queued") return { status: response.status, events: [answer] };
  // The route keeps the file and queues the check; a worker reads it under the same limits.
  const job = await runQueuedNow(t, registryCheckJob, registryCity.id, answer.taskId!);
  if (job.state !== "DONE") return { status: response.status, events: [answer, { type: "error", message: job.error ?? job.state }] };
  const outcome = await t.withTenant(registryCity.id, (tx) => tx.importJob.findFirstOrThrow({ where: { id: job.resultId! }, select: { status: true } }));
  return { status: response.status, events: [answer, { type: "result", jobId: job.resultId!, status: outcome.status }] };
}

async function registryWrites() {
  return t.withTenant(registryCity.id, async (tx) => ({
    jobs: await tx.importJob.count(),
    stagedHouseholds: await tx.importStagedHousehold.count(),
    stagedMembers: await tx.importStagedMember.count(),
    households: await tx.household.count(),
    members: await tx.member.count(),
    audit: await tx.auditLog.count(),
    fileParts: await tx.jobFilePart.count(),
  }));
}

/** A body of `total` bytes that counts how much of it was ever pulled. */
function countedBody(total: number) {
  let pulled = 0;
  const chunk = new TextEncoder().encode(`${"NIK;NAMA\n".repeat(Math.floor(MB / 9))}`);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

describe("the registry upload route refuses every bomb", () => {
  it.each(BOMB_NAMES)("%s", async (name) => {
    const { bytes, fileName, words } = bomb(name);
    const before = await registryWrites();
    const run = await measured(() => postRegistry(bytes, { name: fileName, size: bytes.byteLength, contentLength: bytes.byteLength }));
    const last = run.result.events.at(-1);
    expect(last, JSON.stringify(last)).toMatchObject({ type: "error" });
    expect(last?.message).toMatch(words);
    expect(await registryWrites()).toEqual(before);
    expectBounded(run);
  });

  it("refuses a declared 200 MB body before reading it, in the user's language", async () => {
    const before = await registryWrites();
    const body = countedBody(200 * MB);
    const started = performance.now();
    const run = await measured(() => postRegistry(body.stream, { name: "besar.csv", contentLength: 200 * MB }));
    expect(run.result.status).toBe(413);
    expect(run.result.events).toEqual([
      { type: "error", code: "UPLOAD_LIMIT", message: "Berkas terlalu besar: lebih dari 100 MB. Bagi menjadi beberapa berkas." },
    ]);
    expect(body.pulled()).toBeLessThanOrEqual(2 * MB);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await registryWrites()).toEqual(before);
    expectBounded(run);

    // The size the page declares is refused the same way, and in English for an English page.
    const english = await registryUpload.withDeps(routeDeps(t, registryUser))(
      new Request(`http://localhost/${registryCity.slug}/registri/impor/unggah?mode=dry-run&source=DTSEN&name=besar.csv&size=${200 * MB}`, {
        method: "POST",
        headers: { "x-entas-import": "1", host: "localhost", origin: "http://localhost", cookie: "NEXT_LOCALE=en" },
        body: countedBody(200 * MB).stream,
        duplex: "half",
      } as RequestInit),
      { params: Promise.resolve({ tenant: registryCity.slug }) },
    );
    expect(english.status).toBe(413);
    expect(await english.json()).toMatchObject({ code: "UPLOAD_LIMIT", message: "The file is too large: more than 100 MB. Split it into several files." });
  });

  it("refuses a body sent in pieces without a declared length once it passes 100 MB, in words, having read little more, and keeps no job", async () => {
    const before = await registryWrites();
    const jobsBefore = await t.withTenant(registryCity.id, (tx) => tx.backgroundJob.count());
    const body = countedBody(200 * MB);
    const run = await measured(() => postRegistry(body.stream, { name: "besar.csv" }));
    expect(run.result.status).toBe(413);
    expect(run.result.events).toEqual([
      { type: "error", code: "UPLOAD_LIMIT", message: "Berkas terlalu besar: lebih dari 100 MB. Bagi menjadi beberapa berkas." },
    ]);
    expect(body.pulled()).toBeLessThanOrEqual(102 * MB);
    expect(await registryWrites()).toEqual(before);
    expect(await t.withTenant(registryCity.id, (tx) => tx.backgroundJob.count())).toBe(jobsBefore);
    expectBounded(run);
  });

  it("writes the body to the job's file as it arrives, never holding more than a piece of it", async () => {
    const storedBytes = async () => {
      const [row] = await t.withTenant(
        registryCity.id,
        (tx) => tx.$queryRaw<{ n: number }[]>`SELECT coalesce(sum(length(bytes)), 0)::int AS n FROM "JobFilePart"`,
      );
      return row!.n;
    };
    const stored = await storedBytes();
    const total = 8 * MB;
    const chunk = new TextEncoder().encode("NIK;NAMA\n".repeat(7000));
    let pulled = 0;
    let mostAhead = 0;
    const stream = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          mostAhead = Math.max(mostAhead, pulled - ((await storedBytes()) - stored));
          if (pulled >= total) return controller.close();
          const piece = chunk.subarray(0, Math.min(chunk.byteLength, total - pulled));
          pulled += piece.byteLength;
          controller.enqueue(piece);
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request(`http://localhost/${registryCity.slug}/registri/impor/unggah?mode=dry-run&source=DTSEN&name=arus.csv`, {
      method: "POST",
      headers: { "x-entas-import": "1", host: "localhost", origin: "http://localhost" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const response = await registryUpload.withDeps(routeDeps(t, registryUser))(request, { params: Promise.resolve({ tenant: registryCity.slug }) });
    const answer = (await response.json()) as { type: string; taskId: string };
    expect(answer.type).toBe("queued");
    expect(pulled).toBe(total);
    // Read ahead of what is written: at most one piece being filled and the chunk that overflows it.
    expect(mostAhead).toBeLessThanOrEqual(JOB_FILE_PART_BYTES + chunk.byteLength);

    const file = await findJobFile(t.withTenant, registryCity.id, answer.taskId);
    expect(file?.size).toBe(total);
    const pieces: number[] = [];
    for await (const piece of file!.pieces()) pieces.push(piece.byteLength);
    expect(Math.max(...pieces)).toBeLessThanOrEqual(JOB_FILE_PART_BYTES);
    expect(pieces.reduce((sum, length) => sum + length, 0)).toBe(total);
    const whole = await file!.bytes();
    expect(new TextDecoder().decode(whole.subarray(0, 18))).toBe("NIK;NAMA\nNIK;NAMA\n");

    // The job's end takes its file with it.
    await runQueuedNow(t, registryCheckJob, registryCity.id, answer.taskId);
    expect(await findJobFile(t.withTenant, registryCity.id, answer.taskId)).toBeNull();
  });

  it("takes a 12 MB body sent in pieces without a declared length (past a server action's limit, well within the registry's)", async () => {
    const body = countedBody(12 * MB);
    const run = await measured(() => postRegistry(body.stream, { name: "potongan.csv" }));
    expect(run.result.status).toBe(200);
    expect(run.result.events[0]).toMatchObject({ type: "queued" });
    expect(body.pulled()).toBeGreaterThanOrEqual(12 * MB);
    // A worker checks it like any other file (two columns of no extract: the check says so in its report).
    expect(run.result.events[1]).toMatchObject({ type: "result", jobId: expect.any(String) });
    expectBounded(run);
  });

  it("still imports a normal file laid out as LibreOffice writes it (sheet before shared strings, sizes after the data)", async () => {
    const rows = extractRows(registryCity, 3);
    const strings = [...HEADERS, ...rows.flatMap((row) => HEADERS.map((header) => row[header]))];
    const index = new Map(strings.map((text, i) => [text, i]));
    const bytes = await buildXlsx({
      sheetFirst: true,
      descriptors: true,
      sharedStrings: () => strings.map((text) => `<si><t xml:space="preserve">${text.replaceAll("&", "&amp;").replaceAll("<", "&lt;")}</t></si>`),
      rows: () =>
        [HEADERS, ...rows.map((row) => HEADERS.map((header) => row[header]))].map((cells, i) =>
          sharedRow(
            i + 1,
            cells.map((text) => index.get(text)!),
          ),
        ),
    });
    const { events } = await postRegistry(bytes, { name: "libreoffice.xlsx", size: bytes.byteLength, contentLength: bytes.byteLength });
    expect(events.at(-1), JSON.stringify(events.at(-1))).toMatchObject({ type: "result", status: "DRY_RUN" });
    const job = await t.withTenant(registryCity.id, (tx) => tx.importJob.findFirstOrThrow({ where: { id: events.at(-1)!.jobId! } }));
    expect(job.totalRows).toBe(rows.length);
    expect(job.rejectedRows).toBe(0);
  });
});

// ───────────────────────────── every table import ─────────────────────────────

type TableImport = { name: string; definition: AnyTableImport; user: () => SessionUser };
const tableImports: TableImport[] = [
  { name: "aid hand-overs", definition: importDistributionsDefinition, user: () => staff },
  { name: "training participants", definition: importParticipantsDefinition, user: () => staff },
  { name: "budget realisations", definition: importRealisationsDefinition, user: () => staff },
  { name: "poverty statistics", definition: importStatisticsDefinition, user: () => bapeda },
  { name: "Dana PEM repayments", definition: importRepaymentsDefinition, user: () => kelurahanOfficer },
];

async function tableWrites() {
  return t.withTenant(city.id, async (tx) => ({
    aid: await tx.aidDistribution.count(),
    participants: await tx.trainingParticipant.count(),
    realisations: await tx.budgetRealisation.count(),
    statistics: await tx.povertyStatistic.count(),
    repayments: await tx.repayment.count(),
    audit: await tx.auditLog.count(),
  }));
}

function upload(target: TableImport, file: File) {
  const form = new FormData();
  form.set("file", file);
  form.set("mode", "commit");
  return runTableImport(t, actionDeps(t, target.user()), target.definition, city.slug, form);
}

/** A file that says it is 200 MB and counts what of it is read. */
class DeclaredFile extends File {
  pulled = 0;
  constructor(private readonly declared: number) {
    super(["NIK;NAMA\n"], "besar.csv", { type: "text/csv" });
  }
  override get size() {
    return this.declared;
  }
  override stream() {
    const self = this;
    const chunk = new TextEncoder().encode("NIK;NAMA\n".repeat(100_000));
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (self.pulled >= self.declared) return controller.close();
        self.pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    }) as ReturnType<File["stream"]>;
  }
}

describe.each(tableImports)("the $name import refuses every bomb", (target) => {
  it.each(BOMB_NAMES)("%s", async (name) => {
    const { bytes, forImport, fileName, words } = bomb(name);
    const before = await tableWrites();
    const run = await measured(() => upload(target, new File([forImport?.get(target.name) ?? bytes], fileName)));
    expect(run.result, JSON.stringify(run.result)).toMatchObject({ ok: false, code: "UPLOAD_LIMIT" });
    expect(run.result.ok ? "" : run.result.message).toMatch(words);
    expect(await tableWrites()).toEqual(before);
    expectBounded(run);
  });

  it("refuses a declared 200 MB file without reading it", async () => {
    const before = await tableWrites();
    const file = new DeclaredFile(200 * MB);
    const run = await measured(() => upload(target, file));
    expect(run.result).toMatchObject({ ok: false, code: "UPLOAD_LIMIT", message: "Berkas terlalu besar: lebih dari 10 MB. Bagi menjadi beberapa berkas." });
    expect(file.pulled).toBe(0);
    expect(await tableWrites()).toEqual(before);
  });
});

describe("table imports", () => {
  it("still read a normal file laid out as LibreOffice writes it", async () => {
    const bytes = await buildXlsx({
      sheetFirst: true,
      sharedStrings: () => ["TAHUN", "PERSENTASE MISKIN", "PENDUDUK MISKIN", "SUMBER", "BPS"].map((text) => `<si><t>${text}</t></si>`),
      rows: () => [
        sharedRow(1, [0, 1, 2, 3]),
        `<row r="2"><c r="A2"><v>2019</v></c><c r="B2"><v>10.1</v></c><c r="C2"><v>40000</v></c><c r="D2" t="s"><v>4</v></c></row>`,
      ],
    });
    const result = await runTableImport(
      t,
      actionDeps(t, bapeda),
      importStatisticsDefinition,
      city.slug,
      (() => {
        const form = new FormData();
        form.set("file", new File([bytes], "bps.xlsx"));
        form.set("mode", "dry-run");
        return form;
      })(),
    );
    expect(result).toMatchObject({ ok: true, data: { total: 1, accepted: 1, rejected: [] } });
  });

  it("keep short excerpts of rejected rows, and no more of them than the report's budget", async () => {
    const long = "E".repeat(1_900);
    const lines = ["TAHUN;PERSENTASE MISKIN;SUMBER", ...Array.from({ length: 2_000 }, () => `abc;${long};${long}`)];
    const form = new FormData();
    form.set("file", new File([lines.join("\n")], "bps.csv"));
    form.set("mode", "dry-run");
    const result = await runTableImport(t, actionDeps(t, bapeda), importStatisticsDefinition, city.slug, form);
    expect(result.ok).toBe(true);
    const report = (result as { data: TableImportReport }).data;
    expect(report.rejected.length + report.rejectedOmitted).toBe(2_000);
    expect(report.rejected[0]!.cells[1]).toBe(`${"E".repeat(119)}…`);
    expect(JSON.stringify(report).length).toBeLessThan(2 * MB);

    const rows = Array.from({ length: 100 }, (_, i) => ({ rowNumber: i + 2, reasons: ["TAHUN: bukan angka"], cells: [long, long] }));
    const bounded = boundRejectedRows(rows, { totalChars: 5_000 });
    expect(bounded.kept.length).toBeGreaterThan(0);
    expect(bounded.kept.length + bounded.omitted).toBe(100);
    expect(JSON.stringify(bounded.kept).length).toBeLessThanOrEqual(5_000);
  });
});

// ───────────────────────────── the parse thread's own limits ─────────────────────────────

describe("the parse thread", () => {
  async function readAll(bytes: Uint8Array, fileName: string, limits: Parameters<typeof readSpreadsheet>[1]["limits"]) {
    const sheet = await readSpreadsheet(
      (async function* () {
        yield bytes;
      })(),
      { fileName, limits },
    );
    let rows = 0;
    for await (const _ of sheet.rows) rows += 1;
    return rows;
  }

  it("dies alone when its heap runs out, and the upload is refused", async () => {
    // One 40 MB shared string, allowed by every other limit here: only the heap stops it.
    const bytes = await buildXlsx({ sharedStrings: () => ["<si><t>", ...repeat(40, "x".repeat(MB)), "</t></si>"], rows: () => [sharedRow(1, [0])] });
    const error = await readAll(bytes, "berat.xlsx", { maxHeapMb: 16, maxCellChars: 100 * MB }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UploadLimitError);
    expect(error).toMatchObject({ code: "UPLOAD_LIMIT", limit: "memory" });
    // And the next upload is read as usual.
    expect(await readAll(new TextEncoder().encode("NIK;NAMA\n1;A\n"), "a.csv", {})).toBe(2);
  });

  it("refuses shared strings its heap could not hold before reading them, and the server lives on", async () => {
    // 200,000 strings of 200 characters: past a 16 MB heap. Running out of heap inside a
    // built-in (a regular expression over them) ends the whole process, not only the thread.
    const bytes = await buildXlsx({ sharedStrings: () => repeat(200_000, `<si><t>${"x".repeat(199)}&amp;</t></si>`), rows: () => [sharedRow(1, [0])] });
    const error = await readAll(bytes, "banyak.xlsx", { maxHeapMb: 16 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UploadLimitError);
    expect(error).toMatchObject({ code: "UPLOAD_LIMIT", limit: "memory" });
    expect(await readAll(new TextEncoder().encode("NIK;NAMA\n1;A\n"), "a.csv", {})).toBe(2);
  });

  it("is stopped at its time limit", async () => {
    const csv = new TextEncoder().encode(`NIK;NAMA\n${"1;A\n".repeat(400_000)}`);
    const error = await readAll(csv, "lama.csv", { timeoutMs: 50 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "UPLOAD_LIMIT", limit: "time" });
  });

  it("refuses rows past the limit and a value beyond the last column", async () => {
    await expect(readAll(new TextEncoder().encode(`A\n${"1\n".repeat(60)}`), "a.csv", { maxRows: 30 })).rejects.toMatchObject({ limit: "rows" });
    const row = `${Array.from({ length: 101 }, () => "x").join(";")}\n`;
    await expect(readAll(new TextEncoder().encode(`A;B\n${row}`), "a.csv", {})).rejects.toMatchObject({ limit: "columns" });
  });
});
