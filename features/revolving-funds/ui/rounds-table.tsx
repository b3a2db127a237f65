import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { formatNumber, formatRupiah } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";

export function RoundsTable({
  rounds,
  locale,
  label,
}: {
  rounds: { round: number; loans: number; disbursed: bigint; open: number; complete: boolean }[];
  locale: AppLocale;
  label: string;
}) {
  const t = useTranslations("RevolvingFunds.rounds");
  return (
    <Table label={label}>
      <TableHead>
        <tr>
          <HeaderCell>{t("round")}</HeaderCell>
          <HeaderCell numeric>{t("loans")}</HeaderCell>
          <HeaderCell numeric>{t("disbursed")}</HeaderCell>
          <HeaderCell numeric>{t("open")}</HeaderCell>
          <HeaderCell>{t("state")}</HeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {rounds.map((round) => (
          <Row key={round.round}>
            <RowHeaderCell>{t("name", { round: round.round })}</RowHeaderCell>
            <Cell numeric>{formatNumber(round.loans, { locale })}</Cell>
            <Cell numeric>{formatRupiah(round.disbursed, { locale })}</Cell>
            <Cell numeric>{formatNumber(round.open, { locale })}</Cell>
            <Cell>{round.complete ? <Badge tone="positive">{t("complete")}</Badge> : <Badge>{t("running")}</Badge>}</Cell>
          </Row>
        ))}
      </TableBody>
    </Table>
  );
}
