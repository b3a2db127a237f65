// Pure role facts for the forms and the schemas; safe to import in client components.
import { Role } from "@/lib/generated/prisma/enums";

/** The roles a city admin may give. PLATFORM_ADMIN belongs to no city and is never offered. */
export const ASSIGNABLE_ROLES = Object.values(Role).filter((role): role is Exclude<Role, "PLATFORM_ADMIN"> => role !== "PLATFORM_ADMIN");
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

const OPD_ROLES: readonly Role[] = ["OPD_STAFF", "OPD_HEAD"];
const KELURAHAN_ROLES: readonly Role[] = ["KELURAHAN"];

/** What a role's work is limited to: one OPD, one kelurahan, or (null) the whole city. */
export function scopeOf(role: Role): "opd" | "kelurahan" | null {
  if (OPD_ROLES.includes(role)) return "opd";
  if (KELURAHAN_ROLES.includes(role)) return "kelurahan";
  return null;
}

export function isAssignableRole(value: unknown): value is AssignableRole {
  return typeof value === "string" && (ASSIGNABLE_ROLES as readonly string[]).includes(value);
}
