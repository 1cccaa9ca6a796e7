import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { combineValues, mergeRoles } from "../../src/core/reports/parser/combine.js";
import { correctionRoles, findCorrections } from "../../src/core/reports/parser/corrections.js";
import { compileIndicators } from "../../src/core/reports/parser/indicators.js";
import { markLookAlikes } from "../../src/core/reports/parser/look-alikes.js";
import { createNameMatcher, findMentions } from "../../src/core/reports/parser/mentions.js";
import { findMultipliers } from "../../src/core/reports/parser/multipliers.js";
import { markNonValues, withMarks } from "../../src/core/reports/parser/non-values.js";
import { markNotDone } from "../../src/core/reports/parser/not-done.js";
import { isKeycap, readDigitForm } from "../../src/core/reports/parser/number-forms.js";
import { createNumberReader } from "../../src/core/reports/parser/numbers.js";
import { pairNumbers, withPairs } from "../../src/core/reports/parser/pairing.js";
import { qualifyPeriods } from "../../src/core/reports/parser/periods.js";
import { findReferences } from "../../src/core/reports/parser/references.js";
import { readTables } from "../../src/core/reports/parser/tables.js";
import { normaliseAndTokenise, type Tokenised } from "../../src/core/reports/parser/tokens.js";
import { collectUnclear } from "../../src/core/reports/parser/unclear.js";
import { findStatedZeros } from "../../src/core/reports/parser/zeros.js";
import { parseReport } from "../../src/core/reports/report-parser.js";
import { foldWithMap } from "../../src/core/reports/text-key.js";
import { withoutSpans } from "../support/parsed.js";

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
    // at a line break, so that no figure is cut into another
    const long = normaliseAndTokenise("pano 1.200\n".repeat(2_000)).toks;
    expect(long[long.length - 1]!.k).toBe("1.200");
    expect(normaliseAndTokenise(undefined).toks).toEqual([]);
  });
  it("reads 'br' as băng rôn, and 'tr' as tờ rơi only before a figure (not in '5 tr', a million)", () => {
    const kt = (text: string) => normaliseAndTokenise(text).toks.map((t) => t.kt);
    expect(kt("br 12")).toEqual(["bangron", "12"]);
    expect(kt("tr: 2k")).toEqual(["toroi", ":", "2", "k"]);
    expect(kt("hn 1 tr 250")).toEqual(["hoinghi", "1", "toroi", "250"]);
    expect(kt("kinh phi 5 tr 300")).toEqual(["kinh", "phi", "5", "tr", "300"]);
    expect(kt("tr cuoi")).toEqual(["tr", "cuoi"]);
  });
  it("reads a dictated 'phẩy' between words as a comma, not between numbers", () => {
    const k = (text: string) => normaliseAndTokenise(text).toks.map((t) => t.k);
    expect(k("pano 3 cai phẩy bang ron 2")).toEqual(["pano", "3", "cai", ",", "bang", "ron", "2"]);
    expect(k("phat thanh muoi luot phay tin bai hai")).toContain(",");
    expect(k("ba phẩy năm")).toEqual(["ba", "phay", "nam"]);
    expect(k("1 phay 5")).toEqual(["1", "phay", "5"]);
  });
});

