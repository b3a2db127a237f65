// The server-action half of the permission matrix with real input: every action registered by
// the "use server" files found on disk, for every role, is sent VALID input naming records
// of the caller's own OPD and kelurahan, of another OPD, of another kelurahan, and of another
// city. Input is derived from each action's zod schema: a field named like an id
// (programmeId, loanId…) gets a fixture record of the side being tried, other fields a valid
// sample of their type. Own records must get past the scope check (so the input is real);
// another OPD's records must be refused to an OPD's staff and head, another kelurahan's to a
// kelurahan officer, another city's to everyone, with nothing written. Each attempt runs in a
// transaction the test rolls back after reading what the action wrote, so one fixture serves
// every cell.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { AnyActionDefinition } from "@/lib/actions/define";
import { runAction, type ActionDeps } from "@/lib/actions/run";
import { registeredActions } from "@/lib/actions/server";
import { OPD_PERMISSIONS, ROLE_PERMISSIONS, type OpdCapabilities, type Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import { Role } from "@/lib/generated/prisma/enums";
import { UNSAVED_VERSION } from "@/lib/db/versioned-update";
import { NUMBER_LOOKUP_ACTION } from "@/lib/privacy/number-lookup";
import { createActionFixture, KIND_DIMENSION, type ActionFixture, type RecordKind, type Records } from "../helpers/action-fixture";
import { actionDeps, sessionUser, submitted } from "../helpers/actions";
import { openTestDb, type TestDb } from "../helpers/db";
import { createTestTenant, type TestTenant } from "../helpers/factories";
import { createPeopleFixture, type PeopleFixture } from "../helpers/people-fixture";
import { ROOT, serverActionFiles } from "../helpers/source-files";
import { isTableImport, type AnyTableImport } from "../helpers/table-imports";
import type { JobScopes } from "@/lib/jobs/kinds";
import type { TableImportOutcome } from "@/lib/spreadsheet/table-import-status";

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ getAll: () => [], set: () => {} }) }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
  notFound: () => {
    throw new Error("not found");
  },
}));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key, getLocale: async () => "id" }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => null, endCurrentSession: async () => {} }));

// The same discovery as the permission matrix: every file whose first statement is "use server".
const serverFiles = serverActionFiles();
for (const file of serverFiles) await import(join(ROOT, file));
const definitions = registeredActions().tenant;

// ---- Input, derived from each action's schema --------------------------------------------

/** The fixture record a field of that name names. */
const ID_FIELDS: Record<string, RecordKind> = {
  programmeId: "programme",
  budgetLineId: "budgetLine",
  distributionId: "draftDistribution",
  realisationId: "draftRealisation",
  trainingId: "draftTraining",
  participantId: "draftParticipant",
  followUpId: "followUp",
  householdId: "household",
  memberId: "member",
  requestId: "changeRequest",
  candidateId: "duplicate",
  fundId: "fund",
  loanId: "proposedLoan",
  trainingParticipantId: "linkedParticipant",
  kelurahanId: "kelurahan",
  areaId: "kecamatan",
  opdId: "opd",
  userId: "user",
  statisticId: "statistic",
  targetId: "target",
  number: "headNik",
};

/** "ids" of the verify actions: the drafts of the action's own kind of entry. */
const VERIFIED_IDS: Record<string, RecordKind> = {
  "aid.verify": "draftDistribution",
  "budget.realisations.verify": "draftRealisation",
  "trainings.verify": "draftTraining",
  "trainings.participants.verify": "draftParticipant",
};

