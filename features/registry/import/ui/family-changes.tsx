import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button";
import { Cell, HeaderCell, Row, Table, TableBody, TableHead } from "@/components/ui/table";
import type { FamilyChanges, Listed } from "@/features/registry/import/families";

type Kind = keyof FamilyChanges;
const KINDS: Kind[] = ["headless", "moves", "newHeads", "renamed", "classification", "details"];
type Column =
  | "nik"
  | "name"
  | "noKk"
  | "fromKk"
  | "toKk"
  | "relation"
  | "oldHead"
  | "newHead"
  | "oldHeadBecomes"
  | "from"
  | "to"
  | "desil"
  | "extreme"
  | "reason"
  | "rows"
  | "fields";

/**
 * What the check found family by family, grouped by kind of change; numbers arrive masked.
 * `downloadHref`: every change as .xlsx, while the check waits to be saved.
 */
export async function FamilyChangesList({
  families,
  number,
  downloadHref,
}: {
  families: FamilyChanges;
  number: (value: number) => string;
  downloadHref: string | null;
}) {
  const [t, relations] = await Promise.all([getTranslations("RegistryImport.result.families"), getTranslations("Registry.relation")]);
  const kinds = KINDS.filter((kind) => families[kind].total > 0);
  const flag = (value: boolean | null) => (value === null ? t("notStated") : value ? t("yes") : t("no"));
  const columns = (keys: Column[]) => (
    <TableHead>
      <tr>
        {keys.map((key) => (
          <HeaderCell key={key} numeric={key === "rows"}>
            {t(`columns.${key}`)}
          </HeaderCell>
        ))}
      </tr>
    </TableHead>
  );
  const mono = (value: string | null) => <span className="font-mono text-xs whitespace-nowrap">{value ?? t("noOldHead")}</span>;

  const tables: Record<Kind, () => ReactNode> = {
    moves: () => (
      <>
        {columns(["nik", "name", "fromKk", "toKk", "relation"])}
        <TableBody>
          {families.moves.items.map((move) => (
            <Row key={move.nik + move.toKk}>
              <Cell>{mono(move.nik)}</Cell>
              <Cell>
                {move.name} {move.wasHead ? <Badge tone="muted">{t("wasHead")}</Badge> : null}
              </Cell>
              <Cell>{mono(move.fromKk)}</Cell>
              <Cell>{mono(move.toKk)}</Cell>
              <Cell>{relations(move.relation)}</Cell>
            </Row>
          ))}
        </TableBody>
      </>
    ),
    newHeads: () => (
      <>
        {columns(["noKk", "oldHead", "newHead", "oldHeadBecomes"])}
        <TableBody>
          {families.newHeads.items.map((change) => (
            <Row key={change.noKk + change.newHeadNik + (change.oldHeadNik ?? "")}>
              <Cell>{mono(change.noKk)}</Cell>
              <Cell>
                {change.oldHeadName ?? ""} {mono(change.oldHeadNik)}
              </Cell>
              <Cell>
                {change.newHeadName} {mono(change.newHeadNik)}
              </Cell>
              <Cell>
                {change.oldHeadMovesTo
                  ? t("movesTo", { noKk: change.oldHeadMovesTo })
                  : change.oldHeadBecomes
                    ? relations(change.oldHeadBecomes)
                    : t("notStated")}
              </Cell>
            </Row>
          ))}
        </TableBody>
      </>
    ),
    renamed: () => (
      <>
        {columns(["nik", "noKk", "from", "to"])}
        <TableBody>
          {families.renamed.items.map((change) => (
            <Row key={change.nik}>
              <Cell>{mono(change.nik)}</Cell>
              <Cell>{mono(change.noKk)}</Cell>
              <Cell>{change.from}</Cell>
              <Cell>{change.to}</Cell>
            </Row>
          ))}
        </TableBody>
      </>
    ),
    classification: () => (
      <>
        {columns(["noKk", "desil", "extreme"])}
        <TableBody>
          {families.classification.items.map((change) => (
            <Row key={change.noKk}>
              <Cell>{mono(change.noKk)}</Cell>
              <Cell>{`${change.fromDesil ?? t("notStated")} → ${change.toDesil ?? t("notStated")}`}</Cell>
              <Cell>{`${flag(change.fromExtreme)} → ${flag(change.toExtreme)}`}</Cell>
            </Row>
          ))}
        </TableBody>
      </>
    ),
    details: () => (
      <>
        {columns(["nik", "name", "noKk", "fields"])}
        <TableBody>
          {families.details.items.map((change) => (
            <Row key={(change.nik ?? "") + change.noKk + change.fields.join()}>
              <Cell>{change.nik ? mono(change.nik) : null}</Cell>
              <Cell>{change.name ?? t("wholeFamily")}</Cell>
              <Cell>{mono(change.noKk)}</Cell>
              <Cell>{change.fields.map((field) => t(`detailFields.${field}`)).join(", ")}</Cell>
            </Row>
          ))}
        </TableBody>
      </>
    ),
    headless: () => (
      <>
        {columns(["noKk", "reason", "rows"])}
        <TableBody>
          {families.headless.items.map((family) => (
            <Row key={family.noKk}>
              <Cell>{mono(family.noKk)}</Cell>
              <Cell className="min-w-80 text-red-900">
                {family.reason === "headMovesOut" ? t("reasons.headMovesOut", { noKk: family.otherKk ?? "" }) : t("reasons.noHead")}
              </Cell>
              <Cell numeric>{number(family.rows)}</Cell>
            </Row>
          ))}
        </TableBody>
      </>
    ),
  };

  return (
    <section aria-labelledby="import-families" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h3 id="import-families" className="font-semibold text-ink">
            {t("title")}
          </h3>
          <p className="text-sm text-muted">{kinds.length > 0 ? t("intro") : t("none")}</p>
        </div>
        {downloadHref && kinds.some((kind) => kind !== "headless") ? (
          <a href={downloadHref} className={buttonClassName("secondary")} download>
            {t("download")}
          </a>
        ) : null}
      </div>
      {kinds.map((kind) => (
        <details key={kind} open={kind !== "classification" && kind !== "details"} className="rounded-md border border-line">
          <summary className="cursor-pointer px-3 py-2 font-medium text-ink">
            {t(`kinds.${kind}`)} ({number(families[kind].total)})
          </summary>
          <div className="max-h-96 overflow-y-auto border-t border-line">
            <Table label={t(`kinds.${kind}`)}>{tables[kind]()}</Table>
          </div>
          <More listed={families[kind]} label={(count) => t("more", { count: number(count) })} />
          {kind === "renamed" ? <p className="px-3 pb-2 text-xs text-muted">{t("caseNote")}</p> : null}
        </details>
      ))}
    </section>
  );
}

function More({ listed, label }: { listed: Listed<unknown>; label: (count: number) => string }) {
  const rest = listed.total - listed.items.length;
  return rest > 0 ? <p className="px-3 py-2 text-sm text-muted">{label(rest)}</p> : null;
}
