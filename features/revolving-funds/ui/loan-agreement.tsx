import { BlankNameLine } from "@/components/ui/blank-name-line";
import { SheetTableScroll } from "@/components/ui/sheet-table-scroll";
import { getTranslations } from "next-intl/server";
import { formatDateLong, formatRupiah } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { LoanAgreementData } from "@/features/revolving-funds/agreement";
import { rupiahInWords } from "@/features/revolving-funds/terbilang";

/**
 * The loan agreement between the LPM (party one) and the borrower (party two), acknowledged by
 * the lurah, with the instalment schedule as its attachment once the loan is disbursed.
 */
export async function LoanAgreement({ agreement, locale }: { agreement: LoanAgreementData; locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: "RevolvingFunds.agreement" });
  const { loan, installments, kelurahanLabel, cityName, lpmName } = agreement;
  const rp = (amount: bigint) => formatRupiah(amount, { locale });
  const first = installments[0];
  const last = installments.at(-1);
  const number = t("number", { id: loan.id.slice(-8).toUpperCase(), year: loan.fund.year });
  const sum = (pick: (line: (typeof installments)[number]) => bigint) => installments.reduce((total, line) => total + pick(line), 0n);
  return (
    <>
      <header className="text-center">
        <p className="text-sm uppercase tracking-wide">{t("issuer", { kelurahan: kelurahanLabel, city: cityName })}</p>
        <h1 className="mt-2 text-xl font-bold uppercase">{t("heading")}</h1>
        <p className="text-sm">{number}</p>
      </header>
      <p className="mt-6">{t("opening", { date: formatDateLong(loan.approvedAt ?? loan.createdAt, { locale }) })}</p>
      <ol className="mt-3 list-decimal space-y-2 pl-6">
        <li>{t("partyOne", { lpm: lpmName, kelurahan: kelurahanLabel })}</li>
        <li>{t("partyTwo", { name: loan.borrowerName, nik: loan.borrowerNik, business: loan.businessType })}</li>
      </ol>
      <p className="mt-4">{t("agree")}</p>
      <ol className="mt-3 list-decimal space-y-2 pl-6">
        <li>{t("clausePrincipal", { amount: rp(loan.principal), words: rupiahInWords(loan.principal), purpose: loan.purpose })}</li>
        <li>{t("clauseFee", { fee: rp(loan.serviceFee), words: rupiahInWords(loan.serviceFee) })}</li>
        <li>
          {first && last
            ? t("clauseSchedule", {
                tenor: loan.tenorMonths,
                instalment: rp(first.principalDue + first.feeDue),
                first: formatDateLong(first.dueDate, { locale }),
                last: formatDateLong(last.dueDate, { locale }),
              })
            : t("clauseScheduleLater", { tenor: loan.tenorMonths, grace: loan.graceMonths })}
        </li>
        <li>{t("clauseAllocation")}</li>
        <li>{t("clauseArrears")}</li>
        <li>{t("clauseRevolving")}</li>
      </ol>
      <p className="mt-4">{t("closing")}</p>
      <div className="mt-10 grid grid-cols-2 gap-8 text-center">
        <div>
          <p>{t("signTwo")}</p>
          <p aria-hidden="true">{"\u00a0"}</p>
          <p className="mt-20 font-semibold underline">{loan.borrowerName}</p>
        </div>
        <div>
          <p>{t("signOne")}</p>
          <p>{t("signOneRole", { lpm: lpmName })}</p>
          <BlankNameLine className="mt-20" />
        </div>
      </div>
      <div className="mt-10 text-center">
        <p>{t("witness", { kelurahan: kelurahanLabel })}</p>
        <BlankNameLine className="mt-20" />
      </div>

      {installments.length > 0 ? (
        <section className="mt-12 print:break-before-page" aria-labelledby="agreement-schedule">
          <p className="text-sm">{t("attachment", { number })}</p>
          <h2 id="agreement-schedule" className="mt-1 text-lg font-bold uppercase">
            {t("scheduleTitle")}
          </h2>
          <p className="text-sm">{t("scheduleBorrower", { name: loan.borrowerName, principal: rp(loan.principal), tenor: loan.tenorMonths })}</p>
          <SheetTableScroll labelledBy="agreement-schedule">
            <table className="mt-3 w-full border-collapse text-sm">
              <thead>
                <tr>
                  <th className="border border-ink px-2 py-1 text-left">{t("scheduleColumns.seq")}</th>
                  <th className="border border-ink px-2 py-1 text-left">{t("scheduleColumns.dueDate")}</th>
                  <th className="border border-ink px-2 py-1 text-right">{t("scheduleColumns.principal")}</th>
                  <th className="border border-ink px-2 py-1 text-right">{t("scheduleColumns.fee")}</th>
                  <th className="border border-ink px-2 py-1 text-right">{t("scheduleColumns.total")}</th>
                </tr>
              </thead>
              <tbody>
                {installments.map((line) => (
                  <tr key={line.seq}>
                    <td className="border border-ink px-2 py-1">{line.seq}</td>
                    <td className="border border-ink px-2 py-1">{formatDateLong(line.dueDate, { locale })}</td>
                    <td className="border border-ink px-2 py-1 text-right tabular-nums">{rp(line.principalDue)}</td>
                    <td className="border border-ink px-2 py-1 text-right tabular-nums">{rp(line.feeDue)}</td>
                    <td className="border border-ink px-2 py-1 text-right tabular-nums">{rp(line.principalDue + line.feeDue)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="font-semibold">
                  <td colSpan={2} className="border border-ink px-2 py-1">
                    {t("scheduleColumns.sum")}
                  </td>
                  <td className="border border-ink px-2 py-1 text-right tabular-nums">{rp(sum((line) => line.principalDue))}</td>
                  <td className="border border-ink px-2 py-1 text-right tabular-nums">{rp(sum((line) => line.feeDue))}</td>
                  <td className="border border-ink px-2 py-1 text-right tabular-nums">{rp(sum((line) => line.principalDue + line.feeDue))}</td>
                </tr>
              </tfoot>
            </table>
          </SheetTableScroll>
        </section>
      ) : null}
    </>
  );
}
