// A small DTSEN extract for the import's browser tests, and the import page's two steps.
import { expect, type Page } from "@playwright/test";
import { generateNik, generateNoKk } from "@/lib/identity/nik";

const HEADER = "NO KK;NIK;NAMA;JENIS KELAMIN;TGL LAHIR;HUB KELUARGA;DESIL;MISKIN EKSTREM;KECAMATAN;KELURAHAN;ALAMAT";
// Kecamatan Ampenan of Kota Mataram: the region digits of its NIKs and cards.
const REGION = "527101";

type Person = { name: string; sex: "MALE" | "FEMALE"; birth: Date; relation: string };

/** A small DTSEN extract: two households of Ampenan Tengah, numbers unique to this run. */
export function extract(serial: number, wrongBirthDate: boolean) {
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

export async function checkFile(page: Page, name: string, csv: Buffer) {
  await page.getByLabel("Berkas (.xlsx, .csv atau .txt)").setInputFiles({ name, mimeType: "text/csv", buffer: csv });
  await page.getByRole("button", { name: "Periksa berkas" }).click();
  await expect(page.getByRole("heading", { name: "2. Hasil pemeriksaan" })).toBeVisible({ timeout: 30_000 });
}

export async function saveToRegistry(page: Page) {
  await page.getByRole("button", { name: /^Simpan \d+ baris ke registri$/ }).click();
  await expect(page.getByRole("heading", { name: "Hasil impor" })).toBeVisible({ timeout: 30_000 });
}
