// One record for every dynamic segment of a city page ([programmeId], [householdId], [loanId]…),
// on each side of the people fixture: side A is OPD A and kelurahan A (the caller's own), side B
// the other OPD and the other kelurahan. Each record says which OPD and which kelurahan it
// belongs to, read back from the database, and a word the page shows when it shows the record.
import type { Tx } from "@/lib/db";
import type { TestTenant } from "./factories";
import type { PeopleFixture } from "./people-fixture";

/** A record a page's URL names: its id, whose it is (null: no OPD / no kelurahan), and what the page shows of it. */
export type PageRecord = { id: string; opdId: string | null; kelurahanId: string | null; marker: string };

/** The record each dynamic segment names, by the segment's name ("programmeId"). */
export type PageRecords = Record<string, PageRecord>;

export type PageWorld = { A: PageRecords; B: PageRecords };

export async function createPageRecords(tx: Tx, city: TestTenant, fixture: PeopleFixture): Promise<PageWorld> {
  const sides = {
    A: { opdId: fixture.opdA, kelurahanId: city.kelurahanId },
    B: { opdId: fixture.opdB, kelurahanId: fixture.kelurahanB },
  } as const;
  const tenantId = city.id;

  async function side(name: "A" | "B"): Promise<PageRecords> {
    const { opdId, kelurahanId } = sides[name];
    const tag = `${name} ${city.slug}`;
    const programme = await tx.programme.findFirstOrThrow({ where: { opdId } });
    const line = await tx.budgetLine.findFirstOrThrow({ where: { programmeId: programme.id }, include: { programme: { select: { opdId: true } } } });
    const distribution = await tx.aidDistribution.findFirstOrThrow({ where: { opdId }, include: { household: { select: { kelurahanId: true } } } });
    // A draft training, so that its edit page opens for its own OPD, with a named participant.
    const trainee = await tx.trainingParticipant.findFirstOrThrow({ where: { training: { opdId } } });
    const training = await tx.training.create({
      data: {
        tenantId,
        programmeId: programme.id,
        opdId,
        skill: `Pelatihan draf ${tag}`,
        startDate: new Date(`${fixture.year}-06-01`),
        endDate: new Date(`${fixture.year}-06-03`),
        place: "Balai Uji",
        capacity: 10,
      },
    });
    await tx.trainingParticipant.create({ data: { tenantId, trainingId: training.id, householdId: trainee.householdId, memberId: trainee.memberId } });
    const household = await tx.household.findFirstOrThrow({
      where: { kelurahanId, members: { some: { relation: "HEAD" } } },
      include: { members: { where: { relation: "HEAD" }, select: { id: true, name: true, nik: true } } },
    });
    const head = household.members[0]!;
    // A pending change request, for the lists of requests a kelurahan officer proposes and others decide.
    await tx.changeRequest.create({
      data: { tenantId, householdId: household.id, kind: "ADDRESS", payload: { address: `Jl. Usulan ${tag}` }, proposedById: "kelurahan-officer" },
    });
    const fund = await tx.revolvingFund.create({ data: { tenantId, kelurahanId, year: fixture.year, maxLoan: 5_000_000n, maxTenorMonths: 12 } });
    const loan = await tx.loan.create({
      data: {
        tenantId,
        fundId: fund.id,
        borrowerNik: head.nik,
        borrowerName: head.name,
        memberId: head.id,
        householdId: household.id,
        businessType: `Warung ${tag}`,
        purpose: "Modal usaha",
        principal: 2_000_000n,
        tenorMonths: 10,
        status: "DISBURSED",
        disbursedAt: new Date(`${fixture.year}-02-01`),
      },
      include: { fund: { select: { kelurahanId: true } } },
    });
    const repayment = await tx.repayment.create({
      data: {
        tenantId,
        loanId: loan.id,
        paidAt: new Date(`${fixture.year}-03-01`),
        amount: 200_000n,
        principalPart: 200_000n,
        receiptNo: `KW-${name}-${city.slug}`,
      },
    });
    const opd = await tx.opd.findFirstOrThrow({ where: { id: opdId } });
    const user = await tx.user.create({
      data: { tenantId, email: `staf-${name.toLowerCase()}@${city.slug}.test`, name: `Staf ${tag}`, passwordHash: "x", role: "OPD_STAFF", opdId },
    });

    return {
      programmeId: { id: programme.id, opdId: programme.opdId, kelurahanId: null, marker: programme.name },
      budgetLineId: { id: line.id, opdId: line.programme.opdId, kelurahanId: null, marker: line.description },
      distributionId: { id: distribution.id, opdId: distribution.opdId, kelurahanId: distribution.household.kelurahanId, marker: distribution.items },
      trainingId: { id: training.id, opdId: training.opdId, kelurahanId: null, marker: training.skill },
      householdId: { id: household.id, opdId: null, kelurahanId: household.kelurahanId, marker: household.address },
      memberId: { id: head.id, opdId: null, kelurahanId: household.kelurahanId, marker: head.name },
      loanId: { id: loan.id, opdId: null, kelurahanId: loan.fund.kelurahanId, marker: loan.businessType },
      repaymentId: { id: repayment.id, opdId: null, kelurahanId: loan.fund.kelurahanId, marker: repayment.receiptNo! },
      opdId: { id: opd.id, opdId: opd.id, kelurahanId: null, marker: opd.name },
      userId: { id: user.id, opdId: user.opdId, kelurahanId: user.kelurahanId, marker: user.email },
    };
  }

  return { A: await side("A"), B: await side("B") };
}
