// The one server-action pipeline: the gate (session → tenant → permission, lib/auth/gate.ts)
// → zod → domain function (inside the tenant's scope, every write audited) → revalidate. It
// answers with a result the form can show; it never lets an internal error reach the user.
import { randomUUID } from "node:crypto";
import type { ZodType } from "zod";
import { platformGate, tenantGate, type Denial, type GateDeps } from "@/lib/auth/gate";
import type { Tx } from "@/lib/db";
import type { ScopeOptions } from "@/lib/db/tenant-scope";
import { AppError, forbidden, isAppError, notFound } from "@/lib/errors";
import { cleanInput } from "@/lib/validation/bad-bytes";
import { isFreeTextAt } from "@/lib/validation/free-text";
import { readingInputIn } from "@/lib/validation/input-locale";
import { fieldErrorsOf, formDataToObject, zodParseParams } from "@/lib/validation/zod";
import type { ActionContext, ActionDefinition, ActionResult, PlatformActionDefinition } from "./define";
import { appErrorWordsIn, badCharactersFieldWords, errorCodeWords, errorWordsIn, fieldWordsIn, successWordsIn } from "./error-words";
import { isSubmissionKey, SUBMISSION_KEY_FIELD } from "./submission-key";
import { claimSubmission, storeSubmissionResult } from "./submissions";

/** What the pipeline needs from the outside world; tests pass their own. */
export type ActionDeps = GateDeps & {
  withTenant: <T>(tenantId: string, fn: (tx: Tx) => Promise<T>, options?: ScopeOptions) => Promise<T>;
  withPlatform: <T>(fn: (tx: Tx) => Promise<T>, options?: ScopeOptions) => Promise<T>;
  revalidatePath: (path: string) => void;
  /** `locale`: the interface language (its cookie), for errors whose words are in the catalogues. */
  requestMeta: () => Promise<RequestMeta>;
};

type RequestMeta = { requestId?: string | null; ip?: string | null; locale?: string | null };

const SIGNED_OUT = new AppError("UNAUTHENTICATED", "Sesi Anda telah berakhir. Silakan masuk kembali.", undefined, {
  key: "Error.common.signedOut",
  params: {},
});
const PASSWORD_CHANGE_REQUIRED = new AppError("PASSWORD_CHANGE_REQUIRED", "Ganti dulu kata sandi yang diberikan admin.");

export async function runAction<Schema extends ZodType, Result>(
  deps: ActionDeps,
  definition: ActionDefinition<Schema, Result>,
  tenantSlug: string,
  rawInput: unknown,
): Promise<ActionResult<Result>> {
  const meta = await deps.requestMeta().catch(() => ({}) as RequestMeta);
  const requestId = meta.requestId || randomUUID();
  try {
    // Another city's action, whatever the role, is "not found": the tenant comes from the
    // session, and a slug that is not the user's own names nothing the user may see.
    const admission = await tenantGate(deps, tenantSlug, definition.permission);
    if (!admission.ok) throw refusal(admission.denial);
    const user = admission.user;

    const { input, submissionKey } = splitSubmissionKey(rawInput instanceof FormData ? formDataToObject(rawInput) : rawInput);
    if (definition.createsRecords && !submissionKey) throw STALE_FORM;
    const parsed = await parseInput(definition.schema as ZodType, withoutBadBytes(definition.schema as ZodType, input, meta.locale), meta.locale);

    const tenantId = user.tenantId;
    const actor = { userId: user.id, requestId, ip: meta.ip ?? null };
    const data = await deps.withTenant(
      tenantId,
      async (tx) => {
        const ctx: ActionContext = { tx, user, tenantId, tenantSlug, requestId, ip: meta.ip ?? null, locale: meta.locale ?? null };
        if (!definition.createsRecords || !submissionKey) return definition.run(ctx, parsed as never);
        return runOnce(ctx, definition, submissionKey, parsed);
      },
      { actor, timeout: definition.timeout, refuseWhileCityMoves: true },
    );
    for (const path of definition.revalidate?.(tenantSlug, data) ?? []) deps.revalidatePath(path);
    return { ok: true, data, message: successWordsIn(definition.successMessage, meta.locale) };
  } catch (error) {
    return failure(error, requestId, definition.name, meta.locale);
  }
}

