import { getTranslations } from "next-intl/server";
import { Field } from "@/components/ui/field";
import { Button, LinkButton } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { HouseholdStatus } from "@/lib/generated/prisma/enums";
import { NO_NUMBER_PATTERN, ORDERS, type RegistryFilter } from "@/features/registry/search/schema";

export type AreaChoices = { id: string; name: string; kelurahan: { id: string; name: string }[] }[];

/**
 * The search as a plain GET form: the URL holds it (shareable, the back button works, no
 * JavaScript needed). Submitting starts again from the first page. Since the URL holds it,
 * the text box takes names only: the browser refuses a number before it reaches the URL
 * (NO_NUMBER_PATTERN), and the server searches none (readTextQuery).
 */
export async function RegistryFilters({
  path,
  filter,
  areas,
  fixedKelurahan,
}: {
  path: string;
  filter: RegistryFilter;
  areas: AreaChoices;
  /** A kelurahan officer's own kelurahan: shown, not chosen. */
  fixedKelurahan: string | null;
}) {
  const t = await getTranslations("Registry");
  const active = Boolean(filter.q || filter.kecamatan || filter.kelurahan || filter.desil || filter.extreme || filter.status);
  return (
    <form method="get" action={path} role="search" aria-label={t("filters.label")} className="rounded-lg border border-line bg-white p-4 shadow-xs">
      <div className="grid grid-cols-1 items-end gap-3 md:grid-cols-[minmax(0,3fr)_minmax(0,1fr)_auto]">
        <Field
          id="registry-q"
          name="q"
          type="search"
          label={t("filters.q")}
          hint={t("filters.qHint")}
          defaultValue={filter.q ?? ""}
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          pattern={NO_NUMBER_PATTERN}
          title={t("filters.qNoNumber")}
        />
        <SelectField id="registry-match" name="match" label={t("filters.match")} defaultValue={filter.match ?? "prefix"}>
          <option value="prefix">{t("filters.matchPrefix")}</option>
          <option value="contains">{t("filters.matchContains")}</option>
        </SelectField>
        <div className="flex gap-2">
          <Button type="submit" className="min-h-11">
            {t("filters.apply")}
          </Button>
          {active ? (
            <LinkButton href={path} variant="secondary" className="min-h-11">
              {t("filters.reset")}
            </LinkButton>
          ) : null}
        </div>
      </div>
      <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-6">
        {fixedKelurahan ? (
          <div className="sm:col-span-2">
            <p className="text-sm font-medium text-ink">{t("filters.kelurahan")}</p>
            <p className="mt-1 flex min-h-11 items-center text-base">{fixedKelurahan}</p>
          </div>
        ) : (
          <>
            <SelectField id="registry-kecamatan" name="kecamatan" label={t("filters.kecamatan")} defaultValue={filter.kecamatan ?? ""}>
              <option value="">{t("filters.allKecamatan")}</option>
              {areas.map((kecamatan) => (
                <option key={kecamatan.id} value={kecamatan.id}>
                  {kecamatan.name}
                </option>
              ))}
            </SelectField>
            <SelectField id="registry-kelurahan" name="kelurahan" label={t("filters.kelurahan")} defaultValue={filter.kelurahan ?? ""}>
              <option value="">{t("filters.allKelurahan")}</option>
              {areas.map((kecamatan) => (
                <optgroup key={kecamatan.id} label={kecamatan.name}>
                  {kecamatan.kelurahan.map((kelurahan) => (
                    <option key={kelurahan.id} value={kelurahan.id}>
                      {kelurahan.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </SelectField>
          </>
        )}
        <SelectField id="registry-desil" name="desil" label={t("filters.desil")} defaultValue={filter.desil?.toString() ?? ""}>
          <option value="">{t("filters.allDesil")}</option>
          {Array.from({ length: 10 }, (_, i) => i + 1).map((desil) => (
            <option key={desil} value={desil}>
              {t("desilValue", { desil })}
            </option>
          ))}
        </SelectField>
        <SelectField id="registry-extreme" name="extreme" label={t("filters.extreme")} defaultValue={filter.extreme ?? ""}>
          <option value="">{t("filters.allExtreme")}</option>
          <option value="1">{t("filters.extremeYes")}</option>
          <option value="0">{t("filters.extremeNo")}</option>
        </SelectField>
        <SelectField id="registry-status" name="status" label={t("filters.status")} defaultValue={filter.status ?? ""}>
          <option value="">{t("filters.allStatus")}</option>
          {Object.values(HouseholdStatus).map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="registry-sort" name="sort" label={t("filters.sort")} defaultValue={filter.order}>
          {ORDERS.map((order) => (
            <option key={order} value={order}>
              {t(`filters.orders.${order}`)}
            </option>
          ))}
        </SelectField>
      </div>
    </form>
  );
}
