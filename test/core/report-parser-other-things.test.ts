import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { countsOtherThing } from "../../src/core/reports/parser/other-things.js";
import { normaliseAndTokenise } from "../../src/core/reports/parser/tokens.js";
import { parseReport } from "../../src/core/reports/report-parser.js";

const read = (text: string) => parseReport(text, SAMPLE_INDICATORS);

describe("countsOtherThing: a number before a noun no indicator starts with", () => {
  const heads = new Set(["pa", "pano", "to", "cai"]);
  it.each([
    ["hướng dẫn 25 xã", 3, true],
    ["có 200 ghế", 2, true],
    ["4 cái", 1, false], // a counting word any indicator may use
    ["5 tờ", 1, false], // an indicator's measure
    ["đạt 40 ạ", 2, false], // no noun: what it counts is not said
    ["40", 1, false],
  ])("%s", (text, end, other) => {
    expect(countsOtherThing(normaliseAndTokenise(text), end, heads)).toBe(other);
  });
});

describe("report parser: things the plan does not record, counted beside its figures, are not asked about", () => {
  it.each([
    ["Phòng Quản lý Văn hóa báo cáo: sản xuất 2 phóng sự; hướng dẫn 25 xã treo băng rôn", { phong_su: 2 }],
    [
      "Hội trường UBND xã có 200 ghế; xã tổ chức 1 hội nghị tuyên truyền với 164 đại biểu",
      { hoi_nghi: 1, nguoi_tham_du: 164 },
    ],
    ["đăng 5 tin bài, gửi kèm 4 ảnh minh chứng", { tin_bai: 5 }],
    ["Gửi kèm 4 ảnh minh chứng. Pano 6", { pano: 6 }],
    ["treo 3 pano, 10 cờ tổ quốc dọc đường", { pano: 3 }],
    ["đăng 3 tin bài, thu hút 35 khán giả", { tin_bai: 3 }],
  ])("%s", (text, values) => {
    const r = read(text);
    expect(r.values).toEqual(values);
    expect(r.unclear).toEqual([]);
  });

  it.each([
    ["treo 3 pano, 4 cái", "4 cái"], // a count whose thing is not said
    ["Trong tháng có 3 cuộc họp giao ban, 12 pano", "3 cuộc họp"], // a meeting-like count
    ["pa nô 5, đạt 40", "đạt 40"],
    ["tuyên truyền 1 buổi, 45 hs, phát 200 tờ rơi", "45 hs"], // people may be attendees not placed
  ])("still asks about %s", (text, part) => {
    expect(read(text).unclear.join(" ")).toContain(part);
  });

  it("still asks when that number is the message's only one (nothing else was read)", () => {
    expect(read("đã trao 20 suất quà").unclear).toHaveLength(1);
    expect(read("Đã nhận 3 bộ tài liệu").unclear).toEqual(["Đã nhận 3 bộ tài liệu"]);
  });
});