/** The same pipeline for the platform admin: no tenant, and the domain function opens its scopes. */
export async function runPlatformAction<Schema extends ZodType, Result>(
  deps: ActionDeps,
  definition: PlatformActionDefinition<Schema, Result>,
  rawInput: unknown,
): Promise<ActionResult<Result>> {
  const meta = await deps.requestMeta().catch(() => ({}) as RequestMeta);
  const requestId = meta.requestId || randomUUID();
  try {
    const admission = await platformGate(deps, definition.permission);
    if (!admission.ok) throw refusal(admission.denial);
    const user = admission.user;
    const input = rawInput instanceof FormData ? formDataToObject(rawInput) : rawInput;
    const parsed = await parseInput(definition.schema as ZodType, withoutBadBytes(definition.schema as ZodType, input, meta.locale), meta.locale);
    const options = { actor: { userId: user.id, requestId, ip: meta.ip ?? null } };
    const data = await definition.run(
      {
        user,
        requestId,
        withTenant: (tenantId, fn) => deps.withTenant(tenantId, fn, { ...options, refuseWhileCityMoves: true }),
        withPlatform: (fn) => deps.withPlatform(fn, options),
      },
      parsed as never,
    );
    for (const path of definition.revalidate?.(data) ?? []) deps.revalidatePath(path);
    return { ok: true, data, message: successWordsIn(definition.successMessage, meta.locale) };
  } catch (error) {
    return failure(error, requestId, definition.name, meta.locale);
  }
}

// A form rendered before keys existed, or a client that is not a form of the app.
const STALE_FORM = new AppError("INVALID", "Formulir ini perlu dimuat ulang sebelum dikirim. Muat ulang halaman, lalu kirim lagi.", undefined, {
  key: "Error.common.staleForm",
  params: {},
});

/** The input without its submission key, and the key when it is well formed. */
function splitSubmissionKey(input: unknown): { input: unknown; submissionKey: string | null } {
  if (!input || typeof input !== "object" || !(SUBMISSION_KEY_FIELD in input)) return { input, submissionKey: null };
  const { [SUBMISSION_KEY_FIELD]: key, ...rest } = input as Record<string, unknown>;
  return { input: rest, submissionKey: isSubmissionKey(key) ? key : null };
}

/** Runs the action once per key; a repeat of the key gets the first run's result. */
async function runOnce<Result>(ctx: ActionContext, definition: ActionDefinition<ZodType, Result>, key: string, parsed: unknown): Promise<Result> {
  const submission = { tenantId: ctx.tenantId, key, userId: ctx.user.id, action: definition.name };
  const earlier = await claimSubmission(ctx.tx, submission);
  if (earlier) return earlier.result as Result;
  const result = await definition.run(ctx, parsed as never);
  await storeSubmissionResult(ctx.tx, submission, result);
  return result;
}

/** The gate's refusal as the error a form shows. */
function refusal(denial: Denial): AppError {
  if (denial === "signed-out") return SIGNED_OUT;
  if (denial === "password-change") return PASSWORD_CHANGE_REQUIRED;
  return denial === "not-found" ? notFound() : forbidden();
}

/**
 * The input without NUL and lone surrogates, which PostgreSQL cannot store: free text loses
 * them; an id, number or code holding them is refused, field by field.
 */
function withoutBadBytes(schema: ZodType, input: unknown, locale?: string | null): unknown {
  const { value, dirty } = cleanInput(input);
  const refused = dirty.filter((path) => !isFreeTextAt(schema, path));
  if (refused.length === 0) return value;
  const words = badCharactersFieldWords(locale);
  const fieldErrors = Object.fromEntries(refused.map((path) => [path.join(".") || "_form", [words]]));
  throw new AppError("BAD_CHARACTERS", errorCodeWords("BAD_CHARACTERS", "id") ?? words, fieldErrors);
}

/** The parsed input; zod's own messages (those a schema does not write itself) in the request's language. */
async function parseInput(schema: ZodType, input: unknown, locale?: string | null): Promise<unknown> {
  const result = await readingInputIn(locale, () => schema.safeParseAsync(input, zodParseParams(locale)));
  if (result.success) return result.data;
  throw new AppError("INVALID", "Periksa kembali isian yang ditandai.", fieldErrorsOf(result.error), { key: "Error.common.checkFields", params: {} });
}

function failure(error: unknown, requestId: string, actionName: string, locale?: string | null): ActionResult<never> {
  if (isAppError(error)) {
    return { ok: false, code: error.code, message: appErrorWordsIn(error, locale), fieldErrors: error.fieldErrors && fieldWordsIn(error.fieldErrors, locale) };
  }
  const prismaCode = (error as { code?: unknown })?.code;
  if (prismaCode === "P2002") {
    return { ok: false, code: "CONFLICT", message: errorWordsIn({ key: "Error.common.duplicate", params: {} }, locale) };
  }
  if (prismaCode === "P2025") {
    return { ok: false, code: "NOT_FOUND", message: errorWordsIn({ key: "Error.notFound.data", params: {} }, locale) };
  }
  console.error(`[action ${actionName}] request ${requestId}`, error);
  return { ok: false, code: "INTERNAL", message: errorWordsIn({ key: "Error.common.internal", params: { reference: requestId.slice(0, 8) } }, locale) };
}
