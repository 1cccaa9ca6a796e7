import { describe, expect, it } from "vitest";
import { PLAN_LIMITS, parsePlanFile } from "../../src/core/plans/plan-file.js";
import { createTranslator } from "../../src/i18n.js";

const t = createTranslator({ defaultLanguage: "vi" }).t("vi");
const HEAD = "plan:\n  number: 21/KH-UBND\n  date: 01/03/2021\n  title: Kế hoạch thử\n";
const unitsYaml = (names: string[]) =>
  `units:\n${names.map((n, i) => `  - code: XA_${i}\n    name: ${JSON.stringify(n)}\n    tags: [xa]`).join("\n")}\n`;

describe("plan files are bounded", () => {
  it("refuses an alias bomb with a clear reason, without expanding it", () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(",")}]`,
      );
    const result = parsePlanFile(`${HEAD}x:\n  ${lines.join("\n  ")}\n`, t);
    expect(result).toEqual({ ok: false, errors: [expect.stringContaining("quá nhiều tham chiếu YAML")] });
  });

  it("refuses more than 5,000 units, saying how many it got", () => {
    const result = parsePlanFile(
      HEAD + unitsYaml(Array.from({ length: PLAN_LIMITS.units + 1 }, (_, i) => `UBND xã ${i}`)),
      t,
    );
    expect(result).toEqual({ ok: false, errors: [expect.stringContaining("có 5001 đơn vị, vượt giới hạn 5000")] });
  });

  it("refuses a text over 1 MB", () => {
    const result = parsePlanFile(`${HEAD}# ${"x".repeat(PLAN_LIMITS.bytes)}\n`, t);
    expect(result).toEqual({ ok: false, errors: [expect.stringContaining("tệp quá lớn (tối đa 1 MB)")] });
  });

  it("checks unit names as /donvi_them does: length, NUL, right-to-left override", () => {
    for (const bad of ["x".repeat(5_000), "UBND xã \u0000 A", "UBND xã \u202Eabc", "A"]) {
      const result = parsePlanFile(HEAD + unitsYaml([bad]), t);
      expect(result.ok, JSON.stringify(bad.slice(0, 20))).toBe(false);
      if (!result.ok) expect(result.errors.join("\n")).toContain("tên đơn vị");
    }
    const good = parsePlanFile(HEAD + unitsYaml(["UBND xã Thạch Bình"]), t);
    expect(good.ok).toBe(true);
  });
});
