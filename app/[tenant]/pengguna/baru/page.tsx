import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { UserForm } from "@/features/users/ui/user-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { withTenant } from "@/lib/db";
import { getScopeChoices } from "@/features/users/queries";
import { createUserAction } from "@/features/users/actions";
import { usersRoutes } from "@/features/users/routes";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Users");
  return { title: t("add") };
}

export default async function NewUserPage({ params }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "users");
  const [t, messages, choices] = await Promise.all([getTranslations("Users"), getMessages(), withTenant(user.tenantId, getScopeChoices)]);
  return (
    <>
      <Link href={usersRoutes.list(slug)} className="mb-3 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        {t("backToList")}
      </Link>
      <PageHeader eyebrow={t("eyebrow")} title={t("add")} description={t("description")} />
      <Card className="max-w-3xl p-5 sm:p-6">
        <NextIntlClientProvider messages={{ Users: messages.Users }}>
          <UserForm mode="create" action={createUserAction.bind(null, slug)} choices={choices} tenantSlug={slug} passwordMinLength={PASSWORD_MIN_LENGTH} />
        </NextIntlClientProvider>
      </Card>
    </>
  );
}
