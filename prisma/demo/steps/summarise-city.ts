import type { Db } from "@/lib/db";

export type CitySummary = {
  slug: string;
  name: string;
  kecamatan: number;
  kelurahan: number;
  opds: number;
  programmes: number;
  budgetLines: number;
  /** Sum of all budget lines' pagu, whole Rupiah. */
  pagu: bigint;
  households: number;
  extremePoorHouseholds: number;
  members: number;
  trainings: number;
  participants: number;
  aidDistributions: number;
  realisations: number;
  revolvingFunds: number;
  loans: number;
};

/** Row counts of one tenant, read back from the database. */
export async function summariseCity(db: Db, tenant: { id: string; slug: string; name: string }): Promise<CitySummary> {
  const where = { tenantId: tenant.id };
  const [
    kecamatan,
    kelurahan,
    opds,
    programmes,
    budgetLines,
    pagu,
    households,
    extremePoorHouseholds,
    members,
    trainings,
    participants,
    aidDistributions,
    realisations,
    revolvingFunds,
    loans,
  ] = await Promise.all([
    db.area.count({ where: { ...where, level: "KECAMATAN" } }),
    db.area.count({ where: { ...where, level: "KELURAHAN" } }),
    db.opd.count({ where }),
    db.programme.count({ where }),
    db.budgetLine.count({ where }),
    db.budgetLine.aggregate({ where, _sum: { pagu: true } }),
    db.household.count({ where }),
    db.household.count({ where: { ...where, isExtremePoor: true, status: "ACTIVE" } }),
    db.member.count({ where }),
    db.training.count({ where }),
    db.trainingParticipant.count({ where }),
    db.aidDistribution.count({ where }),
    db.budgetRealisation.count({ where }),
    db.revolvingFund.count({ where }),
    db.loan.count({ where }),
  ]);
  return {
    slug: tenant.slug,
    name: tenant.name,
    kecamatan,
    kelurahan,
    opds,
    programmes,
    budgetLines,
    pagu: pagu._sum.pagu ?? 0n,
    households,
    extremePoorHouseholds,
    members,
    trainings,
    participants,
    aidDistributions,
    realisations,
    revolvingFunds,
    loans,
  };
}
