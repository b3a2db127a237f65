import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLoanDefinition } from "@/features/revolving-funds/action-definitions";
import { actor, cityNik, fundCity, fundWithCapital, must, type FundCity } from "@/features/revolving-funds/tests/revolving-funds-helpers";
import { recordAudit } from "@/lib/db/audit";
import { maskedNumber, REDACTED } from "@/lib/privacy/redact";
import { redactStoredAuditRows } from "@/lib/privacy/redact-stored";
import { openTestDb, type TestDb } from "../helpers/db";
import { createTestHousehold } from "../helpers/factories";

let t: TestDb;
let city: FundCity;
let act: ReturnType<typeof actor>;

beforeAll(async () => {
  t = await openTestDb();
  act = actor(t);
  city = await fundCity(t);
});

afterAll(async () => {
  await t?.close();
});

const auditOf = (entity: string, entityId: string) =>
  t.withTenant(city.id, (tx) => tx.auditLog.findMany({ where: { entity, entityId }, orderBy: { id: "asc" } }));

const born = new Date(Date.UTC(1990, 6, 2));

async function addMember(nik: string, name: string) {
  return t.withTenant(city.id, async (tx) => {
    const household = await createTestHousehold(tx, city);
    const member = await tx.member.create({
      data: { tenantId: city.id, householdId: household.id, nik, name, sex: "MALE", birthDate: born, birthPlace: "Kupang", relation: "HEAD" },
    });
    return { household, member };
  });
}

describe("the audit trail holds no one's identity", () => {
  it("keeps of a new loan's borrower only the NIK's last four digits and its tag, and not the name", async () => {
    const fundId = await fundWithCapital(act, city);
    const nik = cityNik(city, born);
    const { loanId } = must(
      await act<{ loanId: string }>(city.officer, createLoanDefinition, {
        fundId,
        borrowerNik: nik,
        borrowerName: "Maria Goreti Bria",
        businessType: "Kios sembako",
        purpose: "Tambahan modal kios",
        principal: "5 juta",
        tenorMonths: "10",
      }),
    );
    const [created] = await auditOf("Loan", loanId);
    const text = JSON.stringify([created?.before, created?.after]);
    expect(text).not.toContain(nik);
    expect(text).not.toContain("Maria Goreti");
    expect(created?.after).toMatchObject({ borrowerNik: maskedNumber(nik), borrowerName: REDACTED, businessType: "Kios sembako" });
    expect(String((created?.after as { borrowerNik?: string } | null)?.borrowerNik)).toMatch(new RegExp(`^\\*{12}${nik.slice(-4)} #[0-9a-f]{16}$`));
  });

  it("keeps neither the old nor the corrected NIK of a member, but the same number gets the same tag", async () => {
    const oldNik = cityNik(city, born);
    const newNik = cityNik(city, born);
    const { household, member } = await addMember(oldNik, "Yakobus Nenabu");
    await t.withTenant(
      city.id,
      (tx) => tx.member.update({ where: { tenantId_id: { tenantId: city.id, id: member.id } }, data: { nik: newNik, name: "Yakobus Nenabu Tefa" } }),
      { actor: { userId: city.officer.id } },
    );
    const rows = await auditOf("Member", member.id);
    const correction = rows.find((row) => row.action === "update");
    const text = JSON.stringify([correction?.before, correction?.after]);
    for (const secret of [oldNik, newNik, "Yakobus", household.noKk]) expect(text).not.toContain(secret);
    expect(correction?.before).toMatchObject({ nik: maskedNumber(oldNik), name: REDACTED });
    expect(correction?.after).toMatchObject({ nik: maskedNumber(newNik), name: REDACTED });
    expect(maskedNumber(newNik)).not.toEqual(maskedNumber(oldNik));
    expect(maskedNumber(` ${newNik}`)).toEqual(maskedNumber(newNik));
  });

  it("redacts personal fields nested in any entity's record, and a NIK typed anywhere in it", async () => {
    const nik = cityNik(city, born);
    const id = `uji-${Date.now()}`;
    await t.withTenant(city.id, (tx) =>
      recordAudit(tx, {
        tenantId: city.id,
        action: "export",
        entity: "Laporan",
        entityId: id,
        after: {
          rows: 2,
          people: [{ nik, name: "Siti Aminah", address: "Jl. Melati 3", desil: 1 }],
          programme: { name: "Pelatihan Menjahit" },
          query: { q: `nik ${nik}`, page: "2" },
        },
      }),
    );
    const [row] = await auditOf("Laporan", id);
    expect(row?.after).toEqual({
      rows: 2,
      people: [{ nik: maskedNumber(nik), name: REDACTED, address: REDACTED, desil: 1 }],
      programme: { name: REDACTED },
      query: { q: `nik ${maskedNumber(nik)}`, page: "2" },
    });
  });

  it("keeps a programme's name, which is no one's personal data", async () => {
    const opd = await t.withTenant(city.id, (tx) =>
      tx.opd.create({ data: { tenantId: city.id, code: `U${Date.now()}`, name: "Dinas Uji", shortName: "Uji" } }),
    );
    const programme = await t.withTenant(
      city.id,
      (tx) => tx.programme.create({ data: { tenantId: city.id, opdId: opd.id, fiscalYear: 2026, name: "Pelatihan Barista", kind: "TRAINING" } }),
      { actor: { userId: city.officer.id } },
    );
    const [row] = await auditOf("Programme", programme.id);
    expect(row?.after).toMatchObject({ name: "Pelatihan Barista" });
  });
});

describe("audit rows written before redaction", () => {
  it("are rewritten without the full number or the name, and a second run changes nothing", async () => {
    const nik = cityNik(city, new Date(Date.UTC(1985, 2, 14)));
    const stored = await t.withTenant(city.id, (tx) =>
      tx.auditLog.create({
        data: {
          tenantId: city.id,
          action: "create",
          entity: "Loan",
          entityId: "old-loan",
          after: { borrowerNik: nik, borrowerName: "Yohana Lero", principal: "5000000" },
        },
      }),
    );
    expect(JSON.stringify(stored.after)).toContain(nik);

    const rewritten = await t.withTenant(city.id, (tx) => redactStoredAuditRows(tx, city.id));
    expect(rewritten).toBeGreaterThanOrEqual(1);
    const [row] = await auditOf("Loan", "old-loan");
    expect(row!.after).toEqual({ borrowerNik: maskedNumber(nik), borrowerName: REDACTED, principal: "5000000" });
    expect(await t.withTenant(city.id, (tx) => redactStoredAuditRows(tx, city.id))).toBe(0);
  });

  it("are rewritten among the platform's events too, in the platform's scope", async () => {
    const entityId = `old-loan-${city.id}`;
    const nik = cityNik(city, new Date(Date.UTC(1979, 4, 9)));
    await t.withPlatform((tx) =>
      tx.platformEvent.create({
        data: { action: "create", entity: "Loan", entityId, after: { borrowerNik: nik, borrowerName: "Agustinus Bria", note: `nik ${nik}` } },
      }),
    );

    expect(await t.withPlatform((tx) => redactStoredAuditRows(tx, null))).toBeGreaterThanOrEqual(1);
    const [event] = await t.withPlatform((tx) => tx.platformEvent.findMany({ where: { entityId } }));
    expect(event!.after).toEqual({ borrowerNik: maskedNumber(nik), borrowerName: REDACTED, note: `nik ${maskedNumber(nik)}` });
    expect(await t.withPlatform((tx) => redactStoredAuditRows(tx, null))).toBe(0);
  });
});
