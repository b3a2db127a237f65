// Which status changes a household may go through. "Naik kelas" runs
// one step at a time: extreme-poor → out of extreme poverty (still poor, status ACTIVE)
// → out of poverty (GRADUATED). A household can fall back, move away or cease to exist
// (its last member died); DECEASED is final. Pure, so the rules are tested on their own.
import type { HouseholdStatus } from "@/lib/generated/prisma/enums";

export const STATUS_TRANSITIONS = ["EXIT_EXTREME", "GRADUATE", "ENTER_EXTREME", "REACTIVATE", "MOVE", "DECEASE"] as const;
export type StatusTransition = (typeof STATUS_TRANSITIONS)[number];

export type HouseholdState = { status: HouseholdStatus; isExtremePoor: boolean };

/** A refusal's `reason` is Indonesian; its words in both languages are Registry.errors.transition.<code>. */
export type TransitionPlan = { ok: true; to: HouseholdState } | { ok: false; reason: string; code: TransitionRefusal };

const REASONS = {
  deceased: "Keluarga yang tercatat meninggal tidak dapat diubah statusnya.",
  notActive: "Hanya keluarga berstatus aktif yang dapat diubah dengan cara ini.",
  notExtreme: "Keluarga ini tidak berstatus miskin ekstrem.",
  alreadyExtreme: "Keluarga ini sudah berstatus miskin ekstrem.",
  extremeFirst: "Keluarga miskin ekstrem harus lebih dulu dinyatakan keluar dari kemiskinan ekstrem sebelum dinyatakan keluar dari kemiskinan.",
  alreadyActive: "Keluarga ini sudah berstatus aktif.",
  alreadyMoved: "Keluarga ini sudah tercatat pindah.",
} as const;

export type TransitionRefusal = keyof typeof REASONS;

const refuse = (code: TransitionRefusal): TransitionPlan => ({ ok: false, reason: REASONS[code], code });

export function planTransition(from: HouseholdState, transition: StatusTransition): TransitionPlan {
  if (from.status === "DECEASED") return refuse("deceased");
  const active = from.status === "ACTIVE";
  switch (transition) {
    case "EXIT_EXTREME":
      if (!active) return refuse("notActive");
      if (!from.isExtremePoor) return refuse("notExtreme");
      return { ok: true, to: { status: "ACTIVE", isExtremePoor: false } };
    case "GRADUATE":
      if (!active) return refuse("notActive");
      if (from.isExtremePoor) return refuse("extremeFirst");
      return { ok: true, to: { status: "GRADUATED", isExtremePoor: false } };
    case "ENTER_EXTREME":
      if (!active) return refuse("notActive");
      if (from.isExtremePoor) return refuse("alreadyExtreme");
      return { ok: true, to: { status: "ACTIVE", isExtremePoor: true } };
    case "REACTIVATE":
      if (active) return refuse("alreadyActive");
      return { ok: true, to: { status: "ACTIVE", isExtremePoor: false } };
    case "MOVE":
      if (from.status === "MOVED") return refuse("alreadyMoved");
      return { ok: true, to: { status: "MOVED", isExtremePoor: from.isExtremePoor } };
    case "DECEASE":
      return { ok: true, to: { status: "DECEASED", isExtremePoor: from.isExtremePoor } };
  }
}

/** The transitions open to a household in this state, for the form. */
export function availableTransitions(from: HouseholdState): StatusTransition[] {
  return STATUS_TRANSITIONS.filter((transition) => planTransition(from, transition).ok);
}
