import type { PlatformActionContext } from "@/lib/actions/define";
import { findRegency, syncTenantAreas, timeZoneForProvince } from "@/features/areas";
import { hashPassword } from "@/lib/auth/password";
import { claimSignIn } from "@/lib/auth/sign-in-directory";
import { MAIN_POD, podNames } from "@/lib/db/pods";
import type { Tx } from "@/lib/db";
import { messageWordsIn, wordsOfMessage } from "@/lib/actions/error-words";
import { AppError } from "@/lib/errors";
import type { CreateTenantInput } from "@/features/platform/create-tenant-schema";
import { newCuidLikeId } from "@/features/platform/ids";
import { platformErrors as m } from "@/features/platform/messages";

export type CreatedTenant = {
  tenantId: string;
  slug: string;
  name: string;
  kemendagriCode: string;
  kecamatan: number;
  kelurahan: number;
  adminUserId: string;
  adminEmail: string;
};

/**
 * Creates a kota/kabupaten tenant with its kecamatan → kelurahan tree from idn-area-data
 * and its first CITY_ADMIN, all in one scope of the new tenant: either everything is
 * written (and audited) or nothing. The tenant's id is made here so that the scope can
 * be opened before the row exists.
 *
 * On a pod other than the main one, the city's row is written to the directory on the main
 * pod first (which checks slug and code against every city, and routes the scope), then the
 * same row and the rest on the city's pod; should that fail, the directory row is removed.
 */
export async function createTenant(scopes: Pick<PlatformActionContext, "withTenant" | "withPlatform">, input: CreateTenantInput): Promise<CreatedTenant> {
  if (!podNames().includes(input.pod)) throw invalid({ pod: m("podUnknown", { pod: input.pod }) });
  const regency = await findRegency(input.kemendagriCode);
  if (!regency) throw invalid({ kemendagriCode: m("unknownCode", { code: input.kemendagriCode }) });
  // Hashing takes a moment: do it before the transaction, not inside it.
  const passwordHash = await hashPassword(input.adminPassword);
  const tenantId = newCuidLikeId();
  const tenant = {
    id: tenantId,
    slug: input.slug,
    name: regency.name,
    kind: regency.kind,
    kemendagriCode: regency.code,
    provinceName: regency.provinceName,
    timeZone: timeZoneForProvince(regency.provinceCode),
    pod: input.pod,
  };
  const slugTaken = () => conflict({ slug: m("slugTaken", { slug: input.slug, name: regency.name }) });
  const onMainPod = input.pod === MAIN_POD;
  if (!onMainPod) {
    await scopes.withPlatform(async (tx) => {
      await refuseTakenSlugOrCode(tx, input.slug, regency.code);
      await onUniqueViolation(() => tx.tenant.create({ data: tenant }), slugTaken);
    });
  }

  const created = scopes.withTenant(tenantId, async (tx) => {
    if (onMainPod) await refuseTakenSlugOrCode(tx, input.slug, regency.code);
    await onUniqueViolation(
      // No `select`: the audit trail records what the write returns, so return the whole row.
      () => tx.tenant.create({ data: tenant }),
      // Only a concurrent creation gets here; the check above names the usual cases.
      slugTaken,
    );

    await syncTenantAreas(tx, tenantId, regency.code);
    const areas = await tx.area.groupBy({ by: ["level"], _count: { _all: true } });
    const count = (level: "KECAMATAN" | "KELURAHAN") => areas.find((row) => row.level === level)?._count._all ?? 0;
    if (count("KECAMATAN") === 0) throw invalid({ kemendagriCode: m("noAreas", { code: regency.code }) });

    const admin = await onUniqueViolation(
      async () => {
        const user = await tx.user.create({
          data: {
            tenantId,
            email: input.adminEmail,
            name: input.adminName,
            passwordHash,
            // The platform admin typed it: the city's admin chooses their own at first sign-in.
            mustChangePassword: true,
            role: "CITY_ADMIN",
          },
          // Whole row for the audit trail, which leaves out the password hash.
        });
        await claimSignIn({ email: user.email, userId: user.id, tenantId });
        return user;
      },
      // Emails are unique across all tenants and pods, whose users this scope cannot see:
      // the sign-in directory's unique index is the check.
      () => conflict({ adminEmail: m("emailTaken") }),
    );

    return {
      tenantId,
      slug: input.slug,
      name: regency.name,
      kemendagriCode: regency.code,
      kecamatan: count("KECAMATAN"),
      kelurahan: count("KELURAHAN"),
      adminUserId: admin.id,
      adminEmail: admin.email,
    };
  });
  if (onMainPod) return created;
  return created.catch(async (error: unknown) => {
    await scopes.withPlatform((tx) => tx.tenant.deleteMany({ where: { id: tenantId } }));
    throw error;
  });
}

async function refuseTakenSlugOrCode(tx: Tx, slug: string, kemendagriCode: string): Promise<void> {
  // Tenant rows are platform data, not tenant-owned: every tenant's row is visible here.
  const taken = await tx.tenant.findMany({
    where: { OR: [{ slug }, { kemendagriCode }] },
    select: { slug: true, name: true, kemendagriCode: true },
  });
  const fields: Record<string, string> = {};
  const sameCode = taken.find((tenant) => tenant.kemendagriCode === kemendagriCode);
  const sameSlug = taken.find((tenant) => tenant.slug === slug);
  if (sameCode) fields.kemendagriCode = m("codeTaken", { name: sameCode.name, code: kemendagriCode });
  if (sameSlug) fields.slug = m("slugTaken", { slug, name: sameSlug.name });
  if (Object.keys(fields).length > 0) throw conflict(fields);
}

async function onUniqueViolation<T>(write: () => Promise<T>, error: () => AppError): Promise<T> {
  try {
    return await write();
  } catch (cause) {
    if ((cause as { code?: unknown })?.code === "P2002") throw error();
    throw cause;
  }
}

function invalid(fields: Record<string, string>): AppError {
  return refusal("INVALID", fields);
}

function conflict(fields: Record<string, string>): AppError {
  return refusal("CONFLICT", fields);
}

/** Field messages name their words (platformErrors); the first is the form's message too. */
function refusal(code: "INVALID" | "CONFLICT", fields: Record<string, string>): AppError {
  const first = Object.values(fields)[0] ?? "";
  return new AppError(code, messageWordsIn(first, "id"), asFieldErrors(fields), wordsOfMessage(first));
}

function asFieldErrors(fields: Record<string, string>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fields).map(([field, message]) => [field, [message]]));
}
