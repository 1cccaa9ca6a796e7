import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { parseReport } from "../../src/core/reports/report-parser.js";

// Number forms officers type that were lost or misread (a figure dropped without a question is the worst case).
describe("numbers and zeros as typed on phones", () => {
  it.each([
    // the letter O for a zero, l for a one
    ["phát 1OO tờ rơi", { to_roi: 100 }],
    ["phat 15o to roi", { to_roi: 150 }],
    ["phát 1.5OO tờ gấp", { to_roi: 1500 }],
    ["phát thanh 4O lượt", { phat_thanh: 40 }],
    ["treo l0 băng rôn", { bang_ron: 10 }],
    ["băng rôn 1O5 cái", { bang_ron: 105 }],
    // number words
    ["phát ba trăm rưởi tờ rơi", { to_roi: 350 }],
    ["phát một nghìn không trăm năm mươi tờ rơi", { to_roi: 1050 }],
    ["phát hai nghìn không trăm linh năm tờ", { to_roi: 2005 }],
    // keycaps after a label's colon, and as list markers inside a line
    ["phát thanh: 3️⃣0️⃣ lượt", { phat_thanh: 30 }],
    ["pano: 2️⃣ cái", { pano: 2 }],
    ["1️⃣ pano: 3 cái 2️⃣ băng rôn: 5", { pano: 3, bang_ron: 5 }],
    // stated zeros as a list after a colon, and products not made
    ["Không có: pano, băng rôn, tờ rơi", { pano: 0, bang_ron: 0, to_roi: 0 }],
    ["Chưa thực hiện: phóng sự, chuyên mục", { phong_su: 0, chuyen_muc: 0 }],
    ["Phóng sự: Chưa xây dựng", { phong_su: 0 }],
  ])("%s → %j", (text, values) => {
    const parsed = parseReport(text, SAMPLE_INDICATORS);
    expect(parsed.values).toEqual(values);
    expect(parsed.unclear).toEqual([]);
  });

  it.each([
    // words, not typos
    ["Zalo OA đăng 3 bài", { bai_mxh: 3 }],
    ["đăng 10 bài lên page, ok a", { bai_mxh: 10 }],
    // "không" after a thousand is no zero hundreds without "trăm"
    ["phát một nghìn tờ rơi, không treo pano", { to_roi: 1000, pano: 0 }],
  ])("%s → %j", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS).values).toEqual(values);
  });
});
