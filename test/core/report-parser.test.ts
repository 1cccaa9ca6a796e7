import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { type CorpusCase, isExactMatch, readCorpus, scoreCorpus } from "../../src/core/reports/corpus-score.js";
import { classifyMessage } from "../../src/core/reports/message-kind.js";
import { type ParsedReport, parseReport } from "../../src/core/reports/report-parser.js";
import { foldWithMap, nfc, searchKey, telexFold } from "../../src/core/reports/text-key.js";
import {
  acceptsNumberWord,
  parseDigitNumber,
  parseNumberWords,
  parseVietnameseNumber,
} from "../../src/core/reports/vietnamese-numbers.js";

/** A guard against regressions on the held-out part; the goal is 98 %, the score is printed. */
const HELD_OUT_FLOOR = 95;

const readFixture = (name: string): CorpusCase[] =>
  readCorpus(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8"));
/** Development part: every message must be read exactly right. */
const corpus = readFixture("report-corpus.jsonl");
/** Held-out part: written before the parser was run on it, never tuned against; only scored. */
const heldout = readFixture("report-corpus-heldout.jsonl");

function expectWellFormed(r: ParsedReport): void {
  expect(typeof r.values).toBe("object");
  for (const v of Object.values(r.values)) expect(Number.isFinite(v)).toBe(true);
  expect(Array.isArray(r.references)).toBe(true);
  expect(Array.isArray(r.unclear)).toBe(true);
  expect(Array.isArray(r.conflicts)).toBe(true);
  for (const u of r.unclear) expect(typeof u).toBe("string");
  if (r.taskHint !== undefined) expect(Number.isInteger(r.taskHint)).toBe(true);
}

/** A development corpus line: every field read exactly, with a readable failure per field. */
function expectReadExactly(line: CorpusCase): void {
  const r = parseReport(line.text, SAMPLE_INDICATORS);
  expectWellFormed(r);
  expect(r.values).toEqual(line.expected.values);
  expect(r.references).toEqual(line.expected.references);
  expect(r.taskHint).toBe(line.expected.taskHint);
  expect(r.conflicts).toEqual(line.expected.conflicts ?? []);
  const unclear = line.expected.unclear ?? [];
  for (const part of unclear) {
    expect(
      r.unclear.some((u) => u.includes(part)),
      `unclear ${JSON.stringify(r.unclear)} ∌ ${part}`,
    ).toBe(true);
  }
  expect(r.unclear, "no other unclear fragment").toHaveLength(unclear.length);
  expect(isExactMatch(r, line.expected)).toBe(true);
}

describe("report corpus", () => {
  const all = [...corpus, ...heldout];
  it("has at least 400 messages, a fifth of them held out, half in officers' style", () => {
    expect(all.length).toBeGreaterThanOrEqual(400);
    expect(heldout.length / all.length).toBeGreaterThanOrEqual(0.2);
    expect(all.filter((c) => c.style === "officer").length * 2).toBeGreaterThanOrEqual(all.length);
    expect(new Set(all.map((c) => c.text)).size).toBe(all.length);
  });

  it.each([
    ["explicit totals", /tổng cộng|tong cong|tổng số|tong so|tất cả|tat ca|\bcộng:|\bcong:/i],
    ["arithmetic", /\d[^=]* x \d+[^=]*= ?\d/],
    ["a label, a colon and a number", /^(số|so) .*: ?\d+$/i],
    ["the place deciding the indicator", /bài viết (trên|len|lên|tren|qua) |bai viet (tren|len|qua) /i],
    ["a number with a place after it", /(tại|tai|ở|o) \d+ (thôn|thon|xóm|xom)/],
    ["abbreviations", /\b(bc|tt|hn|pn)\b/],
    ["the particle ạ", /ạ/],
  ])("covers %s in both parts", (_name, re) => {
    expect(corpus.some((c) => re.test(c.text))).toBe(true);
    expect(heldout.some((c) => re.test(c.text))).toBe(true);
  });

  it.each(corpus.map((c, i) => [i + 1, c.text, c] as const))("#%i %s", (_n, _t, line) => {
    expectReadExactly(line);
  });

  it("scores the held-out part (goal: at least 98% exact)", () => {
    const score = scoreCorpus(heldout, SAMPLE_INDICATORS);
    const percent = (100 * score.exact) / score.total;
    console.log(`held-out exact match: ${score.exact}/${score.total} (${percent.toFixed(1)}%)`);
    expect(score.total).toBe(heldout.length);
    expect(percent).toBeGreaterThanOrEqual(HELD_OUT_FLOOR);
  });
});

/** Real-style messages (tables, corrections, period qualifiers, stated zeros, multipliers, …), development part. */
const real = readFixture("report-corpus-real.jsonl");

describe("real-style report corpus (development part)", () => {
  it("has messages of every kind the parser's stages read", () => {
    expect(real.length).toBeGreaterThanOrEqual(100);
    expect(new Set(real.map((c) => c.text)).size).toBe(real.length);
  });

  it.each(real.map((c, i) => [i + 1, c.text.replace(/\s+/g, " ").slice(0, 100), c] as const))(
    "#%i %s",
    (_n, _t, line) => {
      expectReadExactly(line);
    },
  );
});

/** Second real-style development part, written by someone who never saw the parser: scored, with a floor. */
const real2 = readFixture("report-corpus-real-2.jsonl");

describe("real-style report corpus, second development part", () => {
  it("reads at least 158 of its 160 messages exactly", () => {
    const score = scoreCorpus(real2, SAMPLE_INDICATORS);
    expect(score.total).toBe(160);
    expect(score.exact).toBeGreaterThanOrEqual(158);
  });
  it("reads 'X tháng này: không …' as a stated zero (this period's words between)", () => {
    expect(parseReport("phong su thang nay khong co, tin bai 4", SAMPLE_INDICATORS).values).toEqual({
      phong_su: 0,
      tin_bai: 4,
    });
  });
  it("reads a pasted table's note and '-' cells as nothing", () => {
    const r = parseReport(
      "TT  Nội dung   ĐVT   Số lượng   Ghi chú\n1   Pa nô      cái   3          khổ 2x4m\n2   Tờ rơi     tờ    -",
      SAMPLE_INDICATORS,
    );
    expect(r).toEqual({ values: { pano: 3 }, references: [], unclear: [], conflicts: [] });
  });
});

/** Third real-style development part, written by someone who never saw the parser: scored, with a floor. */
const real3 = readFixture("report-corpus-real-3.jsonl");

describe("real-style report corpus, third development part", () => {
  it("reads at least 191 of its 200 messages exactly", () => {
    const score = scoreCorpus(real3, SAMPLE_INDICATORS);
    expect(score.total).toBe(200);
    expect(score.exact).toBeGreaterThanOrEqual(191);
  });
  it("reads 'X không xây dựng tháng này' as a stated zero (this period's words after the verb)", () => {
    expect(parseReport("tin bai 5\nphong su ko xay dung thang nay", SAMPLE_INDICATORS).values).toEqual({
      tin_bai: 5,
      phong_su: 0,
    });
  });
  it("reads per-place figures under a stated whole ('tổng phường') as its parts", () => {
    expect(parseReport("tdp 1 treo 3 pano, tdp 2 treo 4 pano, tong phuong 7 pano", SAMPLE_INDICATORS).values).toEqual({
      pano: 7,
    });
  });
  it("never fails on a negation at the very end of a message", () => {
    expect(parseReport("pano 2, không phát tờ rơi", SAMPLE_INDICATORS).values).toEqual({ pano: 2, to_roi: 0 });
  });
});

/** Fourth real-style development part, written by someone who never saw the parser: scored, with a floor. */
const real4 = readFixture("report-corpus-real-4.jsonl");

describe("real-style report corpus, fourth development part", () => {
  it("reads at least 155 of its 160 messages exactly", () => {
    const score = scoreCorpus(real4, SAMPLE_INDICATORS);
    expect(score.total).toBe(160);
    expect(score.exact).toBeGreaterThanOrEqual(155);
  });
  it("reads 'TT' as 'thông tin' ('xe TT lưu động'), and a 'TT' column header stays a header", () => {
    expect(parseReport("xe TT lưu động: 6 lượt; tin bài 2", SAMPLE_INDICATORS).values).toEqual({
      xe_luu_dong: 6,
      tin_bai: 2,
    });
    expect(parseReport("TT | Nội dung | Số lượng\n1 | Băng rôn | 9", SAMPLE_INDICATORS).values).toEqual({
      bang_ron: 9,
    });
  });
});

/** Fifth real-style development part, written by someone who never saw the parser: scored, with a floor. */
const real5 = readFixture("report-corpus-real-5.jsonl");

describe("real-style report corpus, fifth development part", () => {
  it("reads at least 158 of its 160 messages exactly", () => {
    const score = scoreCorpus(real5, SAMPLE_INDICATORS);
    expect(score.total).toBe(160);
    expect(score.exact).toBeGreaterThanOrEqual(158);
  });
});

/** Sixth real-style development part (officers on phones: no marks, Zalo bursts, voice typing): scored, with a floor. */
const real6 = readFixture("report-corpus-real-6.jsonl");

describe("real-style report corpus, sixth development part", () => {
  it("reads at least 157 of its 160 messages exactly", () => {
    const score = scoreCorpus(real6, SAMPLE_INDICATORS);
    expect(score.total).toBe(160);
    expect(score.exact).toBeGreaterThanOrEqual(157);
  });
});

/** Seventh real-style development part (long formal reports): scored, with a floor. */
const real7 = readFixture("report-corpus-real-7.jsonl");

describe("real-style report corpus, seventh development part", () => {
  it("reads all 160 of its 160 messages exactly", () => {
    const score = scoreCorpus(real7, SAMPLE_INDICATORS);
    expect(score.total).toBe(160);
    expect(score.exact).toBeGreaterThanOrEqual(160);
  });
});

const real8 = readFixture("report-corpus-real-8.jsonl");

describe("real-style report corpus, eighth development part (everyday short messages)", () => {
  it("reads at least 146 of its 147 messages exactly", () => {
    const score = scoreCorpus(real8, SAMPLE_INDICATORS);
    expect(score.total).toBe(147);
    expect(score.exact).toBeGreaterThanOrEqual(146);
  });
});

const real9 = readFixture("report-corpus-real-9.jsonl");

describe("real-style report corpus, ninth development part (officers of very different habits)", () => {
  it("reads at least 148 of its 150 messages exactly", () => {
    const score = scoreCorpus(real9, SAMPLE_INDICATORS);
    expect(score.total).toBe(150);
    expect(score.exact).toBeGreaterThanOrEqual(148);
  });
});

const real10 = readFixture("report-corpus-real-10.jsonl");

describe("real-style report corpus, tenth development part (merged communes, mass organisations, two periods)", () => {
  it("reads at least 147 of its 148 messages exactly", () => {
    const score = scoreCorpus(real10, SAMPLE_INDICATORS);
    expect(score.total).toBe(148);
    expect(score.exact).toBeGreaterThanOrEqual(147);
  });
});

describe("corpus scoring", () => {
  const expected = { values: { pano: 3 }, references: [] };
  it("counts a match only when values, references, conflicts, hint and unclear all agree", () => {
    expect(isExactMatch(parseReport("pano 3", SAMPLE_INDICATORS), expected)).toBe(true);
    expect(isExactMatch(parseReport("pano 4", SAMPLE_INDICATORS), expected)).toBe(false);
    expect(isExactMatch(parseReport("pano 3, 4 cái", SAMPLE_INDICATORS), expected)).toBe(false);
    expect(isExactMatch(parseReport("nv 2 pano 3", SAMPLE_INDICATORS), expected)).toBe(false);
    expect(isExactMatch(parseReport("pano 3, 4 cái", SAMPLE_INDICATORS), { ...expected, unclear: ["4 cái"] })).toBe(
      true,
    );
  });
  it("scores a corpus and lists the misses", () => {
    const cases = readCorpus(
      [JSON.stringify({ text: "pano 3", expected }), "", JSON.stringify({ text: "pano 5", expected })].join("\n"),
    );
    const score = scoreCorpus(cases, SAMPLE_INDICATORS);
    expect(score).toMatchObject({ total: 2, exact: 1, misses: [{ line: 2, text: "pano 5" }] });
  });
  it("names the malformed line", () => {
    expect(() => readCorpus('{"text":"a","expected":{"values":{},"references":[]}}\n{oops')).toThrow("line 2");
    expect(() => readCorpus('{"text":"a"}')).toThrow("line 1");
  });
});

describe("searchKey", () => {
  it("strips diacritics, đ, case and extra spaces", () => {
    expect(searchKey("  Báo cáo   ĐỢT 2 ")).toBe("bao cao dot 2");
    expect(searchKey("Thạch Thành")).toBe("thach thanh");
    expect(searchKey("Pa nô")).toBe(searchKey("pa no"));
    expect(searchKey("Đôn Đốc\n\tđã")).toBe("don doc da");
  });
  it("treats decomposed input like composed", () => {
    expect(searchKey("pa no\u0302")).toBe("pa no");
    expect(nfc("pa no\u0302")).toBe("pa nô");
  });
  it("keeps a map back to the original", () => {
    const f = foldWithMap("Pa–nô");
    expect(f.key).toBe("pa-no");
    expect(f.start.length).toBe(f.key.length);
  });
  it("undoes Telex leftovers", () => {
    expect(telexFold("baos")).toBe("bao");
    expect(telexFold("caos")).toBe("cao");
    expect(telexFold("hooij")).toBe("hoi");
    expect(telexFold("muowif")).toBe("muoi");
    expect(telexFold("pano")).toBe("pano");
  });
});

describe("Vietnamese numbers", () => {
  const words = (s: string) => parseNumberWords(searchKey(s).split(" "))?.value;
  it.each([
    ["một", 1],
    ["mười", 10],
    ["mười hai", 12],
    ["mười lăm", 15],
    ["muoi nam", 15],
    ["hai mươi", 20],
    ["hai mươi mốt", 21],
    ["hai mốt", 21],
    ["hai mươi tư", 24],
    ["hai mươi lăm", 25],
    ["bốn mươi tư", 44],
    ["một chục", 10],
    ["hai chục", 20],
    ["một trăm", 100],
    ["một trăm linh năm", 105],
    ["mot tram le nam", 105],
    ["một trăm hai mươi", 120],
    ["một trăm hai", 120],
    ["một trăm rưỡi", 150],
    ["chín trăm chín mươi chín", 999],
    ["một nghìn", 1000],
    ["một ngàn hai trăm", 1200],
    ["hai nghìn ba", 2300],
    ["hai mươi lăm nghìn", 25000],
    ["một triệu hai trăm nghìn", 1_200_000],
    ["năm triệu", 5_000_000],
  ])("%s = %d", (text, value) => {
    expect(words(text)).toBe(value);
  });
  it("reports the token span", () => {
    expect(parseNumberWords(["da", "treo", "hai", "muoi", "lam", "pano"], 2)).toEqual({ value: 25, start: 2, end: 5 });
  });
  it("flags two bare digits as ambiguous", () => {
    expect(parseNumberWords(["hai", "ba"])).toMatchObject({ value: 2, ambiguous: true });
  });
  it("rejects lone scale and after-tens forms", () => {
    expect(parseNumberWords(["chuc"])).toBeNull();
    expect(parseNumberWords(["tram"])).toBeNull();
    expect(parseNumberWords(["lam"])).toBeNull();
    expect(parseNumberWords(["tu"])).toBeNull();
    expect(parseNumberWords(["pano"])).toBeNull();
  });
  it("checks diacritics of number words", () => {
    expect(acceptsNumberWord("tu", "tư", true)).toBe(true);
    expect(acceptsNumberWord("tu", "từ", false)).toBe(false);
    expect(acceptsNumberWord("lam", "làm", false)).toBe(false);
    expect(acceptsNumberWord("sau", "sau", true)).toBe(false);
    expect(acceptsNumberWord("sau", "sau", false)).toBe(true);
    expect(acceptsNumberWord("tam", "tấm", false)).toBe(false);
    expect(acceptsNumberWord("muoi", "muowif", true)).toBe(true);
  });
  it.each([
    ["12", 12],
    ["1.200", 1200],
    ["1,200", 1200],
    ["1.200.000", 1_200_000],
    ["2,5", 2.5],
    ["1.200,5", 1200.5],
    ["007", 7],
  ])("digits %s = %d", (raw, value) => {
    expect(parseDigitNumber(raw)).toBe(value);
  });
  it("rejects malformed digit strings", () => {
    expect(parseDigitNumber("1.2.3")).toBeNull();
    expect(parseDigitNumber("")).toBeNull();
    expect(parseDigitNumber("12a")).toBeNull();
  });
  it("reads a whole text as a number", () => {
    expect(parseVietnameseNumber("Hai mươi lăm")).toBe(25);
    expect(parseVietnameseNumber("1.200")).toBe(1200);
    expect(parseVietnameseNumber("mười hai pa nô")).toBeNull();
  });
});

describe("parseReport details", () => {
  it("returns unclear fragments in original casing", () => {
    const r = parseReport("Đã nhận 3 Bộ Tài Liệu", SAMPLE_INDICATORS);
    expect(r.unclear).toEqual(["Đã nhận 3 Bộ Tài Liệu"]);
  });
  it("does not report leading 'báo cáo' words as unclear", () => {
    for (const t of ["Báo cáo: pano 12", "bao cao pano 12", "bc pano 12", "/baocao pano 12", "baos caos pano 12"]) {
      const r = parseReport(t, SAMPLE_INDICATORS);
      expect(r.values).toEqual({ pano: 12 });
      expect(r.unclear).toEqual([]);
    }
  });
  it("works without indicators", () => {
    const r = parseReport("12 pa nô, KH số 15/KH-UBND", []);
    expect(r.values).toEqual({});
    expect(r.references).toEqual([{ number: "15/KH-UBND" }]);
    expect(r.unclear.length).toBe(1);
  });
  it("uses a task's own indicators", () => {
    const r = parseReport("Trồng 120 cây xanh, 3 km đường", [
      { code: "cay", label: "Cây xanh", synonyms: ["cây xanh", "cây"] },
      { code: "duong", label: "Đường giao thông", measure: "km", synonyms: ["km đường", "đường"] },
    ]);
    expect(r.values).toEqual({ cay: 120, duong: 3 });
  });
});

describe("never throws", () => {
  function rng(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }
  const pieces = [
    "pa nô",
    "pano",
    "12",
    "1.200",
    "-",
    ":",
    "/",
    "thêm",
    "tổng",
    "trong đó",
    "nv",
    "#",
    "số",
    "15/KH-UBND",
    "ngày",
    "10/02/2021",
    "0912345678",
    "%",
    "mười",
    "hai",
    "mươi",
    "lăm",
    "trăm",
    "linh",
    "nghìn",
    "\n",
    ",",
    "😀",
    "\u0000",
    "\u200b",
    "\ud800",
    "\u0301",
    "Đ",
    "x",
    "  ",
    "áp phích",
    "tin",
    "thôn",
    "quý",
    "9".repeat(30),
    "(",
    ")",
    "lượt",
    "người",
    "́",
    "e\u0301",
  ];

  it("survives thousands of random strings", () => {
    const rand = rng(42);
    for (let n = 0; n < 3000; n++) {
      let s = "";
      const len = Math.floor(rand() * 30);
      for (let i = 0; i < len; i++) {
        if (rand() < 0.5) s += pieces[Math.floor(rand() * pieces.length)]! + (rand() < 0.6 ? " " : "");
        else s += String.fromCharCode(Math.floor(rand() * 0xffff));
      }
      const r = parseReport(s, SAMPLE_INDICATORS);
      expectWellFormed(r);
      expect(["report", "question", "chatter", "unsure", "other"]).toContain(classifyMessage(s, SAMPLE_INDICATORS));
    }
  });

  it("handles a 10k-character text quickly", () => {
    const rand = rng(7);
    let s = "";
    while (s.length < 10_000) s += pieces[Math.floor(rand() * pieces.length)]! + " ";
    const started = performance.now();
    const r = parseReport(s, SAMPLE_INDICATORS);
    const elapsed = performance.now() - started;
    expectWellFormed(r);
    expect(r.unclear.length).toBeLessThanOrEqual(20);
    expect(elapsed).toBeLessThan(2000);
  });

  it("reads a 4,000-character report and a 200-row pasted table fully, in bounded time", () => {
    const lines = ["Xã Thạch Bình báo cáo quý I/2026:"];
    for (let i = 1; lines.join("\n").length < 4_000; i++)
      lines.push(`- Thôn ${i}: treo băng rôn tại nhà văn hóa, phát tờ rơi đến các hộ, lũy kế ${i} pa nô.`);
    lines.push("Tổng: pa nô 7, tờ rơi 1.200, phóng sự 3");
    const report = lines.join("\n");
    const rows = Array.from({ length: 200 }, (_, i) => `${i + 1}\tThôn ${i + 1}\t${(i % 3) + 1}\t${(i % 7) * 10}`);
    const sums = [rows.reduce((s, _, i) => s + (i % 3) + 1, 0), rows.reduce((s, _, i) => s + (i % 7) * 10, 0)];
    const table = ["STT\tThôn\tPa nô\tTờ rơi", ...rows, `\tTổng\t${sums[0]}\t${sums[1]}`].join("\n");
    const withoutTotal = ["STT\tThôn\tPa nô\tTờ rơi", ...rows].join("\n");
    const started = performance.now();
    expect(parseReport(report, SAMPLE_INDICATORS)).toMatchObject({
      values: { pano: 7, to_roi: 1200, phong_su: 3 },
      unclear: [],
      conflicts: [],
    });
    expect(parseReport(table, SAMPLE_INDICATORS)).toMatchObject({
      values: { pano: sums[0], to_roi: sums[1] },
      unclear: [],
      conflicts: [],
    });
    expect(parseReport(withoutTotal, SAMPLE_INDICATORS).values).toEqual({ pano: sums[0], to_roi: sums[1] });
    // generous on a shared machine: the bench measures the figures (npm run bench -- --only parser)
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("handles long runs of one character and odd inputs", () => {
    for (const s of [
      "9".repeat(10_000),
      "-".repeat(10_000),
      "1/".repeat(5000),
      "a ".repeat(5000),
      "mười ".repeat(2000),
      "pa nô 1 ".repeat(1500),
      "\u0301".repeat(5000),
      "😀".repeat(5000),
      "",
      "   ",
    ]) {
      expectWellFormed(parseReport(s, SAMPLE_INDICATORS));
    }
    expectWellFormed(parseReport(undefined as unknown as string, SAMPLE_INDICATORS));
    expectWellFormed(parseReport("12 pa nô", undefined as unknown as []));
    expectWellFormed(parseReport("12 pa nô", [{ code: "", label: "", synonyms: [""] }, null as unknown as never]));
  });
});

describe("reading one message several times", () => {
  it("gives the same result for the same text and indicators, a different one for other indicators, and copies the caller may change", () => {
    const text = "Xã Thạch Bình: đã treo 12 pa nô, phát thanh 20 buổi";
    const first = parseReport(text, SAMPLE_INDICATORS);
    first.values.pano = 99;
    first.unclear.push("thêm");
    const again = parseReport(text, [...SAMPLE_INDICATORS]);
    expect(again.values.pano).toBe(12);
    expect(again.unclear).not.toContain("thêm");
    const panoOnly = parseReport(
      text,
      SAMPLE_INDICATORS.filter((i) => i.code === "pano"),
    );
    expect(Object.keys(panoOnly.values)).toEqual(["pano"]);
    expect(parseReport(text, SAMPLE_INDICATORS)).toEqual(again);
  });
});

describe("names are not misspelt indicators", () => {
  it("reads an officer's signature as a name, and still forgives a typo in an ordinary word", () => {
    expect(
      parseReport("bao cao: da dang 5 tin bai tren trang thong tin, 2 phong su — Phạm Thanh Nam", SAMPLE_INDICATORS)
        .values,
    ).toEqual({ tin_bai: 5, phong_su: 2 });
    expect(parseReport("đã treo 12 pa nô — Lê Thanh Hà, 3 phóng sự", SAMPLE_INDICATORS).values).toEqual({
      pano: 12,
      phong_su: 3,
    });
    expect(parseReport("phat thnah 20 buoi", SAMPLE_INDICATORS).values).toEqual({ phat_thanh: 20 });
    expect(parseReport("PHAT THNAH 20 BUOI", SAMPLE_INDICATORS).values).toEqual({ phat_thanh: 20 });
    expect(parseReport("Phát Thanh 20 buổi", SAMPLE_INDICATORS).values).toEqual({ phat_thanh: 20 });
  });
});

/** Set 33 (200, written the day its rounds began by a writer who never saw the parser; tables, long reports, lookalikes and periods weighted): development. */
describe("real-style report corpus, set 33 (development)", () => {
  it("reads at least 169 of its 200 messages exactly (101 when written, 122 after its first session's rounds, 160 after its second's)", () => {
    const score = scoreCorpus(readFixture("report-corpus-real-33.jsonl"), SAMPLE_INDICATORS);
    expect(score.total).toBe(200);
    expect(score.exact).toBeGreaterThanOrEqual(169);
  });
});

/**
 * Set 35 (200, by a writer who never saw the parser; storms on the central coast, mass organisations and their
 * branches, village heads, teachers and health workers on phones; mixed reports, multipliers and tables weighted):
 * scored as a second fresh measure of the rounds of the day it was written, then development.
 */
describe("real-style report corpus, set 35 (development)", () => {
  it("reads at least 123 of its 200 messages exactly (93 before the rounds of the day it was written, 99 after them)", () => {
    const score = scoreCorpus(readFixture("report-corpus-real-35.jsonl"), SAMPLE_INDICATORS);
    expect(score.total).toBe(200);
    expect(score.exact).toBeGreaterThanOrEqual(123);
  });
});

/**
 * Set 37 (200, by another writer who never saw the parser; Highlands, South-East and Mekong communes on phones,
 * provincial centres and bodies in formal reports, schools, police, border posts and companies; mixed reports and
 * multipliers weighted): scored only as a count while the rounds of the day it was written ran, then development.
 */
describe("real-style report corpus, set 37 (development)", () => {
  it("reads at least 102 of its 200 messages exactly (93 before the rounds of the day it was written)", () => {
    const score = scoreCorpus(readFixture("report-corpus-real-37.jsonl"), SAMPLE_INDICATORS);
    expect(score.total).toBe(200);
    expect(score.exact).toBeGreaterThanOrEqual(102);
  });
});
