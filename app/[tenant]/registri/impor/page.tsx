import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { ImportResult } from "@/features/registry/import/ui/import-result";
import { RecentImports } from "@/features/registry/import/ui/recent-imports";
import { RunningImport } from "@/features/registry/import/ui/running-import";
import { importStep } from "@/features/registry/import/ui/send-import";
import { UploadForm } from "@/features/registry/import/ui/upload-form";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { withTenant } from "@/lib/db";
import { getRegistryImport, getRunningRegistryImport, listRegistryImports } from "@/features/registry/import/queries";
import { tenantTimeZone } from "@/lib/tenant/time-zone";
import { registryRoutes, WAITING_IMPORTS } from "@/features/registry/routes";
import { readSearchParams } from "@/lib/validation/search-params";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The imports waiting to be saved, all of them in practice: a city checks a few files a month. */
const WAITING_PAGE = 200;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("RegistryImport");
  return { title: t("title") };
}

export default async function RegistryImportPage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "registryImport");
  const query = readSearchParams(await searchParams);
  const jobParam = query.job;
  const jobId = typeof jobParam === "string" ? jobParam : undefined;
  const waitingOnly = query.status === WAITING_IMPORTS.status;

  const locale = await getLocale();
  const [t, messages, { timeZone, jobs, job, running }] = await Promise.all([
    getTranslations("RegistryImport"),
    getMessages(),
    withTenant(user.tenantId, async (tx) => {
      const timeZone = await tenantTimeZone(tx, user.tenantId);
      const [jobs, job, running] = await Promise.all([
        listRegistryImports(tx, waitingOnly ? WAITING_PAGE : undefined, waitingOnly),
        jobId ? getRegistryImport(tx, user.tenantId, jobId, locale) : Promise.resolve(null),
        getRunningRegistryImport(tx, user.tenantId, locale),
      ]);
      return { timeZone, jobs, job, running };
    }),
  ]);
  const clientMessages = { RegistryImport: messages.RegistryImport };

  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={t("title")}
        description={t("description")}
        actions={
          <a href={registryRoutes.importTemplate(slug)} className={buttonClassName("secondary")} download>
            {t("template")}
          </a>
        }
      />
      {running ? (
        <Card className="mb-6">
          <CardHeader title={t("running.title")} />
          <div className="p-4 sm:p-5">
            <NextIntlClientProvider messages={clientMessages}>
              <RunningImport
                key={running.taskId}
                tenantSlug={slug}
                taskId={running.taskId}
                step={importStep(running.status)}
                kind={running.step}
                fileName={running.fileName}
              />
            </NextIntlClientProvider>
          </div>
        </Card>
      ) : null}
      <Card>
        <CardHeader title={t("upload.title")} description={t("formatHelp")} />
        <div className="p-4 sm:p-5">
          <NextIntlClientProvider messages={clientMessages}>
            <UploadForm tenantSlug={slug} />
          </NextIntlClientProvider>
        </div>
      </Card>
      {job ? <ImportResult job={job} tenantSlug={slug} timeZone={timeZone} messages={clientMessages} /> : null}
      <RecentImports jobs={jobs} tenantSlug={slug} timeZone={timeZone} current={job?.id} waitingOnly={waitingOnly} />
    </>
  );
}
