import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { LoanStatus } from "@/lib/generated/prisma/enums";

const TONES = { PROPOSED: "neutral", APPROVED: "neutral", REJECTED: "muted", DISBURSED: "neutral", REPAID: "positive", WRITTEN_OFF: "muted" } as const;

export function LoanStatusBadge({ status }: { status: LoanStatus }) {
  const t = useTranslations("RevolvingFunds.status");
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}

/** Days past due, in words and in red when late. */
export function ArrearsBadge({ days }: { days: number }) {
  const t = useTranslations("RevolvingFunds.arrears");
  if (days <= 0) return <Badge tone="positive">{t("current")}</Badge>;
  return <Badge className="border-red-300 bg-red-50 text-red-900">{t("late", { days })}</Badge>;
}