/** Where an action needs a record in another state than the field's usual one; null leaves an optional field out. */
const RECORD_OVERRIDES: Record<string, Record<string, RecordKind | null>> = {
  // A hand-over linked to the training its recipient took.
  "aid.create": { householdId: "participantHousehold", memberId: "participantMember" },
  // The draft fixed as a hand-over to the same recipient.
  "aid.update": { householdId: "participantHousehold", memberId: "participantMember" },
  "aid.reverse": { distributionId: "verifiedDistribution" },
  "aid.resubmit": { distributionId: "returnedDistribution" },
  "budget.realisations.resubmit": { realisationId: "returnedRealisation" },
  "trainings.resubmit": { trainingId: "returnedTraining" },
  "trainings.participants.resubmit": { participantId: "returnedParticipant" },
  "budget.realisations.reverse": { realisationId: "verifiedRealisation" },
  "programmes.delete": { programmeId: "emptyProgramme" },
  "trainings.cancel": { trainingId: "verifiedTraining" },
  "trainings.attendance.record": { trainingId: "verifiedTraining", present: "verifiedParticipant" },
  "trainings.participants.add": { trainingId: "verifiedTraining", memberId: "freeMember" },
  "trainings.participants.complete": { participantId: "verifiedParticipant" },
  "trainings.participants.withdraw": { participantId: "verifiedParticipant" },
  "revolvingFunds.loans.disburse": { loanId: "approvedLoan" },
  "revolvingFunds.loans.repay": { loanId: "disbursedLoan" },
  "revolvingFunds.loans.writeOff": { loanId: "disbursedLoan" },
  // The head of household owes on a loan already; their spouse may borrow.
  "revolvingFunds.loans.create": { memberId: "freeMember", borrowerNik: null },
  "programmes.budgetLines.delete": { budgetLineId: "emptyBudgetLine" },
};

/** Ids written inside a value: attendance is "participantId|day". */
const ID_FORMATS: Record<string, (id: string, year: number) => string> = {
  "trainings.attendance.record.present": (id, year) => `${id}|${year}-04-01`,
};

/** Valid values of fields whose type alone does not say what is valid (dates, money, patterns). */
const SAMPLES = (year: number): Record<string, unknown> => ({
  distributedAt: `${year}-06-02`,
  startDate: `${year}-05-05`,
  endDate: `${year}-05-07`,
  effectiveDate: `${year}-06-01`,
  receivedAt: `${year}-02-01`,
  disbursedAt: `${year}-06-01`,
  paidAt: `${year}-07-01`,
  amount: "100000",
  value: "500000",
  pagu: "1000000",
  principal: "1000000",
  maxLoan: "5000000",
  serviceFeeBps: "1",
  year,
  fiscalYear: year,
  month: 6,
  email: `aksi-${Date.now()}@contoh.test`,
  code: "9.99.77",
});

/** Field values only some actions need. */
const SAMPLE_OVERRIDES: Record<string, Record<string, unknown>> = {
  // An OPD role needs an OPD: the form's opdId is then one the action must check.
  "users.create": { role: "OPD_STAFF" },
  "users.update": { role: "OPD_STAFF" },
  // The household had hand-overs of this kind this year already (the fixture's).
  "aid.create": { acknowledgeDuplicate: true },
  "aid.update": { acknowledgeDuplicate: true },
  "registry.changeRequests.propose": { kind: "ADDRESS", address: "Jl. Usulan Baru No. 1" },
  // The fixture's request (an address) has no date for the decider to correct.
  "registry.changeRequests.decide": { effectiveDate: "" },
  // The fixture's city has no retention setting, statistics or target yet: the form that creates
  // one sends the unsaved version.
  "statistics.save": { povertyRatePct: "10,5", version: UNSAVED_VERSION },
  "statistics.targets.save": { version: UNSAVED_VERSION },
  "audit.retention.save": { version: UNSAVED_VERSION },
  // Above what the fixture's line has realised, in a year that has no fund yet.
  "programmes.budgetLines.update": { pagu: "200000000" },
  "revolvingFunds.funds.create": { year: 2026 },
};

/** A table import's columns naming records: the file's row names the records of the side tried. */
const IMPORT_COLUMNS: Record<string, RecordKind> = {
  budgetLineId: "budgetLine",
  programme: "programmeName",
  line: "budgetLineName",
  trainingId: "verifiedTraining",
  loanId: "disbursedLoan",
  nik: "headNik",
};

/** Where an import's column names another kind of record, or stays empty (null). */
const COLUMN_OVERRIDES: Record<string, Record<string, RecordKind | null>> = {
  "trainings.participants.import": { nik: "freeMemberNik", name: null },
  // The line's id is what the import follows; SIPD codes, or programme and line names, are for files without it.
  "budget.realisations.import": { programme: null, line: null, subKegiatanCode: null, accountCode: null },
};

/** Cells whose template example does not fit the fixture (the programme's fiscal year). */
const CELL_SAMPLES = (year: number): Record<string, string> => ({ date: `02-06-${year}`, fiscalYear: String(year) });

