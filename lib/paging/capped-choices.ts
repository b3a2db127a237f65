// A filter's select of programmes, capped. A city of 1,000 programmes would otherwise send
// 1,000 options with every page that filters by programme (twice: the HTML and the React
// payload: 270 kB on the aid list), and no one picks from such a list. Beyond the cap the choice
// cascades from the OPD: the plain GET form asks to choose an OPD and apply first.

/** The most programmes a filter's select lists. */
export const PROGRAMME_CHOICES_LIMIT = 150;

/**
 * Why the choices are not every programme of the year (and OPD): "chooseOpd", the year has too
 * many, so without an OPD only the selected programme (if any) is offered; "opdFirst", the
 * chosen OPD alone has too many, so its first ones (in the reader's order) are.
 */
export type ProgrammeChoicesCut = "chooseOpd" | "opdFirst";

export type CappedChoices<Choice> = { choices: Choice[]; cut?: ProgrammeChoicesCut };

/**
 * The programmes `find` gives, up to PROGRAMME_CHOICES_LIMIT: one row past the limit tells there
 * are more, without loading or counting them all. The selected programme stays offered, so the
 * select keeps it and the page names it. `find({ take, id })` reads the filter's programmes in
 * the select's order, or the one of that id among them.
 */
export async function cappedProgrammeChoices<Choice extends { id: string }>(
  find: (options: { take: number; id?: string }) => Promise<Choice[]>,
  { opdChosen, selectedId }: { opdChosen: boolean; selectedId?: string | null },
): Promise<CappedChoices<Choice>> {
  const rows = await find({ take: PROGRAMME_CHOICES_LIMIT + 1 });
  if (rows.length <= PROGRAMME_CHOICES_LIMIT) return { choices: rows };
  const cut: ProgrammeChoicesCut = opdChosen ? "opdFirst" : "chooseOpd";
  const shown = cut === "opdFirst" ? rows.slice(0, PROGRAMME_CHOICES_LIMIT) : [];
  if (selectedId && !shown.some((row) => row.id === selectedId)) {
    const [selected] = await find({ take: 1, id: selectedId });
    if (selected) shown.push(selected);
  }
  return { choices: shown, cut };
}
