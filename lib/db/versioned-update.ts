// Optimistic concurrency for edit forms: each form carries the version of the record it
// showed, and the save applies only while the row still has that version. Two people
// saving the same record: the first wins, the second is refused instead of silently
// undoing the first. In PostgreSQL the second UPDATE waits for the first to commit and
// then re-reads the row, so it finds the new version and changes nothing.
import { stale } from "@/lib/errors";
import type { Tx } from "./tenant-scope";

/** The models an edit form saves; each has a `version` column (default 1). */
export type VersionedModel =
  | "area"
  | "opd"
  | "user"
  | "programme"
  | "budgetLine"
  | "budgetRealisation"
  | "aidDistribution"
  | "training"
  | "revolvingFund"
  | "povertyStatistic"
  | "target";

/**
 * The version a form shows for a record not saved yet (a new year's figures, a city's first
 * retention setting): its save creates the record, and is refused as STALE when someone has
 * created it meanwhile, as a save of an older version is.
 */
export const UNSAVED_VERSION = 0;

type UpdateManyArgs<M extends VersionedModel> = NonNullable<Parameters<Tx[M]["updateMany"]>[0]>;

/**
 * Updates the row matching `where` (its id, plus any guard such as `status: "DRAFT"`) if it
 * is still at `version`, and raises the version by one; otherwise throws STALE.
 */
export async function updateAtVersion<M extends VersionedModel>(
  tx: Tx,
  model: M,
  change: { where: UpdateManyArgs<M>["where"] & { id: string }; version: number; data: UpdateManyArgs<M>["data"] },
): Promise<void> {
  const delegate = tx[model] as unknown as { updateMany(args: unknown): Promise<{ count: number }> };
  const { count } = await delegate.updateMany({
    where: { ...change.where, version: change.version },
    data: { ...change.data, version: { increment: 1 } },
  });
  if (count === 0) throw stale();
}

/** For writes that change a record without a form (a verification, a cancellation): later saves of an older form are refused. */
export const nextVersion = { version: { increment: 1 } } as const;