/**
 * Another way an action names the records it works on (a borrower by NIK instead of by
 * member, an import's names instead of ids): the matrix tries that way too. `kinds` adds or
 * (null) leaves out fields naming records; `samples` replaces the action's sample overrides.
 */
type Alternative = { why: string; kinds?: Record<string, RecordKind | null>; samples?: Record<string, unknown> };
const ALTERNATIVES: Record<string, Alternative[]> = {
  "revolvingFunds.loans.create": [
    { why: "a borrower by NIK", kinds: { memberId: null, borrowerNik: "freeMemberNik" }, samples: { borrowerName: "Peminjam Uji" } },
  ],
  "revolvingFunds.loans.importRepayments": [{ why: "a loan by its borrower's NIK", kinds: { loanId: null } }],
  "budget.realisations.import": [
    { why: "a line by programme and line names", kinds: { budgetLineId: null, programme: "programmeName", line: "budgetLineName" } },
    { why: "a line by its SIPD codes", kinds: { budgetLineId: null, subKegiatanCode: "programmeSipdCode", accountCode: "budgetLineAccountCode" } },
  ],
  "registry.changeRequests.propose": [
    { why: "a correction of a member", kinds: { memberId: "member" }, samples: { kind: "CORRECTION", occupation: "Pedagang" } },
  ],
};

/** One way of calling one action. */
type Case = { definition: AnyActionDefinition; label: string; kinds: Record<string, RecordKind | null>; samples: Record<string, unknown> };
const cases: Case[] = definitions.flatMap((definition) => [
  { definition, label: definition.name, kinds: {}, samples: SAMPLE_OVERRIDES[definition.name] ?? {} },
  ...(ALTERNATIVES[definition.name] ?? []).map((alternative) => ({
    definition,
    label: `${definition.name} (${alternative.why})`,
    kinds: alternative.kinds ?? {},
    samples: alternative.samples ?? SAMPLE_OVERRIDES[definition.name] ?? {},
  })),
]);

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
};

/** Which side's record each id field (or import column) takes. */
type Chooser = (field: string, kind: RecordKind) => string;

const jsonSchemaOf = (definition: AnyActionDefinition) => z.toJSONSchema(definition.schema, { io: "input", unrepresentable: "any" }) as JsonSchema;

/** The fields of an action's input (or columns of its file) that name records, and the kind each names. */
function idFieldsOf({ definition, kinds }: Case): Record<string, RecordKind> {
  const found: Record<string, RecordKind | null | undefined> = {};
  if (definition.columns) {
    for (const { key } of definition.columns) found[key] = COLUMN_OVERRIDES[definition.name]?.[key] ?? IMPORT_COLUMNS[key];
  } else {
    for (const field of Object.keys(jsonSchemaOf(definition).properties ?? {})) {
      const override = RECORD_OVERRIDES[definition.name]?.[field];
      found[field] = override !== undefined ? override : field === "ids" ? VERIFIED_IDS[definition.name] : ID_FIELDS[field];
    }
  }
  const fields: Record<string, RecordKind> = {};
  for (const [field, kind] of Object.entries({ ...found, ...kinds })) if (kind) fields[field] = kind;
  return fields;
}

/** Whether a field naming a record is left empty on purpose in this case. */
function left(item: Case, field: string): boolean {
  const name = item.definition.name;
  return item.kinds[field] === null || COLUMN_OVERRIDES[name]?.[field] === null || RECORD_OVERRIDES[name]?.[field] === null;
}

/**
 * Valid input for an action, its id fields naming the records `choose` picks (a list names the
 * caller's own, `own`, besides); a table import gets a one-row file to commit. Throws when a
 * required field has no way to a value.
 */
