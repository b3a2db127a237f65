/**
 * The version of the record an edit form shows, sent with every save: a save made from an
 * older version is refused (STALE) instead of undoing someone else's change.
 */
export function VersionField({ version }: { version: number }) {
  return <input type="hidden" name="version" value={version} />;
}
