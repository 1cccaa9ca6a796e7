// The stages of drafting a plan from its document (src/core/plans/plan-draft/), each on its own.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createWorkingCalendar } from "../../src/core/calendar/working-calendar.js";
import { applyCorrections, parseCorrections, scheduleFromWords } from "../../src/core/plans/plan-draft/corrections.js";
import { findDeadlines } from "../../src/core/plans/plan-draft/deadlines.js";
import { clauses, readBlocks, sentences } from "../../src/core/plans/plan-draft/document-blocks.js";
import { draftPlan } from "../../src/core/plans/plan-draft/draft-plan.js";
import { draftToYaml } from "../../src/core/plans/plan-draft/draft-yaml.js";
import { readHeader } from "../../src/core/plans/plan-draft/header.js";
import { figureLists, formsIn, suggestIndicators } from "../../src/core/plans/plan-draft/indicators.js";
import { isDegraded, ocrKey, ocrWordKey } from "../../src/core/plans/plan-draft/ocr-text.js";
import { createRestorer } from "../../src/core/plans/plan-draft/restore-diacritics.js";
import { describeSchedule, reviewSummary } from "../../src/core/plans/plan-draft/review.js";
import type { KnownUnit } from "../../src/core/plans/plan-draft/types.js";
import { codeFor, createUnitMatcher } from "../../src/core/plans/plan-draft/units.js";
import { upcomingReminders } from "../../src/core/plans/plan-draft/upcoming-reminders.js";
import { parsePlanFile } from "../../src/core/plans/plan-file.js";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { createTranslator } from "../../src/i18n.js";

const t = createTranslator().t("vi");
const SEED = readFileSync("test/fixtures/plan-drafts/thach-thanh-cchc-2021.ocr.txt", "utf8");
const SAMPLE_UNITS: KnownUnit[] = parse(readFileSync("plans/thach-thanh-cchc-2021.yaml", "utf8")).units;
const ctx2026 = { year: 2026, planDate: "2026-01-12", planEnd: "2026-12-31" };

describe("ocr-text: keys that undo OCR's usual errors", () => {
  it("reads digits, ư and Đ as OCR misreads them", () => {
    expect(["S6", "x4", "1a", "chirc", "Tw", "Pé", "Pang", "Iuu", "16p", "B4o", "céc"].map(ocrWordKey)).toEqual([
      "so",
      "xa",
      "la",
      "chuc",
      "tu",
      "de",
      "dang",
      "luu",
      "lop",
      "bao",
      "cac",
    ]);
    // "pa nô" is no Đ; a date or a document number keeps its digits.
    expect(ocrKey("Pano, 10/02/2021, 20/KH-UBND")).toBe("pano 10/02/2021 20/kh-ubnd");
  });

  it("tells a text that lost its diacritics from one that has them", () => {
    expect(isDegraded(SEED)).toBe(true);
    expect(isDegraded(readFileSync("test/fixtures/plan-drafts/xa-dong-son-chuyen-doi-so-2026.txt", "utf8"))).toBe(
      false,
    );
  });
});

describe("restore-diacritics", () => {
  it("puts marks back from phrases and the bot's own names, tolerating OCR errors in long names", () => {
    const r = createRestorer(["Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch", "Thạch Thành"]);
    expect(r.restore("Tuyén truyén cai cach hanh chinh nim 2021")).toBe("Tuyên truyền cải cách hành chính năm 2021");
    expect(r.restore("Trung tim Vin héa, Thong tin, Thé thao va Du lich huyén")).toBe(
      "Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch huyện",
    );
    expect(r.restore("UBND HUYEN THACH THANH")).toBe("UBND HUYỆN THẠCH THÀNH");
    // A plain word that matches a phrase only with an error stays as written ("công" is no "xong").
    expect(r.restore("thuc hién cong tac")).toBe("thực hiện công tác");
  });
});

