import { getTranslations } from "next-intl/server";
import type { HouseholdStatus } from "@/lib/generated/prisma/enums";
import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/class-names";

/** "Miskin ekstrem" in the accent colour; the words carry the meaning. */
export function ExtremeBadge({ children, className }: { children: React.ReactNode; className?: string }) {
  return (
    <span
      className={cx(
        "inline-flex items-center rounded-full border border-accent-400 bg-accent-50 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-accent-700",
        className,
      )}
    >
      {children}
    </span>
  );
}

export async function StatusBadge({ status }: { status: HouseholdStatus }) {
  const t = await getTranslations("Registry");
  const tone = status === "ACTIVE" ? "neutral" : status === "GRADUATED" ? "positive" : "muted";
  return <Badge tone={tone}>{t(`status.${status}`)}</Badge>;
}

export async function DesilBadge({ desil }: { desil: number | null }) {
  const t = await getTranslations("Registry");
  return (
    <span className="inline-flex min-w-16 items-center justify-center rounded-md border border-line bg-paper px-2 py-0.5 text-xs font-medium tabular-nums whitespace-nowrap text-ink">
      {desil === null ? t("desilUnknown") : t("desilValue", { desil })}
    </span>
  );
}
