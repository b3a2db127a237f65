// What a .docx says, for tests: its paragraphs' text and its tables' rows, read from the
// document part of the zip as Word stores it.
import JSZip from "jszip";

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'" };
const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((match) => (match[1] ?? "").replace(/&(amp|lt|gt|quot|apos);/g, (entity) => ENTITIES[entity] ?? entity))
    .join("");

export async function docxText(file: ArrayBuffer | Uint8Array) {
  const zip = await JSZip.loadAsync(file);
  const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => textOf(match[0]));
  const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => textOf(cell[0])));
  return { paragraphs, rows, text: paragraphs.join("\n") };
}
