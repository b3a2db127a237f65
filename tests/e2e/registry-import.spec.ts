import { expect, type Page } from "@playwright/test";
import { generateNik, generateNoKk } from "@/lib/identity/nik";
import { signInAs } from "./auth";
import { saveScreenshot } from "./screenshots";
import { test } from "./fixtures";

const HEADER = "NO KK;NIK;NAMA;JENIS KELAMIN;TGL LAHIR;HUB KELUARGA;DESIL;MISKIN EKSTREM;KECAMATAN;KELURAHAN;ALAMAT";
// Kecamatan Ampenan of Kota Mataram: the region digits of its NIKs and cards.
const REGION = "527101";

type Person = { name: string; sex: "MALE" | "FEMALE"; birth: Date; relation: string };

/** A small DTSEN extract: two households of Ampenan Tengah, numbers unique to this run. */
function extract(serial: number, wrongBirthDate: boolean) {
  const families: { noKk: string; people: (Person & { nik: string })[] }[] = [];
  for (const [index, surname] of ["Hidayat", "Wulandari"].entries()) {
    const noKk = generateNoKk({ regionCode: REGION, issueDate: new Date(Date.UTC(2019, 6, 1 + index)), serial });
    const people: Person[] = [
      { name: `Lalu ${surname}`, sex: "MALE", birth: new Date(Date.UTC(1979, 2, 14)), relation: "KEPALA KELUARGA" },
      { name: `Baiq ${surname}`, sex: "FEMALE", birth: new Date(Date.UTC(1983, 8, 2)), relation: "ISTRI" },
      { name: `Ahmad ${surname}`, sex: "MALE", birth: new Date(Date.UTC(2008, 0, 20)), relation: "ANAK" },
    ];
    families.push({
      noKk,
      people: people.map((person, member) => ({
        ...person,
        nik: generateNik({ regionCode: REGION, birthDate: person.birth, sex: person.sex, serial: serial + index * 3 + member }),
      })),
    });
  }
  const day = (date: Date) => `${String(date.getUTCDate()).padStart(2, "0")}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-${date.getUTCFullYear()}`;
  const lines = families.flatMap(({ noKk, people }, index) =>
    people.map((person, member) => {
      // The child of the second family: its date column disagrees with its NIK.
      const birth = wrongBirthDate && index === 1 && member === 2 ? new Date(Date.UTC(2008, 0, 21)) : person.birth;
      return [
        noKk,
        person.nik,
        person.name,
        person.sex === "MALE" ? "L" : "P",
        day(birth),
        person.relation,
        "1",
        "YA",
        "AMPENAN",
        "AMPENAN TENGAH",
        `Jl. Saleh Sungkar No. ${index + 1}`,
      ].join(";");
    }),
  );
  return { csv: Buffer.from(`${HEADER}\n${lines.join("\n")}\n`), firstNoKk: families[0]!.noKk };
}

async function checkFile(page: Page, name: string, csv: Buffer) {
  await page.getByLabel("Berkas (.xlsx, .csv atau .txt)").setInputFiles({ name, mimeType: "text/csv", buffer: csv });
  await page.getByRole("button", { name: "Periksa berkas" }).click();
  await expect(page.getByRole("heading", { name: "2. Hasil pemeriksaan" })).toBeVisible({ timeout: 30_000 });
}

async function saveToRegistry(page: Page) {
  await page.getByRole("button", { name: /^Simpan \d+ baris ke registri$/ }).click();
  await expect(page.getByRole("heading", { name: "Hasil impor" })).toBeVisible({ timeout: 30_000 });
}

test("a planner imports an extract, fixes the rejected row, re-imports, and reads a household's timeline", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const serial = 1000 + (Date.now() % 8000);
  await signInAs(page, "bapeda.mataram@entas.test");
  await page.goto("/mataram/registri/impor");

  const first = extract(serial, true);
  await checkFile(page, "dtsen-ampenan.csv", first.csv);
  const rejected = page.getByRole("region", { name: "Baris ditolak", exact: true });
  await expect(rejected.getByRole("row")).toHaveCount(2);
  await expect(rejected).toContainText(/tanggal lahir/i);
  await saveScreenshot(page, testInfo, "import-dry-run");
  // The server keeps what it checked: after a reload the rows are saved without the file.
  await page.reload();
  await saveToRegistry(page);

  // The fixed file, through the same form: the five saved rows are unchanged, the corrected one is new.
  const fixed = extract(serial, false);
  await checkFile(page, "dtsen-ampenan-diperbaiki.csv", fixed.csv);
  await expect(page.getByText("Tidak ada baris yang ditolak.")).toBeVisible();
  await saveToRegistry(page);
  await saveScreenshot(page, testInfo, "import-committed");

  // A number is looked up by POST: it opens the household and never appears in a URL.
  await page.goto("/mataram/registri");
  await page.getByLabel("NIK atau No. KK (16 digit)").fill(first.firstNoKk);
  await page.getByRole("button", { name: "Cari nomor" }).click();
  await expect(page).toHaveURL(/\/mataram\/registri\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Anggota keluarga" }).getByRole("row")).toHaveCount(4);
  await expect(page.getByRole("heading", { name: "Linimasa intervensi" })).toBeVisible();
  await saveScreenshot(page, testInfo, "household-profile");
});
