import { describe, expect, it } from "vitest";
import { parseReport } from "../../src/core/reports/report-parser.js";
import { onlyValues as only, plainReading as plain } from "../support/parsed.js";

// The writers' convention (read from every development file): loanwords and spoken names count as the
// indicator they stand for: "banner" is a băng rôn, a "ma-két"/"maket" set up somewhere a pa nô, "tờ bướm" a
// tờ rơi, "phây búc"/"face" a social-media channel, a TikTok "clip" (or "video") posted a social-media post.
// A clip's or video's views are no figure ("đạt 25 nghìn lượt xem" is asked), nor are likes and shares;
// "loa kéo" bought or lent is equipment, not a broadcast; "cờ phướn" are flags, not banners; a "maket"
// awaiting approval is a draft, not a pa nô.
describe("loanwords for the plan's items: banner, ma-két, tờ bướm", () => {
  it.each([
    ["treo 4 banner ở cổng UBND xã", { bang_ron: 4 }],
    ["thôn Đông treo 3 banner chào mừng đại hội", { bang_ron: 3 }],
    ["banner 6 cái dọc đường liên thôn", { bang_ron: 6 }],
    ["dựng 2 ma-két lớn ở ngã tư", { pano: 2 }],
    ["lam 1 maket o cong truong", { pano: 1 }],
    ["in 500 tờ bướm về phòng cháy rừng", { to_roi: 500 }],
    ["phat 200 to buom cho ba con", { to_roi: 200 }],
    ["tờ bướm 350 tờ, băng rôn 2 cái", { to_roi: 350, bang_ron: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("social-media posts by their spoken or loan names: phây búc, face, clip TikTok", () => {
  it.each([
    ["đăng phây búc 7 bài", { bai_mxh: 7 }],
    ["bai dang phay buc 12 bai", { bai_mxh: 12 }],
    ["lên face xã 5 bài về dịch vụ công", { bai_mxh: 5 }],
    ["clip tiktok 3 cái", { bai_mxh: 3 }],
    ["đăng 2 clip TikTok về an toàn giao thông", { bai_mxh: 2 }],
    ["tiktok xa dang 5 clip", { bai_mxh: 5 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a clip's views are asked about, its count kept ('1 clip tiktok đạt 18 nghìn lượt xem')", () => {
    expect(plain("thôn Bắc có 1 clip tiktok về hội làng đạt 18 nghìn lượt xem").values).toEqual({ bai_mxh: 1 });
  });
});

describe("look-alikes stay out", () => {
  it.each([
    ["mua 3 loa kéo cho nhà văn hóa, phát thanh 15 lượt", { phat_thanh: 15 }],
    ["treo 120 cờ phướn, 4 băng rôn", { bang_ron: 4 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("viewsByVerb: views said by 'xem' opening the clause are asked ('xem video trên tiktok 20 nghìn lượt')", () => {
  it.each([
    ["xem clip tren tiktok xa 8 nghin luot, bai fanpage 4", { bai_mxh: 4 }],
    ["Xem video trên TikTok của đoàn được 3.200 lượt; đăng 5 bài", { bai_mxh: 5 }],
  ])("%s", (text, values) => {
    const r = plain(text);
    expect(r.values).toEqual(values);
    expect(r.unclear).toHaveLength(1);
  });
});

describe("LOANWORDS join whichever indicator of the task is named by the word they stand for", () => {
  it("a plan's own code for băng rôn takes 'banner'", () => {
    const plan = [{ code: "BR", label: "Băng rôn tuyên truyền", synonyms: ["băng rôn"] }];
    expect(parseReport("treo 3 banner tại chợ xã", plan).values).toEqual({ BR: 3 });
  });

  it("a plan naming its posts by 'fanpage' only takes TikTok clips", () => {
    const plan = [{ code: "MXH", label: "Tin bài trên trang cộng đồng", synonyms: ["fanpage"] }];
    expect(parseReport("clip tiktok 4 cái", plan).values).toEqual({ MXH: 4 });
  });
});

describe("clipChannelAfter: clips or videos counted where they went up are the channel's posts", () => {
  it.each([
    ["đăng 3 video lên youtube", { bai_mxh: 3 }],
    ["dang 4 video len kenh youtube cua xa", { bai_mxh: 4 }],
    ["Chi đoàn đăng 2 clip trên TikTok về phòng chống đuối nước", { bai_mxh: 2 }],
    ["5 post lên page xã", { bai_mxh: 5 }],
    ["youtube xa 3 video", { bai_mxh: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("clips in a group's chat are no post of the plan: asked ('3 video đăng lên nhóm zalo thôn')", () => {
    const r = plain("doan xa quay 3 video ngan dang len nhom zalo thon");
    expect(r.values).toEqual({});
    expect(r.unclear).toHaveLength(1);
  });
});

describe("a shared measure after the verb of one owner: what was aired may follow ('phát 20 lượt bản tin')", () => {
  it.each([
    ["loa thôn phát 15 lượt bản tin an toàn giao thông", { phat_thanh: 15 }],
    ["dai thon phat 12 luot thong bao lich tiem", { phat_thanh: 12 }],
    ["Đài xã phát 30 lượt chương trình thời sự, đăng 4 tin lên web", { phat_thanh: 30, tin_bai: 4 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("views named first and stated far after by 'đạt' are asked, not the channel's posts", () => {
  it("lượt xem các clip trên TikTok của đoàn xã trong quý đạt 12 nghìn, đăng 5 bài", () => {
    const r = plain("lượt xem các clip trên TikTok của đoàn xã trong quý đạt 12 nghìn, đăng 5 bài");
    expect(r.values).toEqual({ bai_mxh: 5 });
    expect(r.unclear).toHaveLength(1);
  });
});
