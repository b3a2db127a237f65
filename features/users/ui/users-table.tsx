import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import type { UserListRow } from "@/features/users/queries";
import { usersRoutes } from "@/features/users/routes";
import { formatDateTime } from "@/lib/format";
import { ActionButton } from "@/components/ui/action-button";
import type { FormAction } from "@/components/ui/use-action-form";

/** The city's users: who, role, scope, whether they may sign in, and when they last did. */
export async function UsersTable({
  users,
  tenantSlug,
  timeZone,
  currentUserId,
  locked,
  unlock,
}: {
  users: UserListRow[];
  tenantSlug: string;
  timeZone: string;
  currentUserId: string;
  /** The accounts locked now by failed sign-ins: marked, with a button that lifts the lock. */
  locked: ReadonlySet<string>;
  unlock: FormAction<unknown>;
}) {
  const [t, locale] = await Promise.all([getTranslations("Users"), getLocale()]);
  if (users.length === 0) {
    return (
      <Card>
        <p className="p-5 text-muted">{t("empty")}</p>
      </Card>
    );
  }
  return (
    <Card>
      <Table label={t("listLabel")}>
        <TableHead>
          <tr>
            <HeaderCell>{t("columns.name")}</HeaderCell>
            <HeaderCell>{t("columns.role")}</HeaderCell>
            <HeaderCell>{t("columns.scope")}</HeaderCell>
            <HeaderCell>{t("columns.status")}</HeaderCell>
            <HeaderCell>{t("columns.lastLogin")}</HeaderCell>
            <HeaderCell>
              <span className="sr-only">{t("manage")}</span>
            </HeaderCell>
          </tr>
        </TableHead>
        <TableBody>
          {users.map((user) => (
            <Row key={user.id}>
              <RowHeaderCell className="min-w-56">
                <span className={user.active ? undefined : "text-muted"}>{user.name}</span>
                {user.id === currentUserId ? (
                  <Badge tone="neutral" className="ml-2">
                    {t("you")}
                  </Badge>
                ) : null}
                <span className="block text-sm font-normal break-all text-muted">{user.email}</span>
              </RowHeaderCell>
              <Cell className="whitespace-nowrap">{t(`roles.${user.role}`)}</Cell>
              <Cell>
                {user.opd ? (
                  <span title={user.opd.name}>{user.opd.shortName}</span>
                ) : user.kelurahan ? (
                  t("kelurahanOf", { kelurahan: user.kelurahan.name, kecamatan: user.kelurahan.parent?.name ?? "–" })
                ) : (
                  <span className="text-muted">{t("wholeCity")}</span>
                )}
              </Cell>
              <Cell>
                <Badge tone={user.active ? "positive" : "muted"}>{user.active ? t("active") : t("inactive")}</Badge>
                {locked.has(user.id) ? (
                  <Badge tone="warning" className="ml-2">
                    {t("locked")}
                  </Badge>
                ) : null}
              </Cell>
              <Cell className="whitespace-nowrap tabular-nums">
                {user.lastLoginAt ? formatDateTime(user.lastLoginAt, { locale, timeZone }) : <span className="text-muted">{t("never")}</span>}
              </Cell>
              <Cell className="text-right whitespace-nowrap">
                {locked.has(user.id) ? (
                  <ActionButton action={unlock} fields={{ userId: user.id }} variant="link" label={t("unlockUser", { name: user.name })}>
                    {t("unlock")}
                  </ActionButton>
                ) : null}
                <Link
                  href={usersRoutes.detail(tenantSlug, user.id)}
                  aria-label={t("manageUser", { name: user.name })}
                  className="font-medium text-brand-700 underline-offset-2 hover:underline"
                >
                  {t("manage")}
                </Link>
              </Cell>
            </Row>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
