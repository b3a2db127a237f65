// A city with two OPDs and two kelurahan, each with named people in every list a route
// handler can return: aid recipients, training participants, households nobody reached yet
// ("sasaran"), a registry import's rejected row, and a budget entry. The permission matrix
// calls every route with the records of the caller's own OPD and kelurahan and with
// another's, and looks for these names and numbers in what comes back.
import type { Tx } from "@/lib/db";
import { maskNik } from "@/lib/identity/nik";
import { uniqueSuffix } from "./db";
import type { TestTenant } from "./factories";

/** What a route call names: its path parameters and its query, for one side of a cell. */
export type RecordRefs = { params: Record<string, string>; query: Record<string, string> };

export type PeopleFixture = {
  year: number;
  opdA: string;
  opdB: string;
  /** The caller's own kelurahan is the tenant's; this is the other one. */
  kelurahanB: string;
  /** Records of OPD A, in kelurahan A: what an OPD A or kelurahan A user asks for. */
  own: RecordRefs;
  /** Records of OPD B: another OPD's. */
  otherOpd: RecordRefs;
  /** The other kelurahan's households. */
  otherKelurahan: RecordRefs;
  /** Names, numbers and addresses of every person in the fixture (masked and full). */
  people: string[];
  /** People reached only through OPD B's records. */
  peopleOfOpdB: string[];
  /** People of kelurahan B. */
  peopleOfKelurahanB: string[];
  /** Words that appear only in OPD B's records (programme, training, aid, budget line). */
  opdBMarkers: string[];
  /** Words that appear only in OPD A's records. */
  opdAMarkers: string[];
};

let serial = 0;
const digits = (prefix: string) => {
  serial += 1;
  return `${prefix}${String(Date.now()).slice(-8)}${String(serial).padStart(4, "0")}`;
};

