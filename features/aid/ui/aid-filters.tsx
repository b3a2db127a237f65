import { getTranslations } from "next-intl/server";
import { Button, LinkButton } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { aidFilterQuery, type AidFilter } from "@/features/aid/filters";
import { KeptFilters, type KeptFilter } from "@/components/ui/kept-filters";
import { AID_KINDS } from "@/features/aid/schemas";
import { withQuery } from "@/lib/paths";

/** The list's filters as a GET form: year, OPD (city-wide readers), programme, kind, status. */
export async function AidFilters({
  path,
  filter,
  years,
  year,
  opds,
  opdId,
  programmes,
  programmesHint = null,
}: {
  path: string;
  filter: AidFilter;
  years: readonly number[];
  year: number;
  opds: readonly { id: string; shortName: string }[] | null;
  opdId: string | null;
  programmes: readonly { id: string; name: string; opd: { shortName: string } }[];
  /** Why the programme select does not list every programme (too many: choose an OPD first). */
  programmesHint?: string | null;
}) {
  const t = await getTranslations("Aid");
  const allYears = years.includes(year) ? years : [year, ...years];
  // A home task's narrowing (returned drafts, hand-overs without proof) has no field here: it is
  // kept through a change of year or OPD and shown as a chip that removes it.
  const without = (name: "kembali" | "bukti") =>
    withQuery(path, aidFilterQuery({ ...filter, after: undefined, [name]: undefined, tahun: year, opd: opds ? opdId : undefined }));
  const kept: KeptFilter[] = [
    ...(filter.kembali
      ? [
          {
            name: "kembali",
            value: filter.kembali,
            label: t(filter.kembali === "1" ? "filters.kept.returned" : "filters.kept.waiting"),
            removeHref: without("kembali"),
          },
        ]
      : []),
    ...(filter.bukti ? [{ name: "bukti", value: filter.bukti, label: t("filters.kept.withoutProof"), removeHref: without("bukti") }] : []),
  ];
  const active = Boolean(filter.program || filter.jenis || filter.status || filter.kembali || filter.bukti);
  return (
    <form method="get" action={path} aria-label={t("filters.label")} className="rounded-lg border border-line bg-white p-4 shadow-xs">
      <div className="grid grid-cols-1 items-end gap-3 sm:grid-cols-2 lg:grid-cols-[8rem_repeat(4,minmax(0,1fr))_auto]">
        <SelectField id="aid-year" name="tahun" label={t("filters.year")} defaultValue={String(year)}>
          {allYears.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        {opds ? (
          <SelectField id="aid-opd" name="opd" label={t("filters.opd")} defaultValue={opdId ?? ""}>
            <option value="">{t("filters.allOpds")}</option>
            {opds.map((opd) => (
              <option key={opd.id} value={opd.id}>
                {opd.shortName}
              </option>
            ))}
          </SelectField>
        ) : null}
        <SelectField
          id="aid-programme"
          name="program"
          label={t("filters.programme")}
          defaultValue={filter.program ?? ""}
          aria-describedby={programmesHint ? "aid-programme-hint" : undefined}
        >
          <option value="">{t("filters.allProgrammes")}</option>
          {programmes.map((programme) => (
            <option key={programme.id} value={programme.id}>
              {opds ? `${programme.opd.shortName}: ` : ""}
              {programme.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="aid-kind" name="jenis" label={t("filters.kind")} defaultValue={filter.jenis ?? ""}>
          <option value="">{t("filters.allKinds")}</option>
          {AID_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="aid-status" name="status" label={t("filters.status")} defaultValue={filter.status ?? ""}>
          <option value="">{t("filters.allStatuses")}</option>
          <option value="DRAFT">{t("status.DRAFT")}</option>
          <option value="VERIFIED">{t("status.VERIFIED")}</option>
        </SelectField>
        <div className="flex gap-2">
          <Button type="submit" className="min-h-11">
            {t("filters.apply")}
          </Button>
          {active ? (
            <LinkButton href={withQuery(path, { tahun: year })} variant="secondary" className="min-h-11">
              {t("filters.reset")}
            </LinkButton>
          ) : null}
        </div>
      </div>
      {programmesHint ? (
        // Under the whole row, not under the select, so the selects and the button stay aligned.
        <p id="aid-programme-hint" className="mt-2 text-sm text-muted">
          {programmesHint}
        </p>
      ) : null}
      {kept.length > 0 ? (
        <div className="mt-3 flex">
          <KeptFilters filters={kept} />
        </div>
      ) : null}
    </form>
  );
}
