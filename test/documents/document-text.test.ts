// Reading plan documents (src/documents): .docx (Word numbering, header and task tables), PDF text
// layers, plain text, and what is refused: a photo, an old .doc, a spreadsheet, a scan, a zip bomb.
import { readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { documentText, PLAN_DOCUMENT_MAX_BYTES } from "../../src/documents/document-text.js";
import { readZipEntry, ZipError } from "../../src/documents/zip-entry.js";
import { planDocx, planPdf, scannedPdf } from "../support/plan-documents.js";

const WARD = readFileSync("test/fixtures/plan-drafts/phuong-hac-thanh-cchc-2026.txt", "utf8");

/** A ZIP of deflated entries, as a word processor writes them (CRCs left at 0: the reader does not check them). */
function zip(entries: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(entries)) {
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe("a .docx", () => {
  it("writes Word's numbering out and reads the header and a task table as the text reads", async () => {
    const read = await documentText(await planDocx(WARD, { numbering: true }));
    expect(read.ok && read.kind).toBe("docx");
    if (!read.ok) return;
    const lines = read.text.split("\n");
    expect(lines[0]).toMatch(/^ỦY BAN NHÂN DÂN\s{3,}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/);
    expect(lines).toContain("IV. TỔ CHỨC THỰC HIỆN");
    expect(lines.some((l) => l.startsWith("1. Văn phòng HĐND và UBND phường: là cơ quan thường trực"))).toBe(true);
    expect(lines).toContain(
      "| STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành | Sản phẩm |",
    );
    expect(lines).toContain(
      "| 4 | Khảo sát mức độ hài lòng của người dân, tổ chức đối với dịch vụ hành chính công | Trung tâm Phục vụ hành chính công phường | Các tổ dân phố | Quý III/2026 | Báo cáo kết quả khảo sát |",
    );
  });

  it("a zip bomb stops at the bound; a spreadsheet and a ZIP without a document are named as such", async () => {
    const bomb = zip({ "word/document.xml": Buffer.alloc(40 * 1024 * 1024, 0x20) });
    expect(bomb.length).toBeLessThan(PLAN_DOCUMENT_MAX_BYTES);
    expect(() => readZipEntry(bomb, "word/document.xml", 30 * 1024 * 1024)).toThrow(ZipError);
    expect(await documentText(bomb)).toEqual({ ok: false, error: "too_large" });
    expect(await documentText(zip({ "xl/workbook.xml": Buffer.from("<workbook/>") }))).toEqual({
      ok: false,
      error: "spreadsheet",
    });
    expect(await documentText(zip({ "content.xml": Buffer.from("<office/>") }))).toEqual({
      ok: false,
      error: "unsupported",
    });
    expect(await documentText(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]))).toEqual({
      ok: false,
      error: "unreadable",
    });
  });
});

describe("a PDF", () => {
  it("reads its text layer: the header's two columns apart, lines as the page has them", async () => {
    const read = await documentText(
      planPdf(readFileSync("test/fixtures/plan-drafts/xa-dong-son-chuyen-doi-so-2026.txt", "utf8")),
    );
    expect(read.ok && read.kind).toBe("pdf");
    if (!read.ok) return;
    expect(read.text.split("\n")[0]).toMatch(/^ỦY BAN NHÂN DÂN\s{3,}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/);
    expect(read.text).toContain("Số: 18/KH-UBND");
    expect(read.text).toContain("trước ngày 10/02/2026");
  });

  it("a scan without a text layer is said to be one", async () => {
    expect(await documentText(scannedPdf())).toEqual({ ok: false, error: "no_text_layer" });
    expect(await documentText(Buffer.from("%PDF-1.4\nnot really a pdf"))).toEqual({ ok: false, error: "unreadable" });
  });
});

describe("text and what is not a document", () => {
  it("UTF-8 and UTF-16 text; binary, photos, old Word files, empty and large files", async () => {
    expect(await documentText(Buffer.from("KẾ HOẠCH\nTuyên truyền", "utf8"))).toEqual({
      ok: true,
      kind: "text",
      text: "KẾ HOẠCH\nTuyên truyền",
    });
    expect(
      await documentText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("KẾ HOẠCH", "utf16le")])),
    ).toMatchObject({ ok: true, text: "KẾ HOẠCH" });
    expect(await documentText(Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37) % 256)))).toMatchObject({
      ok: false,
    });
    expect(await documentText(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]))).toEqual({ ok: false, error: "image" });
    expect(await documentText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toEqual({
      ok: false,
      error: "image",
    });
    expect(await documentText(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(100)]))).toEqual({
      ok: false,
      error: "doc_binary",
    });
    expect(await documentText(Buffer.alloc(0))).toEqual({ ok: false, error: "empty" });
    expect(await documentText(Buffer.alloc(PLAN_DOCUMENT_MAX_BYTES + 1, 0x61))).toEqual({
      ok: false,
      error: "too_large",
    });
  });
});
