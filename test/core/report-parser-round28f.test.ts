import { describe, expect, it } from "vitest";
import { onlyValues as only, plainReading as plain } from "../support/parsed.js";

// A correction that keeps the figure and moves it to another indicator ("20 là băng rôn", "không phải
// phát thanh, là 20 lượt xe loa"): the figure said before the correction is no figure of its first indicator
describe("a correction moving the same figure to another indicator takes it from the first", () => {
  it.each([
    ["Pano 6 cái. À em nhầm, 6 cái đó là băng rôn ạ", { bang_ron: 6 }],
    ["15 lượt phát thanh, à không phải phát thanh, là 15 lượt xe loa lưu động ạ", { xe_luu_dong: 15 }],
    ["ap phich 30 to. e nham, 30 la to roi a", { to_roi: 30 }],
    ["băng rôn 12 cái, à nhầm, 12 cái là pano", { pano: 12 }],
    ["dang 9 bai fanpage, a ko phai, 9 tin bai tren cong TTDT", { tin_bai: 9 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["pano 12, à em nhầm, 14", { pano: 14 }],
    ["băng rôn 5 cái, à nhầm, băng rôn 6 cái", { bang_ron: 6 }],
    ["băng rôn 8 cái, tờ rơi 200 tờ, à nhầm, pano 8 cái", { bang_ron: 8, to_roi: 200, pano: 8 }],
    ["pano 4, băng rôn 2. e nhầm, pano 2 thôi", { pano: 2, bang_ron: 2 }],
  ])("a correction of the same indicator, or of another figure, stays as it was: %s", (text, values) => {
    expect(plain(text).values).toEqual(values);
  });
});
