// The cover a BPJS premium entry bought, as lines of the distribution's facts.
import type { ReactNode } from "react";
import { maskNumber } from "@/lib/privacy/person-view";

type Cover = {
  bpjsNumber: string | null;
  coverageStart: Date | null;
  coverageEnd: Date | null;
  premiumPerMonth: bigint | null;
};

type Options = {
  /** The whole KPJ number: for readers of personal data (registry:read-personal); everyone else sees the last four digits. */
  showNumber: boolean;
  month: (date: Date) => string;
  money: (amount: bigint) => string;
  t: (key: "bpjsNumber" | "coverage" | "coverageValue" | "premiumPerMonth", values?: Record<string, string>) => string;
};

export function bpjsFacts(entry: Cover, { showNumber, month, money, t }: Options): [string, ReactNode][] {
  const facts: [string, ReactNode][] = [];
  if (entry.bpjsNumber) {
    facts.push([
      t("bpjsNumber"),
      <span key="kpj" className="font-mono">
        {showNumber ? entry.bpjsNumber : maskNumber(entry.bpjsNumber)}
      </span>,
    ]);
  }
  if (entry.coverageStart && entry.coverageEnd) {
    facts.push([t("coverage"), t("coverageValue", { start: month(entry.coverageStart), end: month(entry.coverageEnd) })]);
  }
  if (entry.premiumPerMonth !== null)
    facts.push([
      t("premiumPerMonth"),
      <span key="premium" className="tabular-nums">
        {money(entry.premiumPerMonth)}
      </span>,
    ]);
  return facts;
}
