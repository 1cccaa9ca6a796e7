import { writeFileSync } from "node:fs";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createTranslator } from "../../src/i18n.js";
import { buildRollupChartOption, renderRollupChart } from "../../src/render/chart.js";
import { UNIT_NAMES, bigTask, quarterlyTask } from "./fixture.js";

const vi = createTranslator({ defaultLanguage: "vi" }).t("vi");

interface Decoded {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel. */
  pixels: Uint8Array;
}

/** Just enough PNG decoding for resvg's output: 8-bit RGBA, not interlaced. */
function decodePng(png: Uint8Array): Decoded {
  const buf = Buffer.from(png);
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(buf.toString("latin1", 12, 16)).toBe("IHDR");
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  expect([buf[24], buf[25], buf[28]]).toEqual([8, 6, 0]);
  const idat: Buffer[] = [];
  for (let off = 8; off < buf.length; ) {
    const len = buf.readUInt32BE(off);
    if (buf.toString("latin1", off + 4, off + 8) === "IDAT") idat.push(buf.subarray(off + 8, off + 8 + len));
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      let v = line[x]!;
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[y * stride + x] = v & 0xff;
    }
  }
  return { width, height, pixels };
}

function colourCounts(img: Decoded): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < img.pixels.length; i += 4) {
    const hex = [img.pixels[i]!, img.pixels[i + 1]!, img.pixels[i + 2]!].map((v) => v.toString(16).padStart(2, "0")).join("");
    counts.set(hex, (counts.get(hex) ?? 0) + 1);
  }
  return counts;
}

describe("renderRollupChart", () => {
  it("renders a PNG with status colours and text", async () => {
    const png = await renderRollupChart(quarterlyTask(), vi);
    writeFileSync("/tmp/chart.png", png);
    const img = decodePng(png);
    expect(img.width).toBe(1200);
    expect(img.height).toBeGreaterThan(300);
    expect(img.height).toBeLessThanOrEqual(3000);
    const colours = colourCounts(img);
    const white = colours.get("ffffff") ?? 0;
    expect(white).toBeLessThan(img.width * img.height * 0.95);
    // Bars: 2 on time (green), 1 late (orange), 2 missing (red).
    const green = colours.get("2e7d32") ?? 0;
    const orange = colours.get("ef6c00") ?? 0;
    const red = colours.get("c62828") ?? 0;
    expect(orange).toBeGreaterThan(500);
    expect(green).toBeGreaterThan(orange * 1.5);
    expect(red).toBeGreaterThan(orange * 1.5);
    // Anti-aliased glyphs give many shades: text was drawn with the font.
    expect(colours.size).toBeGreaterThan(100);
  });

  it("lays out one row per unit with the top indicators and the titled period", () => {
    const spec = buildRollupChartOption(quarterlyTask(), vi);
    expect(spec.byTag).toBe(false);
    expect(spec.categories).toEqual(UNIT_NAMES);
    const titles = spec.option.title as { text: string; subtext?: string }[];
    expect(titles[0]!.text).toBe("Báo cáo kết quả tuyên truyền CCHC — Quý I/2021");
    expect(titles[0]!.subtext).toContain("Đã báo cáo 3/5");
    const series = spec.option.series as { name: string; data: number[] }[];
    expect(series.map((s) => s.name)).toEqual([
      "Đúng hạn",
      "Muộn",
      "Chưa báo cáo",
      "Áp phích: 75 tờ",
      "Pa nô: 37 cái",
      "Tin bài: 14 tin",
    ]);
    expect(series[4]!.data).toEqual([12, 5, 20, 0, 0]);
  });

  it("groups more than 40 units by their first tag", async () => {
    const task = bigTask();
    const spec = buildRollupChartOption(task, vi);
    expect(spec.byTag).toBe(true);
    expect(spec.categories).toEqual(["xa", "thi-tran", "phong-ban"]);
    const series = spec.option.series as { name: string; data: number[] }[];
    const byName = Object.fromEntries(series.map((s) => [s.name, s.data]));
    const sum = (name: string) => byName[name]!.reduce((a, b) => a + b, 0);
    expect(sum("Đúng hạn")).toBe(task.counts.onTime);
    expect(sum("Muộn")).toBe(task.counts.late);
    expect(sum("Chưa báo cáo")).toBe(task.counts.missing);
    for (let i = 0; i < 3; i++) expect(byName["Đúng hạn"]![i]! + byName["Muộn"]![i]! + byName["Chưa báo cáo"]![i]!).toBe(20);

    const img = decodePng(await renderRollupChart(task, vi));
    writeFileSync("/tmp/chart-by-tag.png", Buffer.from(await renderRollupChart(task, vi)));
    expect(img.height).toBeLessThan(600);
  });

  it("caps the size", async () => {
    const spec = buildRollupChartOption(quarterlyTask(), vi, { width: 99_999, height: 99_999 });
    expect(spec.width).toBe(4000);
    expect(spec.height).toBe(3000);
  });
});
