import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import type { PlatformAdmin, TenantSessionUser } from "@/lib/auth/session-user";
import type { Tx } from "@/lib/db";

/** What a tenant action's domain function receives. Everything in it comes from the session. */
export type ActionContext = {
  tx: Tx;
  user: TenantSessionUser;
  tenantId: string;
  tenantSlug: string;
  requestId: string;
  /** The request's address, for work handed on to a job (its audit rows name it). */
  ip?: string | null;
  /** The interface language of the request, for work handed on to a job. */
  locale?: string | null;
};

/** A key of the Success namespace, e.g. "Success.users.create". */
export type SuccessKey = `Success.${string}`;

export type ActionDefinition<Schema extends z.ZodType, Result> = {
  /** Unique name, e.g. "users.create": the action registry (lib/actions/server.ts) refuses a second one. */
  name: string;
  permission: Permission;
  schema: Schema;
  run: (ctx: ActionContext, input: z.output<Schema>) => Promise<Result>;
  /** Paths to revalidate after success, given the tenant slug. */
  revalidate?: (tenantSlug: string, result: Result) => string[];
  /**
   * Shown to the user after success: its key in messages/<locale>/Success.json, said in the
   * request's language by the pipeline (tests/unit/success-messages.test.ts holds every action to it).
   */
  successMessage?: SuccessKey;
  /** Milliseconds the transaction may take (default 20 s); file imports need more. */
  timeout?: number;
  /**
   * The action adds records (an entry, a loan, a request…): its form must send a submission
   * key (lib/actions/submission-key.ts), and a repeat of the key answers with the first
   * result instead of adding them again. The result is kept with the key for a day, so it
   * holds ids, never a secret or a person's data. tests/unit/submission-keys.test.ts holds
   * every action to a choice.
   */
  createsRecords?: true;
  /**
   * The columns of the file a table import reads (lib/spreadsheet/table-import.ts): what a
   * valid file of this action holds, for the permission matrix to write one.
   */
  columns?: readonly { key: string; header: string; example: string }[];
};

// biome-ignore lint: the registry holds definitions of any schema and result.
export type AnyActionDefinition = ActionDefinition<any, any>;
// biome-ignore lint: the registry holds definitions of any schema and result.
export type AnyPlatformActionDefinition = PlatformActionDefinition<any, any>;

/** Declares a tenant action: permission, input schema and domain function, in one place. */
export function defineAction<Schema extends z.ZodType, Result>(definition: ActionDefinition<Schema, Result>): ActionDefinition<Schema, Result> {
  return definition;
}

export type ActionResult<Result = unknown> =
  | { ok: true; data: Result; message?: string }
  | { ok: false; message: string; code: string; fieldErrors?: Record<string, string[]> };

/** What a platform action's domain function receives: the platform admin, and the scopes. */
export type PlatformActionContext = {
  user: PlatformAdmin;
  requestId: string;
  /** Open the scope(s) the work needs; writes in them are audited for this admin. */
  withTenant: <T>(tenantId: string, fn: (tx: Tx) => Promise<T>) => Promise<T>;
  withPlatform: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
};

export type PlatformActionDefinition<Schema extends z.ZodType, Result> = Omit<ActionDefinition<Schema, Result>, "run" | "revalidate"> & {
  run: (ctx: PlatformActionContext, input: z.output<Schema>) => Promise<Result>;
  revalidate?: (result: Result) => string[];
};

export function definePlatformAction<Schema extends z.ZodType, Result>(
  definition: PlatformActionDefinition<Schema, Result>,
): PlatformActionDefinition<Schema, Result> {
  return definition;
}
