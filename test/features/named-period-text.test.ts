import { describe, expect, it } from "vitest";
import { namedPeriods } from "../../src/core/reports/named-periods.js";
import { namedPeriodText } from "../../src/features/named-period-text.js";
import { createTranslator } from "../../src/i18n.js";

describe("namedPeriodText", () => {
  const tr = createTranslator({ defaultLanguage: "vi" });
  const vi = (text: string) => namedPeriodText(namedPeriods(text), tr.t("vi"));

  it("says the period as the officer wrote it, the year only when one was given", () => {
    expect(vi("Dạ quý III em phát 2 nghìn tờ rơi")).toBe("Quý III");
    expect(vi("quy 4/2021 treo 4 pano")).toBe("Quý IV/2021");
    expect(vi("thang 9/2021 treo 4 pano")).toBe("tháng 9/2021");
    expect(vi("báo cáo 6 tháng cuối năm 2026")).toBe("6 tháng cuối năm 2026");
    expect(vi("quý 1 và tháng 4")).toBe("Quý I, tháng 4");
  });

  it("has English words too", () => {
    expect(namedPeriodText(namedPeriods("quý 2 năm 2026"), tr.t("en"))).toBe("quarter II/2026");
  });
});
