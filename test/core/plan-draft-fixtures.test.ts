// Plan documents drafted end to end and compared with the drafts expected of them, field by field:
// the seed's OCR text and four plans written for the tests (test/fixtures/plan-drafts), each read
// as text, as a .docx built here (typed numbers and Word's own numbering), and as a PDF with a text
// layer. The seed's draft is also compared with plans/thach-thanh-cchc-2021.yaml, made by hand.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { applyCorrections, parseCorrections } from "../../src/core/plans/plan-draft/corrections.js";
import { draftPlan } from "../../src/core/plans/plan-draft/draft-plan.js";
import {
  type DraftScore,
  type ExpectedDraft,
  planFileDifferences,
  scoreDraft,
} from "../../src/core/plans/plan-draft/draft-score.js";
import { draftToYaml } from "../../src/core/plans/plan-draft/draft-yaml.js";
import { parsePlanFile } from "../../src/core/plans/plan-file.js";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { documentText } from "../../src/documents/document-text.js";
import { createTranslator } from "../../src/i18n.js";
import { planDocx, planPdf } from "../support/plan-documents.js";

const DIR = "test/fixtures/plan-drafts";
const t = createTranslator().t("vi");
const FIXTURES = readdirSync(DIR)
  .filter((f) => f.endsWith(".txt"))
  .sort();

function expectedOf(file: string): ExpectedDraft & { units: ExpectedDraft["known_units"] } {
  const expected = parse(
    readFileSync(path.join(DIR, file.replace(/\.txt$/, ".expected.yaml")), "utf8"),
  ) as ExpectedDraft;
  const units = expected.known_units ?? parse(readFileSync(expected.known_units_from!, "utf8")).units;
  return { ...expected, units };
}

const line = (s: DraftScore) =>
  `tasks ${s.tasks.matched}/${s.tasks.expected} (+${s.extra.length}), deadline ${s.fields.deadline}, cycle ${s.fields.cycle}, targets ${s.fields.targets}, indicators ${s.fields.indicators}, header ${s.header.matched}/${s.header.total}, lead ${s.lead}, unmatched ${s.unmatched.matched}`;

describe("plan documents drafted and compared with the expected drafts", () => {
  const totals = { expected: 0, matched: 0, extra: 0, deadline: 0, cycle: 0, targets: 0, indicators: 0 };
  for (const file of FIXTURES) {
    it(`${file}: as text, .docx, .docx with Word numbering${file.startsWith("phuong") ? "" : " and PDF"}`, async () => {
      const expected = expectedOf(file);
      const text = readFileSync(path.join(DIR, file), "utf8");
      const formats: [string, Uint8Array][] = [
        ["txt", Buffer.from(text)],
        ["docx", await planDocx(text)],
        ["docx-numbered", await planDocx(text, { numbering: true })],
      ];
      // A PDF keeps no table structure: the ward's tasks are in a table, so its PDF is not compared.
      if (!file.startsWith("phuong")) formats.push(["pdf", planPdf(text)]);
      const scores: DraftScore[] = [];
      for (const [format, bytes] of formats) {
        const read = await documentText(bytes);
        expect(read.ok, format).toBe(true);
        if (!read.ok) continue;
        const result = draftPlan(read.text, {
          units: expected.units!,
          indicators: SAMPLE_INDICATORS,
          today: "2026-01-01",
        });
        expect(result.ok, format).toBe(true);
        if (!result.ok) continue;
        const score = scoreDraft(result.draft, expected);
        console.log(`${file} [${format}] ${line(score)}`);
        for (const c of score.comparisons.filter((x) => x.differences.length))
          console.log(`  ${c.expected.title.slice(0, 60)}: ${c.differences.join("; ")}`);
        scores.push(score);
        // Every format reads the same plan: the same score as the text.
        expect(line(score), format).toBe(line(scores[0]));
        // And its plan file passes the importer's checks.
        expect(parsePlanFile(draftToYaml(result.draft, t), t).ok, format).toBe(true);
      }
      const s = scores[0];
      expect(s.tasks.matched).toBe(s.tasks.expected);
      expect(s.extra).toEqual([]);
      expect(s.fields.deadline).toBe(s.tasks.expected);
      expect(s.fields.cycle).toBe(s.tasks.expected);
      expect(s.fields.targets).toBe(s.tasks.expected);
      expect(s.header.differences).toEqual([]);
      expect(s.lead).toBe(true);
      expect(s.unmatched.matched).toBe(true);
      // Indicators are suggestions: at most one task per plan may differ from what a person would ask.
      expect(s.fields.indicators).toBeGreaterThanOrEqual(s.tasks.expected - 1);
      totals.expected += s.tasks.expected;
      totals.matched += s.tasks.matched;
      totals.extra += s.extra.length;
      for (const k of ["deadline", "cycle", "targets", "indicators"] as const) totals[k] += s.fields[k];
    });
  }
  it("totals", () => {
    console.log(
      `All plans: tasks ${totals.matched}/${totals.expected} (+${totals.extra}), deadline ${totals.deadline}, cycle ${totals.cycle}, targets ${totals.targets}, indicators ${totals.indicators}`,
    );
    expect(totals.matched).toBe(totals.expected);
  });
});

