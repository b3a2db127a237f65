import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { EntryStatus } from "@/lib/generated/prisma/enums";

/** Draft, verified or cancelled: the words carry the meaning. */
export async function TrainingStatusBadge({ status, cancelled }: { status: EntryStatus; cancelled?: boolean }) {
  const t = await getTranslations("Trainings.status");
  if (cancelled) return <Badge tone="muted">{t("cancelled")}</Badge>;
  return status === "VERIFIED" ? <Badge tone="positive">{t("VERIFIED")}</Badge> : <Badge>{t("DRAFT")}</Badge>;
}