describe("stage 2: markNonValues", () => {
  it.each([
    ["Trường THCS có 540 học sinh, 32 giáo viên; treo 2 pano", { pano: 2 }],
    ["xa moi sap nhap tu 3 xa cu, 25 thon; treo 30 bang ron", { bang_ron: 30 }],
    ["Chi hội phụ nữ thôn 2 có 60 hội viên; đăng 4 bài trên fanpage", { bai_mxh: 4 }],
    ["Trường mầm non có 150 cháu; cổng trường treo 1 pa nô", { pano: 1 }],
  ])(
    "reads counts describing a place ('có 620 học sinh, 35 giáo viên', 'có 45 đoàn viên') as context: %s",
    (text, values) => {
      expect(parseReport(text, SAMPLE_INDICATORS)).toEqual({ values, references: [], conflicts: [], unclear: [] });
    },
  );
  it.each([
    ["Đoàn phường: 1 hội nghị, 5 chi đoàn, 95 đoàn viên tham dự", { hoi_nghi: 1, nguoi_tham_du: 95 }],
    ["Hoi phu nu co 12 chi hoi, dang 8 bai fanpage", { bai_mxh: 8 }],
    ["Đảng ủy xã có 9 chi bộ; tin bài 3", { tin_bai: 3 }],
  ])("reads branches of the mass organisations ('5 chi đoàn', '12 chi hội') as context: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toEqual({ values, references: [], conflicts: [], unclear: [] });
  });
  it("keeps the only figure of a sentence naming an indicator ('treo pano 3 thôn')", () => {
    expect(parseReport("treo pano 3 thôn", SAMPLE_INDICATORS).values).toEqual({ pano: 3 });
  });
  it.each([
    ["phát thanh 12 buổi, mỗi buổi 15-20 phút", { phat_thanh: 12 }],
    ["hội nghị 1 cuộc, đại biểu từ 30 tới 60 tuổi, 80 người", { hoi_nghi: 1, nguoi_tham_du: 80 }],
    ["tap huan 1 lop, hoc vien tu 18 den 45 tuoi, 50 nguoi", { hoi_nghi: 1, nguoi_tham_du: 50 }],
  ])("reads a range of ages or minutes ('từ 25 đến 55 tuổi', '15-20 phút') as no figure: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
  });
  it.each([
    ["tdp 3 trong tháng 1 hội nghị 45 người, 2 băng rôn", { hoi_nghi: 1, nguoi_tham_du: 45, bang_ron: 2 }],
    ["trong quý 2 pano, 3 băng rôn", { pano: 2, bang_ron: 3 }],
    ["trong tuan 1 hoi nghi, 60 nguoi", { hoi_nghi: 1, nguoi_tham_du: 60 }],
    // a month named before what was done stays a label
    ["trong tháng 3 tổ chức 2 hội nghị", { hoi_nghi: 2 }],
    ["trong tháng 1 phát 200 tờ rơi", { to_roi: 200 }],
  ])("reads 'trong tháng' (during the month) then a count of an indicator as that count: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
  });
  it.each([
    ["to truong to dan pho 2 nhan 40 to roi ve phat", { to_roi: 40 }],
    ["thon 3 nhan 50 to roi", { to_roi: 50 }],
    // after a quantity with its unit, or written with its marks, it multiplies
    ["phat thanh 3 buoi nhan 4 tuan", { phat_thanh: 12 }],
    ["phát thanh 3 buổi nhân 4 tuần", { phat_thanh: 12 }],
    ["hn 4 cuoc nhan 55 nguoi", { hoi_nghi: 4, nguoi_tham_du: 220 }],
  ])("reads 'nhan' typed without marks after a bare number as 'nhận' (received), no product: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
  });
  it.each([
    [
      "Em báo cáo 5 chỉ tiêu như sau: pano 1, băng rôn 4, tờ rơi 200, tin bài 3, phóng sự 1",
      { pano: 1, bang_ron: 4, to_roi: 200, tin_bai: 3, phong_su: 1 },
    ],
    ["e gui 2 noi dung: hoi nghi 1, nguoi tham du 60", { hoi_nghi: 1, nguoi_tham_du: 60 }],
    ["Dạ bổ sung 3 đầu mục còn thiếu: pano 2, áp phích 6, tin bài 1", { pano: 2, ap_phich: 6, tin_bai: 1 }],
  ])(
    "reads a count of the message's own items ('4 chỉ tiêu như sau:', '3 nội dung') as no figure: %s",
    (text, values) => {
      expect(parseReport(text, SAMPLE_INDICATORS)).toEqual({ values, references: [], conflicts: [], unclear: [] });
    },
  );
  it("still asks about messages sent to households ('gửi 120 tin nhắn')", () => {
    expect(parseReport("gửi 120 tin nhắn đến các hộ, đăng 5 tin bài", SAMPLE_INDICATORS).unclear).not.toEqual([]);
  });
  it.each([
    ["pano 3 cái\nNguyễn Thị Hoa, cán bộ VHXH, ĐT 0987 654 321", { pano: 3 }],
    ["bang ron 4. DT 0905.111.222 (Lan)", { bang_ron: 4 }],
    ["treo 4 pano dọc ĐT 741, tờ rơi 200", { pano: 4, to_roi: 200 }],
  ])("reads a phone number after 'ĐT' (điện thoại) as a phone, a road 'ĐT 741' as a road: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toEqual({ values, references: [], conflicts: [], unclear: [] });
  });
  it.each([
    ["treo 06 (sáu) pa nô và 3 (ba) băng rôn", { pano: 6, bang_ron: 3 }],
    ["phat 1.200 (mot nghin hai tram) to roi", { to_roi: 1200 }],
    ["Hội nghị: 01 (một) cuộc, 95 (chín mươi lăm) người tham dự", { hoi_nghi: 1, nguoi_tham_du: 95 }],
  ])("reads a figure written again in words in brackets ('02 (hai)') as one figure: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toEqual({ values, references: [], conflicts: [], unclear: [] });
  });
  it("still asks when the words in brackets say another number ('3 (hai)')", () => {
    expect(parseReport("treo 3 (hai) pano", SAMPLE_INDICATORS).unclear).not.toEqual([]);
  });
  it.each([
    ["Số liệu của phường An Lạc T11: pano 4, băng rôn 6", { pano: 4, bang_ron: 6 }],
    ["so cua thon Dak Lao T9: to roi 150 to", { to_roi: 150 }],
    ["Tin bài T3: 7 tin", { tin_bai: 7 }],
    ["phat thanh T10 duoc 22 luot", { phat_thanh: 22 }],
    ["e bo sung so hoi nghi T12 nhe: 3 cuoc, 140 nguoi", { hoi_nghi: 3, nguoi_tham_du: 140 }],
    ["pano 5 cái, báo cáo T6.", { pano: 5 }],
  ])("reads 'T12' typed as one word inside a line as the month, never a figure: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
  });
  it.each([
    ["thôn Khe Giao 2 hoàn thành rồi a: 2 pano 1 cụm cổ động 50 tờ rơi", { pano: 2, cum_co_dong: 1, to_roi: 50 }],
    ["bản Na Hươi 1 đã treo 3 băng rôn", { bang_ron: 3 }],
    ["tổ dân phố Bắc Hà 2: 4 pano", { pano: 4 }],
    // the place's figure, not part of its name
    ["thôn Tân Thành 5 pano", { pano: 5 }],
  ])("reads a number ending a place's name as part of the name: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
  });
  it.each([
    ["ngày 10/02/2021 treo 5 pano", ["ngày", "10", "/", "02", "/", "2021"]],
    ["lúc 8h30 phát thanh 2 buổi", ["lúc", "8", "h", "30"]],
    ["SĐT 0912 345 678 pano 3", ["0912", "345", "678"]],
    ["đạt 85% kế hoạch, 4 pano", ["85", "%"]],
    ["thôn 5 treo 3 pa nô", ["thôn", "5"]],
    ["Báo cáo quý II/2021: 4 pano", ["quý", "II", "/", "2021"]],
    ["1. Pano: 3", ["1"]],
    ["Thôn 2: 1) Pano: 3. 2) Tin bài: 4", ["Thôn", "2", "1", "2"]],
    ["bao cao nhu sau: 1) tin bai 5; 2) phong su 1", ["1", "2"]],
    ["tdp 4 treo 2 pano, toàn phường 9 pano", ["tdp", "4"]],
    ["bc quy 3 2026 tin bai 4", ["quy", "3", "2026"]],
    ["cán bộ mới (25 tuổi) đăng 3 tin bài", ["25", "tuổi"]],
    ["T7: 2 tin bài\nT8: 3 tin bài", ["T", "7", "T", "8"]],
    ["tin bài t 3: 4", []],
    ["kết quả 6 tháng năm 2026: pano 3", ["năm", "2026"]],
    ["phát tờ rơi 3 đợt: đợt 1 200 tờ, đợt 2 150 tờ, đợt 3 100 tờ", ["3", "đợt", "1", "đợt", "2", "đợt", "3"]],
    ["tập huấn 2 lớp: lớp 1 40 học viên, lớp 2 35 học viên", ["lớp", "1", "lớp", "2"]],
    ["tháng 10 2025 tờ rơi 300", ["tháng", "10", "2025"]],
    ["tờ rơi tháng 3 2025 tờ", ["tháng", "3"]],
    ["tờ rơi 650 tháng 2 pa nô 4", ["tháng", "2"]],
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
  it.each([
    ["nhiệm vụ năm: treo 12 pa nô", 5],
    ["Thực hiện Nghị quyết về nhiệm vụ năm 2027, xã phát thanh 28 lượt", undefined],
    ["nhiem vu nam nay xa phat thanh 20 luot", undefined],
    ["triển khai nhiệm vụ năm học mới, treo 3 băng rôn", undefined],
  ])("'năm' after 'nhiệm vụ' is task five only when no year follows: %s", (text, hint) => {
    expect(upToPairing(text).nv.taskHint).toBe(hint);
  });
  it.each([
    ["treo 20 băng rôn tại 8 thôn", ["8", "thôn"]],
    ["phát 200 tờ rơi cho 200 hộ gia đình", ["200", "hộ", "gia"]],
    ["xã có 14 thôn", ["14", "thôn"]],
  ])("%s: counts of places %j", (text, words) => {
    const { tk, nv } = upToPairing(text);
    expect(blockedWords(tk, nv.blocked)).toEqual(words);
  });
  it("does not take a number after a name for a count of places", () => {
    const { tk, nv } = upToPairing("pano 12 xa Thach Binh");
    expect(blockedWords(tk, nv.blocked)).toEqual([]);
  });
  it("finds arithmetic: a product's operands are never values, its result is", () => {
    const { tk, nv } = upToPairing("phát thanh 3 buổi/tuần x 12 tuần = 36 buổi");
    expect(blockedWords(tk, nv.blocked)).toEqual(["3", "buổi", "/", "tuần", "x", "12", "tuần", "="]);
    expect([...nv.arithmetic.results].map((i) => tk.toks[i]!.o)).toEqual(["36"]);
    expect(nv.unclear).toEqual([]);
  });
  it("finds sums: operands after the first are added", () => {
    const { tk, nv } = upToPairing("treo 5 pano + 3 pano = 8 pano");
    expect([...nv.arithmetic.addends].map((i) => tk.toks[i]!.o)).toEqual(["3"]);
    expect([...nv.arithmetic.results].map((i) => tk.toks[i]!.o)).toEqual(["8"]);
    expect(blockedWords(tk, nv.blocked)).toEqual([]);
  });
  it("quotes whom something was given to as unclear only when the clause gives no figure of what", () => {
    const alone = upToPairing("nhắn tin qua zalo cho 120 hộ dân, đăng 2 tin bài");
    expect(
      alone.nv.unclear.map(([a, b]) =>
        alone.tk.toks
          .slice(a, b + 1)
          .map((t) => t.o)
          .join(" "),
      ),
    ).toEqual(["120"]);
    expect(upToPairing("phát 300 tờ rơi cho 300 hộ").nv.unclear).toEqual([]);
    expect(upToPairing("treo băng rôn tại 8 thôn").nv.unclear).toEqual([]);
  });
  it("finds sums whose parts are named by a time of day ('+ chiều 70 người')", () => {
    const { tk, nv } = upToPairing("sáng 45 đại biểu + chiều 50 đại biểu");
    expect([...nv.arithmetic.addends].map((i) => tk.toks[i]!.o)).toEqual(["50"]);
    expect(upToPairing("treo 5 pano + thôn 3 treo 2").nv.arithmetic.addends.size).toBe(0);
  });
  it("reads 'x' as the commune, not a sign, when no number follows", () => {
    const { nv } = upToPairing("12 pano x Thạch Bình");
    expect(nv.arithmetic.results.size + nv.arithmetic.products.size).toBe(0);
  });
  it("reads a label after a number unless the label's number counts something", () => {
    const label = upToPairing("pano 5 tổ 3");
    expect(blockedWords(label.tk, label.nv.blocked)).toEqual(["tổ", "3"]);
    const counted = upToPairing("tap huan 1 lop 45 hoc vien");
    expect(blockedWords(counted.tk, counted.nv.blocked)).toEqual([]);
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

describe("stage 2: list numbering inside a line", () => {
  it("leaves a figure in brackets and a figure before ')' a value", () => {
    const tk = normaliseAndTokenise("pano 3 (thon 1: 2) tin bai 4");
    expect(blockedWords(tk, markNonValues(tk, compiled).blocked)).toEqual(["thon", "1"]);
  });
});

describe("stage 2: findReferences", () => {
  const refs = (text: string) => findReferences(foldWithMap(text.normalize("NFC")), text.normalize("NFC")).references;
  it("restores 'Đ' in symbol parts typed without it, and keeps one reference for both spellings", () => {
    expect(refs("theo qd 14/qd-ubnd va 30/2020/nd-cp")).toEqual([
      { number: "14/QĐ-UBND" },
      { number: "30/2020/NĐ-CP" },
    ]);
    expect(refs("NQ 03/NQ-HDND; 14/QĐ-UBND và 14/QD-UBND")).toEqual([
      { number: "03/NQ-HĐND" },
      { number: "14/QĐ-UBND" },
    ]);
    expect(refs("KH 7/KH-QDND")).toEqual([{ number: "7/KH-QDND" }]);
  });
  it("takes a size ('2,4m x 3,6m', '60x90cm') as never a value nor unclear", () => {
    for (const text of ["treo 2 pano 2,4m x 3,6m", "treo 2 pano kho 60x90cm", "treo 2 pano 3 x 4 m"]) {
      const r = parseReport(text, SAMPLE_INDICATORS);
      expect(r.values).toEqual({ pano: 2 });
      expect(r.unclear).toEqual([]);
    }
    expect(parseReport("3 buoi x 4 tuan = 12 luot phat thanh", SAMPLE_INDICATORS).values).toEqual({ phat_thanh: 12 });
  });
  it("takes a date written before the number", () => {
    expect(refs("Ngày 20/01/2026, UBND xã ban hành Kế hoạch số 08/KH-UBND")).toEqual([
      { number: "08/KH-UBND", date: "2026-01-20" },
    ]);
    expect(refs("ngay 5 thang 3 nam 2026 xa ban hanh KH so 12/KH-UBND")).toEqual([
      { number: "12/KH-UBND", date: "2026-03-05" },
    ]);
  });
  it("does not take a date that is another number's, or one across a sentence or a figure", () => {
    expect(refs("Công văn số 56/UBND ngày 10/02/2021 và Kế hoạch số 15/KH-UBND")).toEqual([
      { number: "56/UBND", date: "2021-02-10" },
      { number: "15/KH-UBND" },
    ]);
    expect(refs("Ngày 10/02/2021 treo 5 pano. Theo KH 15/KH-UBND")).toEqual([{ number: "15/KH-UBND" }]);
    expect(refs("Ngày 10/02/2021 treo 5 pano theo KH 15/KH-UBND")).toEqual([{ number: "15/KH-UBND" }]);
    expect(refs("Ngày 20/01/2026 xã tổ chức hội nghị quán triệt Nghị quyết 57-NQ/TW")).toEqual([
      { number: "57-NQ/TW" },
    ]);
  });
  it("reads Party-style numbers, symbols upper-cased", () => {
    expect(refs("Thực hiện Nghị quyết số 57-NQ/TW và Chỉ thị 05-ct/tu ngày 02/03/2026")).toEqual([
      { number: "57-NQ/TW" },
      { number: "05-CT/TU", date: "2026-03-02" },
    ]);
  });
});

describe("stage 1: number forms (readDigitForm, isKeycap)", () => {
  it.each([
    ["pa nô nửa chục cái", { pano: 5 }],
    ["bang ron nua chuc, to roi 300", { bang_ron: 5, to_roi: 300 }],
    ["phát nửa trăm tờ rơi", { to_roi: 50 }],
    ["áp phích: nữa chục", { ap_phich: 5 }],
  ])("reads 'nửa chục' as 5 and 'nửa trăm' as 50: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toEqual({ values, references: [], conflicts: [], unclear: [] });
  });
  it("reads 'nữa' (more) alone as no number: treo thêm 2 pano nữa", () => {
    const read = parseReport("treo thêm 2 pano nữa", SAMPLE_INDICATORS);
    expect(read).toEqual({ values: { pano: 2 }, references: [], conflicts: [], unclear: [], additions: ["pano"] });
  });
  const digits = (text: string) => readDigitForm(normaliseAndTokenise(text), 0, () => true)?.value;
  it.each([
    ["1.200 tờ", 1200],
    ["1,5 nghìn tờ", 1500],
    ["2 nghìn rưỡi", 2500],
    ["1 nghìn 2 tờ rơi", 1200],
    ["3 trăm 5", 350],
    ["1k tờ", 1000],
    ["1,2k tờ", 1200],
    ["2 nghìn, 3 pa nô", 2000],
    ["1 nghìn 25", 1000],
    ["1k2 tờ", 1200],
    ["1 trăm linh 5 người", 105],
    ["1 tram linh 5 nguoi", 105],
    ["2 nghìn lẻ 50 tờ", 2050],
    ["3 trăm lẻ 2", 302],
    // "linh" names the units: no more than the scale's next place
    ["1 trăm linh 50", 100],
    ["1 trăm, linh 5", 100],
  ])("%s = %d", (text, value) => {
    expect(digits(text)).toBe(value);
  });
  it("knows keycap emoji as list markers", () => {
    const tk = normaliseAndTokenise("1\uFE0F\u20E3 Pa nô: 5\n2\u20E3 Tin bài: 3");
    expect(tk.toks.filter((_, i) => isKeycap(tk, i)).map((t) => t.o)).toEqual(["1", "2"]);
    // ("🔟" is the number ten, a list marker opening its line)
    const ten = upToPairing("1\uFE0F\u20E3 Pa nô: 5\n\u{1F51F} Tin bài: 3");
    expect(blockedWords(ten.tk, ten.nv.blocked)).toEqual(["1", "\u{1F51F}"]);
  });
  it("still reads money as money", () => {
    for (const text of ["ủng hộ 500k", "hỗ trợ 500k đồng", "chi 2 triệu đồng"]) {
      const { tk, nv } = upToPairing(text);
      expect(tk.toks.filter((t, i) => t.type === "n" && !nv.blocked[i])).toEqual([]);
    }
  });
});

describe("stage 2c: readTables", () => {
  const table = (text: string) => {
    const tk = normaliseAndTokenise(text);
    const nv = markNonValues(tk, compiled);
    const r = readTables(tk, compiled, nv.blocked);
    return { ...r, read: r.pairs.map((p) => [p.ind.code, p.num.value] as const) };
  };
  it("reads villages written with their number run in ('thon1 | thon2 | tong') as per-village columns", () => {
    expect(table("noi dung | xom1 | xom2 | xom3 | tong\npano | 1 | 0 | 2 | 3\nbang ron | 2 | 2 | 1 | 5").read).toEqual([
      ["pano", 3],
      ["bang_ron", 5],
    ]);
    expect(table("chi tieu | thon1 | thon2\ntin bai | 2 | 3").read).toEqual([["tin_bai", 5]]);
  });
  it.each([
    [
      "thang | 7 | 8 | 9 | cong\nxe loa | 1 | 2 | 1 | 4\nphat thanh | 10 | 8 | 12 | 30",
      { xe_luu_dong: 4, phat_thanh: 30 },
    ],
    ["Tháng | 10 | 11 | 12 | Tổng quý\nPano | 2 | 1 | 0 | 3\nTờ rơi | 100 | 200 | 50 | 350", { pano: 3, to_roi: 350 }],
    ["tháng\t7\t8\t9\tcộng\nxe loa\t1\t2\t1\t4", { xe_luu_dong: 4 }],
    ["thon | 1 | 2 | 3 | tong\nbang ron | 2 | 3 | 1 | 6", { bang_ron: 6 }],
    ["Thôn | 1 | 2 | 3\nPano | 2 | 1 | 1", { pano: 4 }],
  ])(
    "reads a first header cell naming the unit of bare numbered columns ('tháng | 7 | 8 | cộng'): %s",
    (text, values) => {
      expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
    },
  );
  it("reads a header without the label's column ('Tháng 1 | Tháng 2 | Tổng quý' over 'Tờ rơi | …')", () => {
    expect(table("Tháng 4 | Tháng 5 | Tháng 6 | Cộng\nPa nô | 1 | 2 | 0 | 3\nBăng rôn | 4 | 4 | 2 | 10").read).toEqual([
      ["pano", 3],
      ["bang_ron", 10],
    ]);
    expect(table("Thực hiện\tKế hoạch\nTin bài\t7\t10").read).toEqual([["tin_bai", 7]]);
  });
  it.each([
    [
      "STT | Chỉ tiêu | ĐVT | Số lượng\n1 | Pa nô | cái | 12\n2 | Băng rôn | cái | 30",
      [
        ["pano", 12],
        ["bang_ron", 30],
      ],
    ],
    [
      "TT;Nội dung;ĐVT;Kết quả\n1;Treo pa nô;cái;12\n2;Phát tờ rơi;tờ;1.500",
      [
        ["pano", 12],
        ["to_roi", 1500],
      ],
    ],
    [
      "stt\tchi tieu\tdvt\tso luong\nI\tTruc quan\t\t\n1\tpano\tcai\t4\na\tphat thanh\tluot\t36",
      [
        ["pano", 4],
        ["phat_thanh", 36],
      ],
    ],
    [
      "stt - chi tieu - dvt - sl\n1 - pano - cai - 5\n2 - to roi - to - 700",
      [
        ["pano", 5],
        ["to_roi", 700],
      ],
    ],
    ["| Chỉ tiêu | Số lượng |\n|---|---|\n| Pa nô | 3 |", [["pano", 3]]],
  ])("reads the value column under a header: %s", (text, expected) => {
    expect(table(text).read).toEqual(expected);
  });
  it("reads what was done, not the plan nor the percentage", () => {
    expect(
      table("Chỉ tiêu | Kế hoạch | Thực hiện | Tỷ lệ (%)\nPa nô | 10 | 8 | 80\nTờ rơi | 1000 | 1200 | 120").read,
    ).toEqual([
      ["pano", 8],
      ["to_roi", 1200],
    ]);
    expect(table("Noi dung\tKH giao\tThuc hien\tDat %\nPano\t6\t5\t83").read).toEqual([["pano", 5]]);
  });
  it("reads this period, not the cumulative nor last period's column", () => {
    expect(table("Chỉ tiêu;ĐVT;Kỳ này;Lũy kế từ đầu năm\nPa nô;cái;3;7").read).toEqual([["pano", 3]]);
    expect(table("Báo cáo quý I/2026:\nChỉ tiêu | Quý I/2026 | Quý IV/2025\nPa nô | 7 | 5").read).toEqual([
      ["pano", 7],
    ]);
    expect(table("Chỉ tiêu | Quý IV/2025 | Quý I/2026\nPa nô | 5 | 7").read).toEqual([["pano", 7]]);
  });
  it("reads a quarter beside its months, or sums the months under a stated quarter", () => {
    expect(table("Chỉ tiêu | Tháng 1 | Tháng 2 | Tháng 3 | Quý I\nPa nô | 1 | 2 | 3 | 6").read).toEqual([["pano", 6]]);
    expect(table("Báo cáo quý I:\nChỉ tiêu | Tháng 1 | Tháng 2 | Tháng 3\nPa nô | 1 | 2 | 3").read).toEqual([
      ["pano", 6],
    ]);
    expect(table("Báo cáo tháng 3:\nChỉ tiêu | Tháng 2 | Tháng 3\nPa nô | 1 | 4").read).toEqual([["pano", 4]]);
  });
  it("reads the total of one column per village, or their sum", () => {
    expect(table("chi tieu | thon 1 | thon 2 | tong\npano | 2 | 1 | 3\nbang ron | 6 | 4 | 10").read).toEqual([
      ["pano", 3],
      ["bang_ron", 10],
    ]);
    expect(table("Nội dung\tThôn 1\tThôn 2\tThôn 3\nBăng rôn\t3\t2\t4").read).toEqual([["bang_ron", 9]]);
  });
  it("reads one column per indicator from the total row, else the sum of the rows", () => {
    const text = "STT | Thôn | Pa nô | Tờ rơi\n1 | Thôn 1 | 1 | 150\n2 | Thôn 2 | 2 | 200\n | Tổng | 3 | 350";
    expect(table(text).read).toEqual([
      ["pano", 3],
      ["to_roi", 350],
    ]);
    expect(table("Thôn | Pa nô | Tờ rơi\nThôn 1 | 1 | 150\nThôn 2 | 2 | 200").read).toEqual([
      ["pano", 3],
      ["to_roi", 350],
    ]);
  });
  it("never reads row numbers, notes or the header, and marks the whole table", () => {
    const text =
      "Xã báo cáo quý 1:\nSTT;Nội dung;ĐVT;Số lượng;Ghi chú\n1;Pa nô;cái;5;treo tại 5 thôn\n2;Hội nghị;cuộc;1;";
    const t = table(text);
    expect(t.read).toEqual([
      ["pano", 5],
      ["hoi_nghi", 1],
    ]);
    const tk = normaliseAndTokenise(text);
    const firstLine = tk.toks.findIndex((x) => x.type === "nl");
    expect([...t.blocked!].every((i) => i > firstLine)).toBe(true);
    expect(new Set(t.blocked).size).toBe(tk.toks.filter((x, i) => i > firstLine && x.type !== "nl").length);
  });
  it("reads comma-separated tables under a header, and leaves prose cells and lists alone", () => {
    expect(table("Chỉ tiêu,ĐVT,Số lượng\nPa nô,cái,5\nBăng rôn,cái,12").read).toEqual([
      ["pano", 5],
      ["bang_ron", 12],
    ]);
    expect(table("pano 6, ap phich 81\ne go nham, ap phich la 18 a").read).toEqual([]);
    expect(table("Hội nghị, tập huấn\n2 cuộc, 150 người").read).toEqual([]);
    const prose = table("STT | Nội dung | Kết quả\n1 | Trực quan | treo 5 pa nô, 10 băng rôn");
    expect(prose.read).toEqual([]);
    expect(
      [...prose.blocked!].map(
        (i) => normaliseAndTokenise("STT | Nội dung | Kết quả\n1 | Trực quan | treo 5 pa nô, 10 băng rôn").toks[i]!.o,
      ),
    ).toEqual(expect.not.arrayContaining(["5", "10"]));
  });
  it("reads tables aligned with runs of spaces, an empty or '-' cell being no figure", () => {
    expect(
      table("STT   Nội dung      ĐVT    Kết quả\n1     Áp phích      cái    9\n2     Hội nghị      cuộc   -").read,
    ).toEqual([["ap_phich", 9]]);
    expect(
      table("noi dung    KH giao   TH    ty le\ntin bai     10        12    120\nphong su    2         1     50").read,
    ).toEqual([
      ["tin_bai", 12],
      ["phong_su", 1],
    ]);
    // a cell left empty: the others stay under their own columns
    expect(
      table("Nội dung     Thôn 1   Thôn 2   Tổng\nTờ rơi       300               300\nPa nô        1        2        3")
        .read,
    ).toEqual([
      ["to_roi", 300],
      ["pano", 3],
    ]);
    // prose with double spaces is no table
    expect(table("hom nay  xa treo 3 pano  va 2 bang ron\ntuan sau  lam tiep").read).toEqual([]);
  });
  it("sums the months of one quarter, or the weeks, when no period is stated; else the latest", () => {
    expect(table("Nội dung | Tháng 4 | Tháng 5 | Tháng 6\nTin bài | 2 | 3 | 1").read).toEqual([["tin_bai", 6]]);
    expect(table("chi tieu;tuan 1;tuan 2\npano;1;2").read).toEqual([["pano", 3]]);
    expect(table("Chỉ tiêu | Quý I | Quý II | 6 tháng\nPa nô | 3 | 4 | 7").read).toEqual([["pano", 7]]);
    expect(table("Báo cáo 6 tháng đầu năm\nChỉ tiêu | Quý I | Quý II\nPa nô | 3 | 4").read).toEqual([["pano", 7]]);
    // two months across quarters, or quarters of two years: the latest
    expect(table("Chỉ tiêu | Tháng 3 | Tháng 4\nPa nô | 1 | 2").read).toEqual([["pano", 2]]);
  });
  it("reads short month and quarter headers (T1, T.2, Q1) and the quarter's total", () => {
    expect(table("Chỉ tiêu|T1|T2|T3|Cộng quý\nTờ rơi|100|0|50|150").read).toEqual([["to_roi", 150]]);
    expect(table("Báo cáo quý I\nChỉ tiêu;T.1;T.2;T.3\nPa nô;1;2;0").read).toEqual([["pano", 3]]);
  });
  it("voids what earlier stages read inside a table's cells (a note's '3x6m', '1 - 1')", () => {
    const t = table("TT;Nội dung;Số lượng;Ghi chú\n1;Pa nô;2;khổ 2x4m");
    expect(t.read).toEqual([["pano", 2]]);
    expect(t.cleared && [...t.cleared].length).toBeGreaterThan(0);
  });
  it("reads rows of label and number without a header, with any separator", () => {
    expect(table("Pa nô;12\nBăng rôn;30").read).toEqual([
      ["pano", 12],
      ["bang_ron", 30],
    ]);
    expect(table("1 | Pa nô | 0\n2 | Phóng sự | 3").read).toEqual([
      ["pano", 0],
      ["phong_su", 3],
    ]);
    expect(table("pano 20; băng rôn 45; tờ rơi 1.000").read).toEqual([]);
    expect(table("Pa nô: 12; áp phích: 3\nBăng rôn: 5; tin: 2").read).toEqual([]);
  });
});

describe("stage 3: findMentions", () => {
  it.each([
    ["hoc vien tap huan quy 2: 60; so lop quy 2: 1", { nguoi_tham_du: 60, hoi_nghi: 1 }],
    ["số lớp tập huấn: 3, số học viên 120", { hoi_nghi: 3, nguoi_tham_du: 120 }],
    ["so xe: 2", { xe_luu_dong: 2 }],
  ])(
    "reads 'số' and a counting noun heading one indicator's names as that indicator ('số lớp'): %s",
    (text, values) => {
      expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
    },
  );
  it("finds the longest synonym, tolerating hyphens, missing spaces, typos", () => {
    const { mentions } = upToPairing("12 pa-nô, bangron 3, xe thông tin lưu động 2, ap phick 4");
    expect(mentions.map((m) => m.code)).toEqual(["pano", "bang_ron", "xe_luu_dong", "ap_phich"]);
  });
  it("does not take 'thông tin' for 'tin' nor a number word for a name", () => {
    const { mentions } = upToPairing("cung cấp thông tin, ba buổi tập huấn");
    expect(mentions.map((m) => m.code)).toEqual(["hoi_nghi"]);
  });
  it("finds a name with a verb run into it, but not a short one inside a word", () => {
    expect(upToPairing("datreopano 12, daphattoroi 300").mentions.map((m) => m.code)).toEqual(["pano", "to_roi"]);
    expect(upToPairing("latin 5").mentions).toEqual([]);
  });
  it("reads chat abbreviations as the words they stand for", () => {
    const { tk, mentions } = upToPairing("hn 1 vs 50 ng, pn 3, mxh 4");
    expect(mentions.map((m) => m.code)).toEqual(["hoi_nghi", "pano", "bai_mxh"]);
    expect(tk.toks[2]!.kt).toBe("voi");
  });
  it("takes no typo over a name written right inside it ('tờ hội nghị' is not 'tờ rơi')", () => {
    const { mentions } = upToPairing("to roi 500 to hoi nghi 2 cuoc");
    expect(mentions.map((m) => m.code)).toEqual(["to_roi", "hoi_nghi"]);
  });
  it("skips marked tokens", () => {
    const { mentions } = upToPairing("theo 15/KH-UBND");
    expect(mentions).toEqual([]);
  });
});

describe("stage 4: pairNumbers", () => {
  it.each([
    ["phát thanh tin CCHC 12 lượt", { phat_thanh: 12 }],
    ["phat thanh tin phong chong lua dao 8 luot", { phat_thanh: 8 }],
    ["Phát thanh tin bài về bầu cử 20 lượt", { phat_thanh: 20 }],
  ])(
    "gives a figure in a measure the head shares ('lượt') to the head of two names in a row, not to what was aired: %s",
    (text, values) => {
      expect(parseReport(text, SAMPLE_INDICATORS)).toEqual({ values, references: [], conflicts: [], unclear: [] });
    },
  );
  it("still asks about a figure after two names joined by a comma", () => {
    expect(parseReport("phát thanh, tin bài 12 lượt", SAMPLE_INDICATORS).unclear).not.toEqual([]);
  });
  it.each([
    ["nguoi tham du tap huan 1 tram linh 5 nguoi", { nguoi_tham_du: 105 }],
    ["người tham dự hội nghị 80 người", { nguoi_tham_du: 80 }],
    ["tờ rơi hội nghị 300 tờ", { to_roi: 300 }],
  ])("reads two names in a row as one, the head's, when the figure has the head's own measure: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
  });
  it.each([
    ["tap huan 60 hoc vien", { nguoi_tham_du: 60 }],
    ["hội nghị 80 đại biểu", { nguoi_tham_du: 80 }],
    ["Hội nghị tuyên truyền 95 người tham dự", { nguoi_tham_du: 95 }],
    // a name with its own figure after it keeps it
    ["hoi nghi 2 nguoi tham du 90", { hoi_nghi: 2, nguoi_tham_du: 90 }],
  ])("gives a number followed right away by people named by their role to the people: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
  });
  it.each([
    ["phát 2 chuyên mục trên đài truyền thanh xã", { chuyen_muc: 2 }],
    ["3 phóng sự trên đài truyền thanh huyện", { phong_su: 3 }],
    ["2 chuyen muc tren loa truyen thanh", { chuyen_muc: 2 }],
    // content on a channel counted as posts is the channel's
    ["12 tin tren zalo nhom thon", { bai_mxh: 12 }],
    ["đăng 5 bài viết trên fanpage", { bai_mxh: 5 }],
  ])("keeps a thing counted by its own name on a channel counted in times aired: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
  });
  it.each([
    ["Hội Phụ nữ tổ chức 1 hội nghị với 95 hội viên", { hoi_nghi: 1, nguoi_tham_du: 95 }],
    ["doan xa tap huan 2 lop, 70 doan vien", { hoi_nghi: 2, nguoi_tham_du: 70 }],
    ["hn 1 cuộc có 48 cán bộ", { hoi_nghi: 1, nguoi_tham_du: 48 }],
    ["tọa đàm 1 buổi gồm 30 cựu chiến binh", { hoi_nghi: 1, nguoi_tham_du: 30 }],
    ["mo 1 lop tap huan cho 25 giao vien", { hoi_nghi: 1, nguoi_tham_du: 25 }],
    // members of a place, or recipients of leaflets, are no attendees
    ["1 hội nghị, xã có 300 đoàn viên", { hoi_nghi: 1 }],
    ["phát 200 tờ rơi cho 150 hội viên", { to_roi: 200 }],
  ])("reads people by role counted right after a gathering as its attendees: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toEqual({ values, references: [], conflicts: [], unclear: [] });
  });
  it.each([
    ["Chuyên mục: 1 chuyên mục, Cụm cổ động 1 cụm", { chuyen_muc: 1, cum_co_dong: 1 }],
    ["Chuyên mục: 1 chuyên mục, pano 2", { chuyen_muc: 1, pano: 2 }],
    ["tin bai 3 tin bai, phong su 2", { tin_bai: 3, phong_su: 2 }],
  ])("reads a name right after a figure as its measure, never one sharing the next figure: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
  });
  const read = (text: string) => upToPairing(text).pairing.pairs.map((p) => [p.ind.code, p.num.value] as const);
  it("gives a number opening a name with that name's own measure to that name ('có 95 người tham dự')", () => {
    expect(read("Buổi hội nghị sáng nay có 95 người tham dự")).toEqual([["nguoi_tham_du", 95]]);
    expect(read("hoi nghi 1 nguoi tham du 40")).toEqual([
      ["hoi_nghi", 1],
      ["nguoi_tham_du", 40],
    ]);
  });
  it.each([
    [
      "12 pa nô 3 áp phích",
      [
        ["pano", 12],
        ["ap_phich", 3],
      ],
    ],
    [
      "pa nô 12 áp phích 3",
      [
        ["pano", 12],
        ["ap_phich", 3],
      ],
    ],
    [
      "pano: 12, băng rôn: 30",
      [
        ["pano", 12],
        ["bang_ron", 30],
      ],
    ],
    ["phát 500 tờ", [["to_roi", 500]]],
    // a measure two indicators share: the verb that starts one's names decides
    ["phát 12 lượt", [["phat_thanh", 12]]],
    ["5 bài trên fanpage", [["bai_mxh", 5]]],
  ])("%s", (text, expected) => {
    expect(read(text)).toEqual(expected);
  });
  it("does not give a name a number that another indicator's measure follows, across other words", () => {
    expect(read("hội nghị buổi sáng có 90 người")).toEqual([["nguoi_tham_du", 90]]);
    // side by side, the name still takes it (the measure may be loose: "áp phích 5 tờ")
    expect(read("áp phích 5 tờ")).toEqual([["ap_phich", 5]]);
  });
  it("shares no number with a name said as not done ('chưa có X, Y 20')", () => {
    expect(read("không có phóng sự, chuyên mục 2")).toEqual([["chuyen_muc", 2]]);
  });
  it("leaves a number shared by two names unpaired and unclear", () => {
    const { tk, pairing } = upToPairing("Pa nô, áp phích: 15");
    expect(pairing.pairs).toEqual([]);
    expect(collectUnclear(tk, pairing.unclear)).toEqual(["Pa nô, áp phích: 15"]);
  });
  it("leaves a number with no name for stage 5", () => {
    const { pairing } = upToPairing("Đã nhận 3 bộ tài liệu");
    expect(pairing.pairs).toEqual([]);
    expect(pairing.unplaced.map((n) => n.value)).toEqual([3]);
  });
  it.each([
    ["25 bài viết trên mạng xã hội", [["bai_mxh", 25]]],
    ["10 tin bài trên trang Facebook của xã", [["bai_mxh", 10]]],
    ["Số người tham dự hội nghị: 210", [["nguoi_tham_du", 210]]],
    ["so dai bieu du hoi nghi 95", [["nguoi_tham_du", 95]]],
    ["Dạ số người tham dự hội nghị là 85 người ạ", [["nguoi_tham_du", 85]]],
    ["Số lượng tờ rơi phát tại hội nghị: 300", [["to_roi", 300]]],
  ])("two names in a row are one: %s", (text, expected) => {
    expect(read(text)).toEqual(expected);
  });
  it("keeps two names apart when a number stands before the first", () => {
    expect(read("12 pa nô về hội nghị 3")).toEqual([
      ["pano", 12],
      ["hoi_nghi", 3],
    ]);
  });
  it("reads a product without a result as one number", () => {
    expect(read("phát thanh 3 buổi x 4 tuần")).toEqual([["phat_thanh", 12]]);
    expect(read("treo 9 thôn x 2 pa nô")).toEqual([["pano", 18]]);
  });
});

