import { describe, expect, it } from "vitest";
import { createTranslator } from "../src/i18n.js";

describe("translator", () => {
  it("texts kept in memory still follow the variables, the language and the office name", () => {
    const tr = createTranslator();
    const vi = tr.t("vi");
    const en = tr.t("en");
    expect(en("reminders:days_left", { count: 1 })).toBe("(1 day left)");
    expect(en("reminders:days_left", { count: 3 })).toBe("(3 days left)");
    expect(vi("reminders:days_left", { count: 3 })).toBe("(còn 3 ngày)");
    expect(en("reminders:days_left", { count: 3 })).toBe("(3 days left)");

    const before = vi("help:greeting", { name: "Lan" });
    expect(before).toContain(vi("common:org_default"));
    tr.setOrgName("Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn Hà");
    expect(vi("help:greeting", { name: "Lan" })).toBe(before.replace(vi("common:org_default"), "Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn Hà"));
    tr.setOrgName(undefined);
    expect(vi("help:greeting", { name: "Lan" })).toBe(before);
    // A long variable is translated each time, not kept: the result is still right.
    const many = Array.from({ length: 300 }, (_, i) => `Xã ${i}`).join(", ");
    expect(vi("help:greeting", { name: many })).toContain("Xã 299");
  });
});