describe("document-blocks", () => {
  it("finds headings I./1./a)/- (OCR's I11. is III.), joins wrapped lines, and the zones", () => {
    const doc = readBlocks(SEED);
    expect(doc.headerLines.map((l) => l.text)[2]).toBe("S6: 20 /KH-UBND Thach Thanh, ngay 29 thdang 01 nam 2021");
    const tcth = doc.blocks.find((b) => b.text === "TO CHUC THUC HIEN")!;
    expect(tcth.marker).toEqual({ kind: "roman", value: "III" });
    const communes = doc.blocks.find((b) => b.text === "UBND céc x4, thi tran")!;
    expect(communes.parent).toBe(tcth.index);
    const item = doc.blocks.find((b) => b.text.startsWith("Xay dung ké hoach tuy@n"))!;
    expect(item.parent).toBe(communes.index);
    expect(item.text).toContain("Thuc hién xong trudc ngay 10/02/2021. Bao cao két qua");
    expect(doc.blocks.find((b) => b.text.startsWith("Noi nhgn"))!.zone).toBe("recipients");
  });

  it("splits sentences and clauses outside brackets", () => {
    expect(sentences("Xây dựng kế hoạch. Thực hiện xong trước ngày 10/02/2021.")).toEqual([
      "Xây dựng kế hoạch.",
      "Thực hiện xong trước ngày 10/02/2021.",
    ]);
    expect(clauses("báo cáo (số pa nô; số tin, bài) hằng quý; báo cáo năm")).toEqual([
      "báo cáo (số pa nô; số tin, bài) hằng quý",
      "báo cáo năm",
    ]);
  });
});

describe("header", () => {
  it("reads the seed's header from OCR text", () => {
    const h = readHeader(readBlocks(SEED), SEED, createRestorer(["Thạch Thành"]));
    expect({
      number: h.number?.value,
      date: h.date?.value,
      issuer: h.issuer?.value,
      place: h.place?.value,
      title: h.title?.value,
      abbreviation: h.abbreviation?.value,
    }).toEqual({
      number: "20/KH-UBND",
      date: "2021-01-29",
      issuer: "UBND huyện Thạch Thành",
      place: "Thạch Thành",
      title: "Kế hoạch tuyên truyền cải cách hành chính năm 2021",
      abbreviation: "VHTT",
    });
    expect(h.number?.source).toBe("S6: 20 /KH-UBND Thach Thanh, ngay 29 thdang 01 nam 2021");
  });

  it("reads a Sở's header: parent body and office, the office spelled as the body spells it", () => {
    const text = readFileSync("test/fixtures/plan-drafts/so-vhttdl-tuyen-truyen-2026.txt", "utf8");
    const h = readHeader(readBlocks(text), text, null);
    expect([h.parent?.value, h.issuer?.value, h.number?.value, h.place?.value]).toEqual([
      "UBND tỉnh Thanh Hóa",
      "Sở Văn hóa, Thể thao và Du lịch",
      "215/KH-SVHTTDL",
      "Thanh Hóa",
    ]);
  });
});

