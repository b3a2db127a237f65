"use client";

import { useRouter } from "next/navigation";
import { ActionButton } from "@/components/ui/action-button";
import type { FormAction } from "@/components/ui/use-action-form";
import { programmesRoutes } from "@/features/programmes/routes";

type Result = { programmeId: string };

/** Copies the programme and its lines into the next fiscal year, then opens the copy. */
export function CopyProgrammeButton({
  action,
  tenantSlug,
  programmeId,
  label,
  pendingLabel,
  confirm,
}: {
  action: FormAction<Result>;
  tenantSlug: string;
  programmeId: string;
  label: string;
  pendingLabel: string;
  confirm: string;
}) {
  const router = useRouter();
  return (
    <ActionButton<Result>
      action={async (previous, data) => {
        const result = await action(previous, data);
        if (result.ok) router.push(programmesRoutes.detail(tenantSlug, result.data.programmeId));
        return result;
      }}
      fields={{ programmeId }}
      confirm={confirm}
      pendingLabel={pendingLabel}
    >
      {label}
    </ActionButton>
  );
}
