import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { scoreCorpus } from "../../src/core/reports/corpus-score.js";
import { onlyValues as only, plainReading as plain, readFixture } from "../support/parsed.js";

describe("tables: columns headed by a place's short head ('KP1', 'Buôn 2', 'KP 1') are places", () => {
  it.each([
    [
      "Dạ tổ em tổng hợp 4 khu phố ạ\nHạng mục;KP1;KP2;KP3;KP4;Tổng\nTờ rơi;90;110;75;125;400\nÁp phích;3;2;4;3;12\nHọp tổ;1;1;1;1;4",
      { to_roi: 400, ap_phich: 12, hoi_nghi: 4 },
    ],
    ["Nội dung|KP1|KP2|KP3|Cộng\nTờ rơi|50|60|70|180\nBăng rôn|2|3|1|6", { to_roi: 180, bang_ron: 6 }],
    ["Hạng mục;Buôn 1;Buôn 2;Tổng\nTờ rơi;100;120;220\nHọp dân;1;1;2", { to_roi: 220, hoi_nghi: 2 }],
    ["Nội dung;KP1;KP2\nTờ rơi;40;60\nÁp phích;2;3", { to_roi: 100, ap_phich: 5 }],
    ["Chỉ tiêu | KP 1 | KP 2 | Tổng\nPa nô | 1 | 2 | 3\nBăng rôn | 4 | 5 | 9", { pano: 3, bang_ron: 9 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});
