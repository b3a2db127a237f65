"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, type FormEvent } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { FileField } from "@/components/ui/file-field";
import { SelectField } from "@/components/ui/select-field";
import { ImportProgress } from "./import-progress";
import { cancelImport, sendImport, type ImportStep } from "./send-import";
import { registryRoutes } from "@/features/registry/routes";

const SOURCES = ["DTSEN", "DTKS", "P3KE", "LOCAL"] as const;
const MAX_BYTES = 100 * 1024 * 1024;

/** Step 1: choose a file and a source, upload it for a dry run, then show its result. */
export function UploadForm({ tenantSlug }: { tenantSlug: string }) {
  const t = useTranslations("RegistryImport");
  const router = useRouter();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<ImportStep | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [taskId, setTaskId] = useState<string | null>(null);
  const busy = step !== null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    const source = String(data.get("source") ?? "DTSEN");
    setError(null);
    if (!(file instanceof File) || file.size === 0) return fail(t("upload.chooseFile"));
    if (!/\.(xlsx|csv|txt)$/i.test(file.name)) return fail(t("upload.wrongType"));
    if (file.size > MAX_BYTES) return fail(t("upload.tooLarge"));
    setStep({ phase: "upload", percent: 0 });
    const answer = await sendImport({ tenantSlug, file, source, mode: "dry-run", onStep: setStep, onTask: setTaskId });
    setStep(null);
    setTaskId(null);
    if (!answer.ok) return fail(answer.message ?? t("progress.network"));
    if (answer.status !== "DONE" && answer.error) setError(answer.error);
    router.replace(registryRoutes.import(tenantSlug, { job: answer.jobId }), { scroll: false });
    router.refresh();
  }

  function fail(message: string) {
    setError(message);
    inputRef.current?.focus();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-busy={busy || undefined}>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] md:items-start">
        <FileField
          ref={inputRef}
          id={`${id}-file`}
          name="file"
          required
          accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          label={t("upload.file")}
          hint={t("upload.fileHint")}
          hintBelow
          aria-invalid={error ? true : undefined}
          disabled={busy}
        />
        <SelectField id={`${id}-source`} name="source" label={t("upload.source")} defaultValue="DTSEN" disabled={busy}>
          {SOURCES.map((source) => (
            <option key={source} value={source}>
              {t(`upload.sources.${source}`)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" disabled={busy} className="md:mt-6">
          {busy ? t("upload.busy") : t("upload.submit")}
        </Button>
      </div>
      <div aria-live="polite">
        {step ? <ImportProgress step={step} onCancel={taskId ? () => cancelImport(tenantSlug, taskId) : undefined} /> : null}
        {error ? <FormAlert>{error}</FormAlert> : null}
      </div>
    </form>
  );
}
