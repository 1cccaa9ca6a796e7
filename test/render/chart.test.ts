import { createRequire } from "node:module";
import { inflateSync } from "node:zlib";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { createTranslator } from "../../src/i18n.js";
import { layoutRollupChart, renderRollupChart } from "../../src/render/chart.js";
import { loadFontMetrics, textWidth } from "../../src/render/text-metrics.js";
import { seedQuarterTask, TZ } from "./fixture.js";

const require = createRequire(import.meta.url);

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
        const pa = Math.abs(p - a),
          pb = Math.abs(p - b),
          pc = Math.abs(p - c);
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
    const hex = [img.pixels[i]!, img.pixels[i + 1]!, img.pixels[i + 2]!]
      .map((v) => v.toString(16).padStart(2, "0"))
      .join("");
    counts.set(hex, (counts.get(hex) ?? 0) + 1);
  }
  return counts;
}

const INDIGO = "1565c0";

describe("renderRollupChart", () => {
  it("renders the 37-unit, 9-indicator quarter within 1080×1600 with status colours and text", async () => {
    const task = seedQuarterTask();
    expect(task.rows).toHaveLength(37);
    expect(task.indicators).toHaveLength(9);
    const img = decodePng(await renderRollupChart(task, vi, { timezone: TZ }));
    expect(img.width).toBe(1080);
    expect(img.height).toBeLessThanOrEqual(1600);
    const colours = colourCounts(img);
    // Status bars: green on time, orange late, red missing; the panels' group bars.
    for (const hex of ["2e7d32", "ef6c00", "c62828", "d7ccc8", INDIGO])
      expect(colours.get(hex) ?? 0, hex).toBeGreaterThan(300);
    // Anti-aliased glyphs give many shades: text was drawn with the font.
    expect(colours.size).toBeGreaterThan(100);
  });

  it("lays out a title with task, period, deadline and time, one bar per group, and one panel per indicator", () => {
    const task = seedQuarterTask();
    const layout = layoutRollupChart(task, vi, { timezone: TZ });
    const texts = layout.texts.map((x) => x.text);
    expect(texts.slice(0, 4)).toEqual([
      "Báo cáo quý kết quả tuyên truyền cải cách hành chính",
      "Quý I/2021 · hạn Thứ Hai, 15/03/2021",
      "Số liệu lúc 16/03/2021 09:00",
      "Đã báo cáo 7/37 đơn vị",
    ]);
    expect(layout.indicatorMode).toBe("panels");
    // Group bars carry their counts: communes 3 on time, 2 late, 3 missing, 17 nobody to remind.
    const communes = texts.indexOf("Xã, thị trấn");
    expect(texts.slice(communes + 1, communes + 5)).toEqual(["3", "2", "3", "17"]);
    expect(texts).toContain("5/25 đã báo cáo");
    // Vietnamese number format everywhere: 1.995 áp phích, 25.200 tờ rơi.
    expect(texts).toContain("1.995");
    expect(texts).toContain("25.200");
    expect(texts).toContain("Kết quả (tổng hợp từ 7/37 đơn vị đã báo cáo)");
  });

  it("never cuts a name: every line fits its box and the words of every name are all there", () => {
    const task = seedQuarterTask();
    // The longest names the plan has, as group labels, and a long title.
    task.title =
      "Báo cáo quý kết quả tuyên truyền cải cách hành chính của Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch huyện";
    task.rows = task.rows.map((r) =>
      r.group === "Đơn vị sự nghiệp"
        ? {
            ...r,
            group: "Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch và các đơn vị sự nghiệp công lập trực thuộc",
          }
        : r,
    );
    task.groups = task.groups.map((g) =>
      g === "Đơn vị sự nghiệp"
        ? "Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch và các đơn vị sự nghiệp công lập trực thuộc"
        : g,
    );
    const layout = layoutRollupChart(task, vi, { timezone: TZ });
    expect(layout.height).toBeLessThanOrEqual(1600);
    for (const text of layout.texts) {
      expect(text.width, text.text).toBeLessThanOrEqual(text.maxWidth + 0.01);
      const left =
        text.anchor === "start" ? text.x : text.anchor === "end" ? text.x - text.width : text.x - text.width / 2;
      expect(left, text.text).toBeGreaterThanOrEqual(0);
      expect(left + text.width, text.text).toBeLessThanOrEqual(1080);
      expect(text.text).not.toContain("…");
    }
    const all = layout.texts.map((x) => x.text).join(" ");
    for (const name of [task.title, ...task.groups, ...task.indicators.map((i) => i.label)])
      expect(all).toContain(name);
  });

  it("measures text as resvg draws it (the layout's widths are real)", () => {
    const sample = "Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch";
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="60"><text x="0" y="40" font-family="Be Vietnam Pro" font-size="24">${sample}</text></svg>`;
    const fontFiles = [require.resolve("@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf")];
    const box = new Resvg(svg, {
      font: { fontFiles, loadSystemFonts: false, defaultFontFamily: "Be Vietnam Pro" },
    }).getBBox()!;
    const measured = textWidth(loadFontMetrics(fontFiles[0]!), sample, 24);
    expect(Math.abs(box.width - measured) / measured).toBeLessThan(0.03);
  });

  it("gives each indicator its own scale: the largest group bar of every panel is full width", () => {
    const layout = layoutRollupChart(seedQuarterTask(), vi, { timezone: TZ });
    const bars = layout.rects.filter((r) => r.height === 16);
    // 9 panels × 3 reporting groups.
    expect(bars.length).toBe(27);
    const widest = Math.max(...bars.map((b) => b.width));
    for (let p = 0; p < 9; p++)
      expect(Math.max(...bars.slice(p * 3, p * 3 + 3).map((b) => b.width))).toBeCloseTo(widest, 5);
  });

  it("stays within 1600 px with many groups: one row per group, the smallest merged into one bar", () => {
    const task = seedQuarterTask();
    task.rows = task.rows.map((r, i) => ({ ...r, group: `Cụm xã số ${i % 20} (tên dài để thử xuống dòng)` }));
    task.groups = [...new Set(task.rows.map((r) => r.group))];
    const layout = layoutRollupChart(task, vi, { timezone: TZ });
    expect(layout.height).toBeLessThanOrEqual(1600);
    const texts = layout.texts.map((x) => x.text);
    expect(texts).toContain("Các nhóm khác (7 nhóm)");
    for (const text of layout.texts) expect(text.width, text.text).toBeLessThanOrEqual(text.maxWidth + 0.01);
  });

  it("uses a compact table when there are many indicators", () => {
    const task = seedQuarterTask();
    task.indicators = [
      ...task.indicators,
      ...task.indicators.map((i) => ({ ...i, code: `${i.code}_2`, label: `${i.label} (đợt 2)` })),
    ];
    const layout = layoutRollupChart(task, vi, { timezone: TZ });
    expect(layout.indicatorMode).toBe("table");
    expect(layout.height).toBeLessThanOrEqual(1600);
    expect(layout.texts.map((x) => x.text)).toContain("Đơn vị tính");
  });
});
