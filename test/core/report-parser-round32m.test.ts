import { describe, expect, it } from "vitest";
import { onlyValues as only, plainReading as plain } from "../support/parsed.js";

// Convention of the corpus (sets 28 and 33): how many of all groups or places were reached ("16/16 chi hội",
// "1.482/1.482 thôn") and how a post was shared or commented on ("340 chia sẻ") are background a clerk leaves
// alone — neither recorded nor asked about — while a ratio of the work's own things stays in doubt.

describe("a ratio of groups or places reached out of all is background ('16/16 chi hội')", () => {
  it.each([
    ["Quý IV: 16/16 chi hội tổ chức sinh hoạt tuyên truyền, phát 300 tờ rơi", { to_roi: 300 }],
    ["loa hỏng 4/21 cụm, còn phát thanh 30 lượt", { phat_thanh: 30 }],
    ["hệ thống loa: 4/21 cụm loa hư, phát thanh 28 lượt", { phat_thanh: 28 }],
    ["dat 11/13 thon co loa, treo 8 pano", { pano: 8 }],
    ["14/14 bản đã họp dân, treo 20 băng rôn", { bang_ron: 20 }],
    ["9/12 tổ dân phố nhận tờ gấp, đăng 5 tin bài", { tin_bai: 5 }],
    ["32/35 trường học hưởng ứng, tổ chức 3 hội nghị", { hoi_nghi: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("shares and comments said right after their figure are told in passing ('340 chia sẻ')", () => {
  it.each([
    ["15 bai fanpage, bai Tet co 1.200 luot thich, 340 chia se", { bai_mxh: 15 }],
    ["đăng 9 bài lên fanpage, 56 bình luận, 210 chia sẻ", { bai_mxh: 9 }],
    ["đăng 6 bài lên trang, 45 comment", { bai_mxh: 6 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("posts shared again are still posts ('5 bài chia sẻ lại', 'chia sẻ lại 4 bài')", () => {
    expect(plain("đăng 5 bài chia sẻ lại của huyện")).toEqual(only({ bai_mxh: 5 }));
    expect(plain("fanpage xã chia sẻ lại 4 bài")).toEqual(only({ bai_mxh: 4 }));
  });
});