function inputFor(item: Case, year: number, choose: Chooser, own: Chooser = choose): Record<string, unknown> {
  const { definition } = item;
  const ids = idFieldsOf(item);
  if (definition.columns) {
    const samples = CELL_SAMPLES(year);
    const cells = definition.columns.map(({ key, example }) => (ids[key] ? choose(key, ids[key]!) : left(item, key) ? "" : (samples[key] ?? example)));
    const text = [definition.columns.map(({ header }) => header), cells].map((row) => row.join(";")).join("\r\n");
    return { mode: "commit", file: new File([text], "uji.csv", { type: "text/csv" }) };
  }
  const schema = jsonSchemaOf(definition);
  if (schema.type !== "object") throw new Error(`${definition.name}: input is not an object`);
  const samples = { ...SAMPLES(year), ...item.samples };
  const input: Record<string, unknown> = {};
  for (const [field, property] of Object.entries(schema.properties ?? {})) {
    const required = schema.required?.includes(field) ?? false;
    if (ids[field]) {
      const format = ID_FORMATS[`${definition.name}.${field}`] ?? ((id: string) => id);
      const id = format(choose(field, ids[field]!), year);
      // A list names the caller's own record too: one foreign id among own ones is no less foreign.
      input[field] = property.type === "array" ? [...new Set([format(own(field, ids[field]!), year), id])] : id;
    } else if (left(item, field)) continue;
    else if (Object.hasOwn(samples, field)) input[field] = samples[field];
    else if (required) input[field] = sampleOf(property, `${definition.name}.${field}`);
  }
  // A loose schema's own fields (a change request's payload) are not among its properties.
  for (const [field, kind] of Object.entries(ids)) if (!(field in input)) input[field] = choose(field, kind);
  return { ...input, ...item.samples };
}

function sampleOf(schema: JsonSchema, where: string): unknown {
  const one = schema.anyOf?.find((option) => option.type !== "null") ?? schema;
  if (one.const !== undefined) return one.const;
  if (one.enum) return one.enum[0];
  if (one.pattern) throw new Error(`${where}: no sample for a value of pattern ${one.pattern}; add one to SAMPLES`);
  switch (one.type) {
    case "string":
      if (one.format === "date") throw new Error(`${where}: a date; add one to SAMPLES`);
      return "Isian uji matriks aksi".padEnd(one.minLength ?? 0, ".");
    case "integer":
    case "number": {
      const low = Math.max(1, one.minimum ?? 1);
      return one.maximum === undefined ? low : Math.min(low, one.maximum);
    }
    case "boolean":
      return false;
    case "array":
      return one.items ? [sampleOf(one.items, `${where}[]`)] : [];
    case "object":
      return Object.fromEntries(Object.entries(one.properties ?? {}).map(([key, value]) => [key, sampleOf(value, `${where}.${key}`)]));
    default:
      throw new Error(`${where}: no sample for ${JSON.stringify(one)}`);
  }
}

// ---- Who asks ---------------------------------------------------------------------------

const ROLES = Object.values(Role);
const OPD_ROLES: readonly Role[] = ["OPD_STAFF", "OPD_HEAD"];
const MARKS = Object.keys(OPD_PERMISSIONS) as (keyof OpdCapabilities)[];
const unmarked = Object.fromEntries(MARKS.map((mark) => [mark, false])) as OpdCapabilities;
type Subject = { role: Role; opd: OpdCapabilities | null; label: string };
const subjects: Subject[] = ROLES.flatMap((role): Subject[] =>
  OPD_ROLES.includes(role)
    ? [{ role, opd: unmarked, label: role }, ...MARKS.map((mark) => ({ role, opd: { ...unmarked, [mark]: true }, label: `${role} of an OPD marked ${mark}` }))]
    : [{ role, opd: null, label: role }],
);

/** What the tables grant, read independently of userCan and the gate. */
function granted(subject: Subject, permission: Permission): boolean {
  if ((ROLE_PERMISSIONS[subject.role] as readonly Permission[]).includes(permission)) return true;
  return MARKS.some((mark) => {
    const extra = (OPD_PERMISSIONS[mark] as Partial<Record<Role, readonly Permission[]>>)[subject.role] ?? [];
    return Boolean(subject.opd?.[mark]) && extra.includes(permission);
  });
}

const BOUNDARY = { opd: "OPD", kelurahan: "kelurahan" } as const;

/** The boundary within the city a role is held to: OPD roles to their OPD, the kelurahan officer to their kelurahan. */
const confinedTo = (role: Role): "opd" | "kelurahan" | null => (OPD_ROLES.includes(role) ? "opd" : role === "KELURAHAN" ? "kelurahan" : null);

// ---- Outcomes -----------------------------------------------------------------------------

const DENIALS = ["NOT_FOUND", "FORBIDDEN"] as const;
const ANY_REFUSAL = [...DENIALS, "INVALID", "CONFLICT"] as const;

