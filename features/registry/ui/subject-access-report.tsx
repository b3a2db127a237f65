import { SheetTableScroll } from "@/components/ui/sheet-table-scroll";
import type { ReportTables } from "@/features/registry/subject-access/tables";

/** The access report's body on an A4 sheet: the household's facts, then every table (an empty one says so). */
export function SubjectAccessReportBody({ tables, none }: { tables: ReportTables; none: string }) {
  return (
    <>
      <dl className="mt-6 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-2">
        {tables.facts.map((fact) => (
          <div key={fact.label} className="flex gap-2 break-inside-avoid">
            <dt className="w-36 shrink-0 text-muted">{fact.label}</dt>
            <dd className="font-medium">{fact.value}</dd>
          </div>
        ))}
      </dl>
      {tables.tables.map((table) => (
        <section key={table.key} aria-labelledby={`sar-${table.key}`} className="mt-6">
          <h2 id={`sar-${table.key}`} className="mb-2 text-base font-semibold break-after-avoid">
            {table.title} <span className="font-normal text-muted">({table.rows.length})</span>
          </h2>
          {table.rows.length === 0 ? (
            <p className="text-muted">{none}</p>
          ) : (
            <SheetTableScroll labelledBy={`sar-${table.key}`}>
              <table className="w-full border-collapse text-xs">
                <thead>
                  <tr className="border-b border-line text-left">
                    {table.headers.map((header) => (
                      <th key={header} scope="col" className="px-1.5 py-1 align-bottom font-semibold">
                        {header}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((row, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the report is static
                    <tr key={i} className="break-inside-avoid border-b border-line/60 align-top">
                      {row.map((cell, j) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
                        <td key={j} className="px-1.5 py-1">
                          {cell}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </SheetTableScroll>
          )}
        </section>
      ))}
      {tables.truncatedNote ? <p className="mt-4 text-muted">{tables.truncatedNote}</p> : null}
    </>
  );
}
