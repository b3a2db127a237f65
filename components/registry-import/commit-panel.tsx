"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { useImportFile } from "./import-file-context";
import { ImportProgress } from "./import-progress";
import { sendImport, type ImportStep } from "./send-import";

/**
 * Step 3: save a checked import. The file is sent again (the server keeps no upload) and
 * must be the one checked; after a page reload the user picks it once more.
 */
export function CommitPanel({
  tenantSlug,
  path,
  jobId,
  fileName,
  source,
  rows,
}: {
  tenantSlug: string;
  path: string;
  jobId: string;
  fileName: string;
  source: string;
  rows: string;
}) {
  const t = useTranslations("RegistryImport");
  const router = useRouter();
  const id = useId();
  const checked = useImportFile();
  const [picked, setPicked] = useState<File | null>(null);
  const [step, setStep] = useState<ImportStep | null>(null);
  const [error, setError] = useState<string | null>(null);
  const file = picked ?? (checked.file?.name === fileName ? checked.file : null);

  async function commit() {
    if (!file) return;
    setError(null);
    setStep({ phase: "upload", percent: 0 });
    const answer = await sendImport({ tenantSlug, file, source, mode: "commit", jobId, onStep: setStep });
    setStep(null);
    if (!answer.ok) return setError(answer.message ?? t("progress.network"));
    router.replace(`${path}?job=${answer.jobId}`, { scroll: false });
    router.refresh();
  }

  return (
    <div className="space-y-3">
      <p className="text-sm text-muted">{t("result.commitIntro")}</p>
      {!file ? (
        <div>
          <label htmlFor={`${id}-again`} className="block text-sm font-medium text-ink">
            {t("result.chooseAgain", { file: fileName })}
          </label>
          <input
            id={`${id}-again`}
            type="file"
            accept=".xlsx,.csv"
            onChange={(event) => setPicked(event.currentTarget.files?.[0] ?? null)}
            className="mt-1 block min-h-11 w-full max-w-xl rounded-md border border-line bg-white px-3 py-2 text-sm shadow-xs"
          />
        </div>
      ) : null}
      <Button type="button" onClick={commit} disabled={!file || step !== null}>
        {step ? t("upload.busy") : t("result.commit", { count: rows })}
      </Button>
      <div aria-live="polite">
        {step ? <ImportProgress step={step} /> : null}
        {error ? <FormAlert>{error}</FormAlert> : null}
      </div>
    </div>
  );
}
