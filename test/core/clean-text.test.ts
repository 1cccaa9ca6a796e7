import { describe, expect, it } from "vitest";
import { cleanName, cleanText } from "../../src/core/text-limits.js";

describe("text as it is stored", () => {
  it("keeps newlines and tabs, drops control characters and bidirectional overrides", () => {
    expect(cleanText("Đã treo 12 pa nô\u0000\u0007\u000B\u202E")).toBe("Đã treo 12 pa nô");
    expect(cleanText("dòng 1\r\ndòng 2\rdòng 3\n\tthụt\u0085\u009F\u007F")).toBe("dòng 1\ndòng 2\ndòng 3\n\tthụt");
    expect(cleanText("\u202Egpj.exe \u2066a\u2069 \u200Eb\u200F")).toBe("gpj.exe a b");
    // Joiners and variation selectors make emoji and Vietnamese text: kept.
    expect(cleanText("👨‍👩‍👧 ❤️ Thạch Bình")).toBe("👨‍👩‍👧 ❤️ Thạch Bình");
  });

  it("puts a name on one line", () => {
    expect(cleanName("Nhóm\u202E xã\nThạch\tBình\u0000")).toBe("Nhóm xã Thạch Bình");
  });
});
