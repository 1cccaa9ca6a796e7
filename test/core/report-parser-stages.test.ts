import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { combineValues } from "../../src/core/reports/parser/combine.js";
import { compileIndicators } from "../../src/core/reports/parser/indicators.js";
import { createNameMatcher, findMentions } from "../../src/core/reports/parser/mentions.js";
import { markNonValues } from "../../src/core/reports/parser/non-values.js";
import { createNumberReader } from "../../src/core/reports/parser/numbers.js";
import { pairNumbers } from "../../src/core/reports/parser/pairing.js";
import { normaliseAndTokenise, type Tokenised } from "../../src/core/reports/parser/tokens.js";
import { collectUnclear } from "../../src/core/reports/parser/unclear.js";

const compiled = compileIndicators(SAMPLE_INDICATORS);

/** Runs the stages up to pairing, as the pipeline does. */
function upToPairing(text: string) {
  const tk = normaliseAndTokenise(text);
  const nv = markNonValues(tk, compiled);
  const numbers = createNumberReader(tk, nv.blocked);
  const mentions = findMentions(tk, nv.blocked, createNameMatcher(tk.toks, nv.blocked, compiled), numbers);
  const pairing = pairNumbers(tk, nv, mentions, numbers, compiled);
  return { tk, nv, numbers, mentions, pairing };
}

/** The original words of the tokens marked as never a value. */
function blockedWords(tk: Tokenised, blocked: Uint8Array): string[] {
  return tk.toks.filter((_, i) => blocked[i]).map((t) => t.o);
}

describe("stage 1: normaliseAndTokenise", () => {
  it("folds to keys and keeps the original words", () => {
    const tk = normaliseAndTokenise("Đã treo 12pa-nô\nxong");
    expect(tk.toks.map((t) => t.k)).toEqual(["da", "treo", "12", "pa", "-", "no", "\n", "xong"]);
    expect(tk.toks.map((t) => t.o)).toEqual(["Đã", "treo", "12", "pa", "-", "nô", "\n", "xong"]);
    expect(tk.toks[3]!.spaced).toBe(false);
    expect(tk.accented).toBe(true);
  });
  it("undoes Telex leftovers and knows number words", () => {
    const tk = normaliseAndTokenise("baos caos muowif hai pano");
    expect(tk.toks.map((t) => t.kt)).toEqual(["bao", "cao", "muoi", "hai", "pano"]);
    expect(tk.nkeys).toEqual(["", "", "muoi", "hai", ""]);
    expect(tk.accented).toBe(false);
  });
  it("treats decomposed input like composed and cuts huge texts", () => {
    expect(normaliseAndTokenise("pa no\u0302").nfcText).toBe("pa nô");
    expect(normaliseAndTokenise("a".repeat(30_000)).nfcText.length).toBe(20_000);
    expect(normaliseAndTokenise(undefined).toks).toEqual([]);
  });
});

describe("stage 2: markNonValues", () => {
  it.each([
    ["ngày 10/02/2021 treo 5 pano", ["ngày", "10", "/", "02", "/", "2021"]],
    ["lúc 8h30 phát thanh 2 buổi", ["lúc", "8", "h", "30"]],
    ["SĐT 0912 345 678 pano 3", ["0912", "345", "678"]],
    ["đạt 85% kế hoạch, 4 pano", ["85", "%"]],
    ["thôn 5 treo 3 pa nô", ["thôn", "5"]],
    ["Báo cáo quý II/2021: 4 pano", ["quý", "II", "/", "2021"]],
    ["1. Pano: 3", ["1"]],
  ])("%s: never values %j", (text, words) => {
    const { tk, nv } = upToPairing(text);
    expect(blockedWords(tk, nv.blocked)).toEqual(words);
  });
  it("keeps document numbers as references, with their date", () => {
    const { nv } = upToPairing("Thực hiện KH số 15/KH-UBND ngày 05/02/2021, treo 3 pano");
    expect(nv.references).toEqual([{ number: "15/KH-UBND", date: "2021-02-05" }]);
  });
  it("reads the task hint and marks it", () => {
    const { tk, nv } = upToPairing("nv 3: pano 12");
    expect(nv.taskHint).toBe(3);
    expect(blockedWords(tk, nv.blocked)).toEqual(["nv", "3"]);
  });
  it("does not take a word inside an indicator name for a label", () => {
    const { tk, nv } = upToPairing("chuyên mục 2");
    expect(blockedWords(tk, nv.blocked)).toEqual([]);
  });
  it("quotes ratios, ranges and vague quantities as unclear", () => {
    const { tk, nv } = upToPairing("Pano 12/15, treo vài chục băng rôn");
    expect(collectUnclear(tk, nv.unclear)).toEqual(["treo vài chục băng rôn", "Pano 12/15"]);
  });
});