describe("stage 5: breakdowns in brackets, sums over channels", () => {
  it.each([
    ["Xe lưu động 10 lượt (gồm 6 lượt về bầu cử, 4 lượt về ATGT), tin bài 3", { xe_luu_dong: 10, tin_bai: 3 }],
    ["phát thanh 20 lượt (bao gồm 12 lượt tin thời sự và 8 lượt nhạc)", { phat_thanh: 20 }],
    ["bài mxh: fb 6 + zalo 5 = 11 bài", { bai_mxh: 11 }],
    ["bai dang fanpage 4 + zalo 3", { bai_mxh: 7 }],
  ])("%s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
  });
});

describe("stage 5: combineValues", () => {
  it.each([
    ["treo 3 pano và 5 băng rôn, tổng cộng 8 sản phẩm trực quan", { pano: 3, bang_ron: 5 }],
    ["pano 2, bang ron 4. Tong cong 6 san pham", { pano: 2, bang_ron: 4 }],
    ["Tin bài 7, phóng sự 2, chuyên mục 3; tất cả 12 tác phẩm", { tin_bai: 7, phong_su: 2, chuyen_muc: 3 }],
  ])("reads a stated sum over several indicators as no figure, never the last one's: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toEqual({ values, references: [], conflicts: [], unclear: [] });
  });
  it("still asks about a stated total that is not their sum", () => {
    expect(parseReport("pano 2, bang ron 4. Tong cong 7 san pham", SAMPLE_INDICATORS).unclear).toEqual([
      "Tong cong 7 san pham",
    ]);
  });
  it.each([
    ["tổ chức 2 hội nghị: hội nghị thứ nhất 70 người, hội nghị thứ hai 55 người", { hoi_nghi: 2, nguoi_tham_du: 125 }],
    ["2 lop tap huan, lop thu nhat 40 hoc vien, lop thu 2 35 hoc vien", { hoi_nghi: 2, nguoi_tham_du: 75 }],
    ["đợt thứ nhất phát 300 tờ rơi, đợt thứ hai phát 200 tờ rơi", { to_roi: 500 }],
  ])("adds up figures of parts told apart by ordinals ('thứ nhất …, thứ hai …'): %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toEqual({ values, references: [], conflicts: [], unclear: [] });
  });
  const combine = (text: string) => {
    const { tk, nv, pairing } = upToPairing(text);
    return combineValues(tk, nv, pairing, compiled.order);
  };
  it("adds up one indicator's figures said for different parts of the same kind", () => {
    expect(combine("đợt 1 phát 200 tờ rơi; đợt 2 phát 350 tờ rơi").values).toEqual({ to_roi: 550 });
    expect(combine("buổi sáng 60 người tham dự, buổi chiều 45 người tham dự").values).toEqual({ nguoi_tham_du: 105 });
    expect(combine("xom 3: 2 pano, xom 4: 1 pano").values).toEqual({ pano: 3 });
    // the same part twice, or parts of different kinds: a conflict to ask about
    expect(combine("thôn 2 treo 3 pano, thôn 2 treo 4 pano").conflicts).toEqual([{ code: "pano", values: [3, 4] }]);
    expect(combine("thôn 2 treo 3 pano, đợt 2 treo 4 pano").conflicts).toEqual([{ code: "pano", values: [3, 4] }]);
  });
  it("adds 'thêm' to what was said", () => {
    expect(combine("10 pa nô, thêm 2 pa nô").values).toEqual({ pano: 12 });
  });
  it("adds what comes after 'Ngoài ra'", () => {
    expect(combine("Treo 10 pa nô tại các thôn. Ngoài ra treo 2 pa nô tại trụ sở UBND xã.").values).toEqual({
      pano: 12,
    });
  });
  it("reports different plain values as a conflict", () => {
    expect(combine("pano 10, pano 12")).toMatchObject({ values: {}, conflicts: [{ code: "pano", values: [10, 12] }] });
  });
  it.each([
    ["thêm 4 tin bài nữa, tổng cộng là 11 tin bài", { tin_bai: 11 }],
    ["Tổng số pa nô: 15. Pa nô: 12", { pano: 15 }],
    ["pano thon 1: 3, thon 2: 4, cong: 7 pano", { pano: 7 }],
    ["tat ca co 30 bang ron", { bang_ron: 30 }],
    ["tin bai: thang 1 co 4, thang 2 co 5, tong so 9", { tin_bai: 9 }],
    ["3 buoi/tuan x 12 tuan = 36 buoi phat thanh", { phat_thanh: 36 }],
    ["treo 5 pano + 3 pano = 8 pano", { pano: 8 }],
    ["treo 5 pano + 3 pano", { pano: 8 }],
  ])("an explicit total wins over its parts: %s", (text, values) => {
    expect(combine(text)).toEqual({ values, conflicts: [], unclear: [] });
  });
  it("reports two different totals as a conflict", () => {
    expect(combine("tong 10 pano, tong 12 pano").conflicts).toEqual([{ code: "pano", values: [10, 12] }]);
  });
  it("does not read 'cộng' inside other words as a total", () => {
    expect(combine("Đăng 5 tin bài trên cổng thông tin, 3 tin bài").conflicts).toEqual([
      { code: "tin_bai", values: [5, 3] },
    ]);
  });
  it("keeps parts after 'trong đó' out of values and unclear", () => {
    expect(combine("Treo pano: 12, trong đó thôn 1: 5 cái, thôn 2: 7 cái")).toEqual({
      values: { pano: 12 },
      conflicts: [],
      unclear: [],
    });
  });
  it("keeps a breakdown in brackets after a value out of unclear", () => {
    expect(combine("pano 10 cái (thôn 1: 4, thôn 2: 6)")).toEqual({ values: { pano: 10 }, conflicts: [], unclear: [] });
  });
  it("quotes a number with no name and no total as unclear", () => {
    const { tk, nv, pairing } = upToPairing("Đã nhận 3 bộ tài liệu");
    const combined = combineValues(tk, nv, pairing, compiled.order);
    expect(collectUnclear(tk, combined.unclear)).toEqual(["Đã nhận 3 bộ tài liệu"]);
  });
  it("lists values in the task's indicator order", () => {
    expect(Object.keys(combine("3 áp phích, 2 pa nô").values)).toEqual(["pano", "ap_phich"]);
  });
});

describe("stages 2d and 4b: corrections with their difference, the figure reported before, 'thực tế'", () => {
  const read = (text: string) => parseReport(text, SAMPLE_INDICATORS);
  it.each([
    ["tin bai 8\ntin bai 10 moi dung, em dem thieu 2 tin", { tin_bai: 10 }],
    ["pa nô 5 cái, báo thừa 1 cái, đúng ra 4 cái mới đúng", { pano: 4 }],
    ["phát thanh 30 lượt (đã báo 28)", { phat_thanh: 30 }],
    ["băng rôn 12 cái (trước báo 10)", { bang_ron: 12 }],
    ["đại biểu 90\nnhưng 4 người vắng nên thực tế 86 người", { nguoi_tham_du: 86 }],
    ["so lieu cu pano 2 cai, so lieu moi pano 4 cai", { pano: 4 }],
    ["pa nô 5 cái, em đếm thừa 1 cái, đúng là 4", { pano: 4 }],
    ["tin bai 7, dung ra la 8", { tin_bai: 8 }],
  ])("%s", (text, values) => {
    expect(read(text)).toMatchObject({ values, conflicts: [], unclear: [] });
  });
});

describe("stages 2d and 4b: findCorrections, correctionRoles", () => {
  it.each([
    ["phat thanh 30 luot, tờ rơi 500 tờ. à tờ rơi 450 tờ thôi a", { phat_thanh: 30, to_roi: 450 }],
    ["pano 4 cái.\nà pano 5 cái mới đúng", { pano: 5 }],
    ["Tin bài 6.\nÀ, tin bài 8 ạ", { tin_bai: 8 }],
    // an afterthought that adds is no correction
    ["tờ rơi 500. à thêm 50 tờ rơi nữa", { to_roi: 550 }],
    ["pano 3. à, tin bài 5", { pano: 3, tin_bai: 5 }],
  ])("reads 'à' opening a later sentence as a restated figure: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
  });
  it.each([
    [
      "e gửi lại số liệu đúng ạ: pano 3, bang ron 11 (tin nhắn trước e ghi nhầm bang ron 17)",
      { pano: 3, bang_ron: 11 },
    ],
    ["tin bài 9 (hôm qua em báo sai tin bài 7)", { tin_bai: 9 }],
    ["hom truoc e nhap sai to roi 700, nay gui lai: to roi 750", { to_roi: 750 }],
    ["em go nham pano 12, dung la 21", { pano: 21 }],
    ["cụm cổ động e ghi 3 là sai, xã chỉ có 2 cụm thôi ạ", { cum_co_dong: 2 }],
  ])("reads the figure named right after 'ghi nhầm', 'báo sai' as the wrong one: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
  });
  const corrected = (text: string) => {
    const tk = normaliseAndTokenise(text);
    const found = findCorrections(tk, markNonValues(tk, compiled));
    const nv = withMarks(markNonValues(tk, compiled), found);
    const numbers = createNumberReader(tk, nv.blocked);
    const mentions = findMentions(tk, nv.blocked, createNameMatcher(tk.toks, nv.blocked, compiled), numbers);
    const pairing = pairNumbers(tk, nv, mentions, numbers, compiled);
    const roles = mergeRoles(correctionRoles(tk, pairing, found));
    return combineValues(tk, nv, pairing, compiled.order, roles);
  };
  it.each([
    ["pa nô 12 à em nhầm, 15", { pano: 15 }],
    ["treo 12 pano, 30 bang ron. a em nham, pano la 14 a", { pano: 14, bang_ron: 30 }],
    ["da treo 9 pano, xin dinh chinh la 8 pano a", { pano: 8 }],
    ["hoi nghi 2 cuoc 160 nguoi tham du -> sua thanh 180 nguoi", { hoi_nghi: 2, nguoi_tham_du: 180 }],
    ["chuyen muc 2, phong su 1 -> phong su 0 a", { chuyen_muc: 2, phong_su: 0 }],
    ["Số liệu cũ: phát thanh 40 lượt. Số liệu mới: phát thanh 46 lượt.", { phat_thanh: 46 }],
    ["so lieu cu bai dang fanpage 10, so lieu moi 13", { bai_mxh: 13 }],
    ["bang ron 25 chu khong phai 52 a", { bang_ron: 25 }],
    ["em ghi sai so tin bai, so cu 9, so moi 11", { tin_bai: 11 }],
    ["chuyên mục: số liệu cũ 4, số liệu mới 3", { chuyen_muc: 3 }],
    ["số tờ rơi đã phát là 1.800 tờ (không phải 1.500 tờ như đã báo cáo)", { to_roi: 1800 }],
    ["xe luu dong 3 luot, hoi nay e bao 2 luot la thieu a", { xe_luu_dong: 3 }],
    ["số người tham dự từ 95 người sửa thành 115 người", { nguoi_tham_du: 115 }],
    ["pano 6, ap phich 81\ne go nham, ap phich la 18 a", { pano: 6, ap_phich: 18 }],
    ["pano 12 -> 14 -> 15", { pano: 15 }],
    ["pano 12 nhé, à không, 14 ạ", { pano: 14 }],
    ["tờ rơi 600, em gõ sai: tờ rơi 800", { to_roi: 800 }],
    ["tờ rơi 1.200 tờ (em ghi nhầm thành 2.100 tờ ở tin trước)", { to_roi: 1200 }],
    ["tin bài 4 tin. Lúc nãy em báo tin bài 5 là nhầm ạ", { tin_bai: 4 }],
    ["pano 4, bang ron 10\nem xin sua: bang ron 12", { pano: 4, bang_ron: 12 }],
    ["tin bai 7, to roi 300. sua: to roi 350", { tin_bai: 7, to_roi: 350 }],
    ["phong su 2 a. a khong, 1 phong su thoi", { phong_su: 1 }],
    ["hội nghị 3 cuộc, xin lỗi chị, 2 cuộc ạ", { hoi_nghi: 2 }],
    ["tin bai 5, sorry, 6 tin moi dung", { tin_bai: 6 }],
    ["pano: 3 / ap phich: 8\nsua pano → 4", { pano: 4, ap_phich: 8 }],
    ["Tờ rơi 800 tờ, à không phải, 850 tờ", { to_roi: 850 }],
    ["phong su 1. ko phai, 2 phong su a", { phong_su: 2 }],
    ["ap phich 4 cai nhe, sang nay e bao 3 cai la sai", { ap_phich: 4 }],
    ["xin điều chỉnh số bài fanpage từ 10 bài thành 12 bài", { bai_mxh: 12 }],
    ["tờ rơi: 300 ➡️ 350", { to_roi: 350 }],
    ["pano 5, bang ron 7. a bang ron 8 moi dung", { pano: 5, bang_ron: 8 }],
    ["hội nghị 3 cuộc, 4 cuộc mới chính xác ạ", { hoi_nghi: 4 }],
    ["phong su 3\nem nham a\nphong su 2", { phong_su: 2 }],
    ["áp phích em báo 5 nhưng kiểm tra lại thì dán 6 cái", { ap_phich: 6 }],
    ["tờ rơi 500 chứ không phải 50, em gõ thiếu số 0", { to_roi: 500 }],
    ["pano 4 chu ko phai 44, e bam thua so 4 a", { pano: 4 }],
  ])("the corrected figure wins: %s", (text, values) => {
    expect(corrected(text)).toEqual({ values, conflicts: [], unclear: [] });
  });
  it("ends a correction at a bracket: the remark in it is no corrected figure", () => {
    expect(corrected("tin bai 5 → 8 (them 3 tin tren trang xa)").values).toEqual({ tin_bai: 8 });
  });
  it("keeps 'Xin sửa lại' after a figure a conflict, and 'nhầm lẫn' no correction", () => {
    expect(corrected("Đã treo 12 pa nô. Xin sửa lại: 14 pa nô").conflicts).toEqual([
      { code: "pano", values: [12, 14] },
    ]);
    expect(corrected("tránh nhầm lẫn, pano 12").values).toEqual({ pano: 12 });
  });
  it("marks the correction words as a clause break", () => {
    const tk = normaliseAndTokenise("160 người -> sửa thành 180");
    const found = findCorrections(tk, markNonValues(tk, compiled));
    expect(found.markers).toHaveLength(1);
    expect([...found.breaks!].map((i) => tk.toks[i]!.o)).toEqual(["-", ">", "sửa", "thành"]);
  });
});

