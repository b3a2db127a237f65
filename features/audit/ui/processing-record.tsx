import { getTranslations } from "next-intl/server";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { PERSONAL_DATA, type PersonalKind, type PersonalModel, type PersonalModelName } from "@/lib/privacy/personal-data";
import type { RetentionPeriods } from "@/lib/privacy/retention-periods";

/** The record of processing activities: one row per stored kind of record, read from the table of personal data. */
export async function ProcessingRecord({ periods }: { periods: RetentionPeriods }) {
  const [t, tUsers] = await Promise.all([getTranslations("Privacy"), getTranslations("Users")]);
  const entries = Object.entries(PERSONAL_DATA) as [PersonalModelName, PersonalModel][];
  return (
    <Table label={t("title")}>
      <TableHead>
        <tr>
          <HeaderCell>{t("columns.data")}</HeaderCell>
          <HeaderCell>{t("columns.fields")}</HeaderCell>
          <HeaderCell>{t("columns.purpose")}</HeaderCell>
          <HeaderCell>{t("columns.legalBasis")}</HeaderCell>
          <HeaderCell>{t("columns.recipients")}</HeaderCell>
          <HeaderCell>{t("columns.retention")}</HeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {entries.map(([model, entry]) => (
          <Row key={model}>
            <RowHeaderCell className="min-w-40 font-medium">{t(`models.${model}`)}</RowHeaderCell>
            <Cell className="min-w-48">
              {kindsOf(entry)
                .map((kind) => t(`kinds.${kind}`))
                .join(", ")}
            </Cell>
            <Cell className="min-w-56">{t(`purposes.${entry.purpose}`)}</Cell>
            <Cell className="min-w-48">{t(`legalBases.${entry.legalBasis}`)}</Cell>
            <Cell className="min-w-40">{entry.recipients.length ? entry.recipients.map((role) => tUsers(`roles.${role}`)).join(", ") : t("noRecipients")}</Cell>
            <Cell className="min-w-48">{t(`retentions.${entry.retention}`, { months: periods.auditMonths, days: periods.importReportDays })}</Cell>
          </Row>
        ))}
      </TableBody>
    </Table>
  );
}

function kindsOf(entry: PersonalModel): PersonalKind[] {
  return [...new Set(Object.values(entry.fields))];
}
