import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budgetDashboardQueries as budget } from "@/features/dashboards/budget/queries";
import { povertyDashboardQueries as poverty } from "@/features/dashboards/poverty/queries";
import { resultsDashboardQueries as results } from "@/features/dashboards/results/queries";
import { statisticSeries } from "@/features/statistics/queries";
import { refusedByGate } from "@/lib/auth/route";
import type { SessionUser } from "@/lib/auth/session-user";
import { yearMonthOf } from "@/lib/calendar/months";
import { cityToday } from "@/lib/calendar/city-today";
import { formatPercent, formatRupiah } from "@/lib/format";
import type { Role } from "@/lib/generated/prisma/enums";
import { sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { callRoute, routeDeps } from "@/tests/helpers/routes";
import { DOCX_TYPE, annualReportRoute } from "../download";
import { annualFilters } from "../figures";
import { annualReportRoutes } from "../routes";
import { YEAR, buildAnnualFixture } from "./annual-report-fixture";
import { docxText } from "./docx-text";

let t: TestDb;
let city: TestTenant;
let other: TestTenant;

const M = 1_000_000n;
const NBSP = "\u00a0";
const all = annualFilters(YEAR);

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  other = await createTestTenant(t.db, t.withTenant);
  await t.withTenant(city.id, (tx) => buildAnnualFixture(tx, city));
  // Another city of the same shape: none of it may reach the first city's report.
  await t.withTenant(other.id, (tx) => buildAnnualFixture(tx, other));
});

afterAll(async () => {
  await t?.close();
});

const read = <T>(fn: Parameters<typeof t.withTenant<T>>[1]) => t.withTenant(city.id, fn);

function download(user: SessionUser | null, options: { year?: number; locale?: "id" | "en"; home?: TestTenant } = {}) {
  const home = options.home ?? city;
  const url = `http://localhost${annualReportRoutes.download(home.slug, options.year ?? YEAR)}`;
  const headers = options.locale ? { cookie: `NEXT_LOCALE=${options.locale}` } : undefined;
  return callRoute(annualReportRoute, routeDeps(t, user), url, { tenant: home.slug }, { headers });
}

async function draft(locale: "id" | "en" = "id") {
  const response = await download(sessionUser(city, "BAPEDA"), { locale });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe(DOCX_TYPE);
  return docxText(await response.arrayBuffer());
}

/** The table row that starts with `name`, as printed. */
const rowOf = (rows: string[][], ...lead: string[]) => rows.filter((row) => lead.every((cell, i) => row[i] === cell));

describe("the dashboards' figures for the fixture, computed by hand", () => {
  it("BPS, registry, coverage, targeting and graduations", async () => {
    const series = await read((tx) => statisticSeries(tx, null));
    expect(series.find((row) => row.year === 2024)).toMatchObject({
      povertyRatePct: 8.61,
      poorPeople: 41_020,
      p1: 1.28,
      p2: 0.301,
      povertyLineRupiah: 689_999n,
    });
    expect(await read((tx) => poverty.registryByKecamatan(tx, all))).toEqual([expect.objectContaining({ households: 20, extremePoor: 15, desil1to4: 20 })]);
    expect(await read((tx) => poverty.desilDistribution(tx, all))).toEqual([
      { desil: 1, households: 15, extremePoor: 15 },
      { desil: 3, households: 5, extremePoor: 0 },
    ]);
    expect(await read((tx) => poverty.coverage(tx, all))).toEqual({ extremePoor: 15, reached: 10, unreached: 5 });
    expect(await read((tx) => poverty.targeting(tx, all))).toEqual({
      beneficiaries: 20,
      extremePoor: 10,
      desil1to4: 5,
      outside: 5,
      eligible: 20,
      eligibleReached: 15,
      eligibleUnreached: 5,
    });
    const months = await read((tx) => poverty.graduationsByMonth(tx, all));
    expect(months.filter((m) => m.exitedExtreme + m.graduated > 0)).toEqual([
      { month: 8, exitedExtreme: 2, graduated: 0, graduatedReached: 0 },
      { month: 11, exitedExtreme: 0, graduated: 5, graduatedReached: 5 },
    ]);
  });

  it("results and budget", async () => {
    expect(await read((tx) => results.totals(tx, all))).toMatchObject({ reached: 20, equipped: 5, graduates: 5, trained: 0, realised: 225n * M });
    const byOpd = await read((tx) => results.byOpd(tx, all));
    expect(byOpd.map((r) => [r.opdShortName, r.reached, r.equipped, r.graduates, r.realised])).toEqual([
      ["Disnaker", 5, 5, 0, 175n * M],
      ["Dinsos", 15, 0, 5, 50n * M],
    ]);
    const today = yearMonthOf(await read((tx) => cityToday(tx, city.id)));
    const summary = await read((tx) => budget.summary(tx, all, today));
    expect(summary.total).toMatchObject({ pagu: 350n * M, realised: 225n * M, absorption: 64.29, pendingCount: 1, pendingAmount: 5n * M });
    expect(summary.fiscalIncentive).toMatchObject({ pagu: 100n * M, realised: 25n * M, absorption: 25 });
    expect(summary.otherSources).toMatchObject({ pagu: 250n * M, realised: 200n * M, absorption: 80 });
  });
});

