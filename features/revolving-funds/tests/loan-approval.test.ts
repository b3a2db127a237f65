// A loan is approved by a signed-in user who may approve and who did not propose it: the
// approver is the session's user, never a name typed into the form.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveLoanDefinition, createLoanDefinition } from "@/features/revolving-funds/action-definitions";
import { errorWordsIn } from "@/lib/actions/error-words";
import { can } from "@/lib/auth/permissions";
import { sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { actor, cityNik, type FundCity, fundCity, fundWithCapital, must } from "./revolving-funds-helpers";

let t: TestDb;
let act: ReturnType<typeof actor>;

beforeAll(async () => {
  t = await openTestDb();
  act = actor(t);
});
afterAll(async () => {
  await t?.close();
});

async function proposed(): Promise<{ city: FundCity; loanId: string }> {
  const city = await fundCity(t);
  const fundId = await fundWithCapital(act, city);
  const { loanId } = must(
    await act<{ loanId: string }>(city.officer, createLoanDefinition, {
      fundId,
      borrowerNik: cityNik(city, new Date(Date.UTC(1990, 3, 12))),
      borrowerName: "Yosef Manu",
      businessType: "Bengkel motor",
      purpose: "Beli kompresor",
      principal: "3 juta",
      tenorMonths: "10",
    }),
  );
  return { city, loanId };
}

const loanOf = (city: FundCity, loanId: string) => t.withTenant(city.id, (tx) => tx.loan.findFirstOrThrow({ where: { id: loanId } }));

describe("approving a loan", () => {
  it("is refused to the officer who proposed it, and the loan stays proposed", async () => {
    const { city, loanId } = await proposed();
    const own = await act(city.officer, approveLoanDefinition, { loanId });
    expect(own).toMatchObject({ ok: false, code: "FORBIDDEN", message: expect.stringMatching(/mengusulkan/) });
    expect(await loanOf(city, loanId)).toMatchObject({ status: "PROPOSED", approvedById: null, approvedAt: null });
  });

  it("is another officer's act: approvedById is the session's user, and a typed name is ignored", async () => {
    const { city, loanId } = await proposed();
    must(await act(city.approver, approveLoanDefinition, { loanId, approvedByName: "Nama Karangan" }));
    expect(await loanOf(city, loanId)).toMatchObject({
      status: "APPROVED",
      createdById: city.officer.id,
      approvedById: city.approver.id,
      approvedByName: null,
      approvedAt: expect.any(Date),
    });
  });

  it("needs the approve permission: OPD staff and Bapeda are refused, another kelurahan finds nothing", async () => {
    const { city, loanId } = await proposed();
    expect(await act(sessionUser(city, "OPD_STAFF", { id: "staf" }), approveLoanDefinition, { loanId })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await act(sessionUser(city, "BAPEDA", { id: "bapeda" }), approveLoanDefinition, { loanId })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const neighbour = sessionUser(city, "KELURAHAN", { id: "lurah-tetangga", kelurahanId: "kelurahan-lain" });
    expect(await act(neighbour, approveLoanDefinition, { loanId })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await loanOf(city, loanId)).toMatchObject({ status: "PROPOSED" });
  });

  it("is a permission of its own, held by kelurahan officers only", () => {
    expect(can("KELURAHAN", "revolving-fund:approve")).toBe(true);
    for (const role of ["CITY_ADMIN", "OPD_STAFF", "OPD_HEAD", "BAPEDA", "MAYOR_OFFICE", "AUDITOR", "PLATFORM_ADMIN"] as const) {
      expect(can(role, "revolving-fund:approve")).toBe(false);
    }
  });

  it("has the refusal in both languages", () => {
    const words = { key: "RevolvingFunds.errors.approverIsProposer", params: {} };
    expect(errorWordsIn(words, "id")).toMatch(/mengusulkan/);
    expect(errorWordsIn(words, "en")).toMatch(/proposed/);
  });
});
