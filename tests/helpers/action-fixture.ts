// Records for the server-action scope matrix, on top of the people fixture: for OPD A and
// OPD B, and for kelurahan A and kelurahan B, one record of every kind an action names by id,
// in every state some action needs (a draft to delete, a verified entry to reverse, an
// approved loan to disburse…). The matrix feeds one side's ids into an action's input and
// checks whether the action reaches them.
import { cityNikPrefix } from "@/features/revolving-funds/borrower";
import { disburseLoan } from "@/features/revolving-funds/loans";
import type { TenantSessionUser } from "@/lib/auth/session-user";
import type { Tx } from "@/lib/db";
import { sessionUser } from "./actions";
import { uniqueSuffix } from "./db";
import type { TestTenant } from "./factories";
import type { PeopleFixture } from "./people-fixture";

/** Every kind of record an action input can name. */
export const RECORD_KINDS = [
  "programme",
  "programmeName",
  "programmeSipdCode",
  "emptyProgramme",
  "budgetLine",
  "budgetLineName",
  "budgetLineAccountCode",
  "emptyBudgetLine",
  "draftRealisation",
  "returnedRealisation",
  "verifiedRealisation",
  "draftDistribution",
  "returnedDistribution",
  "verifiedDistribution",
  "draftTraining",
  "returnedTraining",
  "verifiedTraining",
  "draftParticipant",
  "returnedParticipant",
  "verifiedParticipant",
  "followUp",
  "household",
  "member",
  "freeMember",
  "headNik",
  "freeMemberNik",
  "changeRequest",
  "duplicate",
  "fund",
  "proposedLoan",
  "approvedLoan",
  "disbursedLoan",
  "participantHousehold",
  "participantMember",
  "linkedParticipant",
  "kelurahan",
  "kecamatan",
  "opd",
  "user",
  "statistic",
  "target",
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * Which boundary within a city a kind of record sits behind: an OPD's programme data, a
 * kelurahan's households and Dana PEM, or nothing narrower than the city.
 */
export const KIND_DIMENSION = {
  programme: "opd",
  programmeName: "opd",
  programmeSipdCode: "opd",
  emptyProgramme: "opd",
  budgetLine: "opd",
  budgetLineName: "opd",
  budgetLineAccountCode: "opd",
  emptyBudgetLine: "opd",
  draftRealisation: "opd",
  returnedRealisation: "opd",
  verifiedRealisation: "opd",
  draftDistribution: "opd",
  returnedDistribution: "opd",
  verifiedDistribution: "opd",
  draftTraining: "opd",
  returnedTraining: "opd",
  verifiedTraining: "opd",
  draftParticipant: "opd",
  returnedParticipant: "opd",
  verifiedParticipant: "opd",
  followUp: "opd",
  household: "kelurahan",
  member: "kelurahan",
  freeMember: "kelurahan",
  headNik: "kelurahan",
  freeMemberNik: "kelurahan",
  changeRequest: "kelurahan",
  duplicate: "kelurahan",
  fund: "kelurahan",
  proposedLoan: "kelurahan",
  approvedLoan: "kelurahan",
  disbursedLoan: "kelurahan",
  // An aid hand-over may follow any OPD's training: the participant is the city's, not the OPD's.
  participantHousehold: "city",
  participantMember: "city",
  linkedParticipant: "city",
  kelurahan: "city",
  kecamatan: "city",
  opd: "city",
  user: "city",
  statistic: "city",
  target: "city",
} as const satisfies Record<RecordKind, "opd" | "kelurahan" | "city">;

export type Records = Record<RecordKind, string>;

/** The records of one city: own (OPD A, kelurahan A), another OPD's, another kelurahan's. */
export type ActionFixture = { year: number; own: Records; otherOpd: Records; otherKelurahan: Records };

let fixtures = 0;
let sipdCodes = 0;
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/** Builds the records on a city that already holds the people fixture. */
export async function createActionFixture(tx: Tx, city: TestTenant, people: PeopleFixture): Promise<ActionFixture> {
  const tenantId = city.id;
  const tag = uniqueSuffix();
  const { year } = people;
  // A NIK as the city issues it: the city's region digits, a woman's birth date (1 May 1985,
  // day + 40) and a serial number; a loan to a borrower named by NIK checks all three.
  // The city's code is made a valid region (province 99, city 11) first.
  const { kemendagriCode } = await tx.tenant.update({ where: { id: tenantId }, data: { kemendagriCode: `99.11.${tag}` } });
  // Each fixture its own kecamatan digits, so no two cities of a run share a NIK.
  fixtures += 1;
  const region = `${cityNikPrefix(kemendagriCode)}${String(11 + (fixtures % 89))}`;
  let serial = 0;
  const memberNik = () => {
    serial += 1;
    return `${region}410585${String(serial).padStart(4, "0")}`;
  };
  const nikOf = () => {
    serial += 1;
    return `5271${String(Date.now()).slice(-6)}${String(serial).padStart(6, "0")}`;
  };

  async function household(kelurahanId: string, label: string) {
    const h = await tx.household.create({
      data: { tenantId, noKk: nikOf(), address: `Jl. Aksi ${label} ${tag}`, kecamatanId: city.kecamatanId, kelurahanId, desil: 1, isExtremePoor: true },
    });
    const member = (relation: "HEAD" | "SPOUSE", name: string) =>
      tx.member.create({
        data: { tenantId, householdId: h.id, nik: memberNik(), name, sex: "FEMALE", birthDate: new Date("1985-05-01"), relation },
      });
    const head = await member("HEAD", `Kepala ${label} ${tag}`);
    const spouse = await member("SPOUSE", `Pasangan ${label} ${tag}`);
    return { id: h.id, head, spouse };
  }

  async function kelurahanSide(kelurahanId: string, label: string) {
    const home = await household(kelurahanId, label);
    const twin = await household(kelurahanId, `${label} kembar`);
    const changeRequest = await tx.changeRequest.create({
      data: { tenantId, householdId: home.id, kind: "ADDRESS", payload: { address: `Jl. Baru ${label}` }, proposedById: "fixture" },
    });
    const duplicate = await tx.duplicateCandidate.create({ data: { tenantId, kind: "SAME_ADDRESS_AND_HEAD", firstId: home.id, secondId: twin.id } });
    const fund = await tx.revolvingFund.create({
      data: { tenantId, kelurahanId, year, lpmName: `LPM ${label}`, maxLoan: 5_000_000n, maxTenorMonths: 12, serviceFeeBps: 100 },
    });
    await tx.revolvingFundCapital.create({ data: { tenantId, fundId: fund.id, amount: 50_000_000n, source: "APBD", receivedAt: day(`${year}-01-10`) } });
    const loan = (status: "PROPOSED" | "APPROVED") =>
      tx.loan.create({
        data: {
          tenantId,
          fundId: fund.id,
          borrowerNik: home.head.nik,
          borrowerName: home.head.name,
          memberId: home.head.id,
          householdId: home.id,
          businessType: "Warung",
          purpose: "Modal warung kelontong",
          principal: 1_000_000n,
          tenorMonths: 10,
          serviceFee: 10_000n,
          status,
          ...(status === "PROPOSED" ? {} : { approvedByName: "Lurah Uji", approvedById: "fixture", approvedAt: day(`${year}-02-01`) }),
        },
      });
    // Disbursed by the domain function itself, so the loan has its schedule of instalments.
    const disbursed = await loan("APPROVED");
    const officer = sessionUser(city, "KELURAHAN", { id: "fixture", kelurahanId }) as TenantSessionUser;
    await disburseLoan({ tx, tenantId, user: officer }, { loanId: disbursed.id, disbursedAt: `${year}-02-05` });
    return {
      household: home.id,
      member: home.head.id,
      freeMember: home.spouse.id,
      headNik: home.head.nik,
      freeMemberNik: home.spouse.nik,
      changeRequest: changeRequest.id,
      duplicate: duplicate.id,
      fund: fund.id,
      proposedLoan: (await loan("PROPOSED")).id,
      approvedLoan: (await loan("APPROVED")).id,
      disbursedLoan: disbursed.id,
    };
  }

  // Recipients and participants of both OPDs live in kelurahan A.
  const recipients = await household(city.kelurahanId, "Penerima aksi");

  async function opdSide(opdId: string, label: string) {
    // A sub-kegiatan code of its own in every fixture: another city's must not name this city's programme.
    sipdCodes += 1;
    const sipdCode = `1.06.04.2.01.${String(sipdCodes % 10_000).padStart(4, "0")}`;
    const programme = await tx.programme.create({
      data: { tenantId, opdId, fiscalYear: year, name: `Program aksi ${label} ${tag}`, kind: "EQUIPMENT_AID", sipdCode },
    });
    const emptyProgramme = await tx.programme.create({ data: { tenantId, opdId, fiscalYear: year, name: `Program kosong ${label} ${tag}`, kind: "OTHER" } });
    const budgetLine = await tx.budgetLine.create({
      data: {
        tenantId,
        programmeId: programme.id,
        fundingSource: "APBD",
        description: `Pos aksi ${label}`,
        pagu: 100_000_000n,
        accountCode: "5.1.02.01.01.0039",
      },
    });
    const emptyBudgetLine = await tx.budgetLine.create({
      data: { tenantId, programmeId: programme.id, fundingSource: "CSR", partnerName: "Mitra Uji", description: `Pos kosong ${label}`, pagu: 10_000_000n },
    });
    const realisation = (status: "DRAFT" | "VERIFIED", month: number) =>
      tx.budgetRealisation.create({ data: { tenantId, budgetLineId: budgetLine.id, month, amount: 1_000_000n, status } });
    const distribution = (status: "DRAFT" | "VERIFIED", items: string) =>
      tx.aidDistribution.create({
        data: {
          tenantId,
          programmeId: programme.id,
          opdId,
          budgetLineId: budgetLine.id,
          householdId: recipients.id,
          memberId: recipients.head.id,
          kind: "EQUIPMENT",
          items,
          value: 500_000n,
          distributedAt: day(`${year}-03-10`),
          status,
        },
      });
    const training = (status: "DRAFT" | "VERIFIED", skill: string) =>
      tx.training.create({
        data: {
          tenantId,
          programmeId: programme.id,
          opdId,
          skill,
          startDate: day(`${year}-04-01`),
          endDate: day(`${year}-04-03`),
          place: "Balai Aksi",
          capacity: 20,
          status,
        },
      });
    const draftTraining = await training("DRAFT", `Menjahit ${label}`);
    const verifiedTraining = await training("VERIFIED", `Membatik ${label}`);
    const participant = (status: "DRAFT" | "VERIFIED", memberId: string, completion: "ENROLLED" | "COMPLETED" = "ENROLLED", trainingId = verifiedTraining.id) =>
      tx.trainingParticipant.create({ data: { tenantId, trainingId, householdId: recipients.id, memberId, status, completion } });
    // Present on every day of the training: a pass needs most of them.
    const attendedEveryDay = (participantId: string) =>
      tx.trainingAttendance.createMany({
        data: ["01", "02", "03"].map((d) => ({ tenantId, participantId, date: day(`${year}-04-${d}`), present: true })),
      });
    const draftParticipant = await participant("DRAFT", recipients.head.id);
    const verifiedParticipant = await participant("VERIFIED", recipients.spouse.id);
    await attendedEveryDay(verifiedParticipant.id);
    const graduate = await household(city.kelurahanId, `Lulusan ${label}`);
    // A graduate of another class, so saving the attendance grid of verifiedTraining leaves no graduate's days behind.
    const graduatedTraining = await training("VERIFIED", `Bengkel ${label}`);
    const completed = await participant("VERIFIED", graduate.head.id, "COMPLETED", graduatedTraining.id);
    await attendedEveryDay(completed.id);
    // Drafts the head has sent back with a note, for the clerk's resubmission.
    const returned = { returnNote: "Periksa lagi", returnedAt: day(`${year}-04-20`) } as const;
    const returnedRealisation = await realisation("DRAFT", 6);
    await tx.budgetRealisation.update({ where: { tenantId_id: { tenantId, id: returnedRealisation.id } }, data: returned });
    const returnedDistribution = await distribution("DRAFT", `Etalase ${label}`);
    await tx.aidDistribution.update({ where: { tenantId_id: { tenantId, id: returnedDistribution.id } }, data: returned });
    const returnedTraining = await training("DRAFT", `Menganyam ${label}`);
    await tx.training.update({ where: { tenantId_id: { tenantId, id: returnedTraining.id } }, data: returned });
    const returnedParticipant = await tx.trainingParticipant.create({
      data: { tenantId, trainingId: verifiedTraining.id, householdId: graduate.id, memberId: graduate.spouse.id, ...returned },
    });
    const followUp = await tx.trainingFollowUp.create({ data: { tenantId, participantId: completed.id, monthsAfter: 3, dueDate: day(`${year}-07-03`) } });
    return {
      programme: programme.id,
      programmeName: programme.name,
      programmeSipdCode: sipdCode,
      budgetLineName: budgetLine.description,
      budgetLineAccountCode: "5.1.02.01.01.0039",
      emptyBudgetLine: emptyBudgetLine.id,
      emptyProgramme: emptyProgramme.id,
      budgetLine: budgetLine.id,
      draftRealisation: (await realisation("DRAFT", 4)).id,
      verifiedRealisation: (await realisation("VERIFIED", 5)).id,
      draftDistribution: (await distribution("DRAFT", `Mesin jahit ${label}`)).id,
      verifiedDistribution: (await distribution("VERIFIED", `Gerobak ${label}`)).id,
      draftTraining: draftTraining.id,
      verifiedTraining: verifiedTraining.id,
      draftParticipant: draftParticipant.id,
      returnedRealisation: returnedRealisation.id,
      returnedDistribution: returnedDistribution.id,
      returnedTraining: returnedTraining.id,
      returnedParticipant: returnedParticipant.id,
      verifiedParticipant: verifiedParticipant.id,
      followUp: followUp.id,
      participantHousehold: recipients.id,
      participantMember: recipients.spouse.id,
      linkedParticipant: verifiedParticipant.id,
    };
  }

  const opdA = await opdSide(people.opdA, "A");
  const opdB = await opdSide(people.opdB, "B");
  const kelurahanA = await kelurahanSide(city.kelurahanId, "A");
  const kelurahanB = await kelurahanSide(people.kelurahanB, "B");

  const user = await tx.user.create({
    data: { tenantId, email: `aksi-${tag}@contoh.test`, name: "Pengguna Aksi", passwordHash: "x", role: "BAPEDA" },
  });
  const statistic = await tx.povertyStatistic.create({ data: { tenantId, year: year - 1, poorPeople: 1000, source: "BPS" } });
  const target = await tx.target.create({ data: { tenantId, indicator: "POOR_PEOPLE", year: year + 1, value: 900 } });
  const city_ = {
    opd: people.opdA,
    user: user.id,
    statistic: statistic.id,
    target: target.id,
    kelurahan: city.kelurahanId,
    kecamatan: city.kecamatanId,
  };

  return {
    year,
    own: { ...opdA, ...kelurahanA, ...city_ },
    otherOpd: { ...opdB, ...kelurahanA, ...city_, opd: people.opdB },
    otherKelurahan: { ...opdA, ...kelurahanB, ...city_ },
  };
}
