/**
 * Text widths from a TrueType font's own metrics (cmap + hmtx), so charts wrap long Vietnamese
 * names exactly where they would overflow instead of guessing or cutting them.
 */
import { readFileSync } from "node:fs";

/** Advance widths of one TTF, per code point, in font units. */
export interface FontMetrics {
  unitsPerEm: number;
  /** Advance of a code point in font units (the .notdef advance when the font lacks it). */
  advance(codePoint: number): number;
}

function tables(buf: Buffer): Map<string, number> {
  const count = buf.readUInt16BE(4);
  const out = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const rec = 12 + i * 16;
    out.set(buf.toString("latin1", rec, rec + 4), buf.readUInt32BE(rec + 8));
  }
  return out;
}

/** Code point → glyph id from the Unicode cmap subtable (format 4 or 12). */
function readCmap(buf: Buffer, cmap: number): Map<number, number> {
  const map = new Map<number, number>();
  const n = buf.readUInt16BE(cmap + 2);
  let best: { offset: number; format: number } | undefined;
  for (let i = 0; i < n; i++) {
    const rec = cmap + 4 + i * 8;
    const platform = buf.readUInt16BE(rec);
    const encoding = buf.readUInt16BE(rec + 2);
    const offset = cmap + buf.readUInt32BE(rec + 4);
    const format = buf.readUInt16BE(offset);
    const unicode = (platform === 3 && (encoding === 1 || encoding === 10)) || platform === 0;
    if (unicode && (format === 12 || (format === 4 && best?.format !== 12))) best = { offset, format };
  }
  if (!best) throw new Error("font has no Unicode cmap");
  const o = best.offset;
  if (best.format === 12) {
    const groups = buf.readUInt32BE(o + 12);
    for (let g = 0; g < groups; g++) {
      const rec = o + 16 + g * 12;
      const start = buf.readUInt32BE(rec);
      const end = buf.readUInt32BE(rec + 4);
      const glyph = buf.readUInt32BE(rec + 8);
      for (let c = start; c <= end && c - start < 0x10000; c++) map.set(c, glyph + c - start);
    }
    return map;
  }
  const segX2 = buf.readUInt16BE(o + 6);
  const ends = o + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const ranges = deltas + segX2;
  for (let s = 0; s < segX2 / 2; s++) {
    const end = buf.readUInt16BE(ends + s * 2);
    const start = buf.readUInt16BE(starts + s * 2);
    const delta = buf.readInt16BE(deltas + s * 2);
    const rangeOffset = buf.readUInt16BE(ranges + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const at = ranges + s * 2 + rangeOffset + (c - start) * 2;
        glyph = buf.readUInt16BE(at);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) map.set(c, glyph);
    }
  }
  return map;
}

/**
 * Reads the metrics of a TTF file.
 * @example const m = loadFontMetrics("BeVietnamPro_400Regular.ttf"); textWidth(m, "Thạch Thành", 16)
 */
export function loadFontMetrics(file: string): FontMetrics {
  const buf = readFileSync(file);
  const t = tables(buf);
  const head = t.get("head")!;
  const hhea = t.get("hhea")!;
  const hmtx = t.get("hmtx")!;
  const unitsPerEm = buf.readUInt16BE(head + 18);
  const longMetrics = buf.readUInt16BE(hhea + 34);
  const cmap = readCmap(buf, t.get("cmap")!);
  const glyphAdvance = (glyph: number): number => buf.readUInt16BE(hmtx + Math.min(glyph, longMetrics - 1) * 4);
  const cache = new Map<number, number>();
  return {
    unitsPerEm,
    advance(codePoint) {
      let a = cache.get(codePoint);
      if (a === undefined) cache.set(codePoint, (a = glyphAdvance(cmap.get(codePoint) ?? 0)));
      return a;
    },
  };
}

/**
 * Width in pixels of `text` set in `size` px (NFC: precomposed Vietnamese letters have their own glyphs).
 * @example textWidth(metrics, "2.500", 20) // ≈ 55
 */
export function textWidth(metrics: FontMetrics, text: string, size: number): number {
  let units = 0;
  for (const ch of text.normalize("NFC")) units += metrics.advance(ch.codePointAt(0)!);
  return (units * size) / metrics.unitsPerEm;
}

/**
 * Breaks `text` into lines no wider than `maxWidth` at spaces; a single word wider than the line
 * is split between characters. Never drops a character.
 * @example wrapText(metrics, "UBND xã Thạch Bình", 16, 90) // ["UBND xã", "Thạch Bình"]
 */
export function wrapText(metrics: FontMetrics, text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.normalize("NFC").trim().split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(metrics, candidate, size) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    let rest = word;
    while (textWidth(metrics, rest, size) > maxWidth) {
      const chars = Array.from(rest);
      let n = chars.length - 1;
      while (n > 1 && textWidth(metrics, chars.slice(0, n).join(""), size) > maxWidth) n--;
      lines.push(chars.slice(0, n).join(""));
      rest = chars.slice(n).join("");
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}
