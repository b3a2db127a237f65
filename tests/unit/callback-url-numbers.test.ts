import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/session-user";

describe("the sign-in redirect's callbackUrl", () => {
  it.each([
    ["a NIK", "/mataram/registri?q=5271010101900001&desil=1", "/mataram/registri?desil=1"],
    ["a No. KK typed with spaces", "/mataram/registri?q=5271+0101+1500+0003", "/mataram/registri"],
    ["a NIK typed with dots", "/mataram/pelatihan/abc?q=5271.0101.0190.0001#picker", "/mataram/pelatihan/abc#picker"],
    ["part of a NIK", "/mataram/dana-pem/pinjaman/baru?tahun=2026&cari=527101010190", "/mataram/dana-pem/pinjaman/baru?tahun=2026"],
  ])("never carries %s", (_label, url, kept) => {
    expect(safeCallbackUrl(url)).toBe(kept);
  });

  it("keeps ordinary filters and ids", () => {
    expect(safeCallbackUrl("/mataram/registri?desil=1&after=cmj2x0d9k000108l45sz1a2b3")).toBe("/mataram/registri?desil=1&after=cmj2x0d9k000108l45sz1a2b3");
  });
});
