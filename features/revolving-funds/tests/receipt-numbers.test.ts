import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRepaymentsDefinition, recordRepaymentDefinition } from "@/features/revolving-funds/action-definitions";
import { actor, fundCity, fundWithCapital, lendFrom, must, type FundCity } from "@/features/revolving-funds/tests/revolving-funds-helpers";
import { openTestDb, type TestDb } from "@/tests/helpers/db";

let t: TestDb;
let city: FundCity;
let act: ReturnType<typeof actor>;
let fundId: string;

beforeAll(async () => {
  t = await openTestDb();
  act = actor(t);
  city = await fundCity(t);
  fundId = await fundWithCapital(act, city);
});
afterAll(async () => {
  await t?.close();
});

const repayments = (loanId: string) => t.withTenant(city.id, (tx) => tx.repayment.findMany({ where: { loanId }, orderBy: { createdAt: "asc" } }));
const pay = (loanId: string, receiptNo: string, amount = "100.000") =>
  act(city.officer, recordRepaymentDefinition, { loanId, paidAt: "2026-02-09", amount, receiptNo });

describe("receipt numbers of Dana PEM repayments", () => {
  it("refuses a receipt number the loan already has, however it is spaced or cased, and records nothing", async () => {
    const loanId = await lendFrom(act, city, fundId, "2.000.000");
    must(await pay(loanId, "KW/2026/001"));

    for (const again of ["KW/2026/001", " kw/2026/001 "]) {
      const refused = await pay(loanId, again);
      expect(refused).toMatchObject({
        ok: false,
        code: "NUMBER_TAKEN",
        fieldErrors: { receiptNo: [expect.stringContaining("No. kuitansi ini sudah tercatat untuk pinjaman ini")] },
      });
    }
    expect(await repayments(loanId)).toHaveLength(1);
  });

  it("accepts the same number on another loan, and payments without a number get numbers of their own", async () => {
    const first = await lendFrom(act, city, fundId, "2.000.000");
    const second = await lendFrom(act, city, fundId, "2.000.000");
    must(await pay(first, "KW/77"));
    must(await pay(second, "KW/77"));
    must(await pay(first, ""));
    must(await pay(first, ""));
    const numbers = (await repayments(first)).map((repayment) => repayment.receiptNo);
    expect(numbers).toHaveLength(3);
    expect(new Set(numbers).size).toBe(3);
  });

  it("refuses, in a file of repayments, a receipt number the loan already has or the file repeats", async () => {
    const loanId = await lendFrom(act, city, fundId, "2.000.000");
    must(await pay(loanId, "KW/9"));
    const form = new FormData();
    const rows = [
      "ID PINJAMAN,TANGGAL BAYAR,JUMLAH,NO KUITANSI",
      `${loanId},09-02-2026,100.000,kw/9`,
      `${loanId},09-02-2026,100.000,KW/10`,
      `${loanId},09-02-2026,100.000,KW/10`,
    ];
    form.set("file", new File([rows.join("\r\n")], "pembayaran.csv", { type: "text/csv" }));
    form.set("mode", "commit");
    const report = must(await act<{ accepted: number; rejected: { rowNumber: number; reasons: string[] }[] }>(city.officer, importRepaymentsDefinition, form));
    expect(report.accepted).toBe(1);
    expect(report.rejected.map((row) => row.rowNumber)).toEqual([2, 4]);
    expect(report.rejected[0]!.reasons.join(" ")).toMatch(/No. kuitansi ini sudah tercatat/);
    expect((await repayments(loanId)).map((repayment) => repayment.receiptNo)).toEqual(["KW/9", "KW/10"]);
  });

  it("is held by the database for every writer, not only the form", async () => {
    const loanId = await lendFrom(act, city, fundId, "2.000.000");
    const row = { tenantId: city.id, loanId, paidAt: new Date("2026-02-09"), amount: 1000n, principalPart: 1000n };
    await t.withTenant(city.id, (tx) => tx.repayment.create({ data: { ...row, receiptNo: "BKT-5" } }));
    await expect(t.withTenant(city.id, (tx) => tx.repayment.create({ data: { ...row, receiptNo: "bkt-5 " } }))).rejects.toMatchObject({ code: "P2002" });
    await t.withTenant(city.id, (tx) => tx.repayment.createMany({ data: [row, row] }));
    expect(await repayments(loanId)).toHaveLength(3);
  });
});
