// Distribution rows from the database into the table's formatted text.
import { formatDateShort, formatRupiah } from "@/lib/format";
import type { DistributionRow } from "@/features/aid/queries";
import type { AidKind } from "@/lib/generated/prisma/enums";
import type { AppLocale } from "@/lib/i18n/locales";
import type { DistributionTableRow } from "./distribution-table";
import { aidRoutes } from "@/features/aid/routes";
import { isReversal } from "@/lib/entries/rules";

export function tableRows(
  rows: readonly DistributionRow[],
  options: { tenantSlug: string; locale: AppLocale; showOpd: boolean; kindLabel: (kind: AidKind) => string; noHead: string },
): DistributionTableRow[] {
  return rows.map((row) => ({
    id: row.id,
    href: aidRoutes.detail(options.tenantSlug, row.id),
    date: formatDateShort(row.distributedAt, { locale: options.locale }),
    kind: options.kindLabel(row.kind),
    items: row.quantity > 1 ? `${row.quantity} × ${row.items}` : row.items,
    value: formatRupiah(row.value, { locale: options.locale }),
    recipient: row.member?.name ?? row.household.headName ?? options.noHead,
    recipientDetail: `${row.household.noKkMasked} · ${row.household.kelurahan}`,
    programme: row.programme.name,
    opd: options.showOpd ? row.opd.shortName : null,
    status: row.status,
    isReversal: isReversal(row),
    returnNote: row.status === "DRAFT" ? row.returnNote : null,
    reversed: row.reversal?.status === "VERIFIED",
    duplicateAcknowledged: row.duplicateAcknowledged,
  }));
}
