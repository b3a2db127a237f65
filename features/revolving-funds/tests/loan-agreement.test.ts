// The loan agreement prints the instalment schedule it refers to as its attachment, and its
// signatures follow its parties: the LPM (party one), the borrower (party two), and the lurah
// as the one who acknowledges it.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loanAgreement } from "@/features/revolving-funds/agreement";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import id from "@/messages/id/RevolvingFunds.json";
import en from "@/messages/en/RevolvingFunds.json";
import { actor, cityNik, fundCity, fundWithCapital, lendFrom } from "./revolving-funds-helpers";

vi.mock("next-intl/server", () => ({
  getTranslations: async ({ locale, namespace }: { locale: "id" | "en"; namespace: string }) =>
    createTranslator({ locale, messages: { RevolvingFunds: locale === "id" ? id : en }, namespace: namespace as "RevolvingFunds.agreement" }),
}));

const { LoanAgreement } = await import("@/features/revolving-funds/ui/loan-agreement");

let t: TestDb;
let act: ReturnType<typeof actor>;

beforeAll(async () => {
  t = await openTestDb();
  act = actor(t);
});
afterAll(async () => {
  await t?.close();
});

async function disbursedAgreement() {
  const city = await fundCity(t);
  const fundId = await fundWithCapital(act, city);
  const loanId = await lendFrom(act, city, fundId, "5.000.000", { nik: cityNik(city, new Date(Date.UTC(1998, 2, 4))), tenor: "10", disbursedAt: "2026-01-10" });
  const agreement = await t.withTenant(city.id, (tx) => loanAgreement(tx, { ...city.officer, tenantId: city.id }, loanId));
  if (!agreement) throw new Error("no agreement");
  return agreement;
}

async function render(agreement: NonNullable<Awaited<ReturnType<typeof loanAgreement>>>, locale: "id" | "en") {
  const html = renderToStaticMarkup(createElement("div", null, await LoanAgreement({ agreement, locale })));
  return { html, text: html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ") };
}

const scheduleRows = (html: string) => {
  const table = html.slice(html.indexOf("<table"), html.indexOf("</table>"));
  return [...table.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((row) => row[1]!.replace(/<[^>]+>/g, "|").replace(/\|+/g, "|"));
};

describe("the loan agreement print", () => {
  it("attaches the instalment schedule: number, due date, principal, fee and total of each instalment", async () => {
    const { html, text } = await render(await disbursedAgreement(), "id");
    expect(text).toContain("Lampiran");
    expect(text).toContain("Jadwal Angsuran");
    const rows = scheduleRows(html);
    // The header, ten instalments and the total.
    expect(rows).toHaveLength(12);
    expect(rows[0]).toMatch(/Angsuran ke-.*Jatuh tempo.*Pokok.*Jasa.*Jumlah/);
    expect(rows[1]).toMatch(/\|1\|10 Februari 2026\|Rp\s?500\.000\|Rp\s?15\.000\|Rp\s?515\.000\|/);
    expect(rows[10]).toMatch(/\|10\|10 November 2026\|Rp\s?500\.000\|Rp\s?15\.000\|Rp\s?515\.000\|/);
    expect(rows[11]).toMatch(/Rp\s?5\.000\.000\|Rp\s?150\.000\|Rp\s?5\.150\.000/);
  });

  it("is signed by the LPM as party one and the borrower as party two, and acknowledged by the lurah", async () => {
    const agreement = await disbursedAgreement();
    const { text } = await render(agreement, "id");
    expect(text).toMatch(/PIHAK PERTAMA Ketua LPM Uji/);
    expect(text).toMatch(/PIHAK KEDUA Yohanes Lake/);
    expect(text).toMatch(new RegExp(`Mengetahui, Lurah ${agreement.kelurahanLabel}`));
    // The lurah signs only as the one who acknowledges.
    expect(text).not.toMatch(/PIHAK PERTAMA Lurah/);
  });

  it("reads the same in English", async () => {
    const agreement = await disbursedAgreement();
    const { html, text } = await render(agreement, "en");
    expect(text).toContain("Instalment schedule");
    expect(scheduleRows(html)[0]).toMatch(/Instalment.*Due date.*Principal.*Fee.*Total/);
    expect(text).toMatch(/FIRST PARTY Chair, LPM Uji/);
    expect(text).toMatch(new RegExp(`Acknowledged by the lurah of ${agreement.kelurahanLabel}`));
  });
});
