import { getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import type { DesilChangeView, StatusEventView } from "@/features/registry/household/get-household";
import { DesilHistory, StatusHistory } from "./household-history";

export async function HouseholdHistory({ statusEvents, desilChanges }: { statusEvents: StatusEventView[]; desilChanges: DesilChangeView[] }) {
  const t = await getTranslations("Household.history");
  return (
    <>
      <Card>
        <CardHeader id="status-history" title={t("statusTitle")} />
        <StatusHistory events={statusEvents} />
      </Card>
      <Card>
        <CardHeader id="desil-history" title={t("desilTitle")} />
        <DesilHistory changes={desilChanges} />
      </Card>
    </>
  );
}
