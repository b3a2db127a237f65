// How large a small-table import's file may be, and the request that carries it. Both are
// read by the browser too (the upload form refuses a larger file before sending it), so this
// file imports nothing. next.config.js states the request limit again, for Next.js's own
// readers (serverActions.bodySizeLimit; proxyClientMaxBodySize a megabyte more); a test holds them so.

const MB = 1024 * 1024;

/** The file of a small-table import (lib/spreadsheet/table-import.ts). */
export const TABLE_FILE_MAX_BYTES = 10 * MB;

/** A server action's whole request: the file, the form's other fields and the multipart framing. */
export const ACTION_BODY_MAX_BYTES = 11 * MB;

/**
 * What Next.js buffers of a request for the proxy (next.config.js, proxyClientMaxBodySize): a
 * megabyte more than an action may take. A body sent in pieces without a declared length is
 * counted there; one cut at this size is still longer than ACTION_BODY_MAX_BYTES, so the proxy
 * can tell it was too large (Next.js's own reader would answer it with a server error).
 */
export const PROXY_BODY_MAX_BYTES = ACTION_BODY_MAX_BYTES + MB;