describe("stage 2e: qualifyPeriods", () => {
  it.each([
    ["TDP 1: pano 1, băng rôn 2; TDP 2: pano 2, băng rôn 1. Tổng: pano 3, băng rôn 3", { pano: 3, bang_ron: 3 }],
    ["thon 1: pano 2, to roi 100\nthon 2: pano 1, to roi 150\nTong cong: pano 3, to roi 250", { pano: 3, to_roi: 250 }],
  ])("reads a list after 'Tổng:' / 'Tổng cộng:' as stated totals over the details: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toEqual({ values, references: [], conflicts: [], unclear: [] });
  });
  it.each([
    [
      "em gửi cả tháng 11 và tháng 12: tháng 11 phát 200 tờ, tháng 12 phát 350 tờ rơi. Báo cáo tháng 12",
      { to_roi: 350 },
    ],
    ["e gui ca quy 3 va quy 4: quy 3 tin bai 5; quy 4 tin bai 9. bc quy 4", { tin_bai: 9 }],
  ])("reads 'cả tháng 11 và tháng 12' as two periods named, not a count: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toEqual({ values, references: [], conflicts: [], unclear: [] });
  });
  it.each([
    ["quý 3: 5 tin bài; quý 4: 8 tin bài. Em báo quý 4 ạ", { tin_bai: 8 }],
    ["thang 11 pano 2; thang 12 pano 5. e bao thang 12", { pano: 5 }],
  ])("reads 'em báo quý 4' as the report naming its period: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toEqual({ values, references: [], conflicts: [], unclear: [] });
  });
  it.each([
    ["năm 2026 tổng 40 pano, riêng tháng 12 là 5 pano (bc tháng 12)", { pano: 5 }],
    ["Năm 2026 xã phát 3.000 tờ rơi. Báo cáo quý IV: 900 tờ rơi", { to_roi: 900 }],
    // the report's own year after its month stays its label
    ["báo cáo tháng 12 năm 2026: pano 5", { pano: 5 }],
  ])(
    "reads a numbered year opening its sentence in a shorter period's report as a running total: %s",
    (text, values) => {
      expect(withoutSpans(parseReport(text, SAMPLE_INDICATORS))).toEqual({
        values,
        references: [],
        conflicts: [],
        unclear: [],
      });
    },
  );
  it.each([
    ["gửi cả 2 tháng: T9 pano 2, tờ rơi 100; T10 pano 5, tờ rơi 250. Báo cáo kỳ này là T10", { pano: 5, to_roi: 250 }],
    ["bc T6 a: T5 tin bai 4, phong su 1; T6 tin bai 7, phong su 2", { tin_bai: 7, phong_su: 2 }],
    ["báo cáo tháng 12: tháng 11 pano 2, băng rôn 5; tháng 12 pano 4, băng rôn 7", { pano: 4, bang_ron: 7 }],
  ])(
    "reads an earlier month opening a segment ('…: T11 …; T12 …') as last period over its whole segment: %s",
    (text, values) => {
      expect(withoutSpans(parseReport(text, SAMPLE_INDICATORS))).toEqual({
        values,
        references: [],
        conflicts: [],
        unclear: [],
      });
    },
  );
  it.each([
    [
      "tuần 1 tháng 10 treo 2 băng rôn, 1 pano. Tháng 10 đến nay tổng cộng 6 băng rôn, 2 pano (bc tháng 10)",
      { bang_ron: 6, pano: 2 },
    ],
    [
      "tuan 3 thang 5 phat 100 to roi, xe loa 2 luot. Thang 5 tong cong 300 to roi, xe loa 5 luot. bc thang 5 a",
      { to_roi: 300, xe_luu_dong: 5 },
    ],
  ])("reads a week opening the message as a part when the report names its month later: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toEqual({ values, references: [], conflicts: [], unclear: [] });
  });
  it.each([
    [
      "Số liệu quý IV: tin bài 14, phóng sự 3. Trong đó riêng tháng 12: tin bài 5, phóng sự 1.",
      { tin_bai: 14, phong_su: 3 },
    ],
    ["bc 6 thang: pano 8, bang ron 20. rieng thang 6: pano 2, bang ron 5", { pano: 8, bang_ron: 20 }],
    [
      "báo cáo năm 2026: 12 chuyên mục, 90 lượt phát thanh. (Quý IV riêng: 3 chuyên mục, 25 lượt.)",
      { chuyen_muc: 12, phat_thanh: 90 },
    ],
    ["Báo cáo cả năm 2026: 5 phóng sự, 20 tin bài. Riêng quý 4: 1 phóng sự, 6 tin bài.", { phong_su: 5, tin_bai: 20 }],
  ])("reads a shorter period singled out with 'riêng' as a part over its whole list: %s", (text, values) => {
    expect(withoutSpans(parseReport(text, SAMPLE_INDICATORS))).toEqual({
      values,
      references: [],
      conflicts: [],
      unclear: [],
    });
  });
  it.each([
    ["Đây là báo cáo năm. Pano 6", { pano: 6 }],
    ["so lieu nam: bang ron 14", { bang_ron: 14 }],
    ["Em báo cáo số 6 tháng ạ: tin bài 30", { tin_bai: 30 }],
    ["bc so 9 thang dau nam: pano 11", { pano: 11 }],
  ])("reads 'báo cáo năm' as the year's report and 'báo cáo số 6 tháng' as no document number: %s", (text, values) => {
    expect(withoutSpans(parseReport(text, SAMPLE_INDICATORS))).toEqual({
      values,
      references: [],
      conflicts: [],
      unclear: [],
    });
  });
  it("still reads 'Báo cáo số 12' before a dated month as a document number", () => {
    expect(parseReport("Báo cáo số 12 tháng 3 pano 4", SAMPLE_INDICATORS).references).toEqual([{ number: "12" }]);
  });
  it.each([
    ["băng rôn 8. tháng trước 12 cái, tháng này giảm 4 vì hết kinh phí", { bang_ron: 8 }],
    ["to roi 200, quy nay giam 100 to do thieu kinh phi", { to_roi: 200 }],
    ["Tin bài: 6 tin, kỳ này giảm 2 tin", { tin_bai: 6 }],
    // "tăng" may say what was added: it stays a figure
    ["thang nay tang 2 pano", { pano: 2 }],
  ])("reads a decrease said of this period ('tháng này giảm 4') as a comparison, no figure: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toEqual({ values, references: [], conflicts: [], unclear: [] });
  });
  const read = (text: string) => {
    const tk = normaliseAndTokenise(text);
    const q = qualifyPeriods(tk, markNonValues(tk, compiled));
    const nv = withMarks(markNonValues(tk, compiled), q);
    const numbers = createNumberReader(tk, nv.blocked);
    const mentions = findMentions(tk, nv.blocked, createNameMatcher(tk.toks, nv.blocked, compiled), numbers);
    const pairing = pairNumbers(tk, nv, mentions, numbers, compiled);
    return combineValues(tk, nv, pairing, compiled.order, mergeRoles(q.roles));
  };
  it.each([
    ["Báo cáo tháng 4/2026: treo 3 pa nô, lũy kế từ đầu năm 11 pa nô.", { pano: 3 }],
    ["ky nay phat thanh 26 luot, luy ke 78 luot", { phat_thanh: 26 }],
    ["BC quý II: phát 1.200 tờ rơi (từ đầu năm đến nay 3.000 tờ)", { to_roi: 1200 }],
    ["Báo cáo quý I/2026: băng rôn 12 cái (cả năm 2025 là 40 cái).", { bang_ron: 12 }],
    ["quy truoc 5 phong su, quy nay 2 phong su", { phong_su: 2 }],
    ["quy I treo 8 pano (cung ky 2025: 5 pano)", { pano: 8 }],
    ["so lieu thang 5: tin bai 5 bai, thang truoc 3", { tin_bai: 5 }],
    ["thang 3 phat thanh 30 luot, thang 2 la 26 luot", { phat_thanh: 30 }],
    ["Báo cáo quý I/2026: pano 5 (quý IV/2025: 3)", { pano: 5 }],
    ["lũy kế quý I: 35 tin bài; riêng tháng 3: 12 tin bài", { tin_bai: 12 }],
    ["Kỳ này 3 phóng sự, 6 chuyên mục; lũy kế: 9 phóng sự, 20 chuyên mục.", { phong_su: 3, chuyen_muc: 6 }],
    ["thang nay dang 5 tin bai, 2 phong su; tu dau nam: 40 tin bai, 12 phong su", { tin_bai: 5, phong_su: 2 }],
    ["pano: quy nay treo them 2, tu truoc toi nay tong 9 cai", { pano: 2 }],
    ["thang nay phat 400 to roi, nam nay tong cong 2.600 to", { to_roi: 400 }],
    ["Tuần này 3 tin bài, 2 phóng sự. Từ đầu tháng tới nay 9 tin bài, 4 phóng sự.", { tin_bai: 3, phong_su: 2 }],
    ["bang ron quy 3 treo 6 cai, ca nam 2026 duoc 20 cai", { bang_ron: 6 }],
    ["Tháng này 4 hội nghị, cả năm mới được 15 hội nghị", { hoi_nghi: 4 }],
    ["Năm 2025 phát 900 tờ rơi; tháng 3/2026 phát 150 tờ rơi", { to_roi: 150 }],
    ["nam 2025 treo 10 pano, quy 1 2026 treo 3 pano", { pano: 3 }],
  ])("this period's figure wins: %s", (text, values) => {
    expect(read(text)).toEqual({ values, conflicts: [], unclear: [] });
  });
  it.each([
    ["quy 1 dang 14 tin bai, tang 4 tin so voi cung ky", { tin_bai: 14 }],
    ["hoi nghi quy nay 3 cuoc, nhieu hon quy truoc 1 cuoc", { hoi_nghi: 3 }],
    ["xe luu dong thang nay 4 luot, giam 2 luot so voi thang truoc", { xe_luu_dong: 4 }],
    ["treo 6 pa nô; phấn đấu quý tới treo thêm 8 pa nô", { pano: 6 }],
    ["đã treo 12 pa nô, nhiều hơn kế hoạch 2 cái", { pano: 12 }],
    ["Xã đã treo 5 pa nô, sẽ treo thêm 3 pa nô", { pano: 5 }],
    ["ke hoach 20 bang ron, thuc hien 18 bang ron", { bang_ron: 18 }],
    ["Tờ rơi: kế hoạch: 1.000 tờ; đã phát 1.100 tờ", { to_roi: 1100 }],
    ["Quý này treo 5 băng rôn, bằng 25% kế hoạch cả năm (20 băng rôn)", { bang_ron: 5 }],
    ["dat 3 phong su tren ke hoach quy (4 phong su)", { phong_su: 3 }],
    [
      "Kết quả quý I: treo 8 pa nô; 2 hội nghị.\nII. Phương hướng quý II\n- Tiếp tục treo 5 pa nô, tổ chức 1 hội nghị.",
      { pano: 8, hoi_nghi: 2 },
    ],
    ["bc thang 3: phat 150 to roi\nso lieu thang 2: 1 bang ron, 100 to roi", { to_roi: 150 }],
  ])("comparisons and plans are never values: %s", (text, values) => {
    expect(read(text)).toEqual({ values, conflicts: [], unclear: [] });
  });
  it.each([
    ["tuan nay phat them 200 to roi, nang tong so trong quy len 1.100 to", { to_roi: 1100 }],
    ["Tháng 1: 2 pa nô; tháng 2: 3 pa nô; tháng 3: 4 pa nô. Cộng quý I: 9 pa nô", { pano: 9 }],
    ["Thang 1 treo 4 bang ron\nThang 2 treo 6 bang ron\nCong quy I: 10", { bang_ron: 10 }],
    ["Tuần 1: 5 buổi, tuần 2: 4 buổi, tổng tháng 3: 9 buổi phát thanh", { phat_thanh: 9 }],
    ["so lieu thang 5: phat thanh: tuan 5 buoi, ca thang 22 buoi", { phat_thanh: 22 }],
  ])("a stated period total wins: %s", (text, values) => {
    expect(read(text)).toEqual({ values, conflicts: [], unclear: [] });
  });
  it("reads a part of the report's period only when nothing else is said", () => {
    expect(read("6 tháng đầu năm: 20 pa nô; riêng quý II: 8 pa nô")).toEqual({
      values: { pano: 20 },
      conflicts: [],
      unclear: [],
    });
    expect(read("Báo cáo 6 tháng đầu năm 2026: pano 12, quý 1 treo 5, tháng 4 treo 3")).toEqual({
      values: { pano: 12 },
      conflicts: [],
      unclear: [],
    });
    expect(read("Báo cáo quý I: tháng 3 treo 5 pa nô").values).toEqual({ pano: 5 });
  });
  it("keeps a shorter period inside the report's one, and a cumulative figure said alone", () => {
    expect(read("Tuần trước 20 tờ rơi, tuần này phát thêm 30 tờ rơi").values).toEqual({ to_roi: 50 });
    expect(read("Phát thanh từ đầu năm đến nay: 30 buổi").values).toEqual({ phat_thanh: 30 });
  });
  it("reads another year's figures as no value, even 'cả năm' or 'cả quý' of it", () => {
    expect(read("bc thang 5/2026: tin bai 6. ca nam 2025 la 70 tin")).toEqual({
      values: { tin_bai: 6 },
      conflicts: [],
      unclear: [],
    });
    expect(read("Báo cáo quý II/2026: hội nghị 2 cuộc; quý IV/2025 có 5 cuộc").values).toEqual({ hoi_nghi: 2 });
  });
  it("takes 'quý này' / 'tháng này' as the report's period, and reads 'cả quý I' as its total", () => {
    expect(read("Áp phích: tháng này 4 (năm 2024 cả năm 30)").values).toEqual({ ap_phich: 4 });
    expect(read("BC quý II: tuần đầu tháng 4 đăng 2 tin bài, cả quý II là 15 tin bài.").values).toEqual({
      tin_bai: 15,
    });
  });
  it("gives a cumulative figure on a line of its own to the one indicator named above", () => {
    expect(read("phong su thang nay 2\nluy ke 9")).toEqual({ values: { phong_su: 2 }, conflicts: [], unclear: [] });
    // two indicators above: whose it is cannot be told
    expect(read("pano 2, bang ron 4\nluy ke 9").unclear).toHaveLength(1);
  });
  it("reads the same unit's 'trước' as last period's in a report that states its period", () => {
    expect(read("Báo cáo tuần này: tin bài 4; tuần trước 3").values).toEqual({ tin_bai: 4 });
    expect(read("bc thang nay: pano 5, 2 cai kia la cua thang truoc").values).toEqual({ pano: 5 });
  });
  it("reads a numbered period said beside 'năm nay' / 'quý này' as an earlier one", () => {
    expect(read("năm 2025 có 12 phóng sự, năm nay có 15 phóng sự").values).toEqual({ phong_su: 15 });
    expect(read("quy 2 dang 5 tin bai, quy nay dang 8 tin bai").values).toEqual({ tin_bai: 8 });
  });
  it.each([
    ["Trong tuần qua phát 12 tờ rơi; tính từ đầu tháng đến nay 40 tờ.", { to_roi: 12 }],
    ["bao cao tuan 3 thang 10: dang 2 tin bai, tu dau thang toi nay 7 tin bai", { tin_bai: 2 }],
    ["so lieu thang 8: pano 2 cai, quy 3 tong cong 6 cai", { pano: 2 }],
    ["Báo cáo tháng 11: tin bài 4; quý IV được 9 tin bài", { tin_bai: 4 }],
    ["quý này: pa nô 5, tin bài 3\ncùng kỳ năm trước: pa nô 4, tin bài 6", { pano: 5, tin_bai: 3 }],
    [
      "tuần 1: 2 phóng sự, 10 tin bài\ntuần 2: 1 phóng sự, 6 tin bài\nTổng tháng 5: 3 phóng sự, 16 tin bài",
      { phong_su: 3, tin_bai: 16 },
    ],
    [
      "T1: 100 tờ rơi, 1 hội nghị\nT2: 50 tờ rơi, 2 hội nghị\nCộng quý I: 150 tờ rơi, 3 hội nghị",
      { to_roi: 150, hoi_nghi: 3 },
    ],
  ])("a running total or another period's list stands aside: %s", (text, values) => {
    expect(read(text)).toEqual({ values, conflicts: [], unclear: [] });
  });
  it.each([
    ["Pano: kỳ này 11 cái; lũy kế 23\nPhóng sự: kỳ này 4 phóng sự; lũy kế 5", { pano: 11, phong_su: 4 }],
    ["xe loa: ky nay 3 luot, luy ke 9\nto roi: ky nay 200 to, luy ke 900", { xe_luu_dong: 3, to_roi: 200 }],
    ["Băng rôn 6 cái (lũy kế năm: 20)\nTin bài 13 tin (luy ke nam: 40)", { bang_ron: 6, tin_bai: 13 }],
    ["Kết quả tháng 5: pano 2. Lũy kế năm: pano 9, tờ rơi 800.", { pano: 2, to_roi: 800 }],
    ["chỉ tiêu năm: 30 tin bài, tháng này 4 tin bài", { tin_bai: 4 }],
  ])(
    "places a cumulative figure in a clause of its own with its line's indicator, 'năm' there the year: %s",
    (text, values) => {
      expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
    },
  );
  it.each([
    ["tuần trước 3 buổi phát thanh, tuần này 5 buổi phát thanh", { phat_thanh: 5 }],
    ["thang roi 4 pano, thang nay 6 pano", { pano: 6 }],
    ["Tháng này 2 hội nghị; tháng trc 3 hội nghị", { hoi_nghi: 2 }],
    ["ky roi dang 7 tin, ky nay dang 9 tin", { tin_bai: 9 }],
    // what is added this period is on top of last period's
    ["Tuần trước 20 tờ rơi, tuần này phát thêm 30 tờ rơi", { to_roi: 50 }],
  ])("reads the period before the officer's own ('tuần này') as last period's: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
  });
  it.each([
    ["bc quy: tuan nay them 1 pano\nca quy den nay 5 cai", { pano: 5 }],
    ["báo cáo quý: tháng này treo 2 băng rôn, cả quý được 7 băng rôn", { bang_ron: 7 }],
    ["Báo cáo tháng ạ: tuần này 2 hội nghị, cả tháng 5 hội nghị", { hoi_nghi: 5 }],
  ])("knows a report's unit named without a number ('bc quý:'): its whole is the stated total: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
  });
  it.each([
    ["phát thanh 24 lượt, tăng 6 lượt so với cùng kỳ năm 2025 (18 buổi).", { phat_thanh: 24 }],
    ["tháng này 5 tin, so với cùng kỳ năm ngoái (3 tin)", { tin_bai: 5 }],
    ["ky nay 7 pano, ky truoc (4 pano)", { pano: 7 }],
    ["tờ rơi 900 tờ, giảm so với cùng kỳ (1.200 tờ)", { to_roi: 900 }],
  ])("reads the figure in brackets right after last period's name as that period's: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
  });
  it.each([
    ["Trong tháng 12/2026 phát hành 1.500 tờ gấp; cả năm 2026 phát hành 6.000 tờ.", { to_roi: 1500 }],
    ["thang nay treo 3 pano, ca nam da treo duoc 15 pano", { pano: 3 }],
    ["Quý II dựng 2 cụm cổ động, cả năm nay xây dựng 5 cụm", { cum_co_dong: 2 }],
  ])("reads 'cả năm' past a verb as a running total: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
  });
  it.each([
    [
      "hoi nghi thang nay 1 cuoc nguoi du 90 nguoi luy ke tu dau nam 4 cuoc 350 nguoi",
      { hoi_nghi: 1, nguoi_tham_du: 90 },
    ],
    ["tháng này phát 200 tờ rơi lũy kế 1.500 tờ", { to_roi: 200 }],
    ["dang 5 tin bai luy ke 31 tin", { tin_bai: 5 }],
  ])("keeps the figure before 'lũy kế' when 'lũy kế' has its own: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
  });
  it("places a cumulative figure by a measure only one indicator has ('lũy kế 6 tháng 5 cuộc')", () => {
    expect(
      parseReport("tháng này 1 cuộc hội nghị, 50 người. Lũy kế 6 tháng 5 cuộc, 260 người", SAMPLE_INDICATORS),
    ).toMatchObject({
      values: { hoi_nghi: 1, nguoi_tham_du: 50 },
      unclear: [],
    });
  });
  it("knows the report's period", () => {
    const rank = (text: string) => {
      const tk = normaliseAndTokenise(text);
      return qualifyPeriods(tk, markNonValues(tk, compiled)).reportRank;
    };
    expect(rank("Báo cáo quý I/2026")).toBe(3);
    expect(rank("gui so lieu thang 5 a")).toBe(2);
    expect(rank("Báo cáo 6 tháng đầu năm 2026")).toBe(4);
    expect(rank("pano 3")).toBe(0);
    expect(rank("Báo cáo tuần 2 tháng 9: pano 1")).toBe(1);
  });
});

