"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { ImportProgress } from "./import-progress";
import { cancelImport, sendImport, type ImportStep } from "./send-import";
import { registryRoutes } from "@/features/registry/routes";

/**
 * Step 3: save a checked import. The server writes the rows its dry run kept; no file is sent
 * again. When the check found members moving between families or new heads (`confirmation`,
 * their counts as shown), the save waits for the importer's tick, and the server checks it too.
 */
export function CommitPanel({
  tenantSlug,
  jobId,
  rows,
  shown,
  confirmation,
}: {
  tenantSlug: string;
  jobId: string;
  rows: number;
  shown: string;
  confirmation: { moves: string; heads: string } | null;
}) {
  const t = useTranslations("RegistryImport");
  const router = useRouter();
  const [step, setStep] = useState<ImportStep | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [taskId, setTaskId] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);

  async function commit() {
    setError(null);
    setStep({ phase: "compare" });
    const answer = await sendImport({ tenantSlug, mode: "commit", jobId, confirmed: confirmation !== null && confirmed, onStep: setStep, onTask: setTaskId });
    setStep(null);
    setTaskId(null);
    if (!answer.ok) return setError(answer.message ?? t("progress.network"));
    // A cancelled or failed commit changed nothing: the page shows the check as it now stands.
    if (answer.status !== "DONE") setError(answer.error ?? t("progress.network"));
    router.replace(registryRoutes.import(tenantSlug, { job: answer.jobId }), { scroll: false });
    router.refresh();
  }

  return (
    <div className="space-y-3">
      <p className="text-sm text-muted">{t("result.commitIntro")}</p>
      {confirmation ? (
        <div className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3">
          <label className="flex items-start gap-2 text-sm text-ink">
            <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} className="mt-0.5 size-4 accent-brand-700" />
            <span>{t("result.families.confirm", confirmation)}</span>
          </label>
          <p className="pl-6 text-xs text-muted">{t("result.families.confirmHint")}</p>
        </div>
      ) : null}
      <Button type="button" onClick={commit} disabled={step !== null || (confirmation !== null && !confirmed)}>
        {step ? t("upload.busy") : t("result.commit", { count: rows, shown })}
      </Button>
      <div aria-live="polite">
        {step ? <ImportProgress step={step} onCancel={taskId ? () => cancelImport(tenantSlug, taskId) : undefined} /> : null}
        {error ? <FormAlert>{error}</FormAlert> : null}
      </div>
    </div>
  );
}
