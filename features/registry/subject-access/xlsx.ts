// The access report as one .xlsx: a first sheet with the household's facts and when and by
// whom the report was made, then one sheet per table of the printable page.
import { addTextSheet, writeWorkbook } from "@/lib/spreadsheet/write";
import { neutraliseFormula } from "@/lib/spreadsheet/csv";
import type { ReportTables } from "./tables";

// Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ].
const sheetName = (title: string) => title.replace(/[:\\/?*[\]]/g, " ").slice(0, 31);

export function subjectAccessWorkbook(report: ReportTables, heading: { title: string; generated: string; householdTitle: string }): ReadableStream<Uint8Array> {
  return writeWorkbook(async (workbook) => {
    const first = addTextSheet(workbook, sheetName(heading.householdTitle), [heading.title, ""], [28, 60]);
    first.addRow([heading.generated, ""]).commit();
    for (const fact of report.facts) first.addRow([fact.label, neutraliseFormula(fact.value)]).commit();
    if (report.truncatedNote) first.addRow([report.truncatedNote, ""]).commit();
    first.commit();
    for (const table of report.tables) {
      const sheet = addTextSheet(workbook, sheetName(table.title), table.headers);
      for (const row of table.rows) sheet.addRow(row.map(neutraliseFormula)).commit();
      sheet.commit();
    }
  });
}
