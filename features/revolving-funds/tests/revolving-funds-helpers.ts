// Shared set-up for the Dana PEM integration tests: a city with a NIK prefix, a fund with
// capital, a kelurahan officer who proposes and a second one who approves.
import {
  addCapitalDefinition,
  approveLoanDefinition,
  createFundDefinition,
  createLoanDefinition,
  disburseLoanDefinition,
} from "@/features/revolving-funds/action-definitions";
import type { AnyActionDefinition } from "@/lib/actions/define";
import type { SessionUser } from "@/lib/auth/session-user";
import { generateNik } from "@/lib/identity/nik";
import { actionDeps, sessionUser, submitted } from "@/tests/helpers/actions";
import { uniqueSuffix, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { runActionToEnd } from "@/tests/helpers/table-imports";

export type FundCity = TestTenant & { prefix: string; officer: SessionUser; approver: SessionUser };

let serial = 0;

/** A city whose NIK prefix is known, with two officers of the same kelurahan: one proposes, the other approves. */
export async function fundCity(t: TestDb): Promise<FundCity> {
  const city = await createTestTenant(t.db, t.withTenant);
  const prefix = `97${String(10 + Math.floor(Math.random() * 89))}`;
  await t.db.tenant.update({ where: { id: city.id }, data: { kemendagriCode: `${prefix.slice(0, 2)}.${prefix.slice(2)}.${uniqueSuffix()}` } });
  const officer = sessionUser(city, "KELURAHAN", { id: `lurah-${city.slug}`, kelurahanId: city.kelurahanId });
  const approver = sessionUser(city, "KELURAHAN", { id: `lpm-${city.slug}`, name: "Lurah Uji", kelurahanId: city.kelurahanId });
  return { ...city, prefix, officer, approver };
}

/** A valid NIK of the city for someone born on `birthDate`. */
export function cityNik(city: FundCity, birthDate: Date): string {
  serial += 1;
  return generateNik({ regionCode: `${city.prefix}01`, birthDate, sex: "MALE", serial: (serial % 9000) + 1 });
}

export function actor(t: TestDb) {
  return async <R = Record<string, unknown>>(user: SessionUser, definition: AnyActionDefinition, input: Record<string, unknown> | FormData, slug?: string) => {
    const result = await runActionToEnd(t, actionDeps(t, user), definition, slug ?? user.tenantSlug ?? "", submitted(input));
    return result as { ok: true; data: R } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };
  };
}

export function must<R>(result: { ok: true; data: R } | { ok: false; code: string; message: string; fieldErrors?: unknown }): R {
  if (!result.ok) throw new Error(`${result.code}: ${result.message} ${JSON.stringify(result.fieldErrors ?? {})}`);
  return result.data;
}

/** The fund most Dana PEM tests lend from: the city's 2026 fund with Rp 50 juta capital. */
export async function fundWithCapital(act: ReturnType<typeof actor>, city: FundCity): Promise<string> {
  const fundId = must(
    await act<{ fundId: string }>(city.officer, createFundDefinition, {
      year: "2026",
      lpmName: "LPM Uji",
      maxLoan: "25 juta",
      maxTenorMonths: "12",
      serviceFeeBps: "3",
      graceMonths: "0",
    }),
  ).fundId;
  must(await act(city.officer, addCapitalDefinition, { fundId, amount: "50.000.000", source: "APBD", receivedAt: "2026-01-02" }));
  return fundId;
}

export type LendOptions = { nik?: string; tenor?: string; disbursedAt?: string; fund?: string; override?: string };

/** Proposes (the officer), approves (the approver) and disburses (the officer) a loan of `fundId`; returns its id. */
export async function lendFrom(act: ReturnType<typeof actor>, city: FundCity, fundId: string, principal: string, options: LendOptions = {}): Promise<string> {
  const loanId = must(
    await act<{ loanId: string }>(city.officer, createLoanDefinition, {
      fundId: options.fund ?? fundId,
      borrowerNik: options.nik ?? cityNik(city, new Date(Date.UTC(2000, 4, 17))),
      borrowerName: "Yohanes Lake",
      businessType: "Kios sembako",
      purpose: "Tambahan modal kios",
      principal,
      tenorMonths: options.tenor ?? "10",
      ...(options.override ? { override: "on", overrideReason: options.override } : {}),
    }),
  ).loanId;
  must(await act(city.approver, approveLoanDefinition, { loanId }));
  must(await act(city.officer, disburseLoanDefinition, { loanId, disbursedAt: options.disbursedAt ?? "2026-01-10" }));
  return loanId;
}
