import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { commonIndicatorsLacking, readWithVocabulary } from "../../src/core/reports/read-with-vocabulary.js";
import { parseReport } from "../../src/core/reports/report-parser.js";
import type { IndicatorDef } from "../../src/core/types.js";

const pick = (...codes: string[]) => SAMPLE_INDICATORS.filter((i) => codes.includes(i.code));
/** The 2026 sample plan's quarterly report: no leaflets, posters, clusters or loudspeaker vans. */
const quarterly = pick("pano", "bang_ron", "tin_bai", "phat_thanh", "bai_mxh", "hoi_nghi", "nguoi_tham_du");

describe("readWithVocabulary", () => {
  it("reads figures of indicators the task lacks as theirs, never as one of the task's", () => {
    // Read against the task's indicators alone these gave hoi_nghi 260, phat_thanh 5, and a conflict.
    expect(parseReport("không tổ chức hội nghị; phát 260 tờ rơi, treo 4 pa nô", quarterly).values.hoi_nghi).toBe(260);
    const leaflets = readWithVocabulary(
      parseReport,
      "không tổ chức hội nghị; phát 260 tờ rơi, treo 4 pa nô",
      quarterly,
    );
    expect(leaflets.values).toEqual({ pano: 4, hoi_nghi: 0 });
    expect(leaflets.outside).toEqual({ to_roi: 260 });
    const van = readWithVocabulary(parseReport, "treo 4 pa nô, xe loa 5 lượt", quarterly);
    expect(van.values).toEqual({ pano: 4 });
    expect(van.outside).toEqual({ xe_luu_dong: 5 });
    const both = readWithVocabulary(parseReport, "phát thanh 20 lượt, xe lưu động 4 lượt", quarterly);
    expect(both.values).toEqual({ phat_thanh: 20 });
    expect(both.conflicts).toEqual([]);
  });

  it("reads a plan's indicator by the common names it lacks, unless another of the plan's indicators has that name", () => {
    // a plan's own short lists of names (as in plans/so-vhttdl-2026.yaml)
    const plan: IndicatorDef[] = [
      { code: "bang_ron", label: "Băng rôn", measure: "cái", synonyms: ["băng rôn", "bang ron"] },
      { code: "hoi_nghi", label: "Hội nghị, tập huấn", measure: "cuộc", synonyms: ["hội nghị", "tập huấn"] },
      { code: "khau_hieu", label: "Khẩu hiệu", measure: "cái", synonyms: ["khẩu hiệu"] },
    ];
    expect(parseReport("treo 4 băng dôn, tổ chức 3 hội thảo", plan).values.hoi_nghi).toBeUndefined();
    expect(readWithVocabulary(parseReport, "treo 4 băng dôn, tổ chức 3 hội thảo", plan).values).toEqual({
      bang_ron: 4,
      hoi_nghi: 3,
    });
    // "khẩu hiệu" is the plan's own indicator: the common "băng rôn, khẩu hiệu" does not take it
    expect(readWithVocabulary(parseReport, "treo 2 băng rôn, 5 khẩu hiệu", plan).values).toEqual({
      bang_ron: 2,
      khau_hieu: 5,
    });
  });

  it("names the later of two figures for an indicator the task lacks (only named, never recorded)", () => {
    const read = readWithVocabulary(parseReport, "phat 1500 to roi a\nem check lai thi la 1.350 to a", quarterly);
    expect(read.outside).toEqual({ to_roi: 1350 });
    expect(read.conflicts).toEqual([]);
  });

  it("adds nothing to a list that has every common indicator", () => {
    const r = readWithVocabulary(parseReport, "phát 300 tờ rơi, 2 cụm cổ động", SAMPLE_INDICATORS);
    expect(r.values).toEqual({ to_roi: 300, cum_co_dong: 2 });
    expect(r.outside).toEqual({});
  });

  it("never adds a common indicator whose name the plan already uses under its own code", () => {
    const own: IndicatorDef = {
      code: "to_gap",
      label: "Tờ rơi, tờ gấp",
      measure: "tờ",
      synonyms: ["tờ rơi", "to roi"],
    };
    expect(commonIndicatorsLacking([own]).map((i) => i.code)).not.toContain("to_roi");
    expect(readWithVocabulary(parseReport, "phát 300 tờ rơi", [own]).values).toEqual({ to_gap: 300 });
  });
});