describe("deadlines", () => {
  const read = (s: string, extra = {}) => findDeadlines(s, { ...ctx2026, ...extra }).map((f) => f.schedule);
  it("one deadline: 'trước ngày D' is D − 1, other words D itself", () => {
    expect(read("Thực hiện xong trudc ngay 10/02/2021.", { year: 2021, planDate: "2021-01-29" })).toEqual([
      { kind: "once", dueDate: "2021-02-09", phrase: "trước ngày 10/02/2021" },
    ]);
    expect(read("hoàn thành chậm nhất ngày 15 tháng 3 năm 2026")).toEqual([
      { kind: "once", dueDate: "2026-03-15", phrase: "chậm nhất ngày 15/03/2026" },
    ]);
    expect(read("hoàn thành trong quý II/2026")[0]).toMatchObject({ dueDate: "2026-06-30" });
    expect(
      read("Báo cáo 6 tháng trước ngày 15/6, báo cáo năm trước ngày 25/11").map((s) =>
        s.kind === "once" ? s.dueDate : "",
      ),
    ).toEqual(["2026-06-14", "2026-11-24"]);
    // Before an hour of the day: that day is the last one.
    expect(read("gửi báo cáo trước 16 giờ ngày 10/3/2026")[0]).toMatchObject({ dueDate: "2026-03-10" });
    expect(read("báo cáo trước 15/6")[0]).toMatchObject({ dueDate: "2026-06-14" });
  });

  it("cycles with their day", () => {
    expect(read("định kỳ hằng quý, trước ngày 15 của tháng cuối quý")[0]).toMatchObject({
      kind: "periodic",
      every: "quarter",
      rule: { type: "day_of_last_month", day: 14 },
    });
    expect(read("hằng tháng trước ngày 05 tháng sau")[0]).toMatchObject({
      kind: "periodic",
      every: "month",
      rule: { type: "days_after_end", days: 4 },
    });
    expect(read("báo cáo kết quả hằng tháng trước ngày 22.")[0]).toMatchObject({
      every: "month",
      rule: { type: "day_of_last_month", day: 21 },
    });
    expect(read("trước ngày 25 hằng tháng")[0]).toMatchObject({ every: "month", rule: { day: 24 } });
  });

  it("dates that are no deadlines, and what cannot be placed", () => {
    expect(read("Căn cứ Quyết định số 4906/QĐ-UBND ngày 29/12/2020 của UBND huyện")).toEqual([]);
    expect(read("Kỷ niệm 96 năm Ngày thành lập Đảng (03/02/1930 - 03/02/2026).")).toEqual([]);
    expect(read("trưng bày sách từ ngày 10/5 đến ngày 25/5/2026")).toEqual([]);
    expect(read("Ngày bầu cử: Chủ nhật, ngày 15 tháng 3 năm 2026.")).toEqual([]);
    expect(read("báo cáo định kỳ hoặc đột xuất theo yêu cầu")).toEqual([
      { kind: "unplaced", why: "no_date", phrase: "định kỳ hoặc đột xuất theo yêu cầu" },
    ]);
    expect(read("báo cáo hằng tuần vào sáng thứ Sáu")[0]).toMatchObject({
      kind: "unplaced",
      why: "cycle_unsupported",
      every: "week",
    });
    expect(read("báo cáo kết quả sau mỗi đợt tuyên truyền")[0]).toMatchObject({ kind: "unplaced", why: "after_event" });
  });

  it("a table's time column: a month, a quarter, a bare date, 'Thường xuyên'", () => {
    const cell = (s: string) => read(s, { table: true })[0];
    expect(cell("Tháng 02/2026")).toMatchObject({ kind: "once", dueDate: "2026-02-28" });
    expect(cell("Quý III/2026")).toMatchObject({ kind: "once", dueDate: "2026-09-30" });
    expect(cell("15/7/2026")).toMatchObject({ kind: "once", dueDate: "2026-07-15" });
    expect(cell("Hằng quý")).toMatchObject({ kind: "unplaced", why: "no_day", every: "quarter" });
    expect(cell("Thường xuyên")).toMatchObject({ kind: "unplaced", why: "ongoing" });
  });
});

describe("units", () => {
  const matcher = createUnitMatcher(SAMPLE_UNITS, ["Thạch Thành"], createRestorer(SAMPLE_UNITS.map((u) => u.name)));
  const targets = (phrase: string) => matcher.resolve(phrase, phrase).map((m) => [m.text, m.targets, m.unmatched]);
  it("groups become the fewest tags that cover them; names match despite OCR and places", () => {
    expect(targets("UBND céc x4, thi tran")).toEqual([["UBND các xã, thị trấn", ["xa"], false]]);
    expect(targets("Cac phong, ban, co quan, don vi trén dia ban huyén")).toEqual([
      ["Các phòng, ban, cơ quan, đơn vị trên địa bàn huyện", ["phong-ban"], false],
    ]);
    expect(targets("Trung tim Vin héa, Thong tin, Thé thao va Du lich huyén")).toEqual([
      ["Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch", ["TT_VHTTTDL"], false],
    ]);
    expect(targets("Pé nghi Uy ban Mt tran té quéc va cac khoi doan thé cap huyén")).toEqual([
      ["Ủy ban MTTQ Việt Nam huyện", ["UB_MTTQ"], false],
      ["các khối đoàn thể cấp huyện", ["doan-the"], false],
    ]);
  });

  it("a name the bot lacks is proposed as a new unit; a group without units stays unmatched", () => {
    const [police] = matcher.resolve("Công an xã", "");
    expect(police).toMatchObject({
      text: "Công an xã",
      targets: ["CONG_AN_XA"],
      unmatched: true,
      proposed: { code: "CONG_AN_XA", name: "Công an xã" },
    });
    expect(matcher.resolve("Các Tổ bầu cử", "")).toEqual([
      { text: "Các Tổ bầu cử", source: "", targets: [], unmatched: true },
    ]);
    expect(codeFor("Trung tâm Văn hóa, Điện ảnh và Triển lãm tỉnh")).toBe("TT_VHDATL_TINH");
  });
});

