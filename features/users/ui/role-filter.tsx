import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { cx } from "@/components/ui/class-names";
import { formatNumber } from "@/lib/format";
import type { Role } from "@/lib/generated/prisma/enums";
import { ASSIGNABLE_ROLES, type AssignableRole } from "@/features/users/roles";
import { usersRoutes } from "@/features/users/routes";

/** Links, not a form: each role is one keypress away and the URL can be shared. */
export async function RoleFilter({ tenantSlug, current, counts }: { tenantSlug: string; current: AssignableRole | null; counts: Map<Role, number> }) {
  const [t, locale] = await Promise.all([getTranslations("Users"), getLocale()]);
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const items: { key: string; label: string; count: number; href: string; on: boolean }[] = [
    { key: "all", label: t("all"), count: total, href: usersRoutes.list(tenantSlug), on: current === null },
    ...ASSIGNABLE_ROLES.map((role) => ({
      key: role,
      label: t(`roles.${role}`),
      count: counts.get(role) ?? 0,
      href: usersRoutes.list(tenantSlug, { peran: role }),
      on: current === role,
    })),
  ];
  return (
    <nav aria-label={t("filterLabel")} className="mb-4">
      <ul className="flex flex-wrap gap-2">
        {items.map((item) => (
          <li key={item.key}>
            <Link
              href={item.href}
              aria-current={item.on ? "page" : undefined}
              className={cx(
                "inline-flex min-h-9 items-center gap-1.5 rounded-full border px-3 text-sm font-medium transition-colors",
                item.on ? "border-brand-700 bg-brand-700 text-white" : "border-line bg-white text-brand-800 hover:bg-brand-50",
              )}
            >
              {item.label}
              <span className={cx("tabular-nums", item.on ? "text-brand-100" : "text-muted")}>{formatNumber(item.count, { locale })}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
