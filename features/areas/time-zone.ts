/** Indonesia's three time zones, by the province's two-digit Kemendagri code. */
const WITA_PROVINCES = new Set(["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"]);

export function timeZoneForProvince(provinceCode: string): string {
  const code = provinceCode.slice(0, 2);
  if (WITA_PROVINCES.has(code)) return "Asia/Makassar";
  if (code.startsWith("8") || code.startsWith("9")) return "Asia/Jayapura";
  return "Asia/Jakarta";
}
