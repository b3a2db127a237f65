import { expect, type Page } from "@playwright/test";
import { tenantPageHref, visibleNavGroups } from "@/features/shell/ui/nav-items";
import { kupang } from "@/prisma/demo/cities/kupang";
import { mataram } from "@/prisma/demo/cities/mataram";
import { povertyOpds } from "@/prisma/demo/cities/opds";
import type { CitySpec } from "@/prisma/demo/cities/types";
import { demoAccountsFor, PLATFORM_ADMIN_ACCOUNT } from "@/prisma/demo/demo-accounts";
import { pageFilesToWalk, walkPaths } from "@/scripts/page-walk";
import { DEMO_YEAR } from "../helpers/demo-year";
import { signInAs } from "./auth";
import { test } from "./fixtures";
import { openInBrowser } from "./walk";

// What the seed marks on each demo account's OPD, as the session would carry it.
const seededOpds = povertyOpds({ name: "Bapeda", shortName: "Bapeda" });
const opdOf = (code: string | undefined) => {
  const spec = seededOpds.find((opd) => opd.code === code);
  return spec ? { decidesRegistryChanges: spec.decidesRegistryChanges ?? false } : null;
};

const PHONE_WIDTH = 390;

/**
 * Common Indonesian words of buttons, labels and sentences: none belongs on a page read in
 * English. Domain names (kelurahan, desil, Dana PEM, DTKS, BPJS…) are not on the list.
 */
const INDONESIAN_WORDS = [
  "Simpan",
  "Batal",
  "Pilih",
  "Tambah",
  "Cari",
  "Ubah",
  "Hapus",
  "Kembali",
  "Unduh",
  "Cetak",
  "Kirim",
  "Tutup",
  "Lihat",
  "Sebelumnya",
  "Berikutnya",
  "tidak",
  "yang",
  "dengan",
  "belum",
  "sudah",
  "untuk",
  "atau",
];
const indonesianWord = new RegExp(`(?<![\\p{L}\\p{N}])(${INDONESIAN_WORDS.join("|")})(?![\\p{L}\\p{N}])`, "iu");

type Walk = { email: string; start: string[] };

/**
 * The role's menu and the account's own page. The lists open on the city's demo year, whose
 * rows link to the detail pages and forms.
 */
function cityWalk(city: CitySpec, account: ReturnType<typeof demoAccountsFor>[number]): Walk {
  const user = { role: account.role, opd: opdOf(account.opdCode), tenantSlug: city.slug };
  const menu = visibleNavGroups(user).flatMap((group) => group.items.map((item) => `${tenantPageHref(city.slug, item.key)}?tahun=${DEMO_YEAR}`));
  return { email: account.email, start: [...menu, "/akun/kata-sandi"] };
}

/** How far the page reaches past the window, and the outermost elements that reach it. */
async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (element: Element) => getComputedStyle(element).overflowX !== "visible";
    const insideScrollBox = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) if (scrolls(parent)) return true;
      return false;
    };
    const over = [...document.body.querySelectorAll("*")].filter((element) => element.getBoundingClientRect().right > width + 0.5 && !insideScrollBox(element));
    const outermost = over.filter((element) => !element.parentElement || !over.includes(element.parentElement));
    // A table's scroll box takes its width from where it stands: one squeezed to nothing is as unreadable.
    const squeezed = [...document.querySelectorAll("table")]
      .filter((table) => table.checkVisibility())
      .map((table) => table.closest<HTMLElement>(".overflow-x-auto") ?? table)
      .filter((box) => box.getBoundingClientRect().width < 120 && (box.parentElement?.getBoundingClientRect().width ?? 0) >= 120)
      .map(
        (box) => `<${box.tagName.toLowerCase()} class="${box.getAttribute("class") ?? ""}"> squeezed to ${Math.round(box.getBoundingClientRect().width)} px`,
      );
    return {
      squeezed,
      scrollWidth: document.documentElement.scrollWidth,
      width,
      widest: outermost.slice(0, 3).map((element) => {
        const box = element.getBoundingClientRect();
        return `<${element.tagName.toLowerCase()} class="${element.getAttribute("class") ?? ""}"> left ${Math.round(box.left)} width ${Math.round(box.width)}`;
      }),
    };
  });
}

/**
 * The words the page itself says: its text without the data it shows (table cells and row
 * headers, the choices of records in a list box, and whatever is marked data-user-content:
 * a programme's description, a budget line's), plus the placeholders, labels and titles only
 * a screen reader or a hover shows.
 */
