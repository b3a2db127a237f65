import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RoleFilter } from "@/features/users/ui/role-filter";
import { UsersTable } from "@/features/users/ui/users-table";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { withTenant } from "@/lib/db";
import { countUsersByRole, listUsers } from "@/features/users/queries";
import { parseRoleFilter } from "@/features/users/schemas";
import { tenantTimeZone } from "@/lib/tenant/time-zone";
import { NEVER_SIGNED_IN, usersRoutes } from "@/features/users/routes";
import { firstParam, readSearchParams } from "@/lib/validation/search-params";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Users");
  return { title: t("title") };
}

export default async function UsersPage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "users");
  const query = readSearchParams(await searchParams);
  const peran = firstParam(query.peran);
  const role = parseRoleFilter(peran);
  const neverSignedIn = firstParam(query.masuk) === NEVER_SIGNED_IN;

  const t = await getTranslations("Users");
  const [users, counts, timeZone] = await withTenant(user.tenantId, (tx) =>
    Promise.all([listUsers(tx, { role, neverSignedIn }), countUsersByRole(tx), tenantTimeZone(tx, user.tenantId)]),
  );

  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={t("title")}
        description={t("description")}
        actions={<LinkButton href={usersRoutes.create(slug)}>{t("add")}</LinkButton>}
      />
      <RoleFilter tenantSlug={slug} current={role} counts={counts} />
      {neverSignedIn ? (
        <p className="mb-3 text-sm text-muted">
          {t("neverSignedInOnly")}{" "}
          <Link href={usersRoutes.list(slug, { peran: role ?? undefined })} className="font-medium text-brand-700 underline underline-offset-2">
            {t("showAll")}
          </Link>
        </p>
      ) : null}
      <UsersTable users={users} tenantSlug={slug} timeZone={timeZone} currentUserId={user.id} />
    </>
  );
}
