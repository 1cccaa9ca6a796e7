/**
 * The text of a report an officer sends as a file (the signed .docx or its PDF, "Báo cáo số 45/BC-UBND"),
 * read from the stored copy so its figures can be offered for recording instead of the file waiting as
 * evidence of a report that never comes.
 */
import { readFile } from "node:fs/promises";
import type { AttachmentRecord, FileStore } from "../core/ports.js";
import { documentText } from "../documents/document-text.js";
import { xlsxText } from "../documents/xlsx-text.js";

/** A report's text runs to a few pages; longer documents (a plan, a compilation) are kept as files only. */
export const REPORT_FILE_MAX_CHARS = 30_000;

/**
 * The first document among `files` with readable text (.docx, a PDF with a text layer, plain text,
 * an .xlsx's first sheet), or null (photos, scans, old .doc/.xls, a document too long for a report).
 * @example await reportFileText(deps.files, pending) // { name: "bc-quy-4.docx", text: "UBND XÃ TÂN LẬP …" }
 */
export async function reportFileText(
  store: Pick<FileStore, "pathOf">,
  files: readonly AttachmentRecord[],
): Promise<{ name: string; text: string } | null> {
  for (const file of files) {
    if (file.kind !== "document") continue;
    let bytes: Buffer;
    try {
      bytes = await readFile(store.pathOf(file.sha256));
    } catch {
      continue;
    }
    const read = await documentText(bytes);
    // a table sent as a workbook reads as the same table pasted into chat
    const text = read.ok ? read.text : read.error === "spreadsheet" ? safely(() => xlsxText(bytes)) : "";
    if (text.trim() && text.length <= REPORT_FILE_MAX_CHARS) return { name: file.fileName, text: text.trim() };
  }
  return null;
}

/** A damaged workbook reads as no text. */
function safely(read: () => string): string {
  try {
    return read();
  } catch {
    return "";
  }
}