describe("the annual report draft", () => {
  it("prints the BPS series up to its year in Indonesian format, and how P0 changed", async () => {
    const doc = await draft();
    expect(doc.text).toContain(
      `persentase penduduk miskin (P0) Kota Uji ${city.slug.slice(2)} pada tahun 2024 sebesar 8,61${NBSP}% dengan jumlah penduduk miskin 41.020 jiwa. Indeks kedalaman kemiskinan (P1) sebesar 1,280 dan indeks keparahan kemiskinan (P2) sebesar 0,301, dengan garis kemiskinan Rp${NBSP}689.999 per kapita per bulan.`,
    );
    expect(doc.text).toContain("Dibandingkan tahun 2023, persentase penduduk miskin turun 0,74 poin persentase.");
    expect(rowOf(doc.rows, "2022")).toEqual([["2022", `9,84${NBSP}%`, "47.210", "1,512", "0,365", "612.345"]]);
    expect(rowOf(doc.rows, "2024")).toEqual([["2024", `8,61${NBSP}%`, "41.020", "1,280", "0,301", "689.999"]]);
    expect(rowOf(doc.rows, "2025")).toEqual([]);
  });

  it("prints the registry, results, budget, coverage, targeting and graduations as the dashboards compute them", async () => {
    const doc = await draft();
    // Chapter II: the registry.
    expect(doc.text).toContain(`mencatat 20 keluarga (KK) aktif; 15 KK di antaranya miskin ekstrem (75,0${NBSP}%) dan 20 KK berada pada desil 1–4.`);
    expect(doc.text).toContain("Target kota adalah 0 KK miskin ekstrem pada tahun 2026; selisih dengan keadaan saat ini 15 KK.");
    expect(rowOf(doc.rows, "Kecamatan Uji")).toEqual([["Kecamatan Uji", "20", "15", "20", `75,0${NBSP}%`]]);
    // Chapter III: results per OPD and per programme.
    expect(doc.text).toContain(
      `Pada tahun 2024, 2 OPD melaksanakan 2 program penanggulangan kemiskinan yang tercatat di Entas, dengan realisasi terverifikasi Rp${NBSP}225.000.000. Program-program tersebut menjangkau 20 KK, menuntaskan pelatihan bagi 0 orang, membekali 5 KK`,
    );
    expect(rowOf(doc.rows, "Disnaker", "5", "0")).toEqual([["Disnaker", "5", "0", "5", "0", "0", "175.000.000"]]);
    expect(rowOf(doc.rows, "Dinsos", "15", "0")).toEqual([["Dinsos", "15", "0", "0", "0", "5", "50.000.000"]]);
    expect(rowOf(doc.rows, "Disnaker", "5", "5")).toEqual([["Disnaker", "5", "5", "0", "0", `100,0${NBSP}%`]]);
    expect(rowOf(doc.rows, "Bantuan Alat Jahit")).toEqual([
      ["Bantuan Alat Jahit", "Disnaker", "Bantuan peralatan", "8", "Keluarga (KK)", "5", "0", "0", "175.000.000"],
    ]);
    expect(rowOf(doc.rows, "Bantuan Pangan Lansia")).toEqual([
      ["Bantuan Pangan Lansia", "Dinsos", "Bantuan pangan", "20", "Keluarga (KK)", "15", "0", "5", "50.000.000"],
    ]);
    // Chapter IV: budget.
    expect(doc.text).toContain(`sebesar Rp${NBSP}350.000.000, dengan realisasi terverifikasi Rp${NBSP}225.000.000 atau serapan 64,29${NBSP}%.`);
    expect(doc.text).toContain(`Insentif fiskal dari pemerintah pusat: pagu Rp${NBSP}100.000.000, realisasi Rp${NBSP}25.000.000 (25,00${NBSP}%).`);
    expect(doc.text).toContain(`1 entri realisasi senilai Rp${NBSP}5.000.000 masih menunggu verifikasi`);
    expect(rowOf(doc.rows, "APBD")).toEqual([["APBD", "200.000.000", "150.000.000", `75,00${NBSP}%`]]);
    expect(rowOf(doc.rows, "Insentif fiskal")).toEqual([["Insentif fiskal", "100.000.000", "25.000.000", `25,00${NBSP}%`]]);
    expect(rowOf(doc.rows, "Disnaker", "300.000.000")).toEqual([["Disnaker", "300.000.000", "175.000.000", `58,33${NBSP}%`]]);
    expect(rowOf(doc.rows, "Jumlah", "350.000.000")).toHaveLength(2);
    // Chapter V: coverage and targeting.
    expect(doc.text).toContain(
      `Dari 15 KK miskin ekstrem yang aktif di registri, 10 KK (66,7${NBSP}%) telah dijangkau sedikitnya satu program tahun 2024, dan 5 KK belum dijangkau`,
    );
    expect(doc.text).toContain("Program OPD tahun 2024 menetapkan sasaran 28 KK, termasuk 16 KK miskin ekstrem.");
    expect(doc.text).toContain(`Capaian terhadap sasaran miskin ekstrem program: 10 dari 16 KK (62,5${NBSP}%).`);
    expect(rowOf(doc.rows, "Miskin ekstrem atau desil 1–4")).toEqual([["Miskin ekstrem atau desil 1–4", "20", "15", "5", `75,0${NBSP}%`]]);
    expect(rowOf(doc.rows, "Dinsos", "15", "5")).toEqual([["Dinsos", "15", "5", "5", "5", `66,7${NBSP}%`]]);
    expect(doc.text).toContain(`Ketepatan sasaran: 75,0${NBSP}%.`);
    // Chapter VI: graduations; two households are too few to print.
    expect(doc.text).toContain(
      "Sepanjang tahun 2024, 5 KK dalam registri dinyatakan lulus dari kemiskinan, 5 KK di antaranya dijangkau program tahun itu; <5 KK keluar dari kategori miskin ekstrem.",
    );
    expect(rowOf(doc.rows, "Agustus")).toEqual([["Agustus", "<5", "0", "0"]]);
    expect(rowOf(doc.rows, "November")).toEqual([["November", "0", "5", "5"]]);
  });

  it("prints the same figures the dashboards' functions give for the year", async () => {
    const doc = await draft();
    const today = yearMonthOf(await read((tx) => cityToday(tx, city.id)));
    const summary = await read((tx) => budget.summary(tx, all, today));
    const percent = (value: number | null) => formatPercent(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(doc.text).toContain(`serapan ${percent(summary.total.absorption)}`);
    expect(doc.text).toContain(
      `pagu ${formatRupiah(summary.otherSources.pagu)}, realisasi ${formatRupiah(summary.otherSources.realised)} (${percent(summary.otherSources.absorption)})`,
    );
    for (const source of await read((tx) => budget.bySource(tx, all, today))) {
      expect(
        doc.rows.some(
          (row) =>
            row[1] === source.pagu.toLocaleString("id-ID") && row[2] === source.realised.toLocaleString("id-ID") && row[3] === percent(source.absorption),
        ),
      ).toBe(true);
    }
    const totals = await read((tx) => results.totals(tx, all));
    expect(doc.text).toContain(`realisasi terverifikasi ${formatRupiah(totals.realised)}. Program-program tersebut menjangkau ${totals.reached} KK`);
    const coverage = await read((tx) => poverty.coverage(tx, all));
    expect(doc.text).toContain(`Dari ${coverage.extremePoor} KK miskin ekstrem yang aktif di registri, ${coverage.reached} KK`);
    const [kecamatan] = await read((tx) => poverty.registryByKecamatan(tx, all));
    expect(rowOf(doc.rows, kecamatan!.name)[0]?.slice(1, 4)).toEqual([kecamatan!.households, kecamatan!.extremePoor, kecamatan!.desil1to4].map(String));
  });

  it("is laid out in the chapters of the TKPK's annual report, with the secretariat's placeholders", async () => {
    const doc = await draft();
    const chapters = doc.paragraphs.filter((p) => p.startsWith("BAB "));
    expect(chapters).toEqual([
      "BAB IPENDAHULUAN",
      "BAB IIKONDISI KEMISKINAN DAERAH",
      "BAB IIIPROGRAM DAN KEGIATAN PENANGGULANGAN KEMISKINAN",
      "BAB IVANGGARAN DAN REALISASI",
      "BAB VCAKUPAN DAN KETEPATAN SASARAN",
      "BAB VIGRADUASI",
      "BAB VIIKENDALA DAN REKOMENDASI",
      "BAB VIIIPENUTUP",
    ]);
    expect(doc.paragraphs).toContain("7.1 Kendala");
    expect(doc.text).toContain("[Diisi Sekretariat TKPK: kendala pelaksanaan program");
    expect(doc.text).toContain("Peraturan Menteri Dalam Negeri Nomor 53 Tahun 2020");
  });

  it("names no one: no household's name, address or No. KK", async () => {
    const doc = await draft();
    const people = await read((tx) => tx.household.findMany({ select: { noKk: true, address: true, members: { select: { name: true, nik: true } } } }));
    expect(people).toHaveLength(25);
    const personal = people.flatMap((h) => [h.noKk, h.address, ...h.members.flatMap((m) => [m.name, m.nik])]);
    expect(personal.filter((value) => doc.text.includes(value))).toEqual([]);
  });

  it("is written in English for a reader who chose English", async () => {
    const doc = await draft("en");
    expect(doc.paragraphs).toContain("CHAPTER IIPOVERTY CONDITIONS");
    expect(doc.text).toContain("in 2024 was 8.61%, with 41,020 poor people");
    expect(doc.text).toContain(`The ceiling (pagu) of the poverty-alleviation programmes in 2024 was Rp${NBSP}350,000,000`);
    expect(doc.text).not.toContain("Pendahuluan".toUpperCase());
  });
});

describe("who may download it", () => {
  const auditRows = () =>
    read((tx) => tx.auditLog.findMany({ where: { action: "export", entityId: `annualReport/${YEAR}` }, select: { userId: true, after: true } }));

  it("Bapeda, the mayor's office and the auditor, each download audited with its year", async () => {
    for (const role of ["BAPEDA", "MAYOR_OFFICE", "AUDITOR"] as const) {
      const user = sessionUser(city, role);
      const response = await download(user);
      expect(response.status, role).toBe(200);
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${city.slug}-laporan-tahunan-2024.docx"`);
      expect((await auditRows()).filter((row) => row.userId === user.id).at(-1)?.after).toEqual({ format: "docx", year: YEAR });
    }
  });

  it("is not found for the roles without the report, for another city's users and for the signed-out, and nothing is audited", async () => {
    const before = (await auditRows()).length;
    const refused: Role[] = ["OPD_STAFF", "OPD_HEAD", "KELURAHAN", "CITY_ADMIN"];
    for (const role of refused) {
      const response = await download(sessionUser(city, role));
      expect(response.status, role).toBe(404);
      expect(refusedByGate(response), role).toBe(true);
    }
    const stranger = await download(sessionUser(other, "BAPEDA"));
    expect([stranger.status, refusedByGate(stranger)]).toEqual([404, true]);
    expect((await download(null)).status).toBe(404);
    expect((await auditRows()).length).toBe(before);
  });
});
