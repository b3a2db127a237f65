// The report's detail tables, one row per programme and one per programme and funding source,
// over the programmes its detail names (detail.ts): none when the detail is shown per OPD.
import type { FigureTable } from "@/lib/spreadsheet/figures";
import type { ReportDetail } from "./detail";
import { moneyCells, moneyColumns } from "./money-columns";
import { addMoney, NO_MONEY, type QuarterlyReportData } from "./queries";
import type { QuarterlyReportWords } from "./words";

export type DetailTableId = "programmes" | "budget";

export function detailTables(data: QuarterlyReportData, words: QuarterlyReportWords, detail: ReportDetail): Record<DetailTableId, FigureTable | null> {
  if (detail.kind === "perOpd") return { programmes: null, budget: null };
  const { t, programmes: p } = words;
  const { opd, programmes: shown } = detail;
  const money = moneyColumns(words, data.period.quarter);
  const total = opd ? shown.reduce(addMoney, NO_MONEY) : data.total;
  const totalLabel = t("total");
  const title = (text: string) => (opd ? `${text} — ${opd.name}` : text);
  const sipdCode = (code: string | null) => code ?? t("noSipdCode");
  return {
    programmes: {
      id: "programmes",
      title: title(t("tables.programmes")),
      columns: [
        { key: "programme", label: t("columns.programme"), kind: "text" },
        { key: "strategy", label: t("columns.strategy"), kind: "text" },
        // One OPD's table names it in its title, not on every row.
        ...(opd ? [] : [{ key: "opd", label: t("columns.opd"), kind: "text" } as const]),
        { key: "sipdCode", label: t("columns.sipdCode"), kind: "text" },
        { key: "target", label: t("columns.target"), kind: "count" },
        { key: "unit", label: t("columns.unit"), kind: "text" },
        { key: "reached", label: t("columns.reached"), kind: "households" },
        ...money,
      ],
      rows: shown.map((row) => ({
        programme: row.name,
        strategy: t(`strategies.${row.strategy}`),
        ...(opd ? {} : { opd: row.opdShortName }),
        sipdCode: sipdCode(row.sipdCode),
        target: row.targetCount,
        unit: p(`units.${row.targetUnit}`),
        reached: row.reached,
        ...moneyCells(row),
      })),
      totalOfRows: "distinct",
      // The city's households reached are counted once each; an OPD's are not, so its total leaves them out.
      total: { programme: totalLabel, reached: opd ? null : data.reach.reached, ...moneyCells(total) },
    },
    budget: {
      id: "budget",
      title: title(t("tables.budget")),
      columns: [
        { key: "programme", label: t("columns.programme"), kind: "text" },
        { key: "sipdCode", label: t("columns.sipdCode"), kind: "text" },
        { key: "source", label: t("columns.source"), kind: "text" },
        { key: "accountCodes", label: t("columns.accountCodes"), kind: "text" },
        ...money,
      ],
      rows: shown.flatMap((row) =>
        row.sources.map((line) => ({
          programme: row.name,
          sipdCode: sipdCode(row.sipdCode),
          source: p(`sources.${line.fundingSource}`),
          accountCodes: line.accountCodes.join(", ") || t("noAccountCode"),
          ...moneyCells(line),
        })),
      ),
      total: { programme: totalLabel, ...moneyCells(total) },
    },
  };
}