describe("stage 4a: findStatedZeros", () => {
  const zeros = (text: string) => {
    const { tk, nv, mentions } = upToPairing(text);
    return findStatedZeros(tk, nv, mentions).zeros.map((z) => z.code);
  };
  it.each([
    ["e bc: tuần này ko chạy xe loa, chỉ phát thanh 5 lượt", { xe_luu_dong: 0, phat_thanh: 5 }],
    ["khong to chuc hoi nghi, moi dang 3 tin", { hoi_nghi: 0, tin_bai: 3 }],
    ["chưa phát tờ rơi, mới treo 2 pano", { to_roi: 0, pano: 2 }],
    ["không treo pa nô, băng rôn thì treo 4 cái", { pano: 0, bang_ron: 4 }],
    ["ko chay xe loa, phat thanh 5 luot", { xe_luu_dong: 0, phat_thanh: 5 }],
  ])("ends a 'not done' statement at the comma before the next clause: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
  });
  it.each([
    ["thon em treo 7 bang ron, chua treo pano nao a", ["pano"]],
    ["hoi nghi: khong to chuc; tin bai: 6", ["hoi_nghi"]],
    ["Quý này không có phóng sự nào, chuyên mục 2", ["phong_su"]],
    ["Xe thông tin lưu động: không thực hiện trong quý", ["xe_luu_dong"]],
    ["Trong tháng xã không tổ chức hội nghị, tập huấn nào; phát thanh 20 lượt", ["hoi_nghi", "hoi_nghi"]],
    ["tap huan khong to chuc, nguoi tham du 0", ["hoi_nghi"]],
    ["dạ thôn em tháng này không phát thanh buổi nào do hỏng loa ạ", ["phat_thanh"]],
    ["xe loa: ko co luot nao", ["xe_luu_dong"]],
    ["thang nay khong trien khai tap huan, khong co nguoi du", ["hoi_nghi", "nguoi_tham_du"]],
    ["Phóng sự phát trên đài huyện: không có", ["phong_su"]],
    ["pano 4, to roi o cac thon: chua phat", ["to_roi"]],
    ["xe loa thi chua chay, pano 2", ["xe_luu_dong"]],
    ["Hội nghị: không tổ chức (lồng ghép vào họp thôn)", ["hoi_nghi"]],
    ["Tờ gấp: không", ["to_roi"]],
    ["phóng sự: không phát sinh", ["phong_su"]],
    ["Hội nghị: chưa tổ chức", ["hoi_nghi"]],
    ["tờ rơi không có, pano 3", ["to_roi"]],
    ["trang zalo thôn tháng này không đăng bài nào vì mất mạng", ["bai_mxh"]],
    ["Phóng sự của Đài huyện chưa về xã lần nào trong quý", ["phong_su"]],
    ["tin bai 4, con ap phich va cum co dong thi khong lam cai nao", ["ap_phich", "cum_co_dong"]],
    ["khong co luot xe loa nao", ["xe_luu_dong"]],
    ["không có xe tuyên truyền lưu động về thôn trong quý", ["xe_luu_dong"]],
    ["Quý này xã không dựng áp phích mới; tin bài 3", ["ap_phich"]],
    ["khong lam moi bang ron nao, pano 2", ["bang_ron"]],
    ["e ko viet phong su nao", ["phong_su"]],
    ["ko phong su, chuyen muc 1", ["phong_su"]],
    ["chưa phát tờ rơi, treo 4 pa nô", ["to_roi"]],
    ["ap phich chua dan", ["ap_phich"]],
    ["không in tờ rơi, 3 lượt xe loa lưu động", ["to_roi"]],
  ])("%s", (text, codes) => {
    expect(zeros(text)).toEqual(codes);
  });
  it.each([
    "Xin lỗi anh, hôm nay mất điện nên chưa treo được pa nô",
    "Pa nô: 6 cái\nÁp phích: chưa có",
    "một số thôn chưa có loa truyền thanh hoạt động",
    "loa truyền thanh không hoạt động",
    "pano 12, không rõ bao nhiêu tờ rơi",
    "phát 1 k tờ rơi",
    "pano 3 cái, không biết nhập vào mục nào",
    "treo 5 băng rôn nhưng không rõ thôn nào",
    "tờ rơi chưa phát được",
    "chưa in có tờ rơi",
  ])("not a stated zero: %s", (text) => {
    expect(zeros(text)).toEqual([]);
  });
  it("is a value only when nothing else is said for the indicator", () => {
    const { tk, nv, mentions, pairing } = upToPairing("Tờ rơi: hai trăm tờ; tờ gấp: không");
    const roles = mergeRoles(findStatedZeros(tk, nv, mentions));
    expect(combineValues(tk, nv, pairing, compiled.order, roles).values).toEqual({ to_roi: 200 });
  });
});

describe("stage 2a: markLookAlikes", () => {
  it.each([
    ["người dân toàn xã khoảng 9.500 người, phát 1.200 tờ rơi", { to_roi: 1200 }],
    ["dan so cua phuong la 15.000 nguoi; treo 6 bang ron", { bang_ron: 6 }],
    ["Dân trong thôn 800 người. Hội nghị 1 cuộc, 90 người tham dự", { hoi_nghi: 1, nguoi_tham_du: 90 }],
    // a meeting with the people ("họp dân"), or people said to attend, keep their figure
    ["người dân tham dự 120 người", { nguoi_tham_du: 120 }],
    ["Người dân có 150 người tham dự, phát 200 tờ rơi", { nguoi_tham_du: 150, to_roi: 200 }],
  ])("reads the population ('người dân trong xã 12.400 người', 'dân số') as no figure: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toEqual({ values, references: [], conflicts: [], unclear: [] });
  });
  it.each([
    ["phường tiếp nhận 7 phản ánh qua đường dây nóng; đăng 3 bài trên fanpage", { bai_mxh: 3 }],
    ["hoi nghi 1 cuoc 70 nguoi, co 9 y kien phat bieu", { hoi_nghi: 1, nguoi_tham_du: 70 }],
    ["nhận 4 đơn thư, 12 kiến nghị; tin bài 5", { tin_bai: 5 }],
  ])("reads counts of complaints, opinions and petitions as no figure: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toEqual({ values, references: [], conflicts: [], unclear: [] });
  });
  it("never takes pupils on a visit ('tham quan') for attendees", () => {
    const r = parseReport("đón 30 học sinh tham quan nhà truyền thống; treo 2 pano", SAMPLE_INDICATORS);
    expect(r.values).toEqual({ pano: 2 });
    expect(parseReport("hội nghị có 40 học sinh tham dự", SAMPLE_INDICATORS).values).toEqual({ nguoi_tham_du: 40 });
  });
  it.each([
    ["xã tặng 3 loa kéo cho hội người cao tuổi; phát thanh 14 lượt", { phat_thanh: 14 }],
    ["cap 2 loa cho thon Dong, phat thanh 9 luot", { phat_thanh: 9 }],
    ["bàn giao 4 cụm loa không dây cho các thôn, tin bài 3", { tin_bai: 3 }],
  ])("reads loudspeakers given ('tặng 2 loa kéo', 'cấp 3 loa') as equipment, not broadcasts: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toEqual({ values, references: [], conflicts: [], unclear: [] });
  });
  const read = (text: string) => {
    const tk = normaliseAndTokenise(text);
    const marks = markLookAlikes(tk, markNonValues(tk, compiled), compiled);
    const nv = withMarks(markNonValues(tk, compiled), marks);
    const numbers = createNumberReader(tk, nv.blocked);
    const mentions = findMentions(tk, nv.blocked, createNameMatcher(tk.toks, nv.blocked, compiled), numbers);
    const pairing = pairNumbers(tk, nv, mentions, numbers, compiled);
    const combined = combineValues(tk, nv, pairing, compiled.order);
    return { values: combined.values, unclear: collectUnclear(tk, combined.unclear) };
  };
  it("quotes reach figures as unclear, never 'lượt xe'", () => {
    expect(read("Đăng 4 tin bài trên trang thông tin điện tử xã, đạt 2.300 lượt xem")).toEqual({
      values: { tin_bai: 4 },
      unclear: ["đạt 2.300 lượt xem"],
    });
    expect(read("bài đăng fanpage đạt 1200 lượt xem").values).toEqual({});
    expect(read("luot xem video tren zalo xa 900, so bai dang zalo 7")).toMatchObject({ values: { bai_mxh: 7 } });
    expect(read("dang 9 tin bai, luot xem khoang 4 nghin").unclear).toEqual(["luot xem khoang 4 nghin"]);
    expect(read("3 lượt xe thông tin lưu động").values).toEqual({ xe_luu_dong: 3 });
  });
  it("reads 'xe máy', 'ô tô' and 'tờ trình' as other things: their count is no figure", () => {
    expect(read("xa mua them 1 o to, xe loa chay 4 luot")).toEqual({ values: { xe_luu_dong: 4 }, unclear: [] });
    expect(read("Nhận 3 tờ trình; phát 120 tờ gấp")).toEqual({ values: { to_roi: 120 }, unclear: [] });
    expect(read("cấp 2 xe máy cho cán bộ, đăng 5 tin bài")).toEqual({ values: { tin_bai: 5 }, unclear: [] });
  });
  it.each([
    ["thôn Trung Hòa có 312 hộ, 1027 nhân khẩu; đã dựng 6 pa nô", { pano: 6 }],
    ["ra soat 230 ho gia dinh, dan 15 ap phich", { ap_phich: 15 }],
    ["thăm 40 hộ dân; phát 40 tờ rơi", { to_roi: 40 }],
    ["tiếp nhận 12 hồ sơ, đăng 3 tin bài", { tin_bai: 3 }],
    ["xe cứu thương 1 chiếc tham gia diễn tập; xe loa lưu động chạy 3 lượt", { xe_luu_dong: 3 }],
    ["huy dong 2 xe cuu hoa, xe loa chay 5 luot", { xe_luu_dong: 5 }],
  ])("reads people, papers and other vehicles counted in passing as no figure: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
  });
  it("does not take 'ở tổ dân phố' for 'ô tô'", () => {
    expect(read("e thay 2 loa o to dan pho 7, dang 6 bai fanpage")).toEqual({ values: { bai_mxh: 6 }, unclear: [] });
    expect(read("đi 2 ô tô, phát 100 tờ rơi")).toEqual({ values: { to_roi: 100 }, unclear: [] });
  });
  it("still quotes recipients with no figure of what they got", () => {
    const r = parseReport("phát tờ rơi cho 500 hộ dân", SAMPLE_INDICATORS);
    expect(r.values).toEqual({});
    expect(r.unclear).toEqual(["tờ rơi cho 500 hộ dân"]);
  });
  it.each([
    ["thay bình điện cho 2 loa không dây; phát thanh 9 lượt", { phat_thanh: 9 }],
    ["thay pin cho 3 loa, phat thanh 12 luot", { phat_thanh: 12 }],
    ["sửa dây cho 4 cụm loa; phát thanh 6 buổi", { phat_thanh: 6 }],
  ])("reads a part replaced for loudspeakers ('thay bình điện cho 2 loa') as work on them: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
  });
  it("reads 'sửa N loa' as work on loudspeakers, not broadcasts", () => {
    expect(read("phat thanh 12 luot, sua 3 loa hong")).toEqual({ values: { phat_thanh: 12 }, unclear: [] });
  });
  it("reads 'xe chở', 'xe khách' as other vehicles and 'N tổ' (with its marks) as groups, never 'tờ'", () => {
    expect(read("thuê 2 xe chở đoàn, xe loa chạy 5 lượt")).toEqual({ values: { xe_luu_dong: 5 }, unclear: [] });
    expect(read("Xóm Đông (8 tổ) phát 250 tờ rơi")).toEqual({ values: { to_roi: 250 }, unclear: [] });
    expect(read("chay 3 luot xe cho thon 2")).toEqual({ values: { xe_luu_dong: 3 }, unclear: [] });
  });
  it("reads the number after 'mỗi tổ dân phố' as a figure per place, not a label", () => {
    expect(parseReport("Treo pa nô ở 4 tổ dân phố, mỗi tổ dân phố 3 cái", SAMPLE_INDICATORS).values).toEqual({
      pano: 12,
    });
    expect(read("TDP 4 treo 2 pano").values).toEqual({ pano: 2 });
  });
  it("does not take 'tổ dân phố' for 'tờ', and reads its number as a label", () => {
    expect(read("treo 5 pano tại 3 tổ dân phố")).toEqual({ values: { pano: 5 }, unclear: [] });
    expect(read("To dan pho 3 treo 2 pano, phat 150 to roi")).toEqual({
      values: { pano: 2, to_roi: 150 },
      unclear: [],
    });
    expect(read("Tổ dân phố số 5 báo cáo: treo 3 băng rôn")).toEqual({ values: { bang_ron: 3 }, unclear: [] });
    expect(read("to 5 treo 4 bang ron")).toEqual({ values: { bang_ron: 4 }, unclear: [] });
  });
  it("does not take 'tuyên truyền tháng 4' for 'truyền thanh'", () => {
    expect(read("Kết quả tuyên truyền tháng 4 như sau: pano 3")).toEqual({ values: { pano: 3 }, unclear: [] });
  });
  it("does not take a broadcaster's name for a broadcast, nor 'tin nhắn' for 'tin'", () => {
    expect(read("Đài Phát thanh và Truyền hình tỉnh phát 1 phóng sự về xã").values).toEqual({ phong_su: 1 });
    expect(read("gui 120 tin nhan sms den cac ho dan, dang 5 tin bai").values).toEqual({ tin_bai: 5 });
  });
  it("counts loudspeakers repaired or installed as equipment, not broadcasts", () => {
    expect(read("Thay mới 4 cụm loa ở thôn 2; phát thanh 12 buổi")).toEqual({
      values: { phat_thanh: 12 },
      unclear: [],
    });
    expect(read("lap dat 1 loa truyen thanh khong day, tin bai 2")).toEqual({ values: { tin_bai: 2 }, unclear: [] });
    expect(read("loa truyền thanh phát 30 lượt").values).toEqual({ phat_thanh: 30 });
  });
  it("quotes a chat group's members as a reach figure (a page's members are context)", () => {
    expect(read("Nhóm Zalo xã có 1.250 thành viên, đăng 6 bài")).toEqual({
      values: { bai_mxh: 6 },
      unclear: ["Zalo xã có 1.250 thành viên"],
    });
  });
  it("reads 'điều 3 lượt xe' as sending three, and a term of years as no range", () => {
    expect(read("Trung tâm điều 3 lượt xe thông tin lưu động về xã").values).toEqual({ xe_luu_dong: 3 });
    expect(read("nhiệm kỳ 2026-2031: treo 20 băng rôn")).toEqual({ values: { bang_ron: 20 }, unclear: [] });
  });
});

