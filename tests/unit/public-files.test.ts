import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const publicDir = join(import.meta.dirname, "../../public");

function pngSize(path: string) {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

describe("the files a browser or phone asks for", () => {
  const manifest = JSON.parse(readFileSync(join(publicDir, "manifest.webmanifest"), "utf8"));

  it("the web manifest names the app and opens on the start page", () => {
    expect(manifest.short_name).toBe("Entas");
    expect(manifest.start_url).toBe("/");
    expect(manifest.display).toBe("standalone");
  });

  it("every icon the manifest lists exists at the size it declares, including 192 and 512 px", () => {
    for (const icon of manifest.icons as { src: string; sizes: string; type: string }[]) {
      const path = join(publicDir, icon.src);
      expect(existsSync(path), icon.src).toBe(true);
      if (icon.type === "image/png") expect(pngSize(path), icon.src).toBe(icon.sizes);
    }
    const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
    expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  });

  it("robots.txt keeps search engines out of a registry of poor households", () => {
    const robots = readFileSync(join(publicDir, "robots.txt"), "utf8");
    expect(robots).toMatch(/User-agent: \*\s+Disallow: \/\s*$/m);
  });
});
