// CITY_ADMIN's OPD list. Writes are audited by the action pipeline; an OPD id
// from the form is looked up in the caller's city, so another city's OPD is "not found".
import { defineAction, type AnyActionDefinition } from "@/lib/actions/define";
import type { Tx } from "@/lib/db";
import { updateAtVersion } from "@/lib/db/versioned-update";
import { notFound } from "@/lib/errors";
import { wordedError, wordsMessage } from "@/lib/errors/worded";
import { createOpdSchema, opdIdSchema, opdRegistryRoleSchema, renameOpdSchema } from "@/features/opds/schemas";
import { opdsRoutes } from "@/features/opds/routes";

type OpdSummary = { id: string; code: string; name: string; shortName: string; active: boolean; decidesRegistryChanges: boolean };
const summary = ({ id, code, name, shortName, active, decidesRegistryChanges }: OpdSummary): OpdSummary => ({
  id,
  code,
  name,
  shortName,
  active,
  decidesRegistryChanges,
});

async function findCityOpd(tx: Tx, opdId: string) {
  const opd = await tx.opd.findFirst({ where: { id: opdId } });
  if (!opd) throw notFound("OPD");
  return opd;
}

const CODE_TAKEN = wordedError("CONFLICT", "Opds.errors.codeTaken", {}, { code: [wordsMessage("Opds.errors.codeTakenField")] });

export const createOpdDefinition = defineAction({
  name: "opds.create",
  createsRecords: true,
  permission: "opd:manage",
  schema: createOpdSchema,
  run: async ({ tx, tenantId }, input) => {
    if (await tx.opd.findFirst({ where: { code: input.code }, select: { id: true } })) throw CODE_TAKEN;
    const opd = await tx.opd.create({ data: { tenantId, code: input.code, name: input.name, shortName: input.shortName } });
    return { opd: summary(opd) };
  },
  revalidate: (slug) => [opdsRoutes.list(slug)],
  successMessage: "Success.opds.create",
});

export const renameOpdDefinition = defineAction({
  name: "opds.rename",
  permission: "opd:manage",
  schema: renameOpdSchema,
  run: async ({ tx }, input) => {
    const opd = await findCityOpd(tx, input.opdId);
    await updateAtVersion(tx, "opd", { where: { id: opd.id }, version: input.version, data: { name: input.name, shortName: input.shortName } });
    return { opd: summary({ ...opd, name: input.name, shortName: input.shortName }) };
  },
  revalidate: (slug, result) => [opdsRoutes.list(slug), opdsRoutes.detail(slug, result.opd.id)],
  successMessage: "Success.opds.rename",
});

/** Deactivated OPDs stay with their users and programmes; nobody new is assigned to them. */
export const deactivateOpdDefinition = defineAction({
  name: "opds.deactivate",
  permission: "opd:manage",
  schema: opdIdSchema,
  run: async ({ tx }, input) => setActive(tx, input.opdId, false),
  revalidate: (slug, result) => [opdsRoutes.list(slug), opdsRoutes.detail(slug, result.opd.id)],
  successMessage: "Success.opds.deactivate",
});

export const reactivateOpdDefinition = defineAction({
  name: "opds.reactivate",
  permission: "opd:manage",
  schema: opdIdSchema,
  run: async ({ tx }, input) => setActive(tx, input.opdId, true),
  revalidate: (slug, result) => [opdsRoutes.list(slug), opdsRoutes.detail(slug, result.opd.id)],
  successMessage: "Success.opds.reactivate",
});

/**
 * Marks the OPD as Dinas Sosial (or unmarks it): its head then decides registry change
 * requests with Bapeda. The mark, not the OPD's name or code, is what the permissions read.
 */
export const setOpdRegistryRoleDefinition = defineAction({
  name: "opds.set-registry-role",
  permission: "opd:manage",
  schema: opdRegistryRoleSchema,
  run: async ({ tx }, input) => {
    const opd = await findCityOpd(tx, input.opdId);
    if (opd.decidesRegistryChanges === input.decidesRegistryChanges) return { opd: summary(opd) };
    const updated = await tx.opd.update({
      where: { tenantId_id: { tenantId: opd.tenantId, id: opd.id } },
      data: { decidesRegistryChanges: input.decidesRegistryChanges },
    });
    return { opd: summary(updated) };
  },
  revalidate: (slug, result) => [opdsRoutes.list(slug), opdsRoutes.detail(slug, result.opd.id)],
  successMessage: "Success.opds.set-registry-role",
});

async function setActive(tx: Tx, opdId: string, active: boolean) {
  const opd = await findCityOpd(tx, opdId);
  if (opd.active === active) return { opd: summary(opd) };
  const updated = await tx.opd.update({ where: { tenantId_id: { tenantId: opd.tenantId, id: opd.id } }, data: { active } });
  return { opd: summary(updated) };
}

/** Every OPD action, for the OPDs' own tests (the permission matrix reads the action registry). */
export const opdActionDefinitions: readonly AnyActionDefinition[] = [
  createOpdDefinition,
  renameOpdDefinition,
  deactivateOpdDefinition,
  reactivateOpdDefinition,
  setOpdRegistryRoleDefinition,
];
