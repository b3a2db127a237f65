import { getTranslations } from "next-intl/server";
import { Button, LinkButton } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import type { KecamatanChoice } from "@/features/areas/choices";
import type { TargetHouseholdsFilter } from "@/features/programmes/target-households/schema";

/** Kecamatan and kelurahan as a GET form; submitting starts from the first page. */
export async function TargetHouseholdsFilters({ path, filter, areas }: { path: string; filter: TargetHouseholdsFilter; areas: readonly KecamatanChoice[] }) {
  const t = await getTranslations("TargetHouseholds");
  return (
    <form method="get" action={path} aria-label={t("filters.label")} className="rounded-lg border border-line bg-white p-4 shadow-xs">
      <div className="grid grid-cols-1 items-end gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto]">
        <SelectField id="reach-kecamatan" name="kecamatan" label={t("filters.kecamatan")} defaultValue={filter.kecamatan ?? ""}>
          <option value="">{t("filters.allKecamatan")}</option>
          {areas.map((kecamatan) => (
            <option key={kecamatan.id} value={kecamatan.id}>
              {kecamatan.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="reach-kelurahan" name="kelurahan" label={t("filters.kelurahan")} defaultValue={filter.kelurahan ?? ""}>
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
        <div className="flex gap-2">
          <Button type="submit" className="min-h-11">
            {t("filters.apply")}
          </Button>
          {filter.kecamatan || filter.kelurahan ? (
            <LinkButton href={path} variant="secondary" className="min-h-11">
              {t("filters.reset")}
            </LinkButton>
          ) : null}
        </div>
      </div>
    </form>
  );
}
