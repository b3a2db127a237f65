import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/format";
import { ResetPasswordForm } from "@/features/users/ui/reset-password-form";
import { UserForm } from "@/features/users/ui/user-form";
import { ActiveToggleForm } from "@/components/ui/active-toggle-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { withTenant } from "@/lib/db";
import { getScopeChoices, getUser, lockedUserIds } from "@/features/users/queries";
import { isAssignableRole } from "@/features/users/roles";
import { ActionButton } from "@/components/ui/action-button";
import { deactivateUserAction, reactivateUserAction, resetUserPasswordAction, unlockUserAction, updateUserAction } from "@/features/users/actions";
import { tenantTimeZone } from "@/lib/tenant/time-zone";
import { authRoutes } from "@/features/account/routes";
import { usersRoutes } from "@/features/users/routes";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string; userId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Users");
  return { title: t("detail.eyebrow") };
}

export default async function UserPage({ params }: Props) {
  const { tenant: slug, userId } = await params;
  const admin = await requireTenantPage(slug, "users");
  // Looked up in the admin's own city: another city's user is "not found".
  const [user, choices, timeZone, locked] = await withTenant(admin.tenantId, (tx) =>
    Promise.all([getUser(tx, userId), getScopeChoices(tx), tenantTimeZone(tx, admin.tenantId), lockedUserIds(tx, [userId], new Date())]),
  );
  if (!user || !isAssignableRole(user.role)) notFound();

  const [t, locale, messages] = await Promise.all([getTranslations("Users"), getLocale(), getMessages()]);
  const isSelf = user.id === admin.id;
  const when = (value: Date | null) => (value ? formatDateTime(value, { locale, timeZone }) : t("never"));
  const scope = user.opd
    ? `${user.opd.shortName} — ${user.opd.name}`
    : user.kelurahan
      ? t("kelurahanOf", { kelurahan: user.kelurahan.name, kecamatan: user.kelurahan.parent?.name ?? "–" })
      : t("wholeCity");

  return (
    <NextIntlClientProvider messages={{ Users: messages.Users }}>
      <Link href={usersRoutes.list(slug)} className="mb-3 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        {t("backToList")}
      </Link>
      <PageHeader
        eyebrow={t("detail.eyebrow")}
        title={
          <span className="flex flex-wrap items-center gap-3">
            {user.name}
            <Badge tone={user.active ? "positive" : "muted"} className="text-sm">
              {user.active ? t("active") : t("inactive")}
            </Badge>
          </span>
        }
        description={`${user.email} · ${t(`roles.${user.role}`)}`}
      />

      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title={t("detail.edit")} description={t("detail.editIntro")} />
          <div className="p-4 sm:p-5">
            <UserForm
              mode="edit"
              action={updateUserAction.bind(null, slug)}
              user={{ id: user.id, name: user.name, role: user.role, opdId: user.opdId, kelurahanId: user.kelurahanId, version: user.version }}
              isSelf={isSelf}
              choices={choices}
              tenantSlug={slug}
              passwordMinLength={PASSWORD_MIN_LENGTH}
            />
          </div>
        </Card>

        <Card>
          <CardHeader title={t("detail.facts")} />
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 p-4 text-sm sm:p-5">
            <dt className="text-muted">{t("columns.role")}</dt>
            <dd>{t(`roles.${user.role}`)}</dd>
            <dt className="text-muted">{t("columns.scope")}</dt>
            <dd>{scope}</dd>
            <dt className="text-muted">{t("detail.createdAt")}</dt>
            <dd className="tabular-nums">{when(user.createdAt)}</dd>
            <dt className="text-muted">{t("detail.lastLogin")}</dt>
            <dd className="tabular-nums">{when(user.lastLoginAt)}</dd>
          </dl>
        </Card>

        <Card className="lg:col-span-2">
          <CardHeader title={t("detail.reset")} description={isSelf ? undefined : t("detail.resetIntro")} />
          <div className="p-4 sm:p-5">
            {isSelf ? (
              <p className="text-sm text-muted">
                {t("detail.resetSelf")}{" "}
                <Link href={authRoutes.changePassword()} className="font-medium text-brand-700 underline underline-offset-2">
                  {t("detail.changeOwnPassword")}
                </Link>
              </p>
            ) : (
              <ResetPasswordForm action={resetUserPasswordAction.bind(null, slug)} userId={user.id} minLength={PASSWORD_MIN_LENGTH} />
            )}
          </div>
        </Card>

        {locked.has(user.id) ? (
          <Card className="lg:col-start-3">
            <CardHeader title={t("detail.lock")} />
            <div className="space-y-3 p-4 sm:p-5">
              <p className="text-sm text-muted">{t("detail.lockedIntro")}</p>
              <ActionButton action={unlockUserAction.bind(null, slug)} fields={{ userId: user.id }}>
                {t("unlock")}
              </ActionButton>
            </div>
          </Card>
        ) : null}

        <Card>
          <CardHeader title={t("detail.access")} />
          <div className="p-4 sm:p-5">
            {isSelf ? (
              <p className="text-sm text-muted">{t("detail.deactivateSelf")}</p>
            ) : (
              <ActiveToggleForm
                fields={{ userId: user.id }}
                active={user.active}
                deactivate={deactivateUserAction.bind(null, slug)}
                reactivate={reactivateUserAction.bind(null, slug)}
                labels={{
                  deactivateIntro: t("detail.deactivateIntro"),
                  reactivateIntro: t("detail.reactivateIntro"),
                  deactivate: t("detail.deactivate"),
                  reactivate: t("detail.reactivate"),
                  confirm: t("detail.confirmDeactivate", { name: user.name }),
                }}
              />
            )}
          </div>
        </Card>
      </div>
    </NextIntlClientProvider>
  );
}
