// Indonesian words for aid in messages the server writes (action refusals, exports); the
// pages use the Aid catalogue.
import { formatDateShort } from "@/lib/format";
import type { AidKind } from "@/lib/generated/prisma/enums";
import type { EarlierAid } from "./same-kind-this-year";

const KIND_LABELS: Record<AidKind, string> = {
  EQUIPMENT: "Bantuan peralatan",
  CAPITAL: "Bantuan modal usaha",
  FOOD: "Bantuan pangan",
  SEEDLINGS: "Bantuan bibit",
  HOUSING: "Bantuan rumah layak huni",
  INSURANCE_PREMIUM: "Premi BPJS Ketenagakerjaan",
  CASH: "Bantuan tunai",
  OTHER: "Bantuan lain",
};

export const aidKindLabel = (kind: AidKind) => KIND_LABELS[kind];

/** "Bantuan peralatan, 12 Maret 2024, Dinas Sosial (draf)". */
export function duplicateLine(aid: EarlierAid): string {
  const draft = aid.status === "DRAFT" ? " (draf)" : "";
  return `${aidKindLabel(aid.kind)}, ${formatDateShort(aid.distributedAt, { timeZone: "UTC" })}, ${aid.opdName}${draft}`;
}
