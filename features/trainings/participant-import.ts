// Bulk entry of participants from .xlsx/.csv: each row names a training
// by its ID PELATIHAN (shown on the training page) and a person by NIK, and goes through
// addParticipant, so capacity, age, OPD scope and "once per training" are exactly those of
// the picker. NAMA, when given, must match the registry: a guard against a mistyped NIK.
// The NIKs are matched through matchImportedNumbers, which counts those that name no one
// against the uploader's lookup budget, so a file of guessed NIKs cannot confirm one.
import type { ActionContext } from "@/lib/actions/define";
import { notFound } from "@/lib/errors";
import { wordedError, wordsMessage } from "@/lib/errors/worded";
import { writerOpdId } from "@/lib/auth/scope";
import { matchImportedNumbers } from "@/lib/privacy/number-lookup";
import { maskNumber } from "@/lib/privacy/person-view";
import { cellCode, cellId, cellText, type CellResult } from "@/lib/spreadsheet/cells";
import type { ImportColumn } from "@/lib/spreadsheet/columns";
import { acceptRow, rejectRow, type RowValues } from "@/lib/spreadsheet/table-import";
import { defineTableImport } from "@/lib/spreadsheet/table-import-job";
import { trainingsRoutes } from "@/features/trainings/routes";
import { addParticipant } from "./participants";
import { REACH_SUMMARIES } from "@/lib/db/refresh-statistics";

export const PARTICIPANT_COLUMNS = [
  { key: "trainingId", header: "ID PELATIHAN", aliases: ["ID"], required: true, example: "" },
  { key: "nik", header: "NIK", aliases: ["NO NIK", "NOMOR INDUK KEPENDUDUKAN"], required: true, example: "5271014505900001" },
  { key: "name", header: "NAMA", aliases: ["NAMA PESERTA", "NAMA LENGKAP"], example: "Baiq Rahmawati" },
] as const satisfies readonly ImportColumn[];

type Key = (typeof PARTICIPANT_COLUMNS)[number]["key"];
export type ParticipantImportRow = { trainingId: string; nik: string; name: string | null };

export function parseParticipantRow(values: RowValues<Key>) {
  const reasons: string[] = [];
  const take = <T>(result: CellResult<T>): T | undefined => {
    if (result.ok) return result.value;
    reasons.push(result.reason);
    return undefined;
  };
  const trainingId = take(cellCode(values.trainingId, "ID PELATIHAN")) ?? "";
  const nikCell = cellId(values.nik, "NIK");
  const nik = take(nikCell) ?? "";
  const name = take(cellText(values.name, "NAMA")) || null;
  if (!trainingId && !reasons.length) reasons.push(wordsMessage("Trainings.input.rowTrainingRequired"));
  if (nikCell.ok && nik === "") reasons.push(wordsMessage("Trainings.input.rowNikRequired"));
  else if (nik && !/^\d{16}$/.test(nik)) reasons.push(wordsMessage("Trainings.input.rowNikFormat", { written: nik }));
  if (reasons.length > 0) return rejectRow(...reasons);
  return acceptRow<ParticipantImportRow>({ trainingId, nik, name });
}

const sameName = (a: string, b: string) => a.replace(/\s+/g, " ").trim().toLocaleLowerCase("id") === b.replace(/\s+/g, " ").trim().toLocaleLowerCase("id");

async function saveParticipantRow(ctx: ActionContext, row: ParticipantImportRow) {
  const member = await ctx.tx.member.findFirst({ where: { nik: row.nik }, select: { id: true, name: true } });
  if (!member) throw notFound(`NIK ${maskNumber(row.nik)} di registri`);
  // The registry's name is not shown: it would tell a stranger whose NIK this is.
  if (row.name && !sameName(row.name, member.name)) throw wordedError("INVALID", "Trainings.errors.nameMismatch");
  return addParticipant(ctx, { trainingId: row.trainingId, memberId: member.id });
}

export const importParticipantsDefinition = defineTableImport({
  name: "trainings.participants.import",
  permission: "entry:write",
  columns: PARTICIPANT_COLUMNS,
  parseRow: parseParticipantRow,
  // An account without an OPD is refused once, before any row.
  resolve: async (ctx, rows) => {
    writerOpdId(ctx.user);
    return matchImportedNumbers(ctx.tx, {
      viewer: ctx.user,
      tenantId: ctx.tenantId,
      requestId: ctx.requestId,
      purpose: "trainings.participants.import",
      rows: rows.map((row) => ({ rowNumber: row.rowNumber, number: row.value.nik, column: "NIK" })),
      known: async (niks) => new Set((await ctx.tx.member.findMany({ where: { nik: { in: niks } }, select: { nik: true } })).map((m) => m.nik)),
    });
  },
  saveRow: saveParticipantRow,
  writes: ["TrainingParticipant", "DashboardTrainingCount", ...REACH_SUMMARIES],
  taskRoute: trainingsRoutes.importTask,
});
