// "Cari NIK / No. KK": the household a whole number names, found by a POST (a server
// action), so the number never lands in a URL, a browser history or a sign-in redirect.
import type { ActionContext } from "@/lib/actions/define";
import { householdScopeWhere, registryScope } from "@/lib/auth/scope";
import { lookUpByNumber } from "@/lib/privacy/number-lookup";
import { z } from "@/lib/validation/zod";

export const lookupNumberSchema = z.object({
  number: z
    .string()
    .transform((typed) => typed.replace(/[\s.\-']/g, ""))
    .pipe(z.string().regex(/^\d{16}$/, "NIK atau No. KK terdiri dari 16 digit angka")),
});

export type NumberLookupResult = { kind: "found"; householdId: string } | { kind: "none" } | { kind: "limited"; minutes: number };

export async function lookupHouseholdByNumber(ctx: Pick<ActionContext, "tx" | "tenantId" | "user" | "requestId">, number: string): Promise<NumberLookupResult> {
  const scope = householdScopeWhere(registryScope(ctx.user));
  const outcome = await lookUpByNumber(ctx.tx, {
    viewer: ctx.user,
    tenantId: ctx.tenantId,
    requestId: ctx.requestId,
    number,
    entity: "Household",
    purpose: "registry.search",
    find: async () => {
      const [member, household] = await Promise.all([
        ctx.tx.member.findFirst({ where: { nik: number, household: scope }, select: { householdId: true } }),
        ctx.tx.household.findFirst({ where: { noKk: number, ...scope }, select: { id: true } }),
      ]);
      return member?.householdId ?? household?.id ?? null;
    },
  });
  return outcome.kind === "found" ? { kind: "found", householdId: outcome.id } : outcome;
}
