import { subjectAccessExportRoute } from "@/features/registry/subject-access/export-route";

export const dynamic = "force-dynamic";

/** A data subject's access report as .xlsx. */
export const GET = subjectAccessExportRoute;
