import { describe, expect, it } from "vitest";
import { createZip, readZip } from "../../src/render/zip.js";
import { unzip } from "../support/unzip.js";

describe("createZip / readZip", () => {
  it("writes entries in order, deflated or stored, with UTF-8 names, readable by an independent reader", async () => {
    const xml = `<?xml version="1.0"?><root>${"<row>Đơn vị số 1</row>".repeat(2000)}</root>`;
    const tiny = new Uint8Array([1, 2, 3]);
    const zip = await createZip([
      { path: "[Content_Types].xml", data: xml },
      { path: "thư mục/ảnh.bin", data: tiny },
    ]);
    // Deflated: far smaller than the repetitive XML.
    expect(zip.length).toBeLessThan(xml.length / 10);
    for (const files of [readZip(zip), unzip(zip)]) {
      expect([...files.keys()]).toEqual(["[Content_Types].xml", "thư mục/ảnh.bin"]);
      expect(files.get("[Content_Types].xml")!.toString("utf8")).toBe(xml);
      expect([...files.get("thư mục/ảnh.bin")!]).toEqual([1, 2, 3]);
    }
  });

  it("gives the same bytes for the same content (a fixed time stamp)", async () => {
    const entries = [{ path: "a.xml", data: "<a/>" }];
    expect(Buffer.from(await createZip(entries)).equals(Buffer.from(await createZip(entries)))).toBe(true);
  });

  it("refuses what is not a ZIP", () => {
    expect(() => readZip(new Uint8Array(40))).toThrow(/not a ZIP/);
  });
});