describe("stage 2a′: markNotDone", () => {
  it.each([
    ["xe cứu hỏa 2 lượt không tính ạ; xe loa của xã 6 lượt", { xe_luu_dong: 6 }],
    ["phat thanh 10 luot, loa cua huyen 3 luot ko tinh", { phat_thanh: 10 }],
    ["pa nô 4 cái (1 cái của trường không tính), băng rôn 2", { pano: 4, bang_ron: 2 }],
    // "không tính" that goes on to what is left out keeps the figure before it
    ["phát 30 tờ rơi không tính số phát lại", { to_roi: 30 }],
  ])("reads a figure the officer leaves out ('3 lượt không tính ạ') as no figure: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toEqual({ values, references: [], conflicts: [], unclear: [] });
  });
  it.each([
    ["kiểm tra 9 cụm loa, hỏng 2 cụm; phát thanh tuần này 6 buổi", { phat_thanh: 6 }],
    ["bị hỏng 1 pano, treo mới 3 pano", { pano: 3 }],
    ["sua chua 1 pano bi gio lat, treo moi 3 pano", { pano: 3 }],
    ["bảo dưỡng 4 cụm cổ động, dựng mới 1 cụm", { cum_co_dong: 1 }],
    ["sửa chữa 2 băng rôn rách; treo 6 băng rôn", { bang_ron: 6 }],
  ])("reads what is broken ('hỏng 2 cụm') or repaired ('sửa chữa 1 pano') as no figure: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
  });
  it.each([
    ["tháng này e bảo dưỡng xe loa 1 lần ko chạy lượt nào", { xe_luu_dong: 0 }],
    ["bao duong loa 2 lan, phat thanh 10 luot", { phat_thanh: 10 }],
    ["sửa chữa pano 1 lần; treo 2 pano", { pano: 2 }],
    ["Bảo dưỡng xe ô tô của xã 1 lần, xe thông tin lưu động chạy 3 lượt", { xe_luu_dong: 3 }],
  ])("reads how many times upkeep was done ('bảo dưỡng xe loa 1 lần') as no figure: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
  });
  it.each([
    ["e đi họp ở huyện 2 buổi, còn xã tổ chức 1 hội nghị 60 người", { hoi_nghi: 1, nguoi_tham_du: 60 }],
    ["dự họp tại tỉnh 1 lần; phát thanh 8 lượt", { phat_thanh: 8 }],
    ["di hop huyen 3 buoi, xa to chuc 2 hoi nghi", { hoi_nghi: 2 }],
    // a meeting held stays
    ["họp 2 cuộc", { hoi_nghi: 2 }],
  ])("reads meetings attended elsewhere ('đi họp ở huyện 2 buổi') as no figure: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
  });
  it("still reads 'sửa:' as a correction and 'hong' typed without marks as chat for 'không'", () => {
    expect(parseReport("sửa: pano 4", SAMPLE_INDICATORS).values).toEqual({ pano: 4 });
    expect(parseReport("hong 2 pano nha, treo 5 pano", SAMPLE_INDICATORS).values).not.toEqual({ pano: 5 });
  });
  const notDone = (text: string) => {
    const tk = normaliseAndTokenise(text);
    return [...(markNotDone(tk, markNonValues(tk, compiled)).blocked ?? [])].map((i) => tk.toks[i]!.o);
  };
  it.each([
    ["xe lưu động 3 lượt, 2 lượt bị hoãn do mưa", ["2"]],
    ["in 500 tờ rơi, 120 tờ còn lưu ở nhà văn hóa", ["120"]],
    ["phát 400 tờ, còn tồn 100 tờ", ["100"]],
    ["xây dựng 3 chuyên mục, 1 chuyên mục chưa phát sóng", ["1"]],
    ["treo 6 pa nô, 2 pa nô chưa treo được do gió", ["2"]],
    ["hội nghị 80 đại biểu, 6 đại biểu vắng mặt", ["6"]],
    ["rà soát 12 cụm loa thì 2 cụm bị hỏng", ["2"]],
    ["mời 120 người, vắng 9 người", ["9"]],
    ["hoi nghi 60 nguoi, 4 nguoi vang", ["4"]],
  ])("what was not done is no figure: %s", (text, words) => {
    expect(notDone(text)).toEqual(words);
  });
  it.each([
    "phát 300 tờ rơi chưa kể 50 tờ gấp",
    "pano 3, chưa có số liệu băng rôn",
    "treo 5 pano",
    "phát 500 tờ cho thôn 1, còn lại 300 tờ phát cho thôn 2",
    "tin bai 5 hong co anh",
    "pano 5 cai vang a",
  ])("leaves done figures alone: %s", (text) => {
    expect(notDone(text)).toEqual([]);
  });
});

describe("stage 2b: findMultipliers", () => {
  const read = (text: string) => {
    const tk = normaliseAndTokenise(text);
    const found = findMultipliers(tk, markNonValues(tk, compiled), compiled);
    const nv = withMarks(markNonValues(tk, compiled), found);
    const numbers = createNumberReader(tk, nv.blocked);
    const mentions = findMentions(tk, nv.blocked, createNameMatcher(tk.toks, nv.blocked, compiled), numbers);
    const pairing = withPairs(pairNumbers(tk, nv, mentions, numbers, compiled), found.pairs);
    // (with the measures, as the pipeline combines: unnamed sittings of people are meetings, round 30b)
    const combined = combineValues(tk, nv, pairing, compiled.order, undefined, compiled.measures);
    return { values: combined.values, unclear: collectUnclear(tk, combined.unclear) };
  };
  it.each([
    ["moi thon treo 2 pano, xa co 9 thon", { pano: 18 }],
    ["Thôn 2, thôn 5 và thôn 7 mỗi thôn 3 băng rôn", { bang_ron: 9 }],
    ["phát tờ gấp cho 150 hộ, mỗi hộ 2 tờ", { to_roi: 300 }],
    ["băng rôn 3 thôn, mỗi thôn 2 cái; áp phích mỗi thôn 4 cái", { bang_ron: 6, ap_phich: 12 }],
    ["xe loa tuần 2 lượt × 4 tuần", { xe_luu_dong: 8 }],
    ["phat thanh ngay 3 luot x 5 ngay", { phat_thanh: 15 }],
    ["da thay moi to roi 500 to", { to_roi: 500 }],
    ["TDP 1 va TDP 4 moi to 2 pano", { pano: 4 }],
    ["thôn 1, thôn 4: mỗi thôn 2 pa nô", { pano: 4 }],
    ["xã có 7 thôn; thôn 2 và thôn 5 mỗi thôn thêm 1 băng rôn", { bang_ron: 2 }],
    ["tin bài 3 (mỗi bài dài 500 chữ)", { tin_bai: 3 }],
    ["phóng sự 3 cái, mỗi phóng sự phát thanh 2 lượt", { phong_su: 3, phat_thanh: 6 }],
    ["tại 5 xóm, mỗi xóm 2 hội nghị, mỗi hội nghị 40 người", { hoi_nghi: 10, nguoi_tham_du: 400 }],
    ["hội nghị 3 cuộc, mỗi hội nghị 45 đại biểu", { hoi_nghi: 3, nguoi_tham_du: 135 }],
    ["hn 3 buoi x 40 nguoi", { hoi_nghi: 3, nguoi_tham_du: 120 }],
    ["tập huấn 2 lớp × 25 hv", { hoi_nghi: 2, nguoi_tham_du: 50 }],
    ["tổ chức 2 buổi × 45 người", { hoi_nghi: 2, nguoi_tham_du: 90 }],
    ["xóm 2 có 3 tổ, mỗi tổ phát 50 tờ rơi", { to_roi: 150 }],
    ["9 thôn mỗi thôn 2 pa nô", { pano: 18 }],
    ["12 thon, moi thon treo 3 bang ron a", { bang_ron: 36 }],
    ["pano moi xom 2 cai, 6 xom", { pano: 12 }],
    ["dang fanpage tuan 3 bai trong 4 tuan", { bai_mxh: 12 }],
    ["Loa phát thanh ngày 3 lượt trong 10 ngày", { phat_thanh: 30 }],
    ["to roi: 8 thon, moi thon 100 to", { to_roi: 800 }],
    ["treo bang ron o 5 khu pho moi khu pho 2 cai", { bang_ron: 10 }],
    ["6 to dan pho moi to 1 cum co dong", { cum_co_dong: 6 }],
    ["Tổ chức 2 lớp tập huấn, mỗi lớp 35 học viên", { hoi_nghi: 2, nguoi_tham_du: 70 }],
    ["Tổ chức 3 hội nghị, mỗi hội nghị 50 người tham dự", { hoi_nghi: 3, nguoi_tham_du: 150 }],
    ["hoi nghi 2 cuoc, moi cuoc 70 nguoi", { hoi_nghi: 2, nguoi_tham_du: 140 }],
    ["tổ chức 2 lớp, mỗi lớp 35 học viên", { hoi_nghi: 2, nguoi_tham_du: 70 }],
    ["xã có 11 thôn, thôn nào cũng treo 2 băng rôn", { bang_ron: 22 }],
    ["Mỗi thôn treo 1 pa nô và 2 băng rôn; xã có 14 thôn.", { pano: 14, bang_ron: 28 }],
    ["pano, ap phich moi loai 4 cai", { pano: 4, ap_phich: 4 }],
    ["Băng rôn: 20 cái; pa nô, áp phích: mỗi loại 2 cái", { bang_ron: 20, pano: 2, ap_phich: 2 }],
    ["xe tuyen truyen luu dong 2 luot/ngay trong 4 ngay", { xe_luu_dong: 8 }],
    ["hn 2 cuoc, dai bieu 60 + 85", { hoi_nghi: 2, nguoi_tham_du: 145 }],
    ["60 + 85 đại biểu", { nguoi_tham_du: 145 }],
    ["bang ron 10 (5 thon moi thon 2)", { bang_ron: 10 }],
    ["treo 2 pa nô mỗi thôn, xã có 9 thôn", { pano: 18 }],
    ["Xã có 10 thôn. Mỗi thôn treo 1 pa nô, 3 băng rôn.", { pano: 10, bang_ron: 30 }],
    ["pa nô và áp phích đều 4 cái", { pano: 4, ap_phich: 4 }],
    ["hội nghị 2 cuộc, bình quân 60 người/cuộc", { hoi_nghi: 2, nguoi_tham_du: 120 }],
    ["phát 2 tờ/hộ cho 500 hộ", { to_roi: 1000 }],
    ["Mỗi khu phố treo 3 pa nô; phường có 7 khu phố.", { pano: 21 }],
    ["tin bài: mỗi tuần 2 tin, cả tháng 9 tin", { tin_bai: 9 }],
    ["moi to dan pho 1 cum co dong, phuong co 5 to dan pho", { cum_co_dong: 5 }],
    ["Hai thôn vùng giáo mỗi thôn treo 5 băng rôn", { bang_ron: 10 }],
    ["4 đợt phát thanh lưu động, mỗi đợt 3 buổi", { phat_thanh: 12 }],
    ["2 dot xe tuyen truyen, moi dot 5 luot", { xe_luu_dong: 10 }],
    // the indicator named before the count
    ["Dán áp phích ở 4 chợ, mỗi chợ 5 cái", { ap_phich: 20 }],
    ["phat thanh luu dong 5 buoi, moi buoi 2 luot", { phat_thanh: 10 }],
    ["đăng fanpage 2 trang, mỗi trang 3 bài", { bai_mxh: 6 }],
    // the officer states the product: it is the value, the per-unit figure its part
    ["3 cụm cổ động, mỗi cụm 2 pa nô → 6 pa nô", { cum_co_dong: 3, pano: 6 }],
    ["5 thon, moi thon 2 bang ron = tong 10 bang ron", { bang_ron: 10 }],
    // the classes are what the indicator counts: 2 of them, and 70 people
    ["Tổ chức 2 lớp tập huấn, mỗi lớp 35 người", { hoi_nghi: 2, nguoi_tham_du: 70 }],
  ])("%s", (text, values) => {
    expect(read(text)).toEqual({ values, unclear: [] });
  });
  it.each([
    // a product written after "mỗi <place>": the product is the figure
    ["Khẩu hiệu: mỗi thôn 4 cái x 3 thôn", { bang_ron: 12 }],
    ["cum co dong: moi thon 2 cum x 9 thon", { cum_co_dong: 18 }],
    ["pano mỗi tdp treo 2 cái × 6 tdp", { pano: 12 }],
    ["Băng rôn: mỗi tổ dân phố 3 cái x 4 tổ", { bang_ron: 12 }],
    // the unit is the indicator's own thing and the figure is in its measure: the count is no figure
    ["xe tuyên truyền lưu động: 3 xe, mỗi xe chạy 2 lượt", { xe_luu_dong: 6 }],
    ["3 xe loa, moi xe chay 4 luot", { xe_luu_dong: 12 }],
    ["xe loa 2 xe moi xe 3 luot", { xe_luu_dong: 6 }],
    // the kinds counted before "mỗi loại", of one indicator
    ["e dán 4 loại áp phích, mỗi loại 12 tờ", { ap_phich: 48 }],
    ["in 3 loai to roi moi loai 200 to", { to_roi: 600 }],
    ["treo 2 loại băng rôn, mỗi loại 5 cái", { bang_ron: 10 }],
    ["3 loại tờ rơi (mỗi loại 100 tờ)", { to_roi: 300 }],
    // the count of places: by the head word only, the nearest of several, the places named before "mỗi"
    ["5 tdp moi tdp 2 pano", { pano: 10 }],
    ["moi to dan pho 1 cum co dong phuong co 6 to", { cum_co_dong: 6 }],
    ["mỗi khu dân cư 1 pano, xã có 5 khu", { pano: 5 }],
    ["Toàn xã 11 thôn, đến nay 10 thôn đã treo pa nô, mỗi thôn 2 cái", { pano: 20 }],
    ["xã có 12 thôn, 8 thôn treo băng rôn, mỗi thôn 3 cái", { bang_ron: 24 }],
    ["3 thon da dung pano, moi thon 1 cai", { pano: 3 }],
    ["tổ dân phố Bắc Hà, tổ dân phố Nam Hà: mỗi tổ 1 cụm cổ động", { cum_co_dong: 2 }],
    ["thôn Tân Thành và thôn Đồng Tâm mỗi thôn treo 2 băng rôn", { bang_ron: 4 }],
    ["thôn Tân Thành, thôn 4: mỗi thôn 2 pa nô", { pano: 4 }],
  ])("reads products and counts of kinds or things: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toMatchObject({ values, conflicts: [], unclear: [] });
  });
  it("reads 'mỗi cái' with a figure of no indicator as a detail of each thing, no figure", () => {
    expect(read("2 phóng sự và 2 chuyên mục, mỗi cái phát 1 lần")).toEqual({
      values: { phong_su: 2, chuyen_muc: 2 },
      unclear: [],
    });
    expect(read("treo 3 pano, moi cai 2 mat")).toEqual({ values: { pano: 3 }, unclear: [] });
    // an indicator's figure per thing, with no count of the things, is still quoted
    expect(read("mỗi cái 50 tờ")).toEqual({ values: {}, unclear: ["mỗi cái 50 tờ"] });
  });
  it("quotes a figure per unit as unclear when the count is not given", () => {
    expect(read("mỗi thôn treo 2 pa nô")).toEqual({ values: {}, unclear: ["mỗi thôn treo 2 pa nô"] });
  });
  it("does not take 'mới' (just, new) for 'mỗi'", () => {
    expect(read("pa nô mới treo 5 cái")).toEqual({ values: { pano: 5 }, unclear: [] });
    expect(read("pano moi treo 5 cai")).toEqual({ values: { pano: 5 }, unclear: [] });
    expect(read("treo 5 pa nô mới, 3 băng rôn mới")).toEqual({ values: { pano: 5, bang_ron: 3 }, unclear: [] });
  });
  it("leaves durations alone", () => {
    expect(read("Phát thanh 20 buổi trên đài, mỗi buổi 30 phút")).toEqual({ values: { phat_thanh: 20 }, unclear: [] });
  });
});

