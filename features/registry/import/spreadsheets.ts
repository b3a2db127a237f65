// The two spreadsheets the import page hands out, written as streams: the rejected rows
// (original columns + ALASAN DITOLAK, to fix and import again) and the empty template.
// Every cell is written as text, so Excel keeps all 16 digits of an ID and never runs a
// value that looks like a formula.
import { styleHeader, writeWorkbook } from "@/lib/spreadsheet/write";
import { generateNik, generateNoKk } from "@/lib/identity/nik";
import { COLUMNS } from "./columns";
import { EXAMPLE_HEAD_NAME, EXAMPLE_SPOUSE_NAME } from "./template-example";
import type { RejectedRow } from "@/lib/spreadsheet/table-import";

export const REASON_HEADER = "ALASAN DITOLAK";
export const ROW_HEADER = "BARIS ASAL";
export { XLSX_TYPE } from "@/lib/spreadsheet/write";

const TEXT_FORMAT = "@";

/** The rejected rows as .xlsx: the file's own columns, then the reasons and the row number. */
export function rejectedRowsWorkbook(headers: string[], rejected: RejectedRow[]): ReadableStream<Uint8Array> {
  return writeWorkbook(async (workbook) => {
    const sheet = workbook.addWorksheet("Ditolak", { views: [{ state: "frozen", ySplit: 1 }] });
    const width = Math.max(headers.length, ...rejected.slice(0, 1000).map((row) => row.cells.length));
    const columns = [...Array.from({ length: width }, (_, i) => headers[i] || `KOLOM ${i + 1}`), REASON_HEADER, ROW_HEADER];
    sheet.columns = columns.map((header, i) => ({
      key: String(i),
      width: header === REASON_HEADER ? 70 : Math.min(Math.max(header.length + 4, 14), 30),
      style: { numFmt: TEXT_FORMAT },
    }));
    const head = sheet.addRow(columns);
    styleHeader(head);
    head.commit();
    for (const row of rejected) {
      const cells = Array.from({ length: width }, (_, i) => row.cells[i] ?? "");
      sheet.addRow([...cells, row.reasons.join("; "), String(row.rowNumber)]).commit();
    }
    sheet.commit();
  });
}

export type TemplateArea = { kecamatan: string; kecamatanCode: string; kelurahan: string[] };

/** The template's columns, in order: also the registry export's, so an export imports again as it is. */
export const EXAMPLE_COLUMNS = [
  "noKk",
  "nik",
  "name",
  "sex",
  "birthPlace",
  "birthDate",
  "relation",
  "desil",
  "extremePoor",
  "kecamatan",
  "kelurahan",
  "address",
  "rt",
  "rw",
  "registryId",
  "education",
  "occupation",
  "disability",
] as const;

const GUIDE: Record<(typeof EXAMPLE_COLUMNS)[number], string> = {
  noKk: "Wajib. 16 digit, 4 digit pertama kode kota; kolom berformat Teks.",
  nik: "Wajib. 16 digit, kolom berformat Teks; tanggal lahir pada NIK harus sama dengan TANGGAL LAHIR (perempuan: tanggal + 40). Boleh NIK dari daerah lain (pendatang).",
  name: "Wajib.",
  sex: "Wajib. L atau P (LAKI-LAKI / PEREMPUAN).",
  birthPlace: "Boleh kosong.",
  birthDate: "Wajib. hh-bb-tttt (12-01-1980), hh/bb/tttt, tttt-bb-hh, 12 Januari 1980, atau tanggal Excel.",
  relation: "Wajib. KEPALA KELUARGA, ISTRI, SUAMI, ANAK, MENANTU, CUCU, ORANG TUA, MERTUA, FAMILI LAIN, PEMBANTU, LAINNYA. Satu kepala keluarga per No. KK.",
  desil: "1–10. Kosong: desil di registri tidak diubah.",
  extremePoor: "YA (atau Y, X, ✓, 1) atau TIDAK (atau T, 0). Kosong: tidak diubah.",
  kecamatan: "Nama kecamatan (lihat daftar di bawah).",
  kelurahan: "Wajib. Nama kelurahan di kecamatan itu.",
  address: "Boleh kosong.",
  rt: "Angka, mis. 001.",
  rw: "Angka, mis. 002.",
  registryId: "ID DTKS / DTSEN / P3KE, boleh kosong.",
  education: "TIDAK/BELUM SEKOLAH, BELUM TAMAT SD, SD, SMP, SMA, DIPLOMA, S1, S2/S3.",
  occupation: "Boleh kosong.",
  disability: "Kosong/TIDAK, FISIK, INTELEKTUAL, MENTAL, SENSORIK, GANDA.",
};

/** The template: the data sheet first (the import reads the first sheet), then a guide with the city's areas. */
export function templateWorkbook(cityName: string, areas: TemplateArea[]): ReadableStream<Uint8Array> {
  return writeWorkbook(async (workbook) => {
    const headers = EXAMPLE_COLUMNS.map((key) => COLUMNS.find((column) => column.key === key)!.header);
    const sheet = workbook.addWorksheet("Data", { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = headers.map((header, i) => ({ key: String(i), width: Math.max(header.length + 4, i < 2 ? 20 : 14), style: { numFmt: TEXT_FORMAT } }));
    const head = sheet.addRow(headers);
    styleHeader(head);
    head.commit();
    const first = areas[0];
    if (first) {
      const region = first.kecamatanCode.replace(/\./g, "").slice(0, 6);
      const noKk = generateNoKk({ regionCode: region, issueDate: new Date(Date.UTC(2019, 5, 12)), serial: 1 });
      const head1 = generateNik({ regionCode: region, birthDate: new Date(Date.UTC(1980, 0, 12)), sex: "MALE", serial: 1 });
      const wife = generateNik({ regionCode: region, birthDate: new Date(Date.UTC(1984, 2, 3)), sex: "FEMALE", serial: 1 });
      const common = ["1", "YA", first.kecamatan.toUpperCase(), (first.kelurahan[0] ?? "").toUpperCase(), "Jl. Contoh No. 1", "001", "002", ""];
      sheet.addRow([noKk, head1, EXAMPLE_HEAD_NAME, "L", "Mataram", "12-01-1980", "KEPALA KELUARGA", ...common, "SD", "Buruh harian lepas", ""]).commit();
      sheet.addRow([noKk, wife, EXAMPLE_SPOUSE_NAME, "P", "Mataram", "03-03-1984", "ISTRI", ...common, "SMP", "Mengurus rumah tangga", ""]).commit();
    }
    sheet.commit();

    const guide = workbook.addWorksheet("Petunjuk");
    guide.columns = [{ width: 22 }, { width: 100 }];
    const title = guide.addRow([`Templat impor registri — ${cityName}`]);
    title.font = { bold: true, size: 13 };
    title.commit();
    guide
      .addRow([
        "Satu baris per anggota keluarga; kolom keluarga (NO KK, DESIL, KELURAHAN, ALAMAT…) diulang di setiap baris. Hapus baris contoh sebelum mengimpor: bila tertinggal, keduanya ditolak.",
      ])
      .commit();
    guide.addRow([]).commit();
    EXAMPLE_COLUMNS.forEach((key, i) => {
      guide.addRow([headers[i], GUIDE[key]]).commit();
    });
    guide.addRow([]).commit();
    const areaHead = guide.addRow(["KECAMATAN", "KELURAHAN"]);
    styleHeader(areaHead);
    areaHead.commit();
    for (const area of areas) guide.addRow([area.kecamatan, area.kelurahan.join(", ")]).commit();
    guide.commit();
  });
}
