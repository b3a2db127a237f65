// Every export of rows that a worker may build as a job (lib/spreadsheet/export-job.ts): each
// export route's spec (app/**/ekspor/route.ts) is listed here, or its large exports fail.
import { distributionExport } from "@/features/aid/export";
import { auditExport } from "@/features/audit/export";
import { unreachedExport } from "@/features/dashboards/poverty/unreached-export";
import { quarterlyAnnexExport } from "@/features/reports/quarterly/annex";
import { realisationExport } from "@/features/budget/realisation-export";
import { targetHouseholdsExport } from "@/features/programmes/target-households/export";
import { registryExport } from "@/features/registry/export/registry-export";
import { participantExport } from "@/features/trainings/participant-export";
import { exportJobKind } from "@/lib/spreadsheet/export-job";

export const exportSpecs = [
  distributionExport,
  realisationExport,
  participantExport,
  targetHouseholdsExport,
  registryExport,
  unreachedExport,
  quarterlyAnnexExport,
  auditExport,
] as const;

export const exportJob = exportJobKind(exportSpecs);