/**
 * What an action answers when it did its work: an import accepted its row, a lookup found the
 * household. Refused, it answers with nothing instead of an error (the lookup is recorded).
 */
function didItsWork(definition: AnyActionDefinition, data: unknown): boolean {
  if (definition.columns) return (data as { accepted: number }).accepted > 0;
  if (definition.name === "registry.lookupNumber") return (data as { kind: string }).kind === "found";
  return true;
}

/** Actions the fixture cannot see through at home, and what stops them there (still past the scope check). */
const UNDONE_AT_HOME: Record<string, string> = {
  "areas.sync": "a test city's Kemendagri code is in no bundled area list",
};

type Written = { action: string; entity: string; entityId: string | null; before: unknown; after: unknown };
type Attempt = { result: Awaited<ReturnType<typeof runAction>>; written: Written[] };

/** The written rows that name one of `ids`, as text for the failure message. */
const naming = (written: Written[], ids: readonly string[]) =>
  written.flatMap((row) => {
    const text = JSON.stringify(row);
    return ids.some((id) => text.includes(id)) ? [`${row.action} ${row.entity} ${row.entityId}`] : [];
  });

describe("server actions with valid input, against records of every scope", () => {
  let t: TestDb;
  let city: TestTenant;
  let otherCity: TestTenant;
  let people: PeopleFixture;
  let records: ActionFixture;
  let foreign: ActionFixture;
  let foreignPeople: PeopleFixture;
  let cell = 0;
  let auditBefore: number[] = [];

  const committedAudit = (tenant: TestTenant) => t.withTenant(tenant.id, (tx) => tx.auditLog.count());

  beforeAll(async () => {
    t = await openTestDb();
    city = await createTestTenant(t.db, t.withTenant);
    otherCity = await createTestTenant(t.db, t.withTenant);
    [people, records] = await t.withTenant(city.id, async (tx) => {
      const p = await createPeopleFixture(tx, city);
      return [p, await createActionFixture(tx, city, p)] as const;
    });
    [foreignPeople, foreign] = await t.withTenant(otherCity.id, async (tx) => {
      const p = await createPeopleFixture(tx, otherCity);
      return [p, await createActionFixture(tx, otherCity, p)] as const;
    });
    auditBefore = [await committedAudit(city), await committedAudit(otherCity)];
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Runs the action as `user`, reads the audit rows it wrote in its transaction, then rolls it all back. */
  async function attempt(user: SessionUser, definition: AnyActionDefinition, input: Record<string, unknown>): Promise<Attempt> {
    cell += 1;
    const requestId = `req-scope-${cell}`;
    let written: Written[] = [];
    const rollback = new Error("roll back");
    const deps: ActionDeps = {
      ...actionDeps(t, user),
      requestMeta: async () => ({ requestId, ip: "127.0.0.1" }),
      withTenant: async (tenantId, fn, options) => {
        let out: Awaited<ReturnType<typeof fn>> | undefined;
        try {
          await t.withTenant(
            tenantId,
            async (tx) => {
              out = await fn(tx);
              written = (await tx.auditLog.findMany({
                where: { requestId },
                select: { action: true, entity: true, entityId: true, before: true, after: true },
              })) as Written[];
              throw rollback;
            },
            options,
          );
        } catch (error) {
          if (error !== rollback) throw error;
        }
        return out as Awaited<ReturnType<typeof fn>>;
      },
    };
    if (isTableImport(definition)) return attemptImport(user, definition, input, requestId);
    return { result: await runAction(deps, definition, city.slug, definition.createsRecords ? submitted(input) : input), written };
  }

  /**
   * A table import: the action queues its job (that row is kept), then the job runs as a worker
   * would, each of its transactions read and rolled back: its audit rows, and the report or
   * refusal it wrote beside them.
   */
  async function attemptImport(user: SessionUser, definition: AnyTableImport, input: Record<string, unknown>, requestId: string): Promise<Attempt> {
    const queued = await runAction({ ...actionDeps(t, user), requestMeta: async () => ({ requestId, ip: "127.0.0.1" }) }, definition, city.slug, input);
    if (!queued.ok) return { result: queued, written: [] };
    const written: Written[] = [];
    let outcome: TableImportOutcome | null = null;
    const rollback = new Error("roll back");
    const withTenant: JobScopes["withTenant"] = async (tenantId, fn, options) => {
      let out: Awaited<ReturnType<typeof fn>> | undefined;
      try {
        await t.withTenant(
          tenantId,
          async (tx) => {
            out = await fn(tx);
            written.push(
              ...((await tx.auditLog.findMany({
                where: { requestId },
                select: { action: true, entity: true, entityId: true, before: true, after: true },
              })) as Written[]),
            );
            const job = await tx.backgroundJob.findUnique({ where: { tenantId_id: { tenantId, id: queued.data.taskId } }, select: { result: true } });
            outcome = (job?.result as TableImportOutcome | null) ?? outcome;
            throw rollback;
          },
          options,
        );
      } catch (error) {
        if (error !== rollback) throw error;
      }
      return out as Awaited<ReturnType<typeof fn>>;
    };
    const jobData = { tenantId: city.id, jobId: queued.data.taskId };
    await definition.job
      .run(jobData, {
        scopes: { withTenant, withPlatform: t.withPlatform, withEveryPod: t.withEveryPod },
        queueJobId: `matrix-${cell}`,
        retryCount: 0,
        retryLimit: 0,
      })
      .catch(() => undefined);
    const ended = outcome as TableImportOutcome | null;
    if (ended && "report" in ended) return { result: { ok: true, data: ended.report }, written };
    return { result: { ok: false, code: ended?.failure.code ?? "INTERNAL", message: "refused by the job" }, written };
  }

  const userOf = (subject: Subject, home: TestTenant | null, homePeople: PeopleFixture | null) =>
    sessionUser(home, subject.role, {
      opd: subject.opd,
      opdId: OPD_ROLES.includes(subject.role) ? (homePeople?.opdA ?? null) : null,
      kelurahanId: subject.role === "KELURAHAN" ? (home?.kelurahanId ?? null) : null,
    });

  /** Records of `side`, except the fields given another side. */
  const from =
    (side: Records, others: Record<string, Records> = {}): Chooser =>
    (field, kind) =>
      (others[field] ?? side)[kind];

  /** The ids of `side` that are not also the caller's own (another OPD shares the caller's kelurahan). */
  const foreignIds = (side: Records) => Object.values(side).filter((id) => !Object.values(records.own).includes(id));

  it("finds the actions, and derives valid input for each from its schema", async () => {
    expect(definitions.length).toBeGreaterThan(40);
    expect(definitions.filter((definition) => definition.columns).length).toBeGreaterThan(3);
    const missing: string[] = [];
    for (const item of cases) {
      try {
        const parsed = await item.definition.schema.safeParseAsync(inputFor(item, records.year, from(records.own)));
        if (!parsed.success) missing.push(`${item.label}: ${JSON.stringify(z.flattenError(parsed.error).fieldErrors)}`);
      } catch (error) {
        missing.push(`${item.label}: ${error}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("knows what record every field named like an id names (none is left out, nor filled with text)", () => {
    const unknown = cases.flatMap((item) => {
      const fields = item.definition.columns?.map(({ key }) => key) ?? Object.keys(jsonSchemaOf(item.definition).properties ?? {});
      const ids = idFieldsOf(item);
      return fields.filter((field) => /(Id|Ids|^ids|^nik|Nik)$/.test(field) && !ids[field] && !left(item, field)).map((field) => `${item.label}.${field}`);
    });
    expect(unknown).toEqual([]);
  });

  for (const item of cases) {
    const { definition } = item;
    for (const subject of subjects) {
      const allowed = subject.role !== "PLATFORM_ADMIN" && granted(subject, definition.permission);
      const confined = confinedTo(subject.role);
      const title = allowed ? `reaches its own records, not another city's${confined ? `, nor another ${BOUNDARY[confined]}'s` : ""}` : "refused";
      it(`${item.label} × ${subject.label}: ${title}`, async () => {
        const { year } = records;
        const user = userOf(subject, subject.role === "PLATFORM_ADMIN" ? null : city, people);
        const ids = idFieldsOf(item);
        const own = inputFor(item, year, from(records.own));

        /** Refused: a denial (or an answer naming nothing), and nothing written but the record of a lookup. */
        const expectRefused = async (label: string, input: Record<string, unknown>, codes: readonly string[], outside: readonly string[]) => {
          const { result, written } = await attempt(user, definition, input);
          if (result.ok) expect(didItsWork(definition, result.data), `${label}: done (${JSON.stringify(result.data)})`).toBe(false);
          else expect(codes, `${label}: ${result.code} ${result.message}`).toContain(result.code);
          expect(
            written.filter((row) => row.action !== NUMBER_LOOKUP_ACTION),
            `${label}: written`,
          ).toEqual([]);
          expect(naming(written, outside), `${label}: names records out of scope`).toEqual([]);
        };
        /** Kept out: refused, or done without writing anything that names a record out of scope. */
        const expectKeptOut = async (label: string, input: Record<string, unknown>, outside: readonly string[]) => {
          const { result, written } = await attempt(user, definition, input);
          if (!result.ok) expect(ANY_REFUSAL, `${label}: ${result.code} ${result.message}`).toContain(result.code);
          expect(naming(written, outside), `${label}: wrote records out of scope`).toEqual([]);
        };
        /** Past the scope check: done, or refused for a reason of the domain, not of scope; the own records done, unless listed. */
        const expectReached = async (label: string, input: Record<string, unknown>, done = false) => {
          const { result } = await attempt(user, definition, input);
          if (done) expect(result, `${label}: ${JSON.stringify(result)}`).toMatchObject({ ok: true });
          if (result.ok) expect(didItsWork(definition, result.data), `${label}: ${JSON.stringify(result.data)}`).toBe(true);
          else expect(["INVALID", "CONFLICT"], `${label}: ${result.code} ${result.message} ${JSON.stringify(result.fieldErrors ?? {})}`).toContain(result.code);
        };

        if (!allowed) {
          const code = subject.role === "PLATFORM_ADMIN" ? "NOT_FOUND" : "FORBIDDEN";
          for (const [label, side] of [
            ["own records", records.own],
            ["another OPD's records", records.otherOpd],
            ["another kelurahan's records", records.otherKelurahan],
          ] as const) {
            await expectRefused(label, inputFor(item, year, from(side)), [code], Object.values(side));
          }
        } else {
          await expectReached("own records", own, !Object.hasOwn(UNDONE_AT_HOME, definition.name));
          // One id at a time from the other side (an own programme with another OPD's budget line…), then all of them.
          for (const [dimension, side] of [
            ["opd", records.otherOpd],
            ["kelurahan", records.otherKelurahan],
          ] as const) {
            const fields = Object.keys(ids).filter((field) => KIND_DIMENSION[ids[field]!] === dimension);
            const outside = foreignIds(side);
            const all = fields.length > 1 ? [fields] : [];
            for (const group of [...fields.map((field) => [field]), ...all]) {
              const input = inputFor(item, year, from(records.own, Object.fromEntries(group.map((field) => [field, side]))), from(records.own));
              const label = `${group.length === 1 ? group[0] : "every id"} of another ${BOUNDARY[dimension]}`;
              if (confined !== dimension) await expectReached(label, input);
              else if (group.length === fields.length) await expectRefused(label, input, DENIALS, outside);
              else await expectKeptOut(label, input, outside);
            }
          }
          // Another city's records, named in this city: they do not exist here.
          const fields = Object.keys(ids);
          const outside = Object.values(foreign.own);
          if (fields.length > 0) await expectRefused("another city's records", inputFor(item, year, from(foreign.own), from(records.own)), DENIALS, outside);
          if (fields.length > 1) {
            for (const field of fields) {
              await expectKeptOut(`${field} of another city`, inputFor(item, year, from(records.own, { [field]: foreign.own }), from(records.own)), outside);
            }
          }
        }

        // A user of another city, with this city's slug and records: not found, whatever the role.
        const stranger = userOf(subject.role === "PLATFORM_ADMIN" ? { ...subject, role: "CITY_ADMIN" } : subject, otherCity, foreignPeople);
        const foreignResult = await runAction(actionDeps(t, stranger), definition, city.slug, definition.createsRecords ? submitted(own) : own);
        expect(foreignResult).toMatchObject({ ok: false, code: "NOT_FOUND" });
      });
    }
  }

  // Every attempt above was rolled back, and every stranger turned away: neither city changed.
  it("left no audit row behind in either city", async () => {
    expect([await committedAudit(city), await committedAudit(otherCity)]).toEqual(auditBefore);
  });
});
