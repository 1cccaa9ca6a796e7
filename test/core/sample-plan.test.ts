import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePlanFile } from "../../src/core/plans/plan-file.js";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { createTranslator } from "../../src/i18n.js";

describe("the sample plan file built from the seed", () => {
  const result = parsePlanFile(
    readFileSync("plans/thach-thanh-cchc-2021.yaml", "utf8"),
    createTranslator({ defaultLanguage: "vi" }).t("vi"),
  );

  it("is valid and describes plan 20/KH-UBND with its units and tasks", () => {
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { file } = result;
    expect(file.plan).toMatchObject({ number: "20/KH-UBND", date: "2021-01-29", leadUnitCode: "PHONG_VHTT" });
    expect(file.units.filter((u) => u.tags.includes("xa"))).toHaveLength(25);
    expect(file.units.map((u) => u.code)).toEqual(
      expect.arrayContaining(["PHONG_VHTT", "TT_VHTTTDL", "UB_MTTQ", "XA_THACH_BINH", "TT_KIM_TAN"]),
    );
    const commune = file.tasks.find((t) => t.code === "KH_TUYEN_TRUYEN_XA")!;
    // "Thực hiện xong trước ngày 10/02/2021": the last day is 09/02.
    expect(commune.schedule).toEqual({ kind: "once", dueDate: "2021-02-09" });
    expect(file.calendar.map((c) => c.date)).toEqual([
      "2021-02-10",
      "2021-02-11",
      "2021-02-12",
      "2021-02-13",
      "2021-02-14",
      "2021-02-15",
      "2021-02-16",
    ]);
  });

  it("uses the same indicators and synonyms the parser is tested with", () => {
    if (!result.ok) throw new Error("invalid plan");
    const quarterly = result.file.tasks.find((t) => t.code === "BC_QUY_CCHC")!;
    for (const indicator of quarterly.indicators) {
      const sample = SAMPLE_INDICATORS.find((s) => s.code === indicator.code)!;
      expect(indicator.synonyms, indicator.code).toEqual(sample.synonyms);
      expect(indicator.label).toBe(sample.label);
    }
  });
});
