// A Dana PEM loan is not proposed for a registry member who died or moved out of the city,
// whether named by the picker (member id) or by NIK; a loan proposed before the departure
// still goes through approval and disbursement.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveLoanDefinition, createLoanDefinition, disburseLoanDefinition } from "@/features/revolving-funds/action-definitions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestHousehold } from "@/tests/helpers/factories";
import { actor, cityNik, type FundCity, fundCity, fundWithCapital, must } from "./revolving-funds-helpers";

let t: TestDb;
let city: FundCity;
let act: ReturnType<typeof actor>;
let fundId: string;

beforeAll(async () => {
  t = await openTestDb();
  city = await fundCity(t);
  act = actor(t);
  fundId = await fundWithCapital(act, city);
});

afterAll(async () => {
  await t?.close();
});

/** A registry member of the officer's kelurahan, departed when `departure` is given. */
async function member(departure?: { kind: "DIED" | "MOVED_OUT"; on: string }) {
  const birthDate = new Date(Date.UTC(1985, 2, 3));
  const nik = cityNik(city, birthDate);
  return t.withTenant(city.id, async (tx) => {
    const h = await createTestHousehold(tx, city);
    const row = await tx.member.create({
      data: {
        tenantId: city.id,
        householdId: h.id,
        nik,
        name: "Maria Bulu",
        sex: "FEMALE",
        birthDate,
        relation: "HEAD",
        ...(departure ? { departure: departure.kind, departedAt: new Date(departure.on) } : {}),
      },
    });
    return { id: row.id, nik };
  });
}

const proposal = (who: { memberId?: string; borrowerNik?: string }) => ({
  fundId,
  ...who,
  borrowerName: "Nama Diketik",
  businessType: "Kios sembako",
  purpose: "Tambahan modal kios",
  principal: "1 juta",
  tenorMonths: "10",
});
const loansOf = (nik: string) => t.withTenant(city.id, (tx) => tx.loan.count({ where: { borrowerNik: nik } }));

describe("proposing a loan to a departed member", () => {
  it("is refused by member id and by NIK, with the departure named, and writes nothing", async () => {
    const died = await member({ kind: "DIED", on: "2026-02-01" });
    const byId = await act(city.officer, createLoanDefinition, proposal({ memberId: died.id }));
    expect(byId).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { memberId: [expect.stringMatching(/meninggal pada 2026-02-01/)] } });

    const moved = await member({ kind: "MOVED_OUT", on: "2026-03-01" });
    const byNik = await act(city.officer, createLoanDefinition, proposal({ borrowerNik: moved.nik }));
    expect(byNik).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { borrowerNik: [expect.stringMatching(/pindah keluar kota pada 2026-03-01/)] } });

    expect(await loansOf(died.nik)).toBe(0);
    expect(await loansOf(moved.nik)).toBe(0);
  });

  it("accepts a current member by id and by NIK", async () => {
    const a = await member();
    const b = await member();
    must(await act(city.officer, createLoanDefinition, proposal({ memberId: a.id })));
    must(await act(city.officer, createLoanDefinition, proposal({ borrowerNik: b.nik })));
    expect(await loansOf(a.nik)).toBe(1);
    expect(await loansOf(b.nik)).toBe(1);
  });

  it("a loan proposed before the member departed is still approved and disbursed", async () => {
    const m = await member();
    const { loanId } = must(await act<{ loanId: string }>(city.officer, createLoanDefinition, proposal({ memberId: m.id })));
    await t.withTenant(city.id, (tx) =>
      tx.member.update({ where: { tenantId_id: { tenantId: city.id, id: m.id } }, data: { departure: "MOVED_OUT", departedAt: new Date("2026-04-01") } }),
    );
    must(await act(city.approver, approveLoanDefinition, { loanId }));
    must(await act(city.officer, disburseLoanDefinition, { loanId, disbursedAt: "2026-04-10" }));
  });
});