async function interfaceText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const main = document.body.cloneNode(true) as HTMLElement;
    for (const data of main.querySelectorAll('td, th[scope="row"], [data-user-content], script, style, template')) data.remove();
    // A choice of a record (its value the record's id: a programme, a budget line) is the city's data too.
    for (const option of main.querySelectorAll("option")) if (/^(?=.*\d)[a-z0-9-]{20,}$/.test((option as HTMLOptionElement).value)) option.remove();
    // innerText needs the copy laid out: it stays out of sight and out of the window's width.
    main.style.cssText = "position:absolute;left:-100000px;top:0;width:1366px";
    document.documentElement.appendChild(main);
    const shown = main.innerText;
    main.remove();
    const attributes = [...document.querySelectorAll("[placeholder], [aria-label], [title]")]
      .filter((element) => !element.closest('td, th[scope="row"], [data-user-content]'))
      .flatMap((element) => ["placeholder", "aria-label", "title"].map((name) => element.getAttribute(name) ?? ""));
    return [shown, ...attributes].join("\n");
  });
}

// One account of each role and OPD mark of Kota Mataram (two accounts of the same kelurahan
// open the same pages), Kota Kupang's kelurahan, whose demo holds Dana PEM loans to open, and
// the platform's admin.
const walks: Walk[] = [
  ...demoAccountsFor(mataram.slug, mataram.demoKelurahan)
    .filter((account, index, all) => all.findIndex((other) => other.role === account.role && other.opdCode === account.opdCode) === index)
    .map((account) => cityWalk(mataram, account)),
  ...demoAccountsFor(kupang.slug, kupang.demoKelurahan)
    .filter((account) => account.role === "KELURAHAN")
    .slice(0, 1)
    .map((account) => cityWalk(kupang, account)),
  { email: PLATFORM_ADMIN_ACCOUNT.email, start: ["/platform", "/akun/kata-sandi"] },
];

/**
 * Walks every role in turn, signed in afresh: each opens its own menu's pages, and the pages
 * they link to (a detail, a form) that no role before it opened (the writers come before the
 * readers, so their forms are among the pages). Returns how many page files were opened, the
 * paths each account opened, and the page files no role opened: a page must be reached by a
 * link a user can follow, with the demo data to show.
 */
async function walkAllRoles(page: Page, prepare: () => Promise<void>, visit: (where: string) => Promise<void>) {
  const seen = new Set<string>();
  const opened: { email: string; paths: string[] }[] = [];
  for (const walk of walks) {
    await page.context().clearCookies();
    await prepare();
    await signInAs(page, walk.email);
    opened.push({ email: walk.email, paths: await walkPaths(openInBrowser(page), walk.start, (path) => visit(`${walk.email} ${path}`), seen) });
  }
  return {
    pages: seen.size,
    unreached: pageFilesToWalk().filter((file) => !seen.has(file)),
    report: opened.map(({ email, paths }) => `${email}: ${paths.join(" ")}`).join("\n"),
  };
}

test("no page of any role scrolls sideways on a 390 px phone @phone", async ({ page }, testInfo) => {
  // Each page a full server render and a browser's layout, about a hundred of them.
  test.setTimeout(900_000);
  await page.setViewportSize({ width: PHONE_WIDTH, height: 844 });
  const failures: string[] = [];
  const walked = await walkAllRoles(
    page,
    async () => undefined,
    async (where) => {
      const { scrollWidth, width, widest, squeezed } = await sidewaysOverflow(page);
      if (scrollWidth > PHONE_WIDTH) failures.push(`${where}: ${scrollWidth - width} px too wide; ${widest.join("; ")}`);
      if (squeezed.length > 0) failures.push(`${where}: ${squeezed.join("; ")}`);
    },
  );
  testInfo.annotations.push({ type: "pages", description: walked.report });
  expect.soft(walked.unreached, "page files no role reached by a link").toEqual([]);
  expect(failures, "pages wider than the phone").toEqual([]);
});

test("no page of any role in English shows Indonesian interface words @laptop", async ({ page }, testInfo) => {
  test.setTimeout(900_000);
  const failures: string[] = [];
  const walked = await walkAllRoles(
    page,
    () => page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: testInfo.project.use.baseURL! }]),
    async (where) => {
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      const lines = (await interfaceText(page)).split("\n").filter((line) => indonesianWord.test(line));
      if (lines.length > 0) failures.push(`${where}: ${[...new Set(lines)].slice(0, 5).join(" | ")}`);
    },
  );
  testInfo.annotations.push({ type: "pages", description: walked.report });
  expect.soft(walked.unreached, "page files no role reached by a link").toEqual([]);
  expect(failures, "Indonesian words on English pages").toEqual([]);
});
