import { describe, expect, it } from "vitest";
import { readSample as read } from "../support/parsed.js";

// A follow-up "treo thêm 2 pa nô" adds to what the unit reported; the parser says which figures
// were said as more, and only those (a total said with them wins; "gửi thêm số liệu" is more data).
describe("figures said as more than reported before", () => {
  it.each([
    ["treo them 2 pano a", ["pano"]],
    ["đăng 3 tin bài nữa", ["tin_bai"]],
    ["xã em treo thêm được 3 băng rôn ạ", ["bang_ron"]],
    ["pa nô 4, thêm 2 băng rôn", ["bang_ron"]],
    // the attendees came with the one more meeting: "thêm" with its number opens the sentence's figures
    ["hôm nay 10/12 em bổ sung thêm 1 hội nghị ở thôn 3 có 60 người dự", ["hoi_nghi", "nguoi_tham_du"]],
  ])("%s", (text, codes) => {
    expect(read(text).additions).toEqual(codes);
  });

  it.each([
    "em xin gửi thêm số liệu: pa nô 5, băng rôn 3",
    "treo thêm 2 pano, tổng cộng 6 pano",
    "thêm 2 pa nô, nâng tổng số lên 7",
    "treo thêm 2 pa nô, cả quý là 7 pa nô",
    "quý 4 treo 4 pano, 2 băng rôn",
    "đăng 3 tin bài, nữa là 2 pano",
  ])("none: %s", (text) => {
    expect(read(text).additions).toBeUndefined();
  });
});
