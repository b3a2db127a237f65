import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RoleFilter } from "@/features/users/ui/role-filter";
import { UsersTable } from "@/features/users/ui/users-table";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { withTenant } from "@/lib/db";
import { countUsersByRole, listUsers, lockedUserIds } from "@/features/users/queries";
import { unlockUserAction } from "@/features/users/actions";
import { parseRoleFilter } from "@/features/users/schemas";
import { tenantTimeZone } from "@/lib/tenant/time-zone";
import { LOCKED_ONLY, NEVER_SIGNED_IN, usersRoutes } from "@/features/users/routes";
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
  const lockedOnly = firstParam(query.terkunci) === LOCKED_ONLY.terkunci;
  const now = new Date();

  const t = await getTranslations("Users");
  const [users, counts, timeZone, locked] = await withTenant(user.tenantId, async (tx) => {
    const [users, counts, timeZone] = await Promise.all([
      listUsers(tx, { role, neverSignedIn, lockedAt: lockedOnly ? now : null }),
      countUsersByRole(tx),
      tenantTimeZone(tx, user.tenantId),
    ]);
    return [
      users,
      counts,
      timeZone,
      await lockedUserIds(
        tx,
        users.map((row) => row.id),
        now,
      ),
    ] as const;
  });

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
      {lockedOnly ? (
        <p className="mb-3 text-sm text-muted">
          {t("lockedOnly")}{" "}
          <Link href={usersRoutes.list(slug, { peran: role ?? undefined })} className="font-medium text-brand-700 underline underline-offset-2">
            {t("showAll")}
          </Link>
        </p>
      ) : null}
      <UsersTable users={users} tenantSlug={slug} timeZone={timeZone} currentUserId={user.id} locked={locked} unlock={unlockUserAction.bind(null, slug)} />
    </>
  );
}
