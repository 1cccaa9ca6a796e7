import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { parseReport } from "../../src/core/reports/report-parser.js";
import { onlyValues as only, plainReading as plain } from "../support/parsed.js";

// A number left over in a sentence that names no indicator and states no total, beside figures read elsewhere,
// tells what else the unit did or has: a clerk leaves it out, so the bot does not ask about it.

describe("a sentence naming no indicator, beside figures read, is background", () => {
  it.each([
    ["Treo 12 băng rôn. Khám sàng lọc cho người cao tuổi: 210 lượt.", { bang_ron: 12 }],
    ["phat 500 to roi; thiet hai do bao khoang 3 ty dong", { to_roi: 500 }],
    ["Hội nghị 2 cuộc, 90 người dự.\nTuổi bình quân hội viên 67.", { hoi_nghi: 2, nguoi_tham_du: 90 }],
    ["- Tin bài: 6 tin\n- Tư vấn pháp luật tại chỗ: 35 lượt\n- Tiếp công dân: 4 buổi", { tin_bai: 6 }],
    ["đăng 14 bài fanpage. Thư viện phục vụ 320 lượt bạn đọc.", { bai_mxh: 14 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("still asked about", () => {
  it.each([
    // a running total on a line of its own, two indicators above
    "pano 2, bang ron 4\nluy ke 9",
    // a stated total that is not the sum
    "pano 2, bang ron 4. Tong cong 7 san pham",
    // in a sentence that names an indicator
    "pa nô 5, đạt 40",
  ])("%s", (text) => {
    expect(parseReport(text, SAMPLE_INDICATORS).unclear).toHaveLength(1);
  });

  it("a message's only number, with nothing read beside it", () => {
    expect(parseReport("Khám sàng lọc cho người cao tuổi: 210 lượt", SAMPLE_INDICATORS).unclear).toHaveLength(1);
  });
});