describe("indicators", () => {
  it("a report's figures in the plan's words, known forms kept", () => {
    expect(
      figureLists("báo cáo số hồ sơ tiếp nhận, số hồ sơ trực tuyến toàn trình và số hồ sơ thanh toán trực tuyến."),
    ).toEqual(["hồ sơ tiếp nhận, số hồ sơ trực tuyến toàn trình và số hồ sơ thanh toán trực tuyến"]);
    expect(figureLists("Căn cứ Kế hoạch số 15/KH-UBND về chuyển đổi số")).toEqual([]);
    const clause =
      "Tổng hợp kết quả (số pa nô, băng rôn, khẩu hiệu; số tin, bài; số buổi phát thanh; số buổi chiếu phim, biểu diễn văn nghệ) báo cáo về Sở";
    const found = suggestIndicators(
      { clause, block: clause, section: [], report: true, recurring: true },
      SAMPLE_INDICATORS,
    );
    expect(found.map((i) => (i.isNew ? i.def.label : i.def.code))).toEqual([
      "pano",
      "bang_ron",
      "tin_bai",
      "phat_thanh",
      "Buổi chiếu phim",
      "Buổi biểu diễn văn nghệ",
    ]);
    expect(found[4].def).toMatchObject({ code: "buoi_chieu_phim", measure: "buổi" });
  });

  it("forms count for recurring work or when counted; a one-off event asks for text", () => {
    expect(formsIn("trực tuyến, thanh toán").length).toBe(0);
    expect(formsIn("phéng su", true).map((h) => h.code)).toEqual(["phong_su"]);
    const once = (clause: string) =>
      suggestIndicators({ clause, block: clause, section: [], report: false, recurring: false }, SAMPLE_INDICATORS).map(
        (i) => i.def.code,
      );
    expect(once("Tổ chức Hội nghị sơ kết 6 tháng")).toEqual([]);
    expect(once("Tổ chức các lớp tập huấn kỹ năng số")).toEqual(["hoi_nghi", "nguoi_tham_du"]);
  });
});

