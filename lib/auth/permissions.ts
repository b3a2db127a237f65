import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Everything a user may be allowed to do. Scope (own OPD, own kelurahan) is lib/auth/scope.ts,
 * applied by the queries; this table says only whether a role may do it at all.
 */
export const PERMISSIONS = [
  "tenant:manage",
  "user:manage",
  "opd:manage",
  "area:manage",
  "registry:read",
  /** Named people (names, addresses, RT/RW, masked numbers, desil, extreme-poor flag) in lists, pages and exports. */
  "person:read",
  /** Full NIK / No. KK, and lookups by a full number. */
  "registry:read-personal",
  "registry:import",
  "registry:graduate",
  "registry:change-propose",
  "registry:change-decide",
  "programme:read",
  "programme:write",
  "entry:write",
  "entry:verify",
  "dashboard:bapeda",
  "dashboard:mayor",
  /** The quarterly report on extreme poverty to the Minister of Home Affairs (Inpres 4/2022). */
  "report:quarterly",
  "statistics:write",
  /** The TKPK's annual implementation report draft (features/reports/annual): city aggregates only. */
  "report:annual",
  "revolving-fund:read",
  "revolving-fund:write",
  /** Approving a Dana PEM loan; the pipeline refuses it to the loan's proposer (features/revolving-funds/loans.ts). */
  "revolving-fund:approve",
  "revolving-fund:rollup",
  "audit:read",
  "retention:manage",
  /** Opening and closing the city's public page of aggregates (features/public-page). */
  "public-page:manage",
  "data:export",
  "person:subject-access",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const OPD_STAFF = ["programme:read", "programme:write", "entry:write", "registry:read", "person:read", "data:export"] as const;

export const ROLE_PERMISSIONS = {
  PLATFORM_ADMIN: ["tenant:manage"],
  CITY_ADMIN: ["user:manage", "opd:manage", "area:manage", "audit:read", "retention:manage", "public-page:manage"],
  OPD_STAFF,
  OPD_HEAD: [...OPD_STAFF, "entry:verify"],
  BAPEDA: [
    "registry:read",
    "person:read",
    "registry:read-personal",
    "registry:import",
    "registry:graduate",
    "registry:change-decide",
    "programme:read",
    "dashboard:bapeda",
    "dashboard:mayor",
    "report:quarterly",
    "statistics:write",
    "report:annual",
    "revolving-fund:rollup",
    "data:export",
    "person:subject-access",
  ],
  MAYOR_OFFICE: ["dashboard:mayor", "report:quarterly", "report:annual", "revolving-fund:rollup", "data:export"],
  KELURAHAN: [
    "registry:read",
    "person:read",
    "registry:read-personal",
    "registry:change-propose",
    "revolving-fund:read",
    "revolving-fund:write",
    "revolving-fund:approve",
  ],
  AUDITOR: [
    "registry:read",
    "person:read",
    "programme:read",
    "dashboard:bapeda",
    "dashboard:mayor",
    "report:quarterly",
    "report:annual",
    "revolving-fund:rollup",
    "audit:read",
  ],
} as const satisfies Record<Role, readonly Permission[]>;

/** Whether a role may do something at all. Pure: the UI uses it for menus too. */
export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(permission);
}

/** What the city admin has marked on a user's OPD (null: no OPD). */
export type OpdCapabilities = { decidesRegistryChanges: boolean };

/**
 * Permissions an OPD's mark adds to some roles of that OPD: the head of the OPD marked as
 * Dinas Sosial decides registry change requests and answers data subjects' access requests
 * (UU PDP Pasal 32), as Bapeda does.
 */
export const OPD_PERMISSIONS = {
  decidesRegistryChanges: { OPD_HEAD: ["registry:change-decide", "person:subject-access"] },
} as const satisfies Record<keyof OpdCapabilities, Partial<Record<Role, readonly Permission[]>>>;

/** Who is asking, as far as permissions go: the role and what their OPD is marked with. */
export type Grantee = { role: Role; opd?: OpdCapabilities | null };

/** Whether this user may do something: by role, or by the mark on their OPD. Pure. */
export function userCan(user: Grantee | null | undefined, permission: Permission): boolean {
  if (!user) return false;
  if (can(user.role, permission)) return true;
  const opd = user.opd;
  if (!opd) return false;
  return (Object.keys(OPD_PERMISSIONS) as (keyof OpdCapabilities)[]).some((mark) => {
    const granted = (OPD_PERMISSIONS[mark] as Partial<Record<Role, readonly Permission[]>>)[user.role];
    return opd[mark] && Boolean(granted?.includes(permission));
  });
}

/** What a check asks for: one permission, a list where any one suffices, or null (nothing more). */
export type Access = Permission | readonly Permission[] | null;

/** Whether this user holds what `access` asks for. Pure. */
export function userHolds(user: Grantee | null | undefined, access: Access): boolean {
  if (!user) return false;
  if (access === null) return true;
  return typeof access === "string" ? userCan(user, access) : access.some((one) => userCan(user, one));
}
