import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableFoot, TableHead } from "@/components/ui/table";
import { formatDateShort, formatRupiah } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { instalmentsPaid } from "@/features/revolving-funds/allocation";
import type { Instalment } from "@/features/revolving-funds/schedule";

/** The monthly schedule with what each instalment has received (oldest first, fee first). */
export function ScheduleTable({
  schedule,
  paidTotal,
  today,
  locale,
  label,
}: {
  schedule: Instalment[];
  paidTotal: bigint;
  today: Date;
  locale: AppLocale;
  label: string;
}) {
  const t = useTranslations("RevolvingFunds.schedule");
  const paid = instalmentsPaid(schedule, paidTotal);
  const rp = (amount: bigint) => formatRupiah(amount, { locale });
  const sum = (pick: (line: Instalment) => bigint) => schedule.reduce((total, line) => total + pick(line), 0n);
  return (
    <Table label={label}>
      <TableHead>
        <tr>
          <HeaderCell>{t("seq")}</HeaderCell>
          <HeaderCell>{t("dueDate")}</HeaderCell>
          <HeaderCell numeric>{t("principal")}</HeaderCell>
          <HeaderCell numeric>{t("fee")}</HeaderCell>
          <HeaderCell numeric>{t("total")}</HeaderCell>
          <HeaderCell numeric>{t("paid")}</HeaderCell>
          <HeaderCell>{t("state")}</HeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {schedule.map((line, i) => {
          const due = line.principalDue + line.feeDue;
          const received = paid[i] ?? 0n;
          const state = received === due ? "paidState" : line.dueDate < today ? "late" : received > 0n ? "partial" : "upcoming";
          return (
            <Row key={line.seq}>
              <RowHeaderCell>{line.seq}</RowHeaderCell>
              <Cell>{formatDateShort(line.dueDate, { locale })}</Cell>
              <Cell numeric>{rp(line.principalDue)}</Cell>
              <Cell numeric>{rp(line.feeDue)}</Cell>
              <Cell numeric>{rp(due)}</Cell>
              <Cell numeric>{rp(received)}</Cell>
              <Cell>
                {state === "late" ? (
                  <Badge className="border-red-300 bg-red-50 text-red-900">{t("late")}</Badge>
                ) : (
                  <Badge tone={state === "paidState" ? "positive" : state === "partial" ? "neutral" : "muted"}>{t(state)}</Badge>
                )}
              </Cell>
            </Row>
          );
        })}
      </TableBody>
      <TableFoot>
        <tr>
          <th scope="row" className="px-4 py-2.5 text-left" colSpan={2}>
            {t("totalRow")}
          </th>
          <Cell numeric>{rp(sum((line) => line.principalDue))}</Cell>
          <Cell numeric>{rp(sum((line) => line.feeDue))}</Cell>
          <Cell numeric>{rp(sum((line) => line.principalDue + line.feeDue))}</Cell>
          <Cell numeric>{rp(paidTotal)}</Cell>
          <Cell>{""}</Cell>
        </tr>
      </TableFoot>
    </Table>
  );
}