describe("draft, plan file, corrections, review", () => {
  const draft = draftPlan(SEED, { units: SAMPLE_UNITS, indicators: SAMPLE_INDICATORS, today: "2021-01-29" });
  if (!draft.ok) throw new Error("the seed must draft");

  it("the plan file passes the importer's checks; undated tasks are listed in comments only", () => {
    const yaml = draftToYaml(draft.draft, t, { fileName: "seed.txt" });
    const parsed = parsePlanFile(yaml, t);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.file.tasks.map((x) => x.code)).toEqual(["KH20_2021_NV02"]);
    expect(yaml).toContain("#   #1 Báo cáo kết quả triển khai hoạt động thông tin");
    expect(yaml).toContain("# #2 Nguồn: Xay dung ké hoach tuy@n truyén");
  });

  it("corrections: by number, by reply, several lines; wrong ones say why", () => {
    expect(parseCorrections("#2 hạn 15/7\n#3 bỏ")).toEqual([
      { task: 2, field: "deadline", value: "15/7" },
      { task: 3, field: "drop", value: "" },
    ]);
    expect(parseCorrections("hạn hằng quý ngày 15", 3)).toEqual([
      { task: 3, field: "deadline", value: "hằng quý ngày 15" },
    ]);
    expect(parseCorrections("cho em hỏi hạn báo cáo")).toBeNull();
    const { draft: next, outcomes } = applyCorrections(
      draft.draft,
      parseCorrections("#1 hạn 15/7\n#3 bỏ\n#2 đơn vị: UBND các xã, thị trấn\n#2 chỉ tiêu: pa nô, số lớp học\n#9 bỏ")!,
      { units: SAMPLE_UNITS, indicators: SAMPLE_INDICATORS },
    );
    expect(outcomes.map((o) => o.ok || o.error)).toEqual([true, true, true, true, "unknown_task"]);
    expect(next.tasks[0].schedule.value).toEqual({ kind: "once", dueDate: "2021-07-15", phrase: "hạn 15/07/2021" });
    expect(next.tasks[2].dropped).toBe(true);
    expect(next.tasks[1].indicators.map((i) => i.def.code)).toEqual(["pano", "lop_hoc"]);
    expect(scheduleFromWords("hằng quý ngày 15", draft.draft)).toMatchObject({
      kind: "periodic",
      every: "quarter",
      rule: { type: "day_of_last_month", day: 15 },
    });
  });

  it("the review's how-to example names a task the draft can import, not a fixed number", () => {
    const howTo = (d: typeof draft.draft) => reviewSummary(d, t).split("\n").at(-1)!;
    // #1 of the seed has no deadline yet: the first task the draft can import is #2.
    expect(howTo(draft.draft)).toContain("gửi: #2 hạn 15/7 · #2 hạn hằng quý ngày 15 · #2 bỏ");
    const { draft: withoutFirst } = applyCorrections(draft.draft, parseCorrections("#2 bỏ")!, {
      units: SAMPLE_UNITS,
      indicators: SAMPLE_INDICATORS,
    });
    expect(howTo(withoutFirst)).toBe(
      "Chưa có nhiệm vụ nào đủ hạn và đơn vị để nhập. Đề nghị sửa, ví dụ: #1 hạn 15/7 hoặc #1 đơn vị: xa; rồi gửi /xacnhan. Gửi /huyduthao để hủy dự thảo.",
    );
    const { draft: onlyThird } = applyCorrections(withoutFirst, parseCorrections("#1 bỏ")!, {
      units: SAMPLE_UNITS,
      indicators: SAMPLE_INDICATORS,
    });
    expect(howTo(onlyThird)).toContain("ví dụ: #3 hạn 15/7 hoặc #3 đơn vị: xa");
  });

  it("the review's summary and schedules in words", () => {
    expect(reviewSummary(draft.draft, t).split("\n")[0]).toBe(
      "Dự thảo kế hoạch 20/KH-UBND: 3 nhiệm vụ, 27 đơn vị, 0 chưa khớp.",
    );
    expect(
      describeSchedule(
        {
          kind: "periodic",
          every: "quarter",
          rule: { type: "day_of_last_month", day: 15 },
          start: "2021-01-01",
          end: "2021-12-31",
        },
        t,
      ),
    ).toBe("hằng quý, ngày 15 tháng cuối quý, kỳ đầu hạn Thứ Hai, 15/03/2021, đến hết 31/12/2021");
    const daysAfterEnd = (days: number) =>
      ({
        kind: "periodic",
        every: "month",
        rule: { type: "days_after_end", days },
        start: "2021-01-01",
        end: "2021-12-31",
      }) as const;
    const en = createTranslator().t("en");
    expect(describeSchedule(daysAfterEnd(1), en)).toMatch(/^monthly, 1 day after the month ends,/);
    expect(describeSchedule(daysAfterEnd(5), en)).toMatch(/^monthly, 5 days after the month ends,/);
    expect(describeSchedule(daysAfterEnd(5), t)).toMatch(/^hằng tháng, 5 ngày sau khi hết tháng,/);
  });

  it("the next reminders of a confirmed plan", () => {
    const parsed = parsePlanFile(draftToYaml(draft.draft, t), t);
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const next = upcomingReminders(
      parsed.file,
      createWorkingCalendar([]),
      new Date("2021-01-29T00:30:00Z"),
      "Asia/Ho_Chi_Minh",
    );
    expect(next[0]).toMatchObject({ at: new Date("2021-01-29T01:00:00Z"), task: 0, units: 25 });
  });
});