describe("stage 3: findMentions", () => {
  it("finds the longest synonym, tolerating hyphens, missing spaces, typos", () => {
    const { mentions } = upToPairing("12 pa-nô, bangron 3, xe thông tin lưu động 2, ap phick 4");
    expect(mentions.map((m) => m.code)).toEqual(["pano", "bang_ron", "xe_luu_dong", "ap_phich"]);
  });
  it("does not take 'thông tin' for 'tin' nor a number word for a name", () => {
    const { mentions } = upToPairing("cung cấp thông tin, ba buổi tập huấn");
    expect(mentions.map((m) => m.code)).toEqual(["hoi_nghi"]);
  });
  it("skips marked tokens", () => {
    const { mentions } = upToPairing("theo 15/KH-UBND");
    expect(mentions).toEqual([]);
  });
});

describe("stage 4: pairNumbers", () => {
  const read = (text: string) =>
    upToPairing(text).pairing.pairs.map((p) => [p.ind.code, p.num.value] as const);
  it.each([
    ["12 pa nô 3 áp phích", [["pano", 12], ["ap_phich", 3]]],
    ["pa nô 12 áp phích 3", [["pano", 12], ["ap_phich", 3]]],
    ["pano: 12, băng rôn: 30", [["pano", 12], ["bang_ron", 30]]],
    ["phát 500 tờ", [["to_roi", 500]]],
    ["5 bài trên fanpage", [["bai_mxh", 5]]],
  ])("%s", (text, expected) => {
    expect(read(text)).toEqual(expected);
  });
  it("leaves a number shared by two names unpaired and unclear", () => {
    const { tk, pairing } = upToPairing("Pa nô, áp phích: 15");
    expect(pairing.pairs).toEqual([]);
    expect(collectUnclear(tk, pairing.unclear)).toEqual(["Pa nô, áp phích: 15"]);
  });
  it("quotes a number with no name as unclear", () => {
    const { tk, pairing } = upToPairing("Đã nhận 3 bộ tài liệu");
    expect(collectUnclear(tk, pairing.unclear)).toEqual(["Đã nhận 3 bộ tài liệu"]);
  });
});

describe("stage 5: combineValues", () => {
  const combine = (text: string) => {
    const { tk, pairing } = upToPairing(text);
    return combineValues(tk, pairing.pairs, pairing.cls, compiled.order);
  };
  it("adds 'thêm' to what was said", () => {
    expect(combine("10 pa nô, thêm 2 pa nô").values).toEqual({ pano: 12 });
  });
  it("reports different plain values as a conflict", () => {
    expect(combine("pano 10, pano 12")).toMatchObject({ values: {}, conflicts: [{ code: "pano", values: [10, 12] }] });
  });
  it("lists values in the task's indicator order", () => {
    expect(Object.keys(combine("3 áp phích, 2 pa nô").values)).toEqual(["pano", "ap_phich"]);
  });
});

describe("stage 6: collectUnclear", () => {
  it("quotes up to three tokens of context within the clause, once", () => {
    const tk = normaliseAndTokenise("xin gửi kèm theo 4 ảnh minh chứng đẹp, pano 6");
    expect(collectUnclear(tk, [[4, 4], [4, 4]])).toEqual(["gửi kèm theo 4 ảnh minh chứng"]);
  });
  it("keeps at most 20 fragments", () => {
    const text = Array.from({ length: 30 }, (_, i) => `${i + 1} quả`).join("; ");
    const tk = normaliseAndTokenise(text);
    const ranges = tk.toks.flatMap((t, i) => (t.type === "n" ? [[i, i] as [number, number]] : []));
    expect(collectUnclear(tk, ranges)).toHaveLength(20);
  });
});

describe("compiled indicators", () => {
  it("are cached by content, not by array identity", () => {
    const a = compileIndicators(SAMPLE_INDICATORS.map((x) => ({ ...x })));
    const b = compileIndicators([...SAMPLE_INDICATORS]);
    expect(a).toBe(b);
    expect(compileIndicators(SAMPLE_INDICATORS.slice(0, 2))).not.toBe(a);
  });
  it("keep only measures owned by one indicator", () => {
    expect(compiled.measures.get("to")).toBe("to_roi");
    expect(compiled.measures.has("cai")).toBe(false);
  });
});