export async function createPeopleFixture(tx: Tx, city: TestTenant): Promise<PeopleFixture> {
  const tenantId = city.id;
  const tag = uniqueSuffix();
  const year = 2025;
  // Kemendagri-shaped codes: the registry import's template derives example numbers from them.
  await tx.area.update({ where: { tenantId_id: { tenantId, id: city.kecamatanId } }, data: { code: "99.99.01" } });
  await tx.area.update({ where: { tenantId_id: { tenantId, id: city.kelurahanId } }, data: { code: "99.99.01.1001" } });
  const kelurahanB = await tx.area.create({
    data: { tenantId, code: "99.99.01.1002", name: "Kelurahan Uji Dua", level: "KELURAHAN", parentId: city.kecamatanId },
  });

  const people: string[] = [];
  async function household(side: "A" | "B", label: string) {
    const noKk = digits("5271");
    const address = `Jl. Matriks ${label} ${tag}`;
    const h = await tx.household.create({
      data: {
        tenantId,
        noKk,
        address,
        kecamatanId: city.kecamatanId,
        kelurahanId: side === "A" ? city.kelurahanId : kelurahanB.id,
        desil: 1,
        isExtremePoor: true,
      },
    });
    const nik = digits("5271");
    const name = `Warga ${label} ${tag}`;
    const head = await tx.member.create({
      data: { tenantId, householdId: h.id, nik, name, sex: "FEMALE", birthDate: new Date("1980-05-01"), relation: "HEAD" },
    });
    const named = [name, address, noKk, maskNik(noKk), nik, maskNik(nik)];
    people.push(...named);
    return { id: h.id, headId: head.id, name, noKk, nik, named };
  }

  async function opdWorld(side: "A" | "B") {
    const opd = await tx.opd.create({ data: { tenantId, code: `9.${side}.${tag}`, name: `Dinas Uji ${side}`, shortName: `Uji${side}` } });
    const markers = [`Program ${side} ${tag}`, `Pelatihan ${side} ${tag}`, `Bantuan ${side} ${tag}`, `Pos ${side} ${tag}`, `Realisasi ${side} ${tag}`];
    const [programmeName, skill, items, line, note] = markers as [string, string, string, string, string];
    const programme = await tx.programme.create({ data: { tenantId, opdId: opd.id, fiscalYear: year, name: programmeName, kind: "EQUIPMENT_AID" } });
    const budgetLine = await tx.budgetLine.create({
      data: { tenantId, programmeId: programme.id, fundingSource: "APBD", description: line, pagu: 100_000_000n },
    });
    await tx.budgetRealisation.create({ data: { tenantId, budgetLineId: budgetLine.id, month: 3, amount: 5_000_000n, note } });
    const recipient = await household(side, `Penerima ${side}`);
    const verified = { status: "VERIFIED" as const, verifiedAt: new Date() };
    await tx.aidDistribution.create({
      data: {
        tenantId,
        programmeId: programme.id,
        opdId: opd.id,
        budgetLineId: budgetLine.id,
        householdId: recipient.id,
        memberId: recipient.headId,
        kind: "EQUIPMENT",
        items,
        value: 1_500_000n,
        distributedAt: new Date(`${year}-03-10`),
        ...verified,
      },
    });
    // A member whose BPJS cover, bought twice by this OPD, ends this month: on both lists of
    // the cover page, for this OPD's users only.
    const insured = await household(side, `Peserta BPJS ${side}`);
    const now = new Date();
    const thisMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    for (const proofRef of ["KW-1", "KW-2"]) {
      await tx.aidDistribution.create({
        data: {
          tenantId,
          programmeId: programme.id,
          opdId: opd.id,
          householdId: insured.id,
          memberId: insured.headId,
          kind: "INSURANCE_PREMIUM",
          items,
          value: 16_800n,
          distributedAt: new Date(`${year}-03-10`),
          proofRef,
          bpjsNumber: digits("1").slice(0, 11),
          coverageStart: thisMonth,
          monthsCovered: 1,
          premiumPerMonth: 16_800n,
          ...verified,
        },
      });
    }
    const training = await tx.training.create({
      data: {
        tenantId,
        programmeId: programme.id,
        opdId: opd.id,
        skill,
        startDate: new Date(`${year}-04-01`),
        endDate: new Date(`${year}-04-05`),
        place: "Balai Uji",
        capacity: 20,
        ...verified,
      },
    });
    const trainee = await household(side, `Peserta ${side}`);
    await tx.trainingParticipant.create({
      data: { tenantId, trainingId: training.id, householdId: trainee.id, memberId: trainee.headId, ...verified },
    });
    return {
      opdId: opd.id,
      markers,
      named: [...recipient.named, ...trainee.named, ...insured.named],
      refs: {
        params: { programmeId: programme.id } as Record<string, string>,
        query: { tahun: String(year), opd: opd.id, program: programme.id, pelatihan: training.id, pos: budgetLine.id },
      },
    };
  }

  const a = await opdWorld("A");
  const b = await opdWorld("B");
  // Nobody reached these two: they are on every programme's "sasaran" list.
  const unreachedA = await household("A", "Sasaran A");
  const unreachedB = await household("B", "Sasaran B");

  const job = await tx.importJob.create({
    data: {
      tenantId,
      kind: "REGISTRY",
      fileName: "dtsen.csv",
      rejectedRows: 1,
      report: {
        headers: ["NO KK", "NIK", "NAMA"],
        rejected: [{ rowNumber: 2, reasons: ["Tanggal lahir pada NIK tidak valid"], cells: [unreachedA.noKk, unreachedA.nik, unreachedA.name] }],
      },
    },
  });
  for (const refs of [a.refs, b.refs]) refs.params.jobId = job.id;

  return {
    year,
    opdA: a.opdId,
    opdB: b.opdId,
    kelurahanB: kelurahanB.id,
    own: a.refs,
    otherOpd: b.refs,
    otherKelurahan: { params: a.refs.params, query: { tahun: String(year), kecamatan: city.kecamatanId, kelurahan: kelurahanB.id } },
    people,
    peopleOfOpdB: b.named,
    peopleOfKelurahanB: [...b.named, ...unreachedB.named],
    opdBMarkers: b.markers,
    opdAMarkers: a.markers,
  };
}