describe("stage 6: collectUnclear", () => {
  it("quotes up to three tokens of context within the clause, once", () => {
    const tk = normaliseAndTokenise("xin gửi kèm theo 4 ảnh minh chứng đẹp, pano 6");
    expect(
      collectUnclear(tk, [
        [4, 4],
        [4, 4],
      ]),
    ).toEqual(["gửi kèm theo 4 ảnh minh chứng"]);
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
  it("keep shared measures with the first words of each owner's names", () => {
    const luot = compiled.shared.get("luot")!;
    expect(luot.map((o) => o.code).sort()).toEqual(["phat_thanh", "xe_luu_dong"]);
    expect(luot.find((o) => o.code === "phat_thanh")!.firstWords.has("phat")).toBe(true);
    expect(luot.find((o) => o.code === "xe_luu_dong")!.firstWords.has("phat")).toBe(false);
  });
});

describe("counts of context (places, things, people who do not attend)", () => {
  const read = (text: string) => {
    const r = parseReport(text, SAMPLE_INDICATORS);
    return { values: r.values, unclear: r.unclear };
  };
  it("are neither values nor unclear, with or without a word before them", () => {
    expect(read("thôn em có 9 xóm, treo 4 pa nô")).toEqual({ values: { pano: 4 }, unclear: [] });
    expect(read("Dạ 7 xóm đã treo 14 băng rôn")).toEqual({ values: { bang_ron: 14 }, unclear: [] });
    expect(read("xa co 12 thon, phat thanh 30 luot")).toEqual({ values: { phat_thanh: 30 }, unclear: [] });
    expect(read("khu pho co 210 ho gia dinh, phat 210 to roi")).toEqual({ values: { to_roi: 210 }, unclear: [] });
    expect(read("Xã có 6 cụm loa, phát thanh 20 lượt")).toEqual({ values: { phat_thanh: 20 }, unclear: [] });
  });
  it("cover people by role, markets, km and hospitals", () => {
    expect(read("Trường có 450 học sinh, tổ chức 1 hội nghị")).toEqual({ values: { hoi_nghi: 1 }, unclear: [] });
    expect(read("5 phong vien, dang 6 tin")).toEqual({ values: { tin_bai: 6 }, unclear: [] });
    expect(read("30 doan vien thanh nien phat 900 to roi")).toEqual({ values: { to_roi: 900 }, unclear: [] });
    expect(read("Fanpage xã có 5.200 thành viên, đăng 12 bài")).toEqual({ values: { bai_mxh: 12 }, unclear: [] });
    expect(read("xe lưu động 2 lượt, đi 45 km")).toEqual({ values: { xe_luu_dong: 2 }, unclear: [] });
    expect(read("treo 2 pano tren 3 km duong lien xa")).toEqual({ values: { pano: 2 }, unclear: [] });
    expect(read("dan 4 ap phich o 3 cho")).toEqual({ values: { ap_phich: 4 }, unclear: [] });
    expect(read("treo 3 áp phích ở 2 chợ và 1 bệnh viện")).toEqual({ values: { ap_phich: 3 }, unclear: [] });
  });
  it("never lose the plain figure beside them", () => {
    expect(read("treo 5 bang ron o 4 thon").values).toEqual({ bang_ron: 5 });
    expect(read("treo 8 pa nô ở 8 thôn").values).toEqual({ pano: 8 });
    expect(read("phát 800 tờ rơi đến 800 hộ").values).toEqual({ to_roi: 800 });
    expect(read("phat 300 to roi cho 300 ho").values).toEqual({ to_roi: 300 });
    expect(read("phát tờ rơi 500 tờ tới 2 trường học").values).toEqual({ to_roi: 500 });
    expect(read("hội nghị 80 đại biểu").values).toEqual({ nguoi_tham_du: 80 });
  });
  it("leave 'cho' (for) before a count of recipients alone, and people who attend", () => {
    expect(read("tờ rơi 200 cho 150 hộ").values).toEqual({ to_roi: 200 });
    expect(read("60 cán bộ dự hội nghị, 1 hội nghị")).toEqual({
      values: { hoi_nghi: 1, nguoi_tham_du: 60 },
      unclear: [],
    });
  });
  it("read people by role who are said to attend as the attendees", () => {
    expect(read("1 hoi nghi, 45 doan vien tham du").values).toEqual({ hoi_nghi: 1, nguoi_tham_du: 45 });
    expect(read("Hội nghị có 120 hội viên tham gia").values).toEqual({ nguoi_tham_du: 120 });
    expect(read("tổ chức 2 hội nghị; 80 người dân tham dự").values).toEqual({ hoi_nghi: 2, nguoi_tham_du: 80 });
  });
});

describe("a lone indicator's figure left in the next clause", () => {
  const read = (text: string) => {
    const r = parseReport(text, SAMPLE_INDICATORS);
    return { values: r.values, unclear: r.unclear };
  };
  it("is the indicator's when its neighbours were the plan ('kế hoạch', 'KH', 'chỉ tiêu')", () => {
    expect(read("Pa nô: kế hoạch 10, thực hiện 8")).toEqual({ values: { pano: 8 }, unclear: [] });
    expect(read("KH 12 bang ron, da thuc hien 12, dat 100%")).toEqual({ values: { bang_ron: 12 }, unclear: [] });
    expect(read("to roi ke hoach 2000, thuc hien 1500")).toEqual({ values: { to_roi: 1500 }, unclear: [] });
    expect(read("Chỉ tiêu: 6 áp phích; thực hiện: 6")).toEqual({ values: { ap_phich: 6 }, unclear: [] });
  });
  it("is the indicator's when its neighbours were context, with a shared measure", () => {
    expect(read("xe lưu động qua 8 xóm, 3 lượt")).toEqual({ values: { xe_luu_dong: 3 }, unclear: [] });
    expect(read("phat thanh tai 5 thon, 40 luot")).toEqual({ values: { phat_thanh: 40 }, unclear: [] });
  });
  it("stays unclear on another line, and goes to the owner of its measure", () => {
    expect(read("xe luu dong di 6 thon\n2 luot")).toEqual({ values: {}, unclear: ["2 luot"] });
    expect(read("xe lưu động đi 6 thôn, 200 tờ").values).toEqual({ to_roi: 200 });
  });
});

describe("road names ('QL1A', 'ĐT 741', 'tỉnh lộ 8')", () => {
  const read = (text: string) => {
    const r = parseReport(text, SAMPLE_INDICATORS);
    return { values: r.values, unclear: r.unclear };
  };
  it("are no figures, glued or spaced, with or without diacritics", () => {
    expect(read("Dọc ĐT741 treo 3 pa nô")).toEqual({ values: { pano: 3 }, unclear: [] });
    expect(read("treo 6 bang ron doc QL 14")).toEqual({ values: { bang_ron: 6 }, unclear: [] });
    expect(read("doc tinh lo 8 treo 4 pano")).toEqual({ values: { pano: 4 }, unclear: [] });
    expect(read("dọc quốc lộ 1A treo 20 băng rôn")).toEqual({ values: { bang_ron: 20 }, unclear: [] });
    expect(read("tren 3 km QL1A treo 9 bang ron")).toEqual({ values: { bang_ron: 9 }, unclear: [] });
  });
  it("leave glued figures of indicators alone", () => {
    expect(read("treo15pano").values).toEqual({ pano: 15 });
  });
});

describe("a thing on a channel counted in times aired", () => {
  const values = (text: string) => parseReport(text, SAMPLE_INDICATORS).values;
  it("is the thing's when the figure after it has the thing's own measure", () => {
    expect(values("Chuyên mục trên đài truyền thanh: 5 chuyên mục")).toEqual({ chuyen_muc: 5 });
    expect(values("chuyen muc tren dai truyen thanh 3 chuyen muc")).toEqual({ chuyen_muc: 3 });
    expect(values("Phóng sự trên đài truyền thanh: 2 phóng sự")).toEqual({ phong_su: 2 });
  });
  it("is the broadcasts' when the figure after it counts times; the thing's when its figure comes first", () => {
    expect(values("chuyên mục trên truyền thanh 12 lượt")).toEqual({ phat_thanh: 12 });
    expect(values("2 chuyên mục trên đài truyền thanh")).toEqual({ chuyen_muc: 2 });
  });
});

describe("a message ending with a thing counted in passing ('hộ gia đình', 'xe máy')", () => {
  const read = (text: string) => {
    const r = parseReport(text, SAMPLE_INDICATORS);
    return { values: r.values, unclear: r.unclear };
  };
  it("keeps the plain figure before it (the look-alike read no number past the end)", () => {
    expect(read("phát 300 tờ rơi cho hộ gia đình")).toEqual({ values: { to_roi: 300 }, unclear: [] });
    expect(read("phat 500 to roi den 500 ho gia dinh")).toEqual({ values: { to_roi: 500 }, unclear: [] });
    expect(read("treo 4 pano, di bang xe may").values).toEqual({ pano: 4 });
    expect(read("Đã phát 120 tờ rơi tới các hộ dân").values).toEqual({ to_roi: 120 });
  });
});

describe("counts of context in words, and before 'mỗi'", () => {
  const read = (text: string) => {
    const r = parseReport(text, SAMPLE_INDICATORS);
    return { values: r.values, unclear: r.unclear };
  };
  it("are context when written in words ('hai chợ', 'Mười hai thôn')", () => {
    expect(read("hai chợ treo 4 áp phích")).toEqual({ values: { ap_phich: 4 }, unclear: [] });
    expect(read("Mười hai thôn đã treo 12 pa nô")).toEqual({ values: { pano: 12 }, unclear: [] });
    expect(read("xã em có ba thôn, treo 5 pano")).toEqual({ values: { pano: 5 }, unclear: [] });
  });
  it("still count the places a figure 'mỗi' (each) is multiplied by, in digits or words", () => {
    expect(read("Ba thôn trọng điểm mỗi thôn treo 4 băng rôn").values).toEqual({ bang_ron: 12 });
    expect(read("ba thon, moi thon 2 pano").values).toEqual({ pano: 6 });
    expect(read("xa em 7 thon, moi thon treo 2 pano").values).toEqual({ pano: 14 });
    expect(read("5 chợ, mỗi chợ 2 áp phích").values).toEqual({ ap_phich: 10 });
    expect(read("4 trường, mỗi trường 1 hội nghị").values).toEqual({ hoi_nghi: 4 });
  });
});

describe("an indicator left without a figure among others", () => {
  const values = (text: string) => parseReport(text, SAMPLE_INDICATORS).values;
  it("takes the figure right after it on its line when the plan's was set aside", () => {
    expect(values("Hội nghị: KH 2, TH 2; người tham dự 120")).toEqual({ hoi_nghi: 2, nguoi_tham_du: 120 });
    expect(values("pano ke hoach 5, thuc hien 4; to roi 300 to")).toEqual({ pano: 4, to_roi: 300 });
    expect(values("Tin bài: mục tiêu 30, thực hiện 28")).toEqual({ tin_bai: 28 });
  });
  it("reads persons before their role ('30 em học sinh tham dự') as attendees", () => {
    expect(values("hội nghị 1 cuộc, 30 em học sinh tham dự")).toEqual({ hoi_nghi: 1, nguoi_tham_du: 30 });
    expect(values("tap huan 1 lop, 25 em doan vien tham gia")).toEqual({ hoi_nghi: 1, nguoi_tham_du: 25 });
  });
});

describe("words after a figure that only look like counted people or places", () => {
  const values = (text: string) => parseReport(text, SAMPLE_INDICATORS).values;
  it("'em' is the officer unless beside a role; 'họ' is they; 'ho tro' is support", () => {
    expect(values("pano 4 em da treo")).toEqual({ pano: 4 });
    expect(values("tờ rơi 300 em phát rồi ạ")).toEqual({ to_roi: 300 });
    expect(values("tin bai 3 em gui a")).toEqual({ tin_bai: 3 });
    expect(values("tờ rơi 300 họ phát hết rồi")).toEqual({ to_roi: 300 });
    expect(values("pa no 3 ho tro")).toEqual({ pano: 3 });
    expect(values("Học sinh 40 em đi cùng xe loa lưu động, 2 lượt")).toEqual({ xe_luu_dong: 2 });
  });
});

describe("a count of context that is the only figure of its sentence", () => {
  const values = (text: string) => parseReport(text, SAMPLE_INDICATORS).values;
  it("stays the figure (a round of rules never loses a plain figure)", () => {
    expect(values("treo pano 3 thon")).toEqual({ pano: 3 });
    expect(values("Băng rôn 4 trường")).toEqual({ bang_ron: 4 });
    expect(values("phat to roi 500 ho")).toEqual({ to_roi: 500 });
    expect(values("Pano 3 thôn\nTờ rơi 500 tờ")).toEqual({ pano: 3, to_roi: 500 });
  });
  it("is context when another figure stands in its sentence", () => {
    expect(values("treo pano 3 thon, 6 cai")).toEqual({ pano: 6 });
    expect(values("xe lưu động 4 lượt qua 9 thôn")).toEqual({ xe_luu_dong: 4 });
  });
});

describe("a figure said wrongly, right after 'báo nhầm' / 'ghi sai'", () => {
  const values = (text: string) => parseReport(text, SAMPLE_INDICATORS).values;
  it("is the superseded one, wherever the right figure stands", () => {
    expect(values("Người tham dự hội nghị là 88 người (trước đây báo nhầm 80 người).")).toEqual({ nguoi_tham_du: 88 });
    expect(values("to roi 450 to, hom qua e bao nham 540")).toEqual({ to_roi: 450 });
    expect(values("Số pa nô đúng là 6 (đã ghi sai 9 pa nô)")).toEqual({ pano: 6 });
    expect(values("bang ron 12 cai, luc truoc ghi nham 21 cai")).toEqual({ bang_ron: 12 });
  });
});

describe("stage 4a: a name qualified by a few words before 'nào'", () => {
  const values = (text: string) => parseReport(text, SAMPLE_INDICATORS).values;
  it("is still stated as not done, with other figures kept", () => {
    expect(values("Quý này không treo pa nô cổ động nào; phát 400 tờ rơi.")).toEqual({ pano: 0, to_roi: 400 });
    expect(values("thang nay chua to chuc hoi nghi tuyen truyen nao, dang 5 bai fanpage")).toEqual({
      hoi_nghi: 0,
      bai_mxh: 5,
    });
    expect(values("Xã không làm phóng sự truyền hình nào trong tháng")).toEqual({ phong_su: 0 });
    expect(values("ko co bang ron khau hieu nao")).toEqual({ bang_ron: 0 });
  });
});

describe("stage 2e: a running total 'nâng tổng số từ đầu năm lên …' and the period of a plan", () => {
  const values = (text: string) => parseReport(text, SAMPLE_INDICATORS).values;
  it("keeps this period's figure; the year named for a plan is not the report's period", () => {
    expect(values("Tháng 10 treo 3 pa nô, nâng tổng số từ đầu năm lên 10 pa nô")).toEqual({ pano: 3 });
    expect(values("thang 11 treo 4 bang ron, nang tong so tu dau nam len 20 bang ron")).toEqual({ bang_ron: 4 });
    expect(
      values("Năm 2026 huyện giao kế hoạch 8 phóng sự. Quý IV làm 2 phóng sự, nâng tổng số từ đầu năm lên 7 phóng sự"),
    ).toEqual({ phong_su: 2 });
    expect(
      values("Năm 2026 xã đặt chỉ tiêu 30 tin bài; tháng 9 đăng 4 tin bài, nâng tổng số từ đầu năm lên 25 tin bài."),
    ).toEqual({ tin_bai: 4 });
  });
  it("still lets a stated total of the report's own period win", () => {
    expect(values("Tháng 11 phát 500 tờ rơi, nâng tổng số trong quý lên 1.100 tờ")).toEqual({ to_roi: 1100 });
  });
});

describe("stage 2e: 'năm nay' beside a shorter current period", () => {
  const values = (text: string) => parseReport(text, SAMPLE_INDICATORS).values;
  it("is a running total; the shorter current period is the report's", () => {
    expect(values("Năm nay đã treo 14 pa nô, tháng này treo 2 pa nô")).toEqual({ pano: 2 });
    expect(values("nam nay dang 40 tin bai; thang nay 5 tin bai")).toEqual({ tin_bai: 5 });
    expect(values("năm nay xã làm 6 phóng sự. quý này 2 phóng sự")).toEqual({ phong_su: 2 });
    expect(values("quy nay 3 hoi nghi, nam nay 11 hoi nghi")).toEqual({ hoi_nghi: 3 });
  });
  it("leaves a week inside the report's period alone", () => {
    expect(parseReport("tháng này 20 tờ rơi, tuần này 5 tờ rơi", SAMPLE_INDICATORS).conflicts).toEqual([
      { code: "to_roi", values: [20, 5] },
    ]);
  });
});

describe("stage 2e: 'riêng' singling out a shorter period than the report's", () => {
  const values = (text: string) => parseReport(text, SAMPLE_INDICATORS).values;
  it("is a part: the report's own figure wins, and it stays when alone", () => {
    expect(values("Báo cáo quý IV: phát 1.200 tờ rơi trong quý; riêng tuần từ 01/12 đến 07/12 phát 150 tờ.")).toEqual({
      to_roi: 1200,
    });
    expect(values("Báo cáo tháng 11: treo 12 băng rôn, riêng tuần cuối tháng treo 5 băng rôn")).toEqual({
      bang_ron: 12,
    });
    expect(values("bc quy 4: dang 30 tin bai, rieng thang 12 dang 9 tin bai")).toEqual({ tin_bai: 30 });
    expect(values("Báo cáo tháng 11: riêng tuần cuối treo 5 băng rôn")).toEqual({ bang_ron: 5 });
  });
});

describe("stage 2b: 'mỗi <place> được cấp phát N'", () => {
  const values = (text: string) => parseReport(text, SAMPLE_INDICATORS).values;
  it("multiplies by the count of places like any doing verb", () => {
    expect(values("12 tổ dân phố, mỗi tổ được cấp phát 2 pa nô")).toEqual({ pano: 24 });
    expect(values("xa co 7 thon, moi thon cap phat 100 to roi")).toEqual({ to_roi: 700 });
    expect(values("Mỗi trường được cấp phát 10 áp phích; xã có 4 trường")).toEqual({ ap_phich: 40 });
  });
});

describe("stage 4: a figure right before a name after 'có'", () => {
  const values = (text: string) => parseReport(text, SAMPLE_INDICATORS).values;
  it("counts that name, not the one before 'có'", () => {
    expect(values("hội nghị có 120 người tham dự, 2 tờ rơi")).toEqual({ nguoi_tham_du: 120, to_roi: 2 });
    expect(values("hoi nghi co 80 nguoi du, 1 hoi nghi")).toEqual({ hoi_nghi: 1, nguoi_tham_du: 80 });
    expect(values("Hội nghị có chín mươi người tham dự; tổ chức 1 hội nghị")).toEqual({
      hoi_nghi: 1,
      nguoi_tham_du: 90,
    });
    expect(values("pano 12 áp phích")).toEqual({ pano: 12 });
  });
});

describe("stage 2d: 'ah ko, N' corrects; 'hôm 30' is a day", () => {
  const values = (text: string) => parseReport(text, SAMPLE_INDICATORS).values;
  it("takes the figure after 'ah không'/'ah ko' and never a day after 'hôm'", () => {
    expect(values("pano 4 cai. ah khong, 5 cai")).toEqual({ pano: 5 });
    expect(values("Tờ rơi 300 tờ, ah không, 350 tờ")).toEqual({ to_roi: 350 });
    expect(values("phóng sự 2. Ah ko, 1 phóng sự thôi")).toEqual({ phong_su: 1 });
    expect(values("phát 200 tờ rơi hôm 12")).toEqual({ to_roi: 200 });
    expect(values("hom 5 treo 3 pano")).toEqual({ pano: 3 });
  });
});

describe("stage 2e: a message opening with 'tuần N tháng M'", () => {
  const values = (text: string) => parseReport(text, SAMPLE_INDICATORS).values;
  it("is a weekly report: 'tuần trước' is last period", () => {
    expect(values("Tuần 2 tháng 11: phát 100 tờ rơi; tuần trước phát 80 tờ rơi")).toEqual({ to_roi: 100 });
    expect(values("tuan 1 thang 10 treo 2 pano, tuan truoc 3 pano")).toEqual({ pano: 2 });
    expect(values("tuần 4 tháng 9 không có phóng sự nào, tuần trước có 1 phóng sự")).toEqual({ phong_su: 0 });
  });
});

describe("stage 2b: 'mỗi <place> N' after a stated total, with no count of the places", () => {
  const parse = (text: string) => parseReport(text, SAMPLE_INDICATORS);
  it("keeps the total and asks nothing about each place's share", () => {
    expect(parse("treo 4 pano, mỗi thôn 1 cái")).toMatchObject({ values: { pano: 4 }, unclear: [] });
    expect(parse("6 băng rôn, mỗi cổng 2 cái")).toMatchObject({ values: { bang_ron: 6 }, unclear: [] });
    expect(parse("12 pano mỗi thôn 3 pano")).toMatchObject({ values: { pano: 12 }, unclear: [] });
  });
  it("still asks when no total is stated", () => {
    expect(parse("mỗi thôn 3 pano")).toMatchObject({ values: {}, unclear: ["mỗi thôn 3 pano"] });
  });
});

describe("stages 2d and 4b: 'xem lại thì' corrects; a later figure of the same indicator explains it", () => {
  const values = (text: string) => parseReport(text, SAMPLE_INDICATORS).values;
  it("keeps the first corrected figure, not the difference explained after it", () => {
    expect(values("Tờ rơi 500 tờ. Em xem lại thì 450 tờ, 50 tờ còn trong kho")).toEqual({ to_roi: 450 });
    expect(values("bang ron 10. e dem lai thi 8 bang ron, 2 bang ron bi rach")).toEqual({ bang_ron: 8 });
    expect(values("Pano 9 (sửa lại: 8, 1 cái bị đổ)")).toEqual({ pano: 8 });
    expect(values("pano 6 cai, dem lai thi 5 cai thoi")).toEqual({ pano: 5 });
  });
  it("not when the first is qualified", () => {
    expect(values("Pano: 7\nÀ em nhầm, pano 7 là lũy kế, quý này chỉ 3 cái thôi ạ")).toEqual({ pano: 3 });
  });
});

describe("stage 3: meetings under other names; attendees 'đến dự'", () => {
  const values = (text: string) => parseReport(text, SAMPLE_INDICATORS).values;
  it("reads 'họp dân' and 'tọa đàm' as meetings", () => {
    expect(values("thôn đã họp dân 2 buổi, có 80 người đến dự")).toEqual({ hoi_nghi: 2, nguoi_tham_du: 80 });
    expect(values("hop dan 1 lan co 45 nguoi den du")).toEqual({ hoi_nghi: 1, nguoi_tham_du: 45 });
    expect(values("Tổ chức 2 buổi toạ đàm, 70 đại biểu")).toEqual({ hoi_nghi: 2, nguoi_tham_du: 70 });
    expect(values("toa dam: 1; nguoi tham du: 30")).toEqual({ hoi_nghi: 1, nguoi_tham_du: 30 });
  });
  it("keeps 'chưa … nào' of another item apart from a meeting's count", () => {
    expect(values("chưa treo pa nô nào; đã họp dân 1 lần, 40 người dự")).toEqual({
      pano: 0,
      hoi_nghi: 1,
      nguoi_tham_du: 40,
    });
  });
});

describe("stage 2: 'hội viên' and 'chị em' are people, not attendees unless they attend", () => {
  const values = (text: string) => parseReport(text, SAMPLE_INDICATORS).values;
  it("never reads 'hội viên' as a typo of 'học viên'", () => {
    expect(values("Hội Nông dân có 180 hội viên, tập huấn 1 lớp")).toEqual({ hoi_nghi: 1 });
    expect(values("Hoi CCB co 95 hoi vien, tap huan 1 lop 40 hoc vien")).toEqual({ hoi_nghi: 1, nguoi_tham_du: 40 });
  });
  it("counts 'chị em' who attend, and not those who are only counted", () => {
    expect(values("hội nghị 2 cuộc, 80 chị em tham gia")).toEqual({ hoi_nghi: 2, nguoi_tham_du: 80 });
    expect(values("chi hội có 300 chị em, treo 4 pano")).toEqual({ pano: 4 });
    expect(values("hoi nghi 1 cuoc co 45 chi em du")).toEqual({ hoi_nghi: 1, nguoi_tham_du: 45 });
  });
});

describe("stage 2e: month lines with no colon before a stated quarter total", () => {
  const parse = (text: string) => parseReport(text, SAMPLE_INDICATORS);
  it("are the total's parts: the total is kept and nothing is asked", () => {
    expect(parse("T7 xe lưu động 3 lượt\nT8 2 lượt\nT9 4 lượt\nTổng quý 9 lượt")).toMatchObject({
      values: { xe_luu_dong: 9 },
      unclear: [],
    });
    expect(parse("Tháng 7 treo 2 pano\nTháng 8 3 pano\nTháng 9 1 pano\nCộng quý 6 pano")).toMatchObject({
      values: { pano: 6 },
      unclear: [],
    });
    expect(parse("t10 phat 100 to roi\nt11 200 to roi\ntong quy 300 to roi")).toMatchObject({
      values: { to_roi: 300 },
      unclear: [],
    });
  });
  it("leave month lines alone when no total is stated", () => {
    expect(parse("T7 xe lưu động 3 lượt").values).toEqual({ xe_luu_dong: 3 });
  });
});

describe("stage 4: people by role said to attend right after a meeting's name", () => {
  const values = (text: string) => parseReport(text, SAMPLE_INDICATORS).values;
  it("are the attendees, not the meetings", () => {
    expect(values("hội nghị 120 đoàn viên tham dự")).toEqual({ nguoi_tham_du: 120 });
    expect(values("Tap huan co 35 can bo tham gia")).toEqual({ nguoi_tham_du: 35 });
    expect(values("1 hội nghị, có 60 hội viên dự")).toEqual({ hoi_nghi: 1, nguoi_tham_du: 60 });
  });
});

describe("stage 2b: a minimum per unit ('mỗi hộ ít nhất 1 tờ')", () => {
  it.each([
    ["Tờ rơi: 240 tờ\nThôn có 130 hộ, mỗi hộ ít nhất 1 tờ ạ", { to_roi: 240 }],
    ["phat 500 to roi, moi nguoi toi thieu 2 to", { to_roi: 500 }],
    ["treo 12 băng rôn, mỗi thôn ít nhất 1 cái", { bang_ron: 12 }],
  ])("reads it beside the stated figure as a detail, no product: %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toEqual({ values, references: [], conflicts: [], unclear: [] });
  });
  it("asks about it when it is the only figure", () => {
    const r = parseReport("thôn có 118 hộ, mỗi hộ ít nhất 1 tờ rơi", SAMPLE_INDICATORS);
    expect(r.values).toEqual({});
    expect(r.unclear).toEqual(["mỗi hộ ít nhất 1 tờ rơi"]);
  });
});

describe("stage 2b: '1 hộ 1 tờ', a rate said without 'mỗi'", () => {
  it.each([
    ["thôn có 85 hộ, phát 85 tờ rơi, 1 hộ 1 tờ", { to_roi: 85 }],
    ["xa co 300 ho, 1 ho 2 to roi", { to_roi: 600 }],
    ["bản có 40 hộ; phát tờ rơi, 1 hộ 3 tờ", { to_roi: 120 }],
  ])("reads '1 hộ N' opening a clause like 'mỗi hộ N': %s", (text, values) => {
    expect(parseReport(text, SAMPLE_INDICATORS)).toEqual({ values, references: [], conflicts: [], unclear: [] });
  });
  it("asks about the rate when no count of households is given", () => {
    expect(parseReport("1 hộ 2 tờ rơi", SAMPLE_INDICATORS).unclear).not.toEqual([]);
  });
});

describe("stage 2b: places counted by the names or labels listed before 'mỗi'", () => {
  const values = (text: string) => parseReport(text, SAMPLE_INDICATORS).values;
  it("counts names listed after one head word, and labels typed with no comma", () => {
    expect(values("thôn Tân Lập và Tân Hòa mỗi thôn treo 2 băng rôn")).toEqual({ bang_ron: 4 });
    expect(values("xom Dong, Doai, Giua moi xom 1 pano")).toEqual({ pano: 3 });
    expect(values("thon 1 thon 4 thon 7 moi thon 1 pano")).toEqual({ pano: 3 });
    expect(values("TDP 2 TDP 6 mỗi tổ phát 50 tờ rơi")).toEqual({ to_roi: 100 });
  });
  it("counts labels of places named in several words ('tổ dân phố 3, tổ dân phố 8')", () => {
    expect(values("Tổ dân phố 2, tổ dân phố 5 mỗi tổ treo 3 băng rôn")).toEqual({ bang_ron: 6 });
    expect(values("khu pho 1 va khu pho 4 moi khu pho 1 pano")).toEqual({ pano: 2 });
    expect(values("tổ dân phố 1, tổ dân phố 3, tổ dân phố 9: mỗi tổ 20 tờ rơi")).toEqual({ to_roi: 60 });
  });
  it("never counts leaves ('tờ') as groups ('tổ'): a stated total after 'mỗi tổ' is no count of groups", () => {
    expect(values("các tổ dân phố mỗi tổ phát 150 tờ rơi, tổng cộng 900 tờ")).toEqual({ to_roi: 900 });
    expect(values("moi to phat 80 to roi, tong 400 to roi")).toEqual({ to_roi: 400 });
    expect(values("phường có 6 tổ, mỗi tổ phát 100 tờ rơi")).toEqual({ to_roi: 600 });
  });
  it("still asks when no head word names the places", () => {
    expect(parseReport("Bắc Sơn, Nam Sơn mỗi thôn 1 pa nô", SAMPLE_INDICATORS).values).toEqual({});
  });
});

describe("stage 2b: a unit of two words after 'mỗi'", () => {
  const values = (text: string) => parseReport(text, SAMPLE_INDICATORS).values;
  it("reads a part of a place ('mỗi đầu xã') and a unit counted the same way before", () => {
    expect(values("2 cụm cổ động mỗi đầu xã 1 cụm")).toEqual({ cum_co_dong: 2 });
    expect(values("4 pano, mỗi cổng trường 1 cái")).toEqual({ pano: 4 });
    expect(values("hội nghị trực tuyến 1 cuộc, 4 điểm cầu, mỗi điểm cầu 25 người")).toEqual({
      hoi_nghi: 1,
      nguoi_tham_du: 100,
    });
    expect(values("xa co 3 nhom zalo, moi nhom zalo 2 bai")).toEqual({ bai_mxh: 6 });
  });
});

describe("stage 2b: 'mỗi kênh' after channels of one indicator", () => {
  const values = (text: string) => parseReport(text, SAMPLE_INDICATORS).values;
  it("multiplies by the number of channels named", () => {
    expect(values("fanpage + zalo mỗi kênh 5 bài")).toEqual({ bai_mxh: 10 });
    expect(values("Facebook, Zalo và fanpage mỗi kênh 2 bài")).toEqual({ bai_mxh: 6 });
    expect(values("dang len fanpage va zalo, moi trang 4 bai")).toEqual({ bai_mxh: 8 });
  });
  it("asks when only one channel is named", () => {
    expect(parseReport("fanpage mỗi kênh 3 bài", SAMPLE_INDICATORS).values).toEqual({});
  });
});

describe("stage 2: things outside the indicators counted beside the figures", () => {
  const parse = (text: string) => parseReport(text, SAMPLE_INDICATORS);
  it("are context, neither values nor unclear", () => {
    expect(parse("treo 4 pano, giá đỡ 4 bộ")).toMatchObject({ values: { pano: 4 }, unclear: [] });
    expect(parse("in 3 tấm phông sân khấu, 5 băng rôn")).toMatchObject({ values: { bang_ron: 5 }, unclear: [] });
    expect(parse("phat 40 so tay, treo 2 pano")).toMatchObject({ values: { pano: 2 }, unclear: [] });
    expect(parse("lớp có 30 cháu; 2 băng rôn trước cổng")).toMatchObject({ values: { bang_ron: 2 }, unclear: [] });
    expect(parse("tặng 20 cuốn sách pháp luật; hội nghị 1 cuộc")).toMatchObject({
      values: { hoi_nghi: 1 },
      unclear: [],
    });
  });
  it("stay a figure when they classify a name, and are asked about when alone", () => {
    expect(parse("treo 3 tấm pano").values).toEqual({ pano: 3 });
    expect(parse("pano: 3 tấm").values).toEqual({ pano: 3 });
    expect(parse("bang ron 4 bo").values).toEqual({ bang_ron: 4 });
    expect(parse("Đã nhận 5 bộ tài liệu").unclear).toEqual(["Đã nhận 5 bộ tài liệu"]);
  });
});

describe("stage 1: 'tb' right before a figure is 'tin bài'", () => {
  const values = (text: string) => parseReport(text, SAMPLE_INDICATORS).values;
  it("reads it in a run of abbreviations and alone before a figure", () => {
    expect(values("PN 4 | BR 2 | TB 6")).toEqual({ pano: 4, bang_ron: 2, tin_bai: 6 });
    expect(values("tb: 4, pano 2")).toEqual({ pano: 2, tin_bai: 4 });
    expect(values("TB 5 tin")).toEqual({ tin_bai: 5 });
  });
  it("leaves 'TB' of a document number alone", () => {
    expect(parseReport("theo TB số 15/TB-UBND treo 3 pano", SAMPLE_INDICATORS).values).toEqual({ pano: 3 });
  });
});

describe("stage 2: a short month ending a line of words", () => {
  const parse = (text: string) => parseReport(text, SAMPLE_INDICATORS);
  it("is a label, never a figure", () => {
    expect(parse("Kết quả tuyên truyền T10\nPN 2 | BR 10")).toMatchObject({
      values: { pano: 2, bang_ron: 10 },
      unclear: [],
    });
    expect(parse("bao cao t11\npano 3")).toMatchObject({ values: { pano: 3 }, unclear: [] });
    expect(parse("Báo cáo xã Thạch Bình T9\nTờ rơi: 300")).toMatchObject({ values: { to_roi: 300 }, unclear: [] });
  });
});

describe("stage 2: figures right after the labels of counted parts", () => {
  const values = (text: string) => parseReport(text, SAMPLE_INDICATORS).values;
  it("are summed even when only the last names its measure", () => {
    expect(values("tờ rơi phát 2 đợt: đợt 1 500, đợt 2 700")).toEqual({ to_roi: 1200 });
    expect(values("to roi phat 3 dot: dot 1 100, dot 2 200, dot 3 300 to")).toEqual({ to_roi: 600 });
    expect(values("pano 2 đợt: đợt 1 3 cái, đợt 2 4 cái")).toEqual({ pano: 7 });
  });
  it("leave parts of different indicators to their names", () => {
    expect(values("2 đợt: đợt 1 treo 3 pano, đợt 2 phát 200 tờ rơi")).toEqual({ pano: 3, to_roi: 200 });
  });
});

describe("stage 4: attendees named right after a meeting, and the people it is held for", () => {
  const values = (text: string) => parseReport(text, SAMPLE_INDICATORS).values;
  it("binds a figure to the attendees' name even when a count of meetings follows in its own measure", () => {
    expect(values("tập huấn 45 học viên ở 3 lớp")).toEqual({ hoi_nghi: 3, nguoi_tham_du: 45 });
    expect(values("tap huan 30 + 25 hoc vien o 2 lop")).toEqual({ hoi_nghi: 2, nguoi_tham_du: 55 });
    expect(values("hội nghị 80 đại biểu, 2 cuộc")).toEqual({ hoi_nghi: 2, nguoi_tham_du: 80 });
  });
  it("reads people by role after 'cho' following a meeting's name as attendees", () => {
    expect(values("tap huan cho 40 hoi vien, 2 lop")).toEqual({ hoi_nghi: 2, nguoi_tham_du: 40 });
    expect(values("tổ chức 2 hội nghị cho 150 đoàn viên thanh niên")).toEqual({ hoi_nghi: 2, nguoi_tham_du: 150 });
    expect(values("Hội nghị cho 80 cán bộ, phát 200 tờ rơi")).toEqual({ nguoi_tham_du: 80, to_roi: 200 });
  });
  it("not after another indicator", () => {
    expect(values("phát 200 tờ rơi cho 40 cán bộ, 1 hội nghị")).toEqual({ to_roi: 200, hoi_nghi: 1 });
  });
});

describe("stage 2: a place word before a number in the hundreds", () => {
  const values = (text: string) => parseReport(text, SAMPLE_INDICATORS).values;
  it("is no label: the number counts what follows", () => {
    expect(values("nhóm zalo thôn 400 thành viên đăng 6 bài")).toEqual({ bai_mxh: 6 });
    expect(values("nhom zalo xom 250 thanh vien, dang 3 bai")).toEqual({ bai_mxh: 3 });
    expect(values("thôn 120 hộ treo 3 pano")).toEqual({ pano: 3 });
  });
  it("keeps small place numbers as labels", () => {
    expect(values("Thôn 3: 200 tờ rơi")).toEqual({ to_roi: 200 });
    expect(values("to 15 phat 100 to roi")).toEqual({ to_roi: 100 });
  });
});

describe("stage 2b: a bound for each unit ('mỗi hộ ít nhất 1 tờ')", () => {
  const parse = (text: string) => parseReport(text, SAMPLE_INDICATORS);
  it("is no count: the stated figure stays, nothing is multiplied", () => {
    expect(parse("Tờ rơi: 210 tờ\nThôn có 118 hộ, phát mỗi hộ ít nhất 1 tờ rơi")).toMatchObject({
      values: { to_roi: 210 },
      unclear: [],
    });
    expect(parse("phát 300 tờ rơi, mỗi hộ tối thiểu 1 tờ")).toMatchObject({ values: { to_roi: 300 }, unclear: [] });
    expect(parse("mỗi thôn phát ít nhất 50 tờ rơi, tổng 600 tờ").values).toEqual({ to_roi: 600 });
    expect(parse("xa co 8 thon, moi thon it nhat 1 pano; tong 10 pano").values).toEqual({ pano: 10 });
  });
  it("is asked about when nothing else is given", () => {
    expect(parse("mỗi hộ ít nhất 1 tờ rơi")).toMatchObject({ values: {}, unclear: ["mỗi hộ ít nhất 1 tờ rơi"] });
  });
});

describe("stage 2b: a rate whose product the officer states ('3 buổi/tuần, 4 tuần = 12 lượt')", () => {
  const parse = (text: string) => parseReport(text, SAMPLE_INDICATORS);
  it("keeps the stated product and asks nothing about the rate", () => {
    expect(parse("phát thanh 3 buổi/tuần, 4 tuần = 12 lượt")).toMatchObject({
      values: { phat_thanh: 12 },
      unclear: [],
    });
    expect(parse("phat thanh 3 buoi/tuan, thang nay 4 tuan = 12 luot")).toMatchObject({
      values: { phat_thanh: 12 },
      unclear: [],
    });
    expect(parse("xe loa 2 lượt/ngày, 5 ngày = 10 lượt")).toMatchObject({ values: { xe_luu_dong: 10 }, unclear: [] });
  });
  it("still asks about a rate with no product", () => {
    expect(parse("phát thanh 3 buổi/tuần").unclear).toEqual(["phát thanh 3 buổi/tuần"]);
  });
});

describe("stage 2b: times of day before 'mỗi buổi', with the days after", () => {
  const parse = (text: string) => parseReport(text, SAMPLE_INDICATORS);
  it("multiply the figure by the sessions and the days", () => {
    expect(parse("loa sáng, chiều mỗi buổi 2 lượt trong 5 ngày")).toMatchObject({
      values: { phat_thanh: 20 },
      unclear: [],
    });
    expect(parse("phat thanh sang va chieu moi buoi 1 luot, 7 ngay").values).toEqual({ phat_thanh: 14 });
    expect(parse("phát thanh sáng, trưa, chiều mỗi buổi 1 lượt, 10 ngày liền").values).toEqual({ phat_thanh: 30 });
  });
  it("ask when no days are given", () => {
    expect(parse("phát thanh sáng chiều mỗi buổi 1 lượt").values).toEqual({});
  });
});

describe("'tb' before a figure", () => {
  it("is 'tin bài' before a count, never before a document's number", () => {
    expect(parseReport("PN 2 | BR 10 | TB 3", SAMPLE_INDICATORS).values).toMatchObject({ tin_bai: 3 });
    expect(
      parseReport("treo bang ron theo TB 55/TB-UBND ngay 1/12/2026, tong 20 cai", SAMPLE_INDICATORS).values,
    ).toEqual({
      bang_ron: 20,
    });
    expect(parseReport("theo tb 12/TB-UBND đã đăng 4 tin bài", SAMPLE_INDICATORS).values).toEqual({ tin_bai: 4 });
  });
});
