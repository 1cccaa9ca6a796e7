/**
 * The text layer of a PDF, with unpdf (a build of Mozilla's pdf.js for servers, no native code):
 * text items grouped into lines by their baseline, left to right, a wide gap kept as a column gap
 * (the two columns of a Decree 30/2020 header). A scanned PDF has no text layer: it is reported as
 * such (the bot does no OCR), as is a PDF locked with a password.
 */

/** Why a PDF gave no text. */
export class PdfTextError extends Error {
  constructor(readonly reason: "no_text_layer" | "encrypted" | "unreadable") {
    super(`pdf: ${reason}`);
    this.name = "PdfTextError";
  }
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

/** Pages read at most (a plan is a few pages; an annex may add a few dozen). */
const MAX_PAGES = 60;

/**
 * Reads a PDF's text layer. Throws {@link PdfTextError}.
 * @example const text = await pdfText(bytes) // "ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI …\n…"
 */
export async function pdfText(data: Uint8Array): Promise<string> {
  // Loaded on first use: pdf.js is ~2 MB of code the bot does not need until a PDF arrives.
  const { getDocumentProxy } = await import("unpdf");
  let doc: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    doc = await getDocumentProxy(new Uint8Array(data), {
      verbosity: 0,
      isEvalSupported: false,
      disableFontFace: true,
    } as never);
  } catch (error) {
    throw new PdfTextError(
      /password/i.test(String((error as Error)?.name ?? "") + String((error as Error)?.message ?? ""))
        ? "encrypted"
        : "unreadable",
    );
  }
  const pages: string[] = [];
  let letters = 0;
  try {
    for (let p = 1; p <= Math.min(doc.numPages, MAX_PAGES); p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      // pdf.js adds whitespace items for gaps; the gaps are measured from the words themselves.
      const items = (content.items as TextItem[]).filter((i) => typeof i.str === "string" && i.str.trim().length > 0);
      const lines: { y: number; parts: TextItem[] }[] = [];
      for (const item of items) {
        const y = item.transform[5];
        const size = Math.abs(item.transform[3]) || item.height || 10;
        let line = lines.find((l) => Math.abs(l.y - y) <= size * 0.4);
        if (!line) lines.push((line = { y, parts: [] }));
        line.parts.push(item);
      }
      lines.sort((a, b) => b.y - a.y);
      const text = lines.map((line) => {
        const parts = line.parts.sort((a, b) => a.transform[4] - b.transform[4]);
        let out = "";
        let end: number | undefined;
        for (const part of parts) {
          const x = part.transform[4];
          const size = Math.abs(part.transform[3]) || 10;
          if (end !== undefined) {
            const gap = x - end;
            out +=
              gap > size * 2.5
                ? "          "
                : gap > size * 0.15 && !/\s$/.test(out) && !/^\s/.test(part.str)
                  ? " "
                  : "";
          }
          out += part.str;
          end = x + part.width;
        }
        return out.replace(/\s+$/, "");
      });
      letters += text.join("").replace(/[^\p{L}]/gu, "").length;
      pages.push(text.join("\n"));
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  if (letters < 20) throw new PdfTextError("no_text_layer");
  return pages.join("\n\n").normalize("NFC");
}
