/** Lower-case words joined by hyphens: the only shape a tenant slug may have. */
export const TENANT_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const TENANT_SLUG_MIN_LENGTH = 2;
export const TENANT_SLUG_MAX_LENGTH = 40;

/** First path segments the app itself uses (app/*): a tenant there would be unreachable. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "platform",
  "masuk",
  "publik",
  "keluar",
  "akun",
  "api",
  "admin",
  "audit",
  "static",
  "public",
  "_next",
]);

/**
 * The slug suggested for a kota/kabupaten: its name without "Kota"/"Kabupaten", in
 * lower-case words ("Kota Jambi" → "jambi", "Kabupaten Tanjung Jabung Barat" →
 * "tanjung-jabung-barat"). When that is taken, the kind is added ("kab-kupang").
 */
export function suggestTenantSlug(name: string, taken: ReadonlySet<string> = new Set()): string {
  const isKota = /^kota\s/i.test(name);
  const base = slugify(name.replace(/^(kota|kabupaten)\s+/i, "")) || slugify(name);
  const candidates = [base, `${isKota ? "kota" : "kab"}-${base}`, `${isKota ? "kota" : "kabupaten"}-${base}-2`];
  const free = candidates.find((candidate) => !taken.has(candidate) && !RESERVED_SLUGS.has(candidate));
  return (free ?? candidates[1] ?? base).slice(0, TENANT_SLUG_MAX_LENGTH).replace(/-+$/, "");
}

function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
