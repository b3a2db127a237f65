import { describe, expect, it } from "vitest";
import { linksInHtml, PAGES_NOT_WALKED, pageFileOf, pageFilesToWalk, walkPaths } from "@/scripts/page-walk";

describe("the page walk shared by the Playwright walk and the HTTP page bench", () => {
  it("knows each page file by the paths it answers, static segments before dynamic ones", () => {
    expect(pageFileOf("/kota/bantuan/baru")).toBe("[tenant]/bantuan/baru/page.tsx");
    expect(pageFileOf("/kota/bantuan/abc123")).toBe("[tenant]/bantuan/[distributionId]/page.tsx");
    expect(pageFileOf("/kota/bantuan/templat")).toBeNull();
    expect(pageFileOf("/kota")).toBe("[tenant]/page.tsx");
  });

  it("must walk every page file but the few no signed-in user opens, and no download", () => {
    const files = pageFilesToWalk();
    expect(files).toContain("[tenant]/dasbor/kemiskinan/belum-terjangkau/cetak/page.tsx");
    expect(files).toContain("akun/kata-sandi/page.tsx");
    expect(files).not.toContain("masuk/page.tsx");
    expect(files.every((file) => file.endsWith("/page.tsx"))).toBe(true);
    for (const file of Object.keys(PAGES_NOT_WALKED)) expect(pageFileOf(`/${file.replace(/\/?page\.tsx$/, "")}`)).toBe(file);
  });

  it("reads an HTML page's same-origin links, not downloads nor other sites", () => {
    const html = [
      '<a class="x" href="/kota/registri?tahun=2025&amp;desil=1">r</a>',
      '<a href="/kota/registri/ekspor" download="">e</a>',
      '<a href="https://example.org/x">o</a>',
      '<a href="http://127.0.0.1:3361/kota/program">p</a>',
      "<a name=top>t</a>",
    ].join("");
    expect(linksInHtml(html, "http://127.0.0.1:3361")).toEqual(["/kota/registri?tahun=2025&desil=1", "/kota/program"]);
  });

  it("opens one path of each page file the role reaches, and none that answers otherwise", async () => {
    const site: Record<string, { status: number; links: string[] }> = {
      "/kota": { status: 200, links: ["/kota/registri/h1", "/kota/registri/h2", "/kota/pengguna"] },
      "/kota/registri": { status: 200, links: ["/kota/registri/h3", "/kota/registri?page=2"] },
      "/kota/registri/h1": { status: 200, links: [] },
      "/kota/pengguna": { status: 404, links: [] },
    };
    const visited: string[] = [];
    const opened = await walkPaths(
      async (path) => {
        const at = site[path.split("?")[0]!];
        return at ? { status: at.status, pathname: path.split("?")[0]!, links: async () => at.links } : null;
      },
      ["/kota", "/kota/registri"],
      async (path) => {
        visited.push(path);
      },
    );
    expect(opened).toEqual(["/kota", "/kota/registri", "/kota/registri/h1"]);
    expect(visited).toEqual(opened);
  });

  it("opens the next row's detail while none so far linked to one of the detail's own pages", async () => {
    const site: Record<string, string[]> = {
      "/kota/dana-pem": ["/kota/dana-pem/pinjaman/l1", "/kota/dana-pem/pinjaman/l2", "/kota/dana-pem/pinjaman/l3", "/kota/dana-pem/pinjaman/l4"],
      "/kota/dana-pem/pinjaman/l1": [],
      "/kota/dana-pem/pinjaman/l2": ["/kota/dana-pem/pinjaman/l2/perjanjian"],
      "/kota/dana-pem/pinjaman/l3": ["/kota/dana-pem/pinjaman/l3/perjanjian", "/kota/dana-pem/pinjaman/l3/kuitansi/r1"],
      "/kota/dana-pem/pinjaman/l2/perjanjian": [],
      "/kota/dana-pem/pinjaman/l3/kuitansi/r1": [],
    };
    const opened = await walkPaths(
      async (path) => (site[path] ? { status: 200, pathname: path, links: async () => site[path]! } : null),
      ["/kota/dana-pem"],
      async () => undefined,
    );
    expect(opened).toEqual([
      "/kota/dana-pem",
      "/kota/dana-pem/pinjaman/l1",
      "/kota/dana-pem/pinjaman/l2",
      "/kota/dana-pem/pinjaman/l3",
      "/kota/dana-pem/pinjaman/l2/perjanjian",
      "/kota/dana-pem/pinjaman/l3/kuitansi/r1",
    ]);
  });
});
