// The three strategies of Inpres 4/2022 on accelerating the eradication of extreme poverty, and
// which strategy a programme serves by its kind: the one place that maps them.
import type { ProgrammeKind } from "@/lib/generated/prisma/enums";

/** In the order the quarterly report lists them; OTHER: a kind no strategy claims. */
export const POVERTY_STRATEGIES = ["LOWER_SPENDING", "RAISE_INCOME", "REDUCE_POCKETS", "OTHER"] as const;

export type PovertyStrategy = (typeof POVERTY_STRATEGIES)[number];

const STRATEGY_OF_KIND = {
  FOOD_AID: "LOWER_SPENDING",
  INSURANCE_PREMIUM: "LOWER_SPENDING",
  SOCIAL_ASSISTANCE: "LOWER_SPENDING",
  TRAINING: "RAISE_INCOME",
  EQUIPMENT_AID: "RAISE_INCOME",
  CAPITAL_AID: "RAISE_INCOME",
  SEEDLINGS: "RAISE_INCOME",
  REVOLVING_FUND: "RAISE_INCOME",
  HOUSING: "REDUCE_POCKETS",
  OTHER: "OTHER",
} as const satisfies Record<ProgrammeKind, PovertyStrategy>;

/** The strategy a programme of this kind serves. */
export function strategyOfKind(kind: ProgrammeKind): PovertyStrategy {
  return STRATEGY_OF_KIND[kind];
}
