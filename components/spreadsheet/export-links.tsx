// "Ekspor .xlsx · .csv" links to an export route (lib/spreadsheet/routes.ts). `query` keeps
// the page's filters, e.g. "tahun=2026&opd=…". A large export is prepared by a job: the links'
// script follows it here, on the page that asked, until its file can be downloaded.
import { NextIntlClientProvider, useMessages } from "next-intl";
import { ExportButtons, type ExportButtonsProps } from "./export-buttons";

export function ExportLinks(props: ExportButtonsProps) {
  const { export: xlsx, exportCsv, exportJob } = useMessages().Spreadsheet;
  return (
    <NextIntlClientProvider messages={{ Spreadsheet: { export: xlsx, exportCsv, exportJob } }}>
      <ExportButtons {...props} />
    </NextIntlClientProvider>
  );
}
