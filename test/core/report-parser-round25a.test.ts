import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { scoreCorpus } from "../../src/core/reports/corpus-score.js";
import { onlyValues as only, plainReading as plain, readFixture } from "../support/parsed.js";

// The writers' convention (decided by the lead): sittings ("buổi", "lớp", "cuộc") of a gathering held for people
// are meetings, also when the plan does not name the gathering ("sinh hoạt", "tư vấn", "bồi dưỡng", "giao lưu")
describe("sittings of a gathering the plan does not name are meetings, with their attendees", () => {
  it.each([
    ["Hội Cựu chiến binh tổ chức 2 buổi sinh hoạt truyền thống cho 60 hội viên", { hoi_nghi: 2, nguoi_tham_du: 60 }],
    ["Trạm y tế tổ chức 3 buổi tư vấn dinh dưỡng, mỗi buổi 25 người", { hoi_nghi: 3, nguoi_tham_du: 75 }],
    ["Mở 2 lớp bồi dưỡng kỹ năng số cho 70 học viên", { hoi_nghi: 2, nguoi_tham_du: 70 }],
    ["Chi đoàn tổ chức 2 buổi sinh hoạt ngoài trời với 85 đoàn viên", { hoi_nghi: 2, nguoi_tham_du: 85 }],
    ["chi hoi to chuc 3 buoi giao luu", { hoi_nghi: 3 }],
    ["Tổ chức 2 buổi sinh hoạt chi hội lồng ghép tuyên truyền", { hoi_nghi: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["loa phát 2 buổi sáng chiều, tổng 60 lượt", { phat_thanh: 60 }],
    ["phát thanh 2 buổi, mỗi buổi 30 phút", { phat_thanh: 2 }],
  ])("a broadcast's sittings and a time of day stay apart: %s", (text, values) => {
    expect(plain(text).values).toEqual(values);
  });

  it("a school's classes are its size, no gatherings ('Trường có 18 lớp, 720 học sinh')", () => {
    expect(plain("Trường có 18 lớp, 720 học sinh. Dán 12 áp phích").values).toEqual({ ap_phich: 12 });
  });
});
