import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { type CorpusCase, readCorpus, scoreCorpus } from "../../src/core/reports/corpus-score.js";
import { parseReport } from "../../src/core/reports/report-parser.js";

const read = (text: string) => parseReport(text, SAMPLE_INDICATORS);
const readFixture = (name: string): CorpusCase[] =>
  readCorpus(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8"));
const only = (values: Record<string, number>) => ({ values, references: [], unclear: [], conflicts: [] });

describe("qualifyPeriods: a 'Khó khăn' / 'Hạn chế' section holds no results", () => {
  it.each([
    ["Kết quả: treo 6 băng rôn.\nKhó khăn: còn 4 thôn chưa có loa", { bang_ron: 6 }],
    [
      "1. Phát thanh 30 lượt\n2. Tin bài 5 tin\nII. HẠN CHẾ\nMới làm được 2 pa nô, thiếu 3 xe",
      { phat_thanh: 30, tin_bai: 5 },
    ],
    ["- pano 4 cai\nkho khan: kinh phi chi du 1 pano nua", { pano: 4 }],
    ["I. KẾT QUẢ\nHội nghị 2 cuộc\nII. VƯỚNG MẮC\n5 thôn xa, đi lại khó", { hoi_nghi: 2 }],
  ])("%s", (text, values) => {
    expect(read(text)).toEqual(only(values));
  });

  it("a results section after the difficulties is read again", () => {
    expect(read("II. Khó khăn\nthiếu 2 loa\nIII. Kết quả bổ sung\ntreo 3 băng rôn").values).toEqual({ bang_ron: 3 });
  });

  it("'khó khăn' inside a sentence blocks nothing", () => {
    expect(read("dù khó khăn vẫn treo 5 băng rôn").values).toEqual({ bang_ron: 5 });
  });
});

describe("qualifyPeriods: another year in a clause after a comma is a running total", () => {
  it.each([
    ["băng rôn quý 3 treo 4 cái, năm 2025 treo 12 cái", { bang_ron: 4 }],
    ["phat thanh thang 11 la 20 luot, nam 2024 duoc 200 luot", { phat_thanh: 20 }],
    ["Hội nghị quý IV: 2 cuộc, năm 2025 tổ chức 7 cuộc ạ", { hoi_nghi: 2 }],
  ])("%s", (text, values) => {
    expect(read(text)).toEqual(only(values));
  });
});

describe("combineValues: a figure closed by 'trong (số) đó' is a part of a total said before", () => {
  it.each([
    ["tờ rơi 500 tờ, thôn 3 riêng phát 120 tờ trong số đó", { to_roi: 500 }],
    ["xa treo 8 pano. Thon Ha 3 pano trong do a", { pano: 8 }],
    ["Phát thanh 40 lượt; tổ dân phố 2 phát 15 lượt trong số đó.", { phat_thanh: 40 }],
  ])("%s", (text, values) => {
    expect(read(text)).toEqual(only(values));
  });

  it("'trong đó' followed by its own list still reads the list as parts", () => {
    expect(read("băng rôn 10 cái, trong đó thôn 1 có 4 cái").values).toEqual({ bang_ron: 10 });
  });
});

describe("findStatedZeros: 'không phát hành' says none was issued", () => {
  it.each([
    ["Không phát hành tờ rơi trong quý; treo 3 pa nô", { to_roi: 0, pano: 3 }],
    ["bang ron 2 cai. khong phat hanh to gap trong quy", { to_roi: 0, bang_ron: 2 }],
    ["Tờ rơi: không phát hành. Phát thanh 12 lượt", { to_roi: 0, phat_thanh: 12 }],
  ])("%s", (text, values) => {
    expect(read(text)).toEqual(only(values));
  });
});

describe("real-style report corpus, twelfth development part", () => {
  it("reads at least 132 of its 145 messages exactly", () => {
    const score = scoreCorpus(readFixture("report-corpus-real-12.jsonl"), SAMPLE_INDICATORS);
    expect(score.total).toBe(145);
    expect(score.exact).toBeGreaterThanOrEqual(132);
  });
});
