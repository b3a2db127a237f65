import { getTranslations } from "next-intl/server";
import { DateField } from "@/components/ui/date-field";
import { Button, LinkButton } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { AUDIT_ACTIONS, AUDIT_ENTITIES, type AuditFilter } from "@/features/audit/queries";
import { actionLabel, entityLabel } from "./audit-labels";

/**
 * The filters as a plain GET form: the URL holds them (shareable, back button works) and
 * it needs no JavaScript. Submitting starts again from the newest entry.
 */
export async function AuditFilters({ path, filter, users }: { path: string; filter: AuditFilter; users: { id: string; name: string; email: string }[] }) {
  const t = await getTranslations("Audit");
  const labelOfAction = await actionLabel();
  const labelOfEntity = await entityLabel();
  const entities = [...AUDIT_ENTITIES].sort((a, b) => labelOfEntity(a).localeCompare(labelOfEntity(b)));
  const active = Boolean(filter.user || filter.entity || filter.action || filter.from || filter.to);

  return (
    <form method="get" action={path} aria-label={t("filters.label")} className="rounded-lg border border-line bg-white p-4 shadow-xs">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(3,minmax(0,1fr))_10rem_10rem]">
        <SelectField id="audit-user" name="user" label={t("filters.user")} defaultValue={filter.user ?? ""}>
          <option value="">{t("filters.allUsers")}</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name} ({user.email})
            </option>
          ))}
        </SelectField>
        <SelectField id="audit-entity" name="entity" label={t("filters.entity")} defaultValue={filter.entity ?? ""}>
          <option value="">{t("filters.allEntities")}</option>
          {entities.map((entity) => (
            <option key={entity} value={entity}>
              {labelOfEntity(entity)}
            </option>
          ))}
        </SelectField>
        <SelectField id="audit-action" name="action" label={t("filters.action")} defaultValue={filter.action ?? ""}>
          <option value="">{t("filters.allActions")}</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {labelOfAction(action)}
            </option>
          ))}
        </SelectField>
        <DateField id="audit-from" name="from" label={t("filters.from")} defaultValue={filter.from ?? ""} />
        <DateField id="audit-to" name="to" label={t("filters.to")} defaultValue={filter.to ?? ""} />
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button type="submit">{t("filters.apply")}</Button>
        {active ? (
          <LinkButton href={path} variant="secondary">
            {t("filters.reset")}
          </LinkButton>
        ) : null}
      </div>
    </form>
  );
}
