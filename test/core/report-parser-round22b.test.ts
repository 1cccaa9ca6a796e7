import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { scoreCorpus } from "../../src/core/reports/corpus-score.js";
import { onlyValues as only, plainReading as plain, readFixture } from "../support/parsed.js";

describe("findCorrections: 'không phải X mà là Y' names the wrong figure, then the right one", () => {
  it.each([
    ["loa xa thang 12 phat 40 luot, ko phai 40 ma la 46 luot a", { phat_thanh: 46 }],
    ["phát thanh 30 lượt, không phải 30 mà là 36 lượt ạ", { phat_thanh: 36 }],
    ["treo 5 pano, ko phai 5 ma 7 cai", { pano: 7 }],
    ["tin bài 12 tin, à không phải 12 mà là 14 tin", { tin_bai: 14 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});
