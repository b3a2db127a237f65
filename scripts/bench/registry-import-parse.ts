// Read + validate throughput of a 100,000-row CSV extract, without a database:
//   npx tsx scripts/bench/registry-import-parse.ts   (RUNS=n, default 3)
import { areaMatcher } from "@/lib/registry/import/areas";
import { readSpreadsheet } from "@/lib/spreadsheet/read";
import { validateExtract } from "@/lib/registry/import/validate";
import { chunked, extractRows, toCsv, type ImportTenant } from "@/tests/fixtures/registry/extract";

const AREAS = [
  { code: "01", name: "Ampenan", kelurahan: ["Ampenan Tengah", "Naikoten Satu", "Manulai II"] },
  { code: "02", name: "Cakranegara", kelurahan: ["Cakranegara Barat", "Sayang-sayang"] },
];
const code = "67.12";
const tenant: ImportTenant = {
  id: "t", slug: "t", name: "Kota Uji", prefix: "6712",
  kecamatan: AREAS.map((a, i) => ({ id: `k${i}`, code: `${code}.${a.code}`, name: a.name, kelurahan: a.kelurahan.map((n, j) => ({ id: `k${i}-${j}`, code: `${code}.${a.code}.${1001 + j}`, name: n })) })),
};
const matcher = areaMatcher(
  tenant.kecamatan.map((k) => ({ id: k.id, code: k.code, name: k.name })),
  tenant.kecamatan.flatMap((k) => k.kelurahan.map((l) => ({ ...l, parentId: k.id }))),
);
const rows = extractRows(tenant, 40_000).slice(0, 100_000);
const bytes = new TextEncoder().encode(toCsv(rows));
for (let run = 0; run < Number(process.env.RUNS ?? 3); run++) {
  const started = performance.now();
  const sheet = await readSpreadsheet(chunked(bytes), { fileName: "x.csv" });
  const out = await validateExtract(sheet.rows, { cityPrefix: "6712", cityName: "Kota Uji", areas: matcher, format: sheet.format });
  const ms = performance.now() - started;
  console.log(`run ${run}: ${out.totalRows} rows, ${out.rejected.length} rejected, ${out.households.length} households, ${ms.toFixed(0)} ms, ${(out.totalRows / ms * 1000).toFixed(0)} rows/s`);
}
