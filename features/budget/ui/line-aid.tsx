import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { LINE_AID_SHOWN, type LineAid } from "@/features/budget/queries";
import { formatDateShort, formatNumber, formatRupiah } from "@/lib/format";
import type { AidBudgetMode } from "@/lib/generated/prisma/enums";
import type { AppLocale } from "@/lib/i18n/locales";
import type { Rupiah } from "@/lib/money";

/**
 * The aid recorded against a line, with its verified and pending totals and what the line's
 * mode makes of them: absorption beside the realisation, or an itemisation of it.
 */
export async function LineAidList({
  aid,
  aidMode,
  verified,
  pendingCount,
  pendingAmount,
  entryHref,
  allHref,
}: {
  /** The newest entries, up to LINE_AID_SHOWN and one more when there are more. */
  aid: readonly LineAid[];
  aidMode: AidBudgetMode;
  verified: Rupiah;
  pendingCount: number;
  pendingAmount: Rupiah;
  /** Each entry's own page (the aid feature's URL, given by the page), where it is verified or returned. */
  entryHref: (id: string) => string;
  /** The aid list of the line's programme, where every entry is. */
  allHref: string;
}) {
  const more = aid.length > LINE_AID_SHOWN;
  const shown = more ? aid.slice(0, LINE_AID_SHOWN) : aid;
  const [t, ta, locale] = await Promise.all([getTranslations("Budget"), getTranslations("Aid"), getLocale() as Promise<AppLocale>]);
  return (
    <div>
      <p className="px-4 pt-4 text-sm text-muted sm:px-5">{aidMode === "ON_TOP" ? t("aid.introOnTop") : t("aid.introItemises")}</p>
      <dl className="grid grid-cols-1 gap-3 p-4 sm:grid-cols-2 sm:px-5">
        <div>
          <dt className="text-sm text-muted">{t("aid.verified")}</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="line-aid-verified">
            {formatRupiah(verified, { locale })}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-muted">{t("aid.pending")}</dt>
          <dd className="text-lg font-semibold tabular-nums">
            {t("aid.pendingValue", { count: pendingCount, amount: formatRupiah(pendingAmount, { locale }) })}
          </dd>
        </div>
      </dl>
      {aid.length === 0 ? (
        <p className="px-4 pb-4 text-muted sm:px-5">{t("aid.none")}</p>
      ) : (
        <Table label={t("aid.label")}>
          <TableHead>
            <tr>
              <HeaderCell>{t("aid.columns.date")}</HeaderCell>
              <HeaderCell>{t("aid.columns.kind")}</HeaderCell>
              <HeaderCell>{t("aid.columns.items")}</HeaderCell>
              <HeaderCell numeric>{t("aid.columns.quantity")}</HeaderCell>
              <HeaderCell numeric>{t("aid.columns.value")}</HeaderCell>
              <HeaderCell>{t("aid.columns.proofRef")}</HeaderCell>
              <HeaderCell>{t("aid.columns.status")}</HeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {shown.map((entry) => (
              <Row key={entry.id}>
                <RowHeaderCell className="whitespace-nowrap">
                  <Link href={entryHref(entry.id)} className="text-brand-700 underline-offset-2 hover:underline">
                    {formatDateShort(entry.distributedAt, { locale })}
                  </Link>
                </RowHeaderCell>
                <Cell>{ta(`kinds.${entry.kind}`)}</Cell>
                <Cell className="max-w-64">{entry.items}</Cell>
                <Cell numeric>{formatNumber(entry.quantity, { locale })}</Cell>
                <Cell numeric className={entry.value < 0n ? "text-red-800" : undefined}>
                  {formatRupiah(entry.value, { locale })}
                </Cell>
                <Cell className="whitespace-nowrap">{entry.proofRef ?? "–"}</Cell>
                <Cell>
                  <span className="flex flex-wrap gap-1">
                    <Badge tone={entry.status === "VERIFIED" ? "positive" : "neutral"}>{t(`status.${entry.status}`)}</Badge>
                    {entry.reversesId ? <Badge tone="muted">{t("aid.reversal")}</Badge> : null}
                  </span>
                </Cell>
              </Row>
            ))}
          </TableBody>
        </Table>
      )}
      {more ? (
        <p className="px-4 py-3 text-sm sm:px-5" data-testid="line-aid-more">
          {t("aid.newestOnly", { count: LINE_AID_SHOWN })}{" "}
          <Link href={allHref} className="font-medium text-brand-700 underline underline-offset-2">
            {t("aid.allInAidList")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
