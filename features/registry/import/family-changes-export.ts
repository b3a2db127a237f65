// Every family change a waiting check found, as .xlsx: the page lists the first hundred of each
// kind, the download all of them. Computed again from the rows the check kept, so it is there
// as long as the check can be saved. Numbers masked as on the page; headless families are
// refused rows, in the rejected-rows download.
import type { Tx } from "@/lib/db";
import type { FamilyRelation } from "@/lib/generated/prisma/enums";
import { addTextSheet, writeWorkbook } from "@/lib/spreadsheet/write";
import registry from "../../../messages/id/Registry.json" with { type: "json" };
import importMessages from "../../../messages/id/RegistryImport.json" with { type: "json" };
import { describeFamilyChanges, type FamilyChanges } from "./families";
import { restageAndCompare } from "./store";

/** All the family changes of a check still waiting to be saved, or null. */
export async function readFamilyChanges(tx: Tx, tenantId: string, jobId: string): Promise<{ fileName: string; families: FamilyChanges } | null> {
  if (!/^[a-z0-9]{10,40}$/i.test(jobId)) return null;
  const job = await tx.importJob.findUnique({ where: { tenantId_id: { tenantId, id: jobId } }, select: { kind: true, status: true, fileName: true } });
  if (!job || job.kind !== "REGISTRY" || job.status !== "DRY_RUN") return null;
  const staged = await restageAndCompare(tx, tenantId, jobId);
  if (!staged) return null;
  return { fileName: job.fileName, families: await describeFamilyChanges(tx, tenantId, staged.counts, [], new Map(), null) };
}

/** Rows written in all. */
export function familyChangeRows(families: FamilyChanges): number {
  return (
    families.moves.items.length +
    families.newHeads.items.length +
    families.renamed.items.length +
    families.classification.items.length +
    families.details.items.length
  );
}

const relation = (value: FamilyRelation | null) => (value ? registry.relation[value].toUpperCase() : "");
const flag = (value: boolean | null) => (value === null ? "" : value ? "YA" : "TIDAK");
const text = (value: number | string | null) => (value === null ? "" : String(value));

export function familyChangesWorkbook(families: FamilyChanges): ReadableStream<Uint8Array> {
  return writeWorkbook(async (workbook) => {
    const moves = addTextSheet(workbook, "Pindah No. KK", ["NIK", "NAMA", "DARI NO KK", "KE NO KK", "HUB KELUARGA BARU", "SEBELUMNYA KEPALA KELUARGA"]);
    for (const move of families.moves.items) {
      moves.addRow([move.nik, move.name, move.fromKk, move.toKk, relation(move.relation), move.wasHead ? "YA" : "TIDAK"]).commit();
    }
    moves.commit();
    const heads = addTextSheet(workbook, "Kepala baru", ["NO KK", "NIK KEPALA LAMA", "KEPALA LAMA", "NIK KEPALA BARU", "KEPALA BARU", "KEPALA LAMA MENJADI"]);
    for (const head of families.newHeads.items) {
      const becomes = head.oldHeadMovesTo ? `PINDAH KE NO KK ${head.oldHeadMovesTo}` : relation(head.oldHeadBecomes);
      heads.addRow([head.noKk, text(head.oldHeadNik), text(head.oldHeadName), head.newHeadNik, head.newHeadName, becomes]).commit();
    }
    heads.commit();
    const names = addTextSheet(workbook, "Nama berubah", ["NIK", "NO KK", "NAMA DI REGISTRI", "NAMA DI BERKAS"]);
    for (const change of families.renamed.items) names.addRow([change.nik, change.noKk, change.from, change.to]).commit();
    names.commit();
    const classes = addTextSheet(workbook, "Desil", ["NO KK", "DESIL LAMA", "DESIL BARU", "MISKIN EKSTREM LAMA", "MISKIN EKSTREM BARU"]);
    for (const change of families.classification.items) {
      classes.addRow([change.noKk, text(change.fromDesil), text(change.toDesil), flag(change.fromExtreme), flag(change.toExtreme)]).commit();
    }
    classes.commit();
    const details = addTextSheet(workbook, "Data lain", ["NIK", "NAMA", "NO KK", "YANG BERUBAH"]);
    for (const change of families.details.items) {
      details
        .addRow([
          text(change.nik),
          change.name ?? "(DATA KELUARGA)",
          change.noKk,
          change.fields.map((field) => importMessages.result.families.detailFields[field].toUpperCase()).join(", "),
        ])
        .commit();
    }
    details.commit();
  });
}
