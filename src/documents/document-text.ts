/**
 * The text of a document an admin sends as a plan: a .docx, a PDF with a text layer, or plain
 * text (UTF-8 or UTF-16). The kind is told by the bytes, not the name; what cannot be read gets a
 * reason the bot can explain (a photo, an old .doc, a scanned PDF, an empty or too large file).
 */

import { docxText } from "./docx-text.js";
import { PdfTextError, pdfText } from "./pdf-text.js";
import { ZipError, zipNames } from "./zip-entry.js";

/** Largest plan document accepted (a plan's .docx is tens of kB; a PDF with a text layer a few MB at most). */
export const PLAN_DOCUMENT_MAX_BYTES = 4 * 1024 * 1024;
/** Longest text drafted (about 100 pages). */
export const PLAN_TEXT_MAX_CHARS = 300_000;

export type DocumentKind = "docx" | "pdf" | "text";

export type DocumentTextError =
  | "empty"
  | "too_large"
  | "image"
  | "doc_binary"
  | "spreadsheet"
  | "no_text_layer"
  | "encrypted"
  | "unreadable"
  | "unsupported"
  | "too_long";

export type DocumentTextResult =
  | { ok: true; kind: DocumentKind; text: string }
  | { ok: false; error: DocumentTextError };

const startsWith = (data: Uint8Array, bytes: number[], at = 0) => bytes.every((b, i) => data[at + i] === b);

/** What the bytes are. */
export function sniff(data: Uint8Array): DocumentKind | "image" | "doc_binary" | "zip" | "rtf" | "unknown" {
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46])) return "pdf"; // %PDF
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return "zip";
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0])) return "doc_binary"; // OLE2: .doc, .xls
  if (
    startsWith(data, [0xff, 0xd8, 0xff]) ||
    startsWith(data, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(data, [0x47, 0x49, 0x46, 0x38])
  )
    return "image";
  if (startsWith(data, [0x52, 0x49, 0x46, 0x46]) && startsWith(data, [0x57, 0x45, 0x42, 0x50], 8)) return "image"; // WEBP
  if (startsWith(data, [0x66, 0x74, 0x79, 0x70], 4)) return "image"; // HEIC/AVIF ("ftyp")
  if (startsWith(data, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return "rtf";
  return "text";
}

/** Plain text from bytes: UTF-16 with a byte order mark, else UTF-8 (Windows-1258 is rare in 2020s files). */
function decodeText(data: Uint8Array): string | undefined {
  let text: string;
  if (startsWith(data, [0xff, 0xfe])) text = new TextDecoder("utf-16le").decode(data.subarray(2));
  else if (startsWith(data, [0xfe, 0xff])) text = new TextDecoder("utf-16be").decode(data.subarray(2));
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(data);
    } catch {
      return undefined;
    }
  }
  text = text.replace(/^\uFEFF/, "");
  // Binary that happens to decode: mostly control characters.
  let controls = 0;
  for (const ch of text.slice(0, 4000)) {
    const code = ch.charCodeAt(0);
    if (code <= 8 || (code >= 14 && code <= 31)) controls++;
  }
  return controls > 20 ? undefined : text;
}

/**
 * Reads a document's text for drafting a plan.
 * @example const r = await documentText(bytes); if (r.ok) draftPlan(r.text, context)
 */
export async function documentText(data: Uint8Array): Promise<DocumentTextResult> {
  if (data.byteLength === 0) return { ok: false, error: "empty" };
  if (data.byteLength > PLAN_DOCUMENT_MAX_BYTES) return { ok: false, error: "too_large" };
  const kind = sniff(data);
  let text: string;
  try {
    switch (kind) {
      case "pdf":
        text = await pdfText(data);
        break;
      case "zip": {
        const names = zipNames(data);
        if (names.some((n) => n.startsWith("xl/"))) return { ok: false, error: "spreadsheet" };
        if (!names.includes("word/document.xml")) return { ok: false, error: "unsupported" };
        text = docxText(data);
        break;
      }
      case "text": {
        const decoded = decodeText(data);
        if (decoded === undefined) return { ok: false, error: "unsupported" };
        text = decoded;
        break;
      }
      case "image":
        return { ok: false, error: "image" };
      case "doc_binary":
        return { ok: false, error: "doc_binary" };
      default:
        return { ok: false, error: "unsupported" };
    }
  } catch (error) {
    if (error instanceof PdfTextError) return { ok: false, error: error.reason };
    if (error instanceof ZipError)
      return { ok: false, error: error.reason === "too_large" ? "too_large" : "unreadable" };
    return { ok: false, error: "unreadable" };
  }
  text = text.normalize("NFC");
  if (!/\p{L}{2}/u.test(text)) return { ok: false, error: "empty" };
  if (text.length > PLAN_TEXT_MAX_CHARS) return { ok: false, error: "too_long" };
  return { ok: true, kind: kind === "zip" ? "docx" : (kind as "pdf" | "text"), text };
}
