// Types of parse-engine.mjs (plain JavaScript, so the parse thread needs no compiler).
import type { SheetRow, SpreadsheetFormat, TextEncodingName } from "./read";
import type { UploadLimitKind, UploadLimits } from "./upload-limits";

export declare class LimitFailure extends Error {
  readonly limit: UploadLimitKind;
  readonly row?: number;
  readonly maxBytes?: number;
}

export declare class FileFailure extends Error {
  readonly userMessage: string;
}

export declare function parseRows(
  format: SpreadsheetFormat,
  bytes: AsyncIterable<Uint8Array>,
  limits: UploadLimits,
  onEncoding?: (name: TextEncodingName) => void,
): AsyncGenerator<SheetRow & { chars: number }>;

export declare function detectDelimiter(line: string): string;

export declare function decodeText(
  bytes: AsyncIterable<Uint8Array>,
  onEncoding?: (encoding: TextEncodingName) => void,
): AsyncGenerator<string, void, undefined>;

export type ZipEntry = { name: string; method: number; size: number; compressed: number; offset: number; start: number; stop: number };

export declare function inspectZip(buffer: Buffer, limits: UploadLimits): Promise<ZipEntry[]>;
