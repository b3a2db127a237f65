// "Ekspor .xlsx · .csv" links to an export route (lib/spreadsheet/routes.ts). `query` keeps
// the page's filters, e.g. "tahun=2026&opd=…". A large export is prepared by a job: the links'
// script follows it here, on the page that asked, until its file can be downloaded.
import { NextIntlClientProvider, useMessages } from "next-intl";
import { ExportButtons } from "./export-buttons";

export function ExportLinks({ href, query }: { href: string; query?: string }) {
  const { export: xlsx, exportCsv, exportJob } = useMessages().Spreadsheet;
  return (
    <NextIntlClientProvider messages={{ Spreadsheet: { export: xlsx, exportCsv, exportJob } }}>
      <ExportButtons href={href} query={query} />
    </NextIntlClientProvider>
  );
}