describe("held-out plans (test/fixtures/plan-drafts/held-out, written after the drafter)", () => {
  const HELD = path.join(DIR, "held-out");
  for (const file of readdirSync(HELD)
    .filter((f) => f.endsWith(".txt"))
    .sort()) {
    it(file, () => {
      const expected = parse(
        readFileSync(path.join(HELD, file.replace(/\.txt$/, ".expected.yaml")), "utf8"),
      ) as ExpectedDraft;
      const result = draftPlan(readFileSync(path.join(HELD, file), "utf8"), {
        units: expected.known_units!,
        indicators: SAMPLE_INDICATORS,
        today: "2026-01-01",
      });
      if (!result.draft) throw new Error(`${file}: no draft`);
      const s = scoreDraft(result.draft, expected);
      console.log(`held-out ${file}: ${line(s)}`);
      for (const c of s.comparisons.filter((x) => x.differences.length))
        console.log(`  ${c.expected.title.slice(0, 60)}: ${c.differences.join("; ")}`);
      if (s.header.differences.length) console.log(`  header: ${s.header.differences.join("; ")}`);
      // Floors, not targets: what the drafter reads of plans it was not built on, so a change that reads less shows.
      expect(s.tasks.matched).toBe(s.tasks.expected);
      expect(s.extra).toEqual([]);
      expect(s.fields.deadline).toBe(s.tasks.matched);
      expect(s.fields.targets).toBeGreaterThanOrEqual(s.tasks.matched - 1);
      expect(s.fields.indicators).toBeGreaterThanOrEqual(s.tasks.matched - 1);
    });
  }
});

describe("the seed's draft against the sample plan made by hand (plans/thach-thanh-cchc-2021.yaml)", () => {
  const hand = readFileSync("plans/thach-thanh-cchc-2021.yaml", "utf8");
  const reference = parsePlanFile(hand, t);
  if (!reference.ok) throw new Error(reference.errors.join());
  const units = parse(hand).units;
  const seed = readFileSync(path.join(DIR, "thach-thanh-cchc-2021.ocr.txt"), "utf8");
  const result = draftPlan(seed, { units, indicators: SAMPLE_INDICATORS, today: "2021-01-29" });
  if (!result.ok) throw new Error("the seed must draft");

  it("as drafted: the document gives the communes' plan before 10/02/2021; its reports are 'định kỳ hoặc đột xuất', with no date", () => {
    const file = parsePlanFile(draftToYaml(result.draft, t), t);
    if (!file.ok) throw new Error(file.errors.join());
    const differences = planFileDifferences(file.file, reference.file);
    console.log(`Seed draft vs the hand-made plan:\n  ${differences.join("\n  ")}`);
    expect(differences).toEqual([
      // The document's issuer is the district council; the sample names the lead office (both give the same report.office).
      'plan.issuer: "UBND huyện Thạch Thành" ≠ "Phòng Văn hóa và Thông tin"',
      'plan.parentIssuer: "" ≠ "UBND huyện Thạch Thành"',
      // Units no importable task reaches yet (the undated reports would reach them).
      "units missing: [HOI_CCB, HOI_LHPN, HOI_NONG_DAN, HUYEN_DOAN, LDLD, PHONG_GD_DT, PHONG_NOI_VU, PHONG_TC_KH, PHONG_TU_PHAP, UB_MTTQ, VP_HDND_UBND]",
      // The Tết 2021 break is a government decision, not in the document.
      "calendar entries: 0 ≠ 7",
      'task KH_TUYEN_TRUYEN_XA ~ KH20_2021_NV02 title: "Xây dựng kế hoạch tuyên truyền cải cách hành chính của đơn vị" ≠ "Xây dựng kế hoạch tuyên truyền cải cách hành chính năm 2021 của đơn vị"',
      // Both reports say "định kỳ hoặc đột xuất": no cycle in the document, so they wait for the admin.
      'task BC_QUY_CCHC "Báo cáo quý kết quả tuyên truyền cải cách hành chính": no task in the draft',
      'task BC_THANG_TRUNG_TAM "Báo cáo tháng hoạt động thông tin, tuyên truyền CCHC của Trung tâm": no task in the draft',
    ]);
    expect(file.file.plan.report).toMatchObject({
      office: "Phòng Văn hóa và Thông tin",
      parent: "UBND huyện Thạch Thành",
      place: "Thạch Thành",
      abbreviation: "VHTT",
    });
  });

  it("after the admin's three corrections, what remains are wordings and the sample's own additions", () => {
    const corrected = applyCorrections(
      result.draft,
      parseCorrections(
        "#1 hạn hằng tháng ngày 05 tháng sau\n#3 hạn hằng quý ngày 15\n#3 đơn vị: thêm phong-ban, doan-the",
      )!,
      { units, indicators: SAMPLE_INDICATORS },
    );
    expect(corrected.outcomes.every((o) => o.ok)).toBe(true);
    const file = parsePlanFile(draftToYaml(corrected.draft, t), t);
    if (!file.ok) throw new Error(file.errors.join());
    const differences = planFileDifferences(file.file, reference.file);
    console.log(
      `Seed draft after "#1 hạn hằng tháng ngày 05 tháng sau", "#3 hạn hằng quý ngày 15", "#3 đơn vị: thêm phong-ban, doan-the":\n  ${differences.join("\n  ")}`,
    );
    expect(differences.filter((d) => / schedule: | targets: |no task|not in the reference|units /.test(d))).toEqual([]);
  });
});
