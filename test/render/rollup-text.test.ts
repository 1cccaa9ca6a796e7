import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatDateTime as formatLocalDateTime } from "../../src/core/format.js";
import { renderRollupText, splitMessage } from "../../src/core/rollups/rollup-text.js";
import { createTranslator } from "../../src/i18n.js";
import { TZ, UNIT_NAMES, oneOffTask, quarterlyTask } from "./fixture.js";

const translator = createTranslator({ defaultLanguage: "vi" });
const vi = translator.t("vi");

describe("renderRollupText", () => {
  it("writes the leaders' summary in Vietnamese", () => {
    const text = renderRollupText(quarterlyTask(), vi, TZ);
    const lines = text.split("\n");
    expect(lines.slice(0, 12)).toEqual([
      "TỔNG HỢP: Báo cáo kết quả tuyên truyền CCHC — Quý I/2021",
      "Hạn báo cáo: Thứ Ba, 16/03/2021",
      "Đã báo cáo 3/5 (đúng hạn 2, muộn 1) (+1 so với Quý IV/2020)",
      "Chưa báo cáo (2):",
      "- UBND xã Thạch Định",
      "- UBND xã Thành Tâm",
      "Báo cáo muộn: UBND xã Thành Vinh",
      "Kết quả:",
      "- Pa nô: 37 cái (+3 so với Quý IV/2020)",
      "- Áp phích: 75 tờ (bằng Quý IV/2020)",
      "- Tin bài: 14 tin (-6 so với Quý IV/2020)",
      "Ảnh minh chứng: 6",
    ]);
    // Latest first; long reports are cut at 100 characters.
    expect(lines[12]).toBe("Báo cáo mới nhất:");
    expect(lines[13]).toBe("- UBND xã Thành Vinh: Báo cáo muộn: 5 pano, 4 tin bài");
    expect(lines[14]).toBe("- UBND thị trấn Kim Tân: Thị trấn treo 20 pa nô, 45 áp phích; 7 tin bài.");
    const excerpt = lines[15]!.slice("- UBND xã Thạch Bình: ".length);
    expect(lines[15]!.startsWith("- UBND xã Thạch Bình: Thực hiện Kế hoạch số 15/KH-UBND")).toBe(true);
    expect(Array.from(excerpt)).toHaveLength(101);
    expect(excerpt.endsWith("…")).toBe(true);
    expect(lines).toHaveLength(16);
    expect(text).not.toMatch(/[*_<>`]/);
  });

  it("names every missing unit and says when nobody is missing", () => {
    const task = quarterlyTask();
    const text = renderRollupText(task, vi, TZ);
    for (const name of [UNIT_NAMES[3], UNIT_NAMES[4]]) expect(text).toContain(name);
    const done = renderRollupText(oneOffTask(), vi, TZ);
    expect(done).toContain("Tất cả đơn vị đã báo cáo.");
    expect(done.split("\n")[0]).toBe("TỔNG HỢP: Xây dựng kế hoạch tuyên truyền CCHC năm 2021");
    expect(done).toContain("Hạn báo cáo: Thứ Ba, 09/02/2021");
    expect(done).toContain("Đã báo cáo 5/5 (đúng hạn 4, muộn 1)");
    expect(done).not.toContain("Kết quả:");
  });

  it("speaks English from the en locale", () => {
    const text = renderRollupText(quarterlyTask(), translator.t("en"), TZ);
    expect(text).toContain("Due: Tuesday, 16/03/2021");
    expect(text).toContain("Reported 3/5 (on time 2, late 1)");
    expect(text).toContain("- Pa nô: 37 cái (+3 compared with Quý IV/2020)");
  });

  it("formats instants in the configured time zone", () => {
    expect(formatLocalDateTime(new Date("2021-03-14T23:30:00Z"), TZ)).toBe("15/03/2021 06:30");
    expect(formatLocalDateTime(new Date("2021-03-14T17:00:00Z"), TZ)).toBe("15/03/2021 00:00");
  });
});

describe("splitMessage", () => {
  const stripNewlines = (s: string) => s.replace(/\n/g, "");

  it("returns short text whole", () => {
    expect(splitMessage("Đã báo cáo 3/5", 100)).toEqual(["Đã báo cáo 3/5"]);
  });

  it("splits at line boundaries within the limit and keeps every line", () => {
    const text = renderRollupText(quarterlyTask(), vi, TZ);
    for (const limit of [60, 120, 300]) {
      const parts = splitMessage(text, limit);
      expect(parts.length).toBeGreaterThan(1);
      for (const p of parts) expect(p.length).toBeLessThanOrEqual(limit);
      // Every line fits, so only whole lines move and the parts rejoin with the dropped newlines.
      if (text.split("\n").every((l) => l.length <= limit)) expect(parts.join("\n")).toBe(text);
      expect(stripNewlines(parts.join(""))).toBe(stripNewlines(text));
    }
  });

  it("falls back to spaces, then a hard cut, for an over-long line", () => {
    const words = Array.from({ length: 40 }, (_, i) => `từ${i}`).join(" ");
    const parts = splitMessage(`đầu\n${words}\ncuối`, 25);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(25);
    expect(stripNewlines(parts.join(""))).toBe(stripNewlines(`đầu\n${words}\ncuối`));
    // Word splits end at a space, so no word is cut.
    for (const p of parts.slice(1, -1)) expect(p.endsWith(" ") || !p.includes(" ")).toBe(true);

    const long = "Đ".repeat(23) + "😀" + "x".repeat(10);
    const hard = splitMessage(long, 24);
    expect(hard.join("")).toBe(long);
    for (const p of hard) expect(p.length).toBeLessThanOrEqual(24);
    expect(hard[0]).toBe("Đ".repeat(23)); // the emoji's surrogate pair is not torn apart
  });

  it("rejects a useless limit", () => {
    expect(() => splitMessage("abc", 0)).toThrow(RangeError);
  });
});

describe("locales", () => {
  const keys = (obj: Record<string, unknown>, prefix = ""): string[] =>
    Object.entries(obj).flatMap(([k, v]) =>
      v && typeof v === "object" ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
    );
  it.each(["render", "rollup"])("%s.json has the same keys in vi and en", (ns) => {
    const load = (lng: string) => JSON.parse(readFileSync(new URL(`../../locales/${lng}/${ns}.json`, import.meta.url), "utf8"));
    expect(keys(load("en")).sort()).toEqual(keys(load("vi")).sort());
  });
});
