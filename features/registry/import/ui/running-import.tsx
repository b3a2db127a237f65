"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { registryRoutes } from "@/features/registry/routes";
import { ImportProgress } from "./import-progress";
import { cancelImport, followImport, type ImportStep } from "./send-import";

/**
 * A check or commit of the city that was waiting or running when the page was opened (after a
 * reload, or by a colleague): its progress and cancel button, until it ends and its result shows.
 */
export function RunningImport({
  tenantSlug,
  taskId,
  step: initial,
  kind,
  fileName,
}: {
  tenantSlug: string;
  taskId: string;
  step: ImportStep;
  kind: "check" | "commit";
  fileName: string | null;
}) {
  const t = useTranslations("RegistryImport");
  const router = useRouter();
  const [step, setStep] = useState<ImportStep | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const network = t("progress.network");

  useEffect(() => {
    const stop = new AbortController();
    void followImport(tenantSlug, taskId, setStep, stop.signal).then((answer) => {
      if (!answer) return;
      setStep(null);
      if (!answer.ok) return setError(answer.message ?? network);
      if (answer.status !== "DONE" && answer.error) setError(answer.error);
      router.replace(registryRoutes.import(tenantSlug, { job: answer.jobId }), { scroll: false });
      router.refresh();
    });
    return () => stop.abort();
  }, [tenantSlug, taskId, router, network]);

  return (
    <div className="space-y-3">
      <p className="text-sm text-muted">{kind === "check" ? t("running.check", { file: fileName ?? "–" }) : t("running.commit")}</p>
      <div aria-live="polite">
        {step ? <ImportProgress step={step} onCancel={() => cancelImport(tenantSlug, taskId)} /> : null}
        {error ? <FormAlert>{error}</FormAlert> : null}
      </div>
    </div>
  );
}
