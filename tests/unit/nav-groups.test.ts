import { describe, expect, it } from "vitest";
import { NAV_GROUPS, visibleNavGroups, visibleNavItems } from "@/features/shell/ui/nav-items";
import { TENANT_PAGES, type TenantPageKey } from "@/lib/auth/pages";
import { ROLE_PERMISSIONS } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

const pages = Object.keys(TENANT_PAGES) as TenantPageKey[];
const cityRoles = (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((role) => role !== "PLATFORM_ADMIN");

describe("the city menu grouped by the work", () => {
  it("holds every page of the city exactly once", () => {
    const grouped = NAV_GROUPS.flatMap((group) => group.items);
    expect([...grouped].sort()).toEqual([...pages].sort());
  });

  it("gives every role the pages it may open, and no more", () => {
    for (const role of cityRoles) {
      for (const opd of [null, { decidesRegistryChanges: true }]) {
        const user = { role, opd };
        const grouped = visibleNavGroups(user).flatMap((group) => group.items.map((item) => item.key));
        expect([...grouped].sort(), role).toEqual(
          visibleNavItems(user)
            .map((item) => item.key)
            .sort(),
        );
      }
    }
  });

  it("fits every role's menu in at most seven top-level entries, a group with one page being that page", () => {
    for (const role of cityRoles) {
      const groups = visibleNavGroups({ role, opd: null });
      expect(groups.length, role).toBeLessThanOrEqual(7);
      for (const group of groups) expect(group.key === null, `${role} ${group.key}`).toBe(group.items.length === 1);
    }
  });
});
