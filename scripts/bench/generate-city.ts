// A deterministic city at scale for the benchmark: with 1,000,000 households
// about 3.8M members, 3M interventions (training participations, aid hand-overs and BPJS
// premiums across the OPDs), 1,000 programmes with 12 months of realisation and 50,000
// Dana PEM loans with their schedules and repayments.
//
// The tenant, its kecamatan/kelurahan (idn-area-data), OPDs, users, statistics and targets
// go through the app's own functions; the bulk rows go by COPY, with the summary triggers
// and foreign-key checks off for the loading sessions (session_replication_role = replica)
// and, on a database of its own, the secondary indexes dropped and rebuilt after. The
// summaries are then recomputed by the migrations' rebuild functions and the tables analysed.
import os from "node:os";
import { findRegency, syncTenantAreas, timeZoneForProvince } from "@/features/areas";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db";
import type { AidKind, FundingSource, ProgrammeKind } from "@/lib/generated/prisma/enums";
import { loanSchedule, serviceFeeOf } from "@/features/revolving-funds/schedule";
import { DEMO_CITIES, createRandom, hashSeed, type Random } from "@/prisma/demo";
import { povertyOpds } from "@/prisma/demo/cities/opds";
import type { ProgrammeSpec } from "@/prisma/demo/cities/types";
import { addDays, ageOn, utcDate } from "@/lib/calendar/days";
import { seedId } from "@/prisma/demo/ids";
import { registryHouseholds } from "@/prisma/demo/registry";
import type { CopySink, Session, Sql } from "./sql";

export type GenerateCityOptions = {
  households: number;
  seed?: number;
  slug?: string;
  /** Where the areas come from (idn-area-data); default Kota Surabaya. */
  kemendagriCode?: string;
  /** The code stored on the tenant (unique per platform); default the same. */
  tenantCode?: string;
  /** Drop the big tables' secondary indexes for the load and build them after (own database only). */
  dropIndexes?: boolean;
  log?: (line: string) => void;
};

export type GeneratedCity = {
  tenantId: string;
  slug: string;
  fiscalYear: number;
  counts: Record<string, number>;
  seconds: number;
  /** CPU this process spent (generating rows); the database's own work is not in it. */
  nodeCpuSeconds: number;
  /** The machine's 1-minute load average at the start and the end: timings are only as quiet as the machine. */
  loadAverage: [number, number];
  steps: { step: string; seconds: number }[];
};

/** The fiscal year of every programme: twelve months realised. */
export const BENCH_YEAR = 2025;
/** The day the data is "as of": repayments due by then are paid (or missed). */
const AS_OF = utcDate(2026, 11, 1);
const NOW = "2026-11-01 08:00:00";
const PER_MILLION = { programmes: 1_000, loans: 50_000 };
/** Interventions per household: 0.6 training participations, 1.8 aid hand-overs, 0.6 BPJS premiums. */
const PER_HOUSEHOLD = { participants: 0.6, aid: 1.8, premiums: 0.6 };
const TRAINING_SIZE = 25;

