// The programme select of every list filter (aid, trainings, dashboards) is capped: a city of
// 1,000 programmes must not send 1,000 options with each page.
import { describe, expect, it } from "vitest";
import { cappedProgrammeChoices, PROGRAMME_CHOICES_LIMIT } from "@/lib/paging/capped-choices";

const programmes = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${String(i).padStart(4, "0")}` }));

function finder(rows: { id: string }[]) {
  const asked: { take: number; id?: string }[] = [];
  const find = async ({ take, id }: { take: number; id?: string }) => {
    asked.push({ take, id });
    return rows.filter((row) => !id || row.id === id).slice(0, take);
  };
  return { find, asked };
}

describe("cappedProgrammeChoices", () => {
  it("lists every programme up to the limit, reading one more only to know", async () => {
    const { find, asked } = finder(programmes(PROGRAMME_CHOICES_LIMIT));
    expect(await cappedProgrammeChoices(find, { opdChosen: false })).toEqual({ choices: programmes(PROGRAMME_CHOICES_LIMIT) });
    expect(asked).toEqual([{ take: PROGRAMME_CHOICES_LIMIT + 1, id: undefined }]);
  });

  it("without an OPD, offers none past the limit but the selected one", async () => {
    const { find } = finder(programmes(1000));
    expect(await cappedProgrammeChoices(find, { opdChosen: false })).toEqual({ choices: [], cut: "chooseOpd" });
    expect(await cappedProgrammeChoices(find, { opdChosen: false, selectedId: "p0777" })).toEqual({ choices: [{ id: "p0777" }], cut: "chooseOpd" });
  });

  it("with an OPD over the limit, offers its first ones and keeps the selected one", async () => {
    const { find } = finder(programmes(400));
    const first = await cappedProgrammeChoices(find, { opdChosen: true });
    expect(first.cut).toBe("opdFirst");
    expect(first.choices).toHaveLength(PROGRAMME_CHOICES_LIMIT);
    const kept = await cappedProgrammeChoices(find, { opdChosen: true, selectedId: "p0399" });
    expect(kept.choices.at(-1)).toEqual({ id: "p0399" });
    expect(kept.choices).toHaveLength(PROGRAMME_CHOICES_LIMIT + 1);
  });

  it("drops a selected id that is not among the filter's programmes", async () => {
    const { find } = finder(programmes(1000));
    expect(await cappedProgrammeChoices(find, { opdChosen: false, selectedId: "elsewhere" })).toEqual({ choices: [], cut: "chooseOpd" });
  });
});
