// Who the permission matrix asks as: every role, and each OPD role twice (in an unmarked OPD
// and in one the city admin marked, OPD_PERMISSIONS), with what the tables grant them read
// independently of userCan and the gate, so the gate is checked against the tables.
import type { Requirement } from "@/lib/auth/gate";
import { TENANT_PAGES, type PagePermission, type TenantPageKey } from "@/lib/auth/pages";
import { OPD_PERMISSIONS, ROLE_PERMISSIONS, type Access, type OpdCapabilities, type Permission } from "@/lib/auth/permissions";
import { Role } from "@/lib/generated/prisma/enums";

export const ROLES = Object.values(Role);
export const TENANT_ROLES = ROLES.filter((role) => role !== "PLATFORM_ADMIN");
export const OPD_ROLES: readonly Role[] = ["OPD_STAFF", "OPD_HEAD"];
export const MARKS = Object.keys(OPD_PERMISSIONS) as (keyof OpdCapabilities)[];

export type Subject = { role: Role; opd: OpdCapabilities | null; label: string };
export const unmarked = Object.fromEntries(MARKS.map((mark) => [mark, false])) as OpdCapabilities;

export const subjectsOf = (roles: readonly Role[]): Subject[] =>
  roles.flatMap((role): Subject[] =>
    OPD_ROLES.includes(role)
      ? [
          { role, opd: unmarked, label: role },
          ...MARKS.map((mark) => ({ role, opd: { ...unmarked, [mark]: true }, label: `${role} of an OPD marked ${mark}` })),
        ]
      : [{ role, opd: null, label: role }],
  );

/** What the tables grant, read independently of userCan and the gate. */
export function granted(subject: Subject, permission: Permission): boolean {
  if ((ROLE_PERMISSIONS[subject.role] as readonly Permission[]).includes(permission)) return true;
  return MARKS.some((mark) => {
    const extra = (OPD_PERMISSIONS[mark] as Partial<Record<Role, readonly Permission[]>>)[subject.role] ?? [];
    return Boolean(subject.opd?.[mark]) && extra.includes(permission);
  });
}

export const grantedAny = (subject: Subject, access: Access) => access === null || [access].flat().some((one) => granted(subject, one));

/** A page's permission, plus person:read when it lists named people. */
export function grantedPage(subject: Subject, page: TenantPageKey): boolean {
  const { permission, people }: { permission: PagePermission; people: boolean } = TENANT_PAGES[page];
  return grantedAny(subject, permission) && (!people || granted(subject, "person:read"));
}

export function grantedRequirement(subject: Subject, requirement: Requirement): boolean {
  if (requirement !== null && typeof requirement === "object" && "page" in requirement) {
    const { page, also, people } = requirement;
    return grantedPage(subject, page) && grantedAny(subject, also ?? null) && (!people || granted(subject, "person:read"));
  }
  return grantedAny(subject, requirement);
}