/** A cuid-shaped id ("c" + 24 characters) that sorts in generation order, so keys load append-only. */
function id(tag: string, n: number): string {
  return `c${tag}${n.toString(36).padStart(23, "0")}`;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

type Areas = {
  kecamatan: { id: string; code: string; name: string }[];
  kecamatanIds: string[];
  kelurahan: { id: string; code: string; name: string; kecamatanIdx: number }[];
};

export async function generateCity(db: Db, sql: Sql, options: GenerateCityOptions): Promise<GeneratedCity> {
  const log = options.log ?? (() => {});
  const seed = options.seed ?? 8;
  const slug = options.slug ?? "kota-besar";
  const started = performance.now();
  const cpu = process.cpuUsage();
  const loadAtStart = os.loadavg()[0]!;
  const steps: GeneratedCity["steps"] = [];
  const counts: Record<string, number> = {};
  const timed = async <T>(step: string, run: () => Promise<T>): Promise<T> => {
    const at = performance.now();
    const result = await run();
    const seconds = (performance.now() - at) / 1000;
    steps.push({ step, seconds });
    log(`  ${step.padEnd(34)} ${seconds.toFixed(1)} s`);
    return result;
  };

  const { tenantId, areas } = await timed("tenant, areas, OPDs, users", () => createCityTenant(db, { ...options, slug, seed }));
  const opds = await db.opd.findMany({ where: { tenantId }, select: { id: true, code: true }, orderBy: { code: "asc" } });
  const opdByCode = new Map(opds.map((o) => [o.code, o.id]));

  const dropped = options.dropIndexes ? await timed("drop secondary indexes", () => dropIndexes(sql)) : [];

  const random = createRandom(hashSeed(seed, "city"));
  const scale = options.households / 1_000_000;
  const ctx: Ctx = { sql, tenantId, random, counts, areas, opdByCode, households: options.households, scale, seed };

  const registry = await timed("registry (households, members)", () => loadRegistry(ctx));
  const programmes = await timed("programmes, budget, realisation", () => loadProgrammes(ctx));
  await timed("trainings, participants, follow-ups", () => loadTrainings(ctx, registry, programmes));
  await timed("aid distributions, BPJS premiums", () => loadAid(ctx, registry, programmes));
  await timed("Dana PEM funds, loans, repayments", () => loadLoans(ctx, registry));

  // The base tables' indexes first (the rebuilds look entries up by them), the summaries'
  // after they are filled; the two summary rebuilds write different tables, so side by side.
  const summaryIndexes = dropped.filter((index) => SUMMARY_TABLES.includes(index.table));
  const baseIndexes = dropped.filter((index) => !SUMMARY_TABLES.includes(index.table));
  if (baseIndexes.length > 0) await timed(`rebuild ${baseIndexes.length} indexes`, () => createIndexes(sql, baseIndexes));
  await timed("summaries (two sessions, see rebuildSummaries)", () => rebuildSummaries(sql, tenantId, log));
  if (summaryIndexes.length > 0) await timed(`rebuild ${summaryIndexes.length} summary indexes`, () => createIndexes(sql, summaryIndexes));
  await timed(sql.kind === "postgres" ? "VACUUM (ANALYZE), CHECKPOINT" : "ANALYZE", () => settle(sql));

  const used = process.cpuUsage(cpu);
  return {
    tenantId,
    slug,
    fiscalYear: BENCH_YEAR,
    counts,
    seconds: (performance.now() - started) / 1000,
    nodeCpuSeconds: Math.round((used.user + used.system) / 1e5) / 10,
    loadAverage: [loadAtStart, os.loadavg()[0]!],
    steps,
  };
}

type Ctx = {
  sql: Sql;
  tenantId: string;
  random: Random;
  counts: Record<string, number>;
  areas: Areas;
  opdByCode: Map<string, string>;
  households: number;
  scale: number;
  seed: number;
};

// ─────────────────────────── tenant and small tables ───────────────────────────

async function createCityTenant(db: Db, options: GenerateCityOptions & { slug: string; seed: number }) {
  const code = options.kemendagriCode ?? "35.78";
  const regency = await findRegency(code);
  if (!regency) throw new Error(`Unknown Kemendagri code ${code}`);
  const tenant = await db.tenant.create({
    data: {
      id: seedId("bench-tenant", options.slug, options.seed),
      slug: options.slug,
      name: regency.name,
      kind: regency.kind,
      kemendagriCode: options.tenantCode ?? regency.code,
      provinceName: regency.provinceName,
      timeZone: timeZoneForProvince(regency.provinceCode),
    },
  });
  await syncTenantAreas(db, tenant.id, regency.code);
  const rows = await db.area.findMany({ where: { tenantId: tenant.id }, orderBy: { code: "asc" } });
  const kecamatan = rows.filter((a) => a.level === "KECAMATAN");
  const kecamatanIdx = new Map(kecamatan.map((k, i) => [k.id, i]));
  const areas: Areas = {
    kecamatan: kecamatan.map((k) => ({ id: k.id, code: k.code, name: k.name })),
    kecamatanIds: kecamatan.map((k) => k.id),
    kelurahan: rows.filter((a) => a.level === "KELURAHAN").map((l) => ({ id: l.id, code: l.code, name: l.name, kecamatanIdx: kecamatanIdx.get(l.parentId!)! })),
  };

  const opds = povertyOpds({ name: "Badan Perencanaan Pembangunan Daerah", shortName: "Bappeda" });
  await db.opd.createMany({
    data: opds.map((o) => ({
      tenantId: tenant.id,
      id: seedId(tenant.id, "opd", o.code),
      code: o.code,
      name: o.name,
      shortName: o.shortName,
      decidesRegistryChanges: o.decidesRegistryChanges ?? false,
    })),
  });
  const passwordHash = await hashPassword("bench-password-8");
  const users = [
    { role: "CITY_ADMIN" as const, key: "admin", opdId: null },
    { role: "BAPEDA" as const, key: "bapeda", opdId: null },
    { role: "MAYOR_OFFICE" as const, key: "mayor", opdId: null },
    { role: "AUDITOR" as const, key: "auditor", opdId: null },
    // The kelurahan officer of the first kelurahan: its lists are the ward's share of the city.
    { role: "KELURAHAN" as const, key: "kelurahan", opdId: null, kelurahanId: areas.kelurahan[0]?.id ?? null },
    ...opds.flatMap((o) => [
      { role: "OPD_STAFF" as const, key: `staff-${o.code}`, opdId: seedId(tenant.id, "opd", o.code) },
      { role: "OPD_HEAD" as const, key: `head-${o.code}`, opdId: seedId(tenant.id, "opd", o.code) },
    ]),
  ];
  await db.user.createMany({
    data: users.map((u) => ({
      id: seedId(tenant.id, "user", u.key),
      tenantId: tenant.id,
      email: `${u.key}@${options.slug}.bench.entas.test`,
      name: `Bench ${u.key}`,
      passwordHash,
      role: u.role,
      opdId: u.opdId,
      kelurahanId: "kelurahanId" in u ? u.kelurahanId : null,
    })),
  });
  await db.povertyStatistic.createMany({
    data: [2023, 2024, 2025].map((year, i) => ({
      tenantId: tenant.id,
      id: seedId(tenant.id, "stat", year),
      year,
      povertyRatePct: (4.8 - i * 0.3).toFixed(2),
      poorPeople: 138_000 - i * 9_000,
      extremeRatePct: (0.9 - i * 0.3).toFixed(2),
      extremePoorPeople: 26_000 - i * 8_000,
      source: "BPS (benchmark data)",
    })),
  });
  await db.target.createMany({
    data: [
      { tenantId: tenant.id, id: seedId(tenant.id, "target", 1), indicator: "EXTREME_POOR_HOUSEHOLDS", year: 2026, value: "0", note: "Nol KK miskin ekstrem" },
      { tenantId: tenant.id, id: seedId(tenant.id, "target", 2), indicator: "POVERTY_RATE", year: 2026, value: "3.5", note: "Angka kemiskinan 3,5 %" },
    ],
  });
  return { tenantId: tenant.id, areas };
}

// ─────────────────────────── registry ───────────────────────────

type Registry = {
  /** Per household: kelurahan index, desil (1–10), extreme flag, first member, member count, head offset, adult offset. */
  kelurahan: Int16Array;
  desil: Int8Array;
  extreme: Uint8Array;
  memberStart: Int32Array;
  memberCount: Uint8Array;
  head: Uint8Array;
  /** Households in desil 1–4 or extreme-poor: programmes pick most recipients from them. */
  eligible: Int32Array;
  borrowers: { household: number; member: number; nik: string; name: string; birthDate: Date }[];
};

const REGISTRY_SNAPSHOT = utcDate(2025, 12, 1);

async function loadRegistry(ctx: Ctx): Promise<Registry> {
  const { households: n, tenantId, areas } = ctx;
  const reg: Registry = {
    kelurahan: new Int16Array(n),
    desil: new Int8Array(n),
    extreme: new Uint8Array(n),
    memberStart: new Int32Array(n + 1),
    memberCount: new Uint8Array(n),
    head: new Uint8Array(n),
    eligible: new Int32Array(0),
    borrowers: [],
  };
  const kelurahanIdx = new Map(areas.kelurahan.map((l, i) => [l.code, i]));
  const kecamatan = areas.kecamatan;
  const registryAreas = areas.kelurahan.map((l) => ({
    kecamatanCode: kecamatan[l.kecamatanIdx]!.code,
    kecamatanName: kecamatan[l.kecamatanIdx]!.name,
    kelurahanCode: l.code,
    kelurahanName: l.name,
  }));
  const loanShare = (PER_MILLION.loans * ctx.scale) / n;
  const borrowerRandom = createRandom(hashSeed(ctx.seed, "borrowers"));

  const [hs, ms] = [await ctx.sql.session(), await ctx.sql.session()];
  await replica(hs, ms);
  const householdSink = await hs.copy("Household", [
    "tenantId",
    "id",
    "noKk",
    "registrySource",
    "registryId",
    "address",
    "rt",
    "rw",
    "kecamatanId",
    "kelurahanId",
    "desil",
    "isExtremePoor",
    "status",
    "statusChangedAt",
    "createdAt",
    "updatedAt",
  ]);
  const memberSink = await ms.copy("Member", [
    "tenantId",
    "id",
    "householdId",
    "nik",
    "name",
    "sex",
    "birthPlace",
    "birthDate",
    "relation",
    "education",
    "occupation",
    "disability",
    "createdAt",
    "updatedAt",
  ]);
  const events: unknown[][] = [];
  const desilChanges: unknown[][] = [];
  const eligible: number[] = [];
  let member = 0;
  let pending: Promise<void>[] = [];

  for (const h of registryHouseholds({
    seed: ctx.seed,
    count: n,
    areas: registryAreas,
    cityName: "Kota",
    cultures: [
      ["umum", 85],
      ["bali", 5],
      ["sasak", 5],
      ["timor", 5],
    ],
    streets: DEMO_CITIES.flatMap((c) => c.streets),
    alleys: DEMO_CITIES.flatMap((c) => c.alleys),
    birthPlaces: ["Surabaya", "Surabaya", "Surabaya", "Sidoarjo", "Gresik", "Lamongan", "Madura", "Malang", "Jember", "Kediri"],
    snapshot: REGISTRY_SNAPSHOT,
  })) {
    const i = h.index;
    const l = kelurahanIdx.get(h.area.kelurahanCode)!;
    const kelurahan = areas.kelurahan[l]!;
    const hid = id("h", i);
    reg.kelurahan[i] = l;
    reg.desil[i] = h.desil;
    reg.extreme[i] = h.isExtremePoor ? 1 : 0;
    reg.memberStart[i] = member;
    reg.memberCount[i] = h.members.length;
    const headAt = Math.max(
      0,
      h.members.findIndex((m) => m.relation === "HEAD"),
    );
    reg.head[i] = headAt;
    if (h.status === "ACTIVE" && (h.isExtremePoor || h.desil <= 4)) eligible.push(i);
    const p1 = householdSink.row([
      tenantId,
      hid,
      h.noKk,
      h.registrySource,
      h.registryId,
      h.address,
      h.rt,
      h.rw,
      areas.kecamatanIds[kelurahan.kecamatanIdx],
      kelurahan.id,
      h.desil,
      h.isExtremePoor,
      h.status,
      h.statusChangedAt,
      NOW,
      NOW,
    ]);
    if (p1 !== undefined) pending.push(p1);
    for (const m of h.members) {
      const p2 = memberSink.row([
        tenantId,
        id("m", member),
        hid,
        m.nik,
        m.name,
        m.sex,
        m.birthPlace,
        day(m.birthDate),
        m.relation,
        m.education,
        m.occupation,
        m.disability,
        NOW,
        NOW,
      ]);
      if (p2 !== undefined) pending.push(p2);
      member++;
    }
    for (const [k, e] of h.statusEvents.entries())
      events.push([
        tenantId,
        id("e", i * 4 + k),
        hid,
        e.fromStatus,
        e.toStatus,
        e.fromExtremePoor,
        e.toExtremePoor,
        day(e.effectiveDate),
        e.reason,
        e.source,
        NOW,
      ]);
    for (const [k, d] of h.desilChanges.entries())
      desilChanges.push([tenantId, id("d", i * 4 + k), hid, d.fromDesil, d.toDesil, day(d.effectiveDate), d.source, NOW]);
    if (h.status === "ACTIVE" && borrowerRandom.chance(loanShare)) {
      const head = h.members[headAt]!;
      reg.borrowers.push({ household: i, member: member - h.members.length + headAt, nik: head.nik, name: head.name, birthDate: head.birthDate });
    }
    if (pending.length > 0) await Promise.all(pending), (pending = []);
  }
  reg.memberStart[n] = member;
  reg.eligible = Int32Array.from(eligible);
  ctx.counts.Household = await householdSink.end();
  ctx.counts.Member = await memberSink.end();
  ctx.counts.HouseholdStatusEvent = await copyAll(
    hs,
    "HouseholdStatusEvent",
    ["tenantId", "id", "householdId", "fromStatus", "toStatus", "fromExtremePoor", "toExtremePoor", "effectiveDate", "reason", "source", "createdAt"],
    events,
  );
  ctx.counts.HouseholdDesilChange = await copyAll(
    ms,
    "HouseholdDesilChange",
    ["tenantId", "id", "householdId", "fromDesil", "toDesil", "effectiveDate", "source", "createdAt"],
    desilChanges,
  );
  await hs.release();
  await ms.release();
  return reg;
}

/** Most recipients come from the eligible (desil 1–4 or extreme-poor), the rest from anyone. */
function pickHousehold(random: Random, reg: Registry): number {
  if (reg.eligible.length > 0 && random.chance(0.8)) return reg.eligible[random.int(0, reg.eligible.length - 1)]!;
  return random.int(0, reg.desil.length - 1);
}

// ─────────────────────────── programmes and budget ───────────────────────────

type Programme = { id: string; opdId: string; kind: ProgrammeKind; lineId: string; template: ProgrammeSpec; name: string };
type Programmes = { training: Programme[]; premium: Programme[]; aid: Programme[] };

const KIND_SHARE: ReadonlyArray<readonly [ProgrammeKind, number]> = [
  ["TRAINING", 25],
  ["INSURANCE_PREMIUM", 5],
  ["EQUIPMENT_AID", 12],
  ["CAPITAL_AID", 12],
  ["FOOD_AID", 14],
  ["SEEDLINGS", 8],
  ["HOUSING", 6],
  ["SOCIAL_ASSISTANCE", 14],
  ["OTHER", 4],
];

const SOURCE_SHARE: ReadonlyArray<readonly [FundingSource, number]> = [
  ["APBD", 65],
  ["FISCAL_INCENTIVE", 20],
  ["DAK", 8],
  ["CSR", 7],
];

async function loadProgrammes(ctx: Ctx): Promise<Programmes> {
  const { tenantId, random } = ctx;
  const templates = DEMO_CITIES.flatMap((c) => c.programmes);
  const byKind = new Map<ProgrammeKind, ProgrammeSpec[]>();
  for (const t of templates) byKind.set(t.kind, [...(byKind.get(t.kind) ?? []), t]);
  const count = Math.max(40, Math.round(PER_MILLION.programmes * ctx.scale));
  const result: Programmes = { training: [], premium: [], aid: [] };
  const programmeRows: unknown[][] = [];
  const lineRows: unknown[][] = [];
  const realisationRows: unknown[][] = [];
  const names = new Set<string>();
  let line = 0;
  let realisation = 0;

  for (let p = 0; p < count; p++) {
    const kind = random.weighted(KIND_SHARE);
    const template = random.pick(byKind.get(kind) ?? byKind.get("OTHER")!);
    const opdId = ctx.opdByCode.get(template.opdCode)!;
    let name = `${template.name} Paket ${Math.floor(p / 9) + 1}`;
    while (names.has(`${opdId}/${name}`)) name += "*";
    names.add(`${opdId}/${name}`);
    const pid = id("p", p);
    const lines = random.chance(0.4) ? 2 : 1;
    const firstLine = id("b", line);
    programmeRows.push([
      tenantId,
      pid,
      opdId,
      BENCH_YEAR,
      name,
      kind,
      template.description,
      template.targetUnit,
      template.targetCount * 10,
      template.targetExtremeCount * 10,
      NOW,
      NOW,
    ]);
    for (let k = 0; k < lines; k++) {
      const source = random.weighted(SOURCE_SHARE);
      const pagu = BigInt(random.int(2, 400)) * 25_000_000n;
      const lid = id("b", line++);
      lineRows.push([
        tenantId,
        lid,
        pid,
        source,
        // A programme's lines differ by source and description: one line per pair.
        `${template.budgetLines[0]?.description ?? "Belanja program"}${k > 0 ? ` ${k + 1}` : ""}`,
        pagu,
        source === "CSR" ? "PT Mitra Sejahtera (CSR)" : null,
        NOW,
      ]);
      // Twelve months: most lines spend along the calendar, some lag; the last months partly still drafts.
      const pace = 0.55 + random.next() * 0.5;
      for (let month = 1; month <= 12; month++) {
        const amount = (pagu * BigInt(Math.round(pace * 1000))) / 12_000n;
        const draft = month >= 11 && random.chance(0.3);
        realisationRows.push([tenantId, id("r", realisation++), lid, month, amount, null, draft ? "DRAFT" : "VERIFIED", draft ? null : NOW, NOW]);
      }
    }
    const programme = { id: pid, opdId, kind, lineId: firstLine, template, name };
    (kind === "TRAINING" ? result.training : kind === "INSURANCE_PREMIUM" ? result.premium : result.aid).push(programme);
  }
  const s = await ctx.sql.session();
  await replica(s);
  ctx.counts.Programme = await copyAll(
    s,
    "Programme",
    ["tenantId", "id", "opdId", "fiscalYear", "name", "kind", "description", "targetUnit", "targetCount", "targetExtremeCount", "createdAt", "updatedAt"],
    programmeRows,
  );
  ctx.counts.BudgetLine = await copyAll(
    s,
    "BudgetLine",
    ["tenantId", "id", "programmeId", "fundingSource", "description", "pagu", "partnerName", "createdAt"],
    lineRows,
  );
  ctx.counts.BudgetRealisation = await copyAll(
    s,
    "BudgetRealisation",
    ["tenantId", "id", "budgetLineId", "month", "amount", "note", "status", "verifiedAt", "createdAt"],
    realisationRows,
  );
  await s.release();
  return result;
}

// ─────────────────────────── trainings ───────────────────────────

async function loadTrainings(ctx: Ctx, reg: Registry, programmes: Programmes): Promise<void> {
  const { tenantId, random } = ctx;
  const total = Math.round(ctx.households * PER_HOUSEHOLD.participants);
  const trainings = Math.max(1, Math.round(total / TRAINING_SIZE));
  const s = await ctx.sql.session();
  const f = await ctx.sql.session();
  await replica(s, f);
  const trainingRows: unknown[][] = [];
  const participantSink = await s.copy("TrainingParticipant", [
    "tenantId",
    "id",
    "trainingId",
    "householdId",
    "memberId",
    "completion",
    "certificateNo",
    "status",
    "verifiedAt",
    "createdAt",
  ]);
  const followSink = await f.copy("TrainingFollowUp", ["tenantId", "id", "participantId", "monthsAfter", "dueDate", "outcome", "recordedAt"]);
  let participant = 0;
  for (let t = 0; t < trainings; t++) {
    const programme = programmes.training[t % programmes.training.length]!;
    const plan = programme.template.training;
    const start = addDays(utcDate(BENCH_YEAR, 1, 6), random.int(0, 320));
    const end = addDays(start, (plan?.days ?? 5) - 1);
    const verified = random.chance(0.95);
    const tid = id("t", t);
    trainingRows.push([
      tenantId,
      tid,
      programme.id,
      programme.opdId,
      plan?.skill ?? "Keterampilan kerja",
      day(start),
      day(end),
      random.pick(plan?.places ?? ["Balai Latihan Kerja"]),
      plan?.trainer ?? null,
      TRAINING_SIZE,
      verified ? "VERIFIED" : "DRAFT",
      verified ? NOW : null,
      NOW,
    ]);
    const members = new Set<number>();
    while (members.size < TRAINING_SIZE) {
      const h = pickHousehold(random, reg);
      members.add(reg.memberStart[h]! + reg.head[h]!);
      if (members.size < TRAINING_SIZE && reg.memberCount[h]! > 1 && random.chance(0.3))
        members.add(reg.memberStart[h]! + random.int(0, reg.memberCount[h]! - 1));
    }
    for (const m of members) {
      const h = householdOfMember(reg, m);
      const completion = random.weighted([
        ["COMPLETED", 85],
        ["ENROLLED", 10],
        ["DROPPED", 5],
      ] as const);
      const pVerified = verified && random.chance(0.92);
      const pid = id("q", participant++);
      await participantSink.row([
        tenantId,
        pid,
        tid,
        id("h", h),
        id("m", m),
        completion,
        completion === "COMPLETED" ? `SRT/${BENCH_YEAR}/${participant}` : null,
        pVerified ? "VERIFIED" : "DRAFT",
        pVerified ? NOW : null,
        NOW,
      ]);
      if (completion === "COMPLETED") {
        const outcome = random.weighted([
          ["BUSINESS_OPENED", 30],
          ["EMPLOYED", 15],
          ["NEITHER", 25],
          ["-", 30],
        ] as const);
        await followSink.row([tenantId, id("f", participant), pid, 3, day(addDays(end, 91)), outcome === "-" ? null : outcome, outcome === "-" ? null : NOW]);
      }
    }
  }
  ctx.counts.TrainingParticipant = await participantSink.end();
  ctx.counts.TrainingFollowUp = await followSink.end();
  ctx.counts.Training = await copyAll(
    s,
    "Training",
    ["tenantId", "id", "programmeId", "opdId", "skill", "startDate", "endDate", "place", "trainer", "capacity", "status", "verifiedAt", "createdAt"],
    trainingRows,
  );
  await s.release();
  await f.release();
}

function householdOfMember(reg: Registry, member: number): number {
  let lo = 0;
  let hi = reg.desil.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (reg.memberStart[mid]! <= member) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// ─────────────────────────── aid and BPJS premiums ───────────────────────────

const AID_KIND: Partial<Record<ProgrammeKind, AidKind>> = {
  EQUIPMENT_AID: "EQUIPMENT",
  CAPITAL_AID: "CAPITAL",
  FOOD_AID: "FOOD",
  SEEDLINGS: "SEEDLINGS",
  HOUSING: "HOUSING",
  INSURANCE_PREMIUM: "INSURANCE_PREMIUM",
  SOCIAL_ASSISTANCE: "CASH",
  OTHER: "OTHER",
};

async function loadAid(ctx: Ctx, reg: Registry, programmes: Programmes): Promise<void> {
  const { tenantId, random } = ctx;
  const s = await ctx.sql.session();
  await replica(s);
  const sink = await s.copy("AidDistribution", [
    "tenantId",
    "id",
    "programmeId",
    "opdId",
    "budgetLineId",
    "householdId",
    "memberId",
    "kind",
    "items",
    "quantity",
    "value",
    "distributedAt",
    "handedOverBy",
    "partnerName",
    "monthsCovered",
    "bpjsNumber",
    "coverageStart",
    "premiumPerMonth",
    "status",
    "verifiedAt",
    "reversesId",
    "note",
    "createdAt",
  ]);
  const officers = DEMO_CITIES.flatMap((c) => c.officers);
  let n = 0;
  const write = async (list: Programme[], total: number, premium: boolean) => {
    for (let k = 0; k < total; k++) {
      const programme = list[k % list.length]!;
      const aid = programme.template.aid;
      const kind = aid?.kind ?? AID_KIND[programme.kind] ?? "OTHER";
      const h = pickHousehold(random, reg);
      const member = premium || random.chance(0.3) ? id("m", reg.memberStart[h]! + reg.head[h]!) : null;
      const value = Array.isArray(aid?.value)
        ? BigInt(random.int(Number(aid.value[0] / 50_000n), Number(aid.value[1] / 50_000n))) * 50_000n
        : ((aid?.value as bigint | undefined) ?? 500_000n);
      const at = day(addDays(utcDate(BENCH_YEAR, 1, 2), random.int(0, 360)));
      const verified = random.chance(0.93);
      const aidId = id("a", n++);
      // A premium is 12 months of cover from the hand-over's month; the monthly premium where the value divides.
      const cover = premium ? [`1${String(n).padStart(10, "0")}`, `${at.slice(0, 7)}-01`, value % 12n === 0n ? value / 12n : null] : [null, null, null];
      await sink.row([
        tenantId,
        aidId,
        programme.id,
        programme.opdId,
        programme.lineId,
        id("h", h),
        member,
        kind,
        aid?.items ?? programme.name,
        1,
        value,
        at,
        random.pick(officers),
        aid?.partnerName ?? null,
        premium ? 12 : null,
        ...cover,
        verified ? "VERIFIED" : "DRAFT",
        verified ? NOW : null,
        null,
        null,
        NOW,
      ]);
      // A few verified hand-overs were wrong and are cancelled by a verified reversal.
      if (verified && random.chance(0.003)) {
        await sink.row([
          tenantId,
          id("a", n++),
          programme.id,
          programme.opdId,
          programme.lineId,
          id("h", h),
          member,
          kind,
          aid?.items ?? programme.name,
          1,
          -value,
          at,
          random.pick(officers),
          null,
          premium ? 12 : null,
          ...cover,
          "VERIFIED",
          NOW,
          aidId,
          "Salah penerima: dibatalkan",
          NOW,
        ]);
      }
    }
  };
  await write(programmes.aid, Math.round(ctx.households * PER_HOUSEHOLD.aid), false);
  await write(programmes.premium, Math.round(ctx.households * PER_HOUSEHOLD.premiums), true);
  ctx.counts.AidDistribution = await sink.end();
  await s.release();
}

// ─────────────────────────── Dana PEM ───────────────────────────

async function loadLoans(ctx: Ctx, reg: Registry): Promise<void> {
  const { tenantId, random, areas } = ctx;
  const fundIds = areas.kelurahan.map((l) => seedId(tenantId, "fund", l.id));
  const funds = areas.kelurahan.map((l, i) => [tenantId, fundIds[i], l.id, BENCH_YEAR, `LPM Kelurahan ${l.name}`, 10_000_000n, 24, 300, 1, NOW]);
  const capital = areas.kelurahan.map((_, i) => [
    tenantId,
    seedId(tenantId, "capital", i),
    fundIds[i],
    500_000_000n,
    "APBD",
    day(utcDate(BENCH_YEAR, 1, 15)),
    "Modal awal dan tambahan APBD",
  ]);
  const s = await ctx.sql.session();
  const r = await ctx.sql.session();
  await replica(s, r);
  ctx.counts.RevolvingFund = await copyAll(
    s,
    "RevolvingFund",
    ["tenantId", "id", "kelurahanId", "year", "lpmName", "maxLoan", "maxTenorMonths", "serviceFeeBps", "graceMonths", "createdAt"],
    funds,
  );
  ctx.counts.RevolvingFundCapital = await copyAll(s, "RevolvingFundCapital", ["tenantId", "id", "fundId", "amount", "source", "receivedAt", "note"], capital);
  const loanRows: unknown[][] = [];
  const instalmentSink = await s.copy("LoanInstallment", ["tenantId", "id", "loanId", "seq", "dueDate", "principalDue", "feeDue"]);
  const repaymentSink = await r.copy("Repayment", ["tenantId", "id", "loanId", "paidAt", "amount", "principalPart", "feePart", "receiptNo", "createdAt"]);
  const businesses = ["Warung kelontong", "Usaha kue basah", "Jahit pakaian", "Bengkel motor", "Warung makan", "Pracangan", "Cuci motor", "Kerajinan"];
  let instalmentN = 0;
  let repaymentN = 0;
  for (let k = 0; k < reg.borrowers.length; k++) {
    const b = reg.borrowers[k]!;
    const loanId = id("l", k);
    const principal = BigInt(random.int(6, 20)) * 500_000n;
    const tenor = random.pick([12, 18, 24]);
    const fee = serviceFeeOf(principal, 300);
    const status = random.weighted([
      ["DISBURSED", 70],
      ["REPAID", 18],
      ["WRITTEN_OFF", 2],
      ["PROPOSED", 5],
      ["APPROVED", 3],
      ["REJECTED", 2],
    ] as const);
    const disbursedAt = addDays(utcDate(BENCH_YEAR, 1, 10), random.int(0, 350));
    const lent = status === "DISBURSED" || status === "REPAID" || status === "WRITTEN_OFF";
    let principalRepaid = 0n;
    let feePaid = 0n;
    let nextDueDate: string | null = null;
    if (lent) {
      const schedule = loanSchedule({ disbursedAt, principal, serviceFee: fee, tenorMonths: tenor, graceMonths: 1 });
      const due = schedule.filter((line) => line.dueDate <= AS_OF);
      const paidCount =
        status === "REPAID"
          ? schedule.length
          : status === "WRITTEN_OFF"
            ? Math.min(due.length, 2)
            : random.chance(0.8)
              ? due.length
              : random.int(0, Math.max(0, due.length - 1));
      for (const line of schedule) {
        await instalmentSink.row([tenantId, id("i", instalmentN++), loanId, line.seq, day(line.dueDate), line.principalDue, line.feeDue]);
        if (line.seq <= paidCount) {
          principalRepaid += line.principalDue;
          feePaid += line.feeDue;
          await repaymentSink.row([
            tenantId,
            id("y", repaymentN++),
            loanId,
            day(addDays(line.dueDate, random.int(-3, 5))),
            line.principalDue + line.feeDue,
            line.principalDue,
            line.feeDue,
            `KW-${repaymentN}`,
            NOW,
          ]);
        } else if (nextDueDate === null) nextDueDate = day(line.dueDate);
      }
    }
    const finalStatus = status === "DISBURSED" && nextDueDate === null ? "REPAID" : status;
    const kel = areas.kelurahan[reg.kelurahan[b.household]!]!;
    loanRows.push([
      tenantId,
      loanId,
      seedId(tenantId, "fund", kel.id),
      1,
      b.nik,
      b.name,
      id("m", b.member),
      id("h", b.household),
      ageOn(b.birthDate, disbursedAt) <= 30,
      random.pick(businesses),
      "Tambahan modal usaha",
      principal,
      tenor,
      fee,
      1,
      finalStatus,
      "Ketua LPM",
      status === "PROPOSED" || status === "REJECTED" ? null : NOW,
      lent ? day(disbursedAt) : null,
      principalRepaid,
      feePaid,
      nextDueDate,
      NOW,
    ]);
  }
  ctx.counts.LoanInstallment = await instalmentSink.end();
  ctx.counts.Repayment = await repaymentSink.end();
  ctx.counts.Loan = await copyAll(
    r,
    "Loan",
    [
      "tenantId",
      "id",
      "fundId",
      "round",
      "borrowerNik",
      "borrowerName",
      "memberId",
      "householdId",
      "isYouth",
      "businessType",
      "purpose",
      "principal",
      "tenorMonths",
      "serviceFee",
      "graceMonths",
      "status",
      "approvedByName",
      "approvedAt",
      "disbursedAt",
      "principalRepaid",
      "feePaid",
      "nextDueDate",
      "createdAt",
    ],
    loanRows,
  );
  await s.release();
  await r.release();
}

// ─────────────────────────── plumbing ───────────────────────────

/** Triggers (the summaries) and foreign-key checks off for this session's writes. */
async function replica(...sessions: Session[]): Promise<void> {
  for (const s of sessions) await s.query(`SET session_replication_role = replica`);
}

async function copyAll(s: Session, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<number> {
  const sink: CopySink = await s.copy(table, columns);
  for (const row of rows) await sink.row(row);
  return sink.end();
}

const SUMMARY_TABLES = ["HouseholdReach", "HouseholdYearReach"];
const BIG_TABLES = [
  "Household",
  "Member",
  "HouseholdStatusEvent",
  "HouseholdDesilChange",
  "TrainingParticipant",
  "TrainingFollowUp",
  "AidDistribution",
  "Loan",
  "LoanInstallment",
  "Repayment",
  "HouseholdReach",
];

type IndexDef = { name: string; table: string; def: string };

/** Drops the big tables' indexes other than primary keys (and any backing a constraint); returns their definitions. */
async function dropIndexes(sql: Sql): Promise<IndexDef[]> {
  const rows = await sql.query<IndexDef>(
    `SELECT i.indexname AS name, i.tablename AS table, i.indexdef AS def
       FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
    [BIG_TABLES],
  );
  for (const row of rows) await sql.query(`DROP INDEX "${row.name}"`);
  return rows;
}

/** Builds the dropped indexes again, two at a time (one per core). */
/**
 * The parts of entas_poverty_rebuild + entas_dash_rebuild (prisma/sql/summaries) on
 * two sessions: the reach entries and the BPJS cover (entas_bpjs_cover_rebuild) on one, the area
 * and training counts beside them on the other (and the loan rounds, entas_loan_rounds_rebuild); then the year rows; then the four reach
 * count tables, two per session. Each session gets enough work_mem to group millions of rows
 * in memory instead of spilling to disk.
 */
export async function rebuildSummaries(sql: Sql, tenantId: string, log: (line: string) => void = () => {}): Promise<void> {
  const [a, b] = [await sql.session(), await sql.session()];
  for (const s of [a, b]) await s.query(`SET work_mem = '1GB'`);
  const run = async (s: Session, statements: string[]) => {
    for (const statement of statements) {
      const at = performance.now();
      await s.query(statement, statement.includes("$1") ? [tenantId] : []);
      log(`    ${statement.replace("SELECT ", "").padEnd(46)} ${((performance.now() - at) / 1000).toFixed(1)} s`);
    }
  };
  // Each step reads tables just filled: without statistics the planner takes them for empty
  // (the year rows' step ran over five minutes instead of forty seconds).
  const analyze = (...tables: string[]) => tables.map((table) => `ANALYZE "${table}"`);
  await Promise.all([
    run(a, [
      ...analyze("TrainingParticipant", "Training", "AidDistribution"),
      `SELECT entas_reach_entries_rebuild($1)`,
      ...analyze("HouseholdReach"),
      `SELECT entas_bpjs_cover_rebuild($1)`,
      ...analyze("BpjsDoubleCover", "BpjsCoverEnd"),
    ]),
    run(b, [
      ...analyze("Household", "Programme", "HouseholdStatusEvent", "TrainingFollowUp"),
      `SELECT entas_poverty_rebuild($1)`,
      `SELECT entas_training_counts_rebuild($1)`,
      `SELECT entas_training_tallies_rebuild($1)`,
      `SELECT entas_loan_rounds_rebuild($1)`,
      ...analyze("BudgetRealisation"),
      `SELECT entas_line_totals_rebuild($1)`,
      `SELECT entas_aid_totals_rebuild($1)`,
      ...analyze("BudgetLineTotal", "BudgetLineSum", "AidDistributionTotal"),
    ]),
  ]);
  await run(a, [`SELECT entas_reach_year_rebuild($1)`, `SELECT entas_reach_first_reached_fill($1)`, ...analyze("HouseholdYearReach")]);
  await Promise.all([
    run(a, [`SELECT entas_reach_count_fill($1, 'programme')`, `SELECT entas_reach_count_fill($1, 'area')`]),
    run(b, [`SELECT entas_reach_count_fill($1, 'result')`, `SELECT entas_reach_count_fill($1, 'opd')`, `SELECT entas_reach_count_fill($1, 'strategy')`]),
  ]);
  await Promise.all([a.release(), b.release()]);
}

async function createIndexes(sql: Sql, indexes: IndexDef[]): Promise<void> {
  const queue = [...indexes].sort((a, b) => Number(b.def.includes("gin")) - Number(a.def.includes("gin")));
  const worker = async () => {
    const s = await sql.session();
    await s.query(`SET maintenance_work_mem = '1GB'`);
    await s.query(`SET max_parallel_maintenance_workers = 0`);
    for (let next = queue.shift(); next; next = queue.shift()) await s.query(next.def);
    await s.release();
  };
  await Promise.all([worker(), worker()]);
}

/**
 * Leaves the city as a running one would be: statistics for the planner and, on PostgreSQL,
 * vacuumed (visibility map set, so index-only scans stay in the index, as autovacuum leaves a
 * live database) and checkpointed, so that a benchmark started next does not share the disk
 * with the load's gigabytes of dirty pages being written out.
 */
async function settle(sql: Sql): Promise<void> {
  if (sql.kind !== "postgres") {
    await sql.query(`ANALYZE`);
    return;
  }
  await sql.query(`VACUUM (ANALYZE)`);
  await sql.query(`CHECKPOINT`);
}
