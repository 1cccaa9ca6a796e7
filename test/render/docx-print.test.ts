import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { RollupView, TaskRollup } from "../../src/core/rollups/rollup-types.js";
import { createTranslator } from "../../src/i18n.js";
import { balancedLines, RULE_SPACE_AFTER, RULE_SPACE_BEFORE, renderRollupDocx } from "../../src/render/docx.js";
import { planIssuer } from "../../src/render/issuer.js";
import { unzip } from "../support/unzip.js";
import { fixtureView, oneOffTask, quarterlyTask, seedQuarterTask } from "./fixture.js";

const vi = createTranslator({ defaultLanguage: "vi" }).t("vi");

const PARAGRAPH = /<w:p[ >][\s\S]*?<\/w:p>/g;
const textOf = (p: string): string =>
  [...p.replace(/<w:br\/>/g, "<w:t> </w:t>").matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("");
const paragraphs = (xml: string): string[] => [...xml.matchAll(PARAGRAPH)].map((m) => textOf(m[0]));
const paragraphXml = (xml: string, text: string): string => {
  const found = [...xml.matchAll(PARAGRAPH)].find((m) => textOf(m[0]) === text);
  if (!found) throw new Error(`no paragraph "${text}"`);
  return found[0];
};

/** The 2026 sample's plan: a Sở's own plan, its province the parent body. */
function soView(tasks: TaskRollup[]): RollupView {
  return {
    ...fixtureView(tasks),
    plan: {
      number: "45/KH-SVHTTDL",
      date: "2026-01-15",
      title: "Kế hoạch tuyên truyền cải cách hành chính và chuyển đổi số năm 2026",
      issuer: "Sở Văn hóa, Thể thao và Du lịch",
      parentIssuer: "UBND tỉnh Sơn Hà",
      place: "Sơn Hà",
    },
  };
}

async function documentXml(view: RollupView, options: Parameters<typeof renderRollupDocx>[2] = {}): Promise<string> {
  const data = await renderRollupDocx(view, vi, { includePhotos: false, ...options });
  return unzip(data).get("word/document.xml")!.toString("utf8");
}

/** A quarter where nobody stated "ap_phich" and one unit stated pano 0. */
function partlyReported(): TaskRollup {
  const task = quarterlyTask();
  task.rows = task.rows.map((row) => {
    const { ap_phich: _, ...values } = row.values;
    return { ...row, values };
  });
  task.rows[0] = { ...task.rows[0]!, values: { ...task.rows[0]!.values, pano: 0 } };
  task.totals = { pano: 25, ap_phich: 0, tin_bai: 14 };
  task.previous = { ...task.previous!, totals: { pano: 34, tin_bai: 20 } };
  return task;
}

describe("the draft report as printed", () => {
  it("credits the plan to its own issuer and names the plan once", async () => {
    const text = paragraphs(await documentXml(soView([quarterlyTask()])));
    const intro = text.find((p) => p.startsWith("Thực hiện Kế hoạch số"))!;
    expect(intro).toBe(
      "Thực hiện Kế hoạch số 45/KH-SVHTTDL ngày 15/01/2026 của Sở Văn hóa, Thể thao và Du lịch về tuyên truyền cải cách hành chính và chuyển đổi số năm 2026, Sở Văn hóa, Thể thao và Du lịch báo cáo kết quả thực hiện như sau:",
    );
    expect(intro).not.toContain("UBND tỉnh Sơn Hà");
    expect(intro.match(/Kế hoạch/g)).toHaveLength(1);
    // The seed plan "20/KH-UBND", run by the district's Phòng: the plan is the UBND's.
    const seed = paragraphs(await documentXml(fixtureView([quarterlyTask()])));
    expect(seed.find((p) => p.startsWith("Thực hiện"))).toBe(
      "Thực hiện Kế hoạch số 20/KH-UBND ngày 29/01/2021 của UBND huyện Thạch Thành về tuyên truyền cải cách hành chính năm 2021, Phòng Văn hóa và Thông tin báo cáo kết quả thực hiện như sau:",
    );
    // A district office reporting on its district's plan: the plan is the district's.
    const district = paragraphs(
      await documentXml({
        ...fixtureView([quarterlyTask()]),
        plan: { ...fixtureView().plan, issuer: "UBND huyện Thạch Thành" },
      }),
    );
    expect(district.find((p) => p.startsWith("Thực hiện"))).toContain(
      "Kế hoạch số 20/KH-UBND ngày 29/01/2021 của UBND huyện Thạch Thành về tuyên truyền cải cách hành chính năm 2021,",
    );
  });

  it("prints — for a figure nobody reported, in the totals, the comparison and Phụ lục I; a stated 0 stays 0", async () => {
    const xml = await documentXml(soView([partlyReported()]));
    const rows = (table: string) => [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => paragraphs(m[0]));
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => rows(m[0]));
    const totals = tables.find((t) => t[0]?.[1] === "Chỉ tiêu")!;
    expect(totals.find((r) => r[1] === "Áp phích")!.slice(3)).toEqual(["—", "—"]);
    expect(totals.find((r) => r[1] === "Pa nô")!.slice(3)).toEqual(["25", "-9"]);
    const appendix = tables.find((t) => t[0]?.[1] === "Đơn vị")!;
    const apPhich = appendix[0]!.findIndex((h) => h.startsWith("Áp phích"));
    const pano = appendix[0]!.findIndex((h) => h.startsWith("Pa nô"));
    for (const row of appendix.slice(1).filter((r) => r.length > 1)) {
      expect(row[apPhich], row[1]).toBe("—");
      expect(row[apPhich], row[1]).not.toBe("0");
    }
    // Units that did not report: "—" in every figure; the unit that stated 0 pa nô: 0.
    expect(appendix.find((r) => r[1] === "UBND xã Thạch Định")!.slice(4)).toEqual(["—", "—", "—"]);
    expect(appendix.find((r) => r[1] === "UBND xã Thạch Bình")![pano]).toBe("0");
    expect(appendix.find((r) => r[1]?.startsWith("Tổng cộng"))![apPhich]).toBe("—");
  });

  it("lists every task with its heading, kept with the next paragraph and never split", async () => {
    const tasks = [
      seedQuarterTask(),
      oneOffTask(),
      {
        ...oneOffTask(),
        title: "Nhiệm vụ chưa ai báo cáo",
        rows: oneOffTask().rows.map((r) => ({ ...r, status: "missing" as const, submittedAt: undefined })),
        counts: { ...oneOffTask().counts, onTime: 0, late: 0, missing: 5 },
      },
    ];
    const xml = await documentXml(soView(tasks));
    const headings = [
      "I. KẾT QUẢ THỰC HIỆN",
      "1. Báo cáo quý kết quả tuyên truyền cải cách hành chính (Quý I/2021)",
      "2. Xây dựng kế hoạch tuyên truyền CCHC năm 2021",
      "3. Nhiệm vụ chưa ai báo cáo",
      "II. TỒN TẠI, HẠN CHẾ",
      "III. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI",
      "PHỤ LỤC I: SỐ LIỆU CỦA CÁC ĐƠN VỊ",
      "Nhiệm vụ chưa ai báo cáo",
    ];
    for (const heading of headings) {
      const p = paragraphXml(xml, heading);
      expect(p, heading).toContain("<w:keepNext/>");
      expect(p, heading).toContain("<w:keepLines/>");
    }
    const text = paragraphs(xml);
    expect(text[text.indexOf("3. Nhiệm vụ chưa ai báo cáo") + 1]).toBe(
      "- Hạn báo cáo 09/02/2021; chưa có đơn vị báo cáo (0/5 đơn vị).",
    );
    // The closing sentence goes with the signature: it never stands alone on the last page.
    expect(paragraphXml(xml, "Trên đây là báo cáo kết quả thực hiện của Sở Văn hóa, Thể thao và Du lịch./.")).toContain(
      "<w:keepNext/>",
    );
  });

  it("leaves clear space between every rule and the text above and below it", async () => {
    const xml = await documentXml(soView([quarterlyTask()]));
    const rules = [...xml.matchAll(PARAGRAPH)].map((m) => m[0]).filter((p) => p.includes("<w:pBdr>"));
    expect(rules).toHaveLength(3);
    for (const rule of rules) {
      expect(textOf(rule)).toBe("");
      const spacing = /<w:spacing [^>]*\/>/.exec(rule)![0];
      expect(Number(/w:before="(\d+)"/.exec(spacing)![1])).toBeGreaterThanOrEqual(RULE_SPACE_BEFORE);
      expect(Number(/w:after="(\d+)"/.exec(spacing)![1])).toBeGreaterThanOrEqual(RULE_SPACE_AFTER);
    }
    expect(RULE_SPACE_BEFORE).toBeGreaterThanOrEqual(60);
  });

  it("finds the plan's issuer from its number: the office's own code, or its parent's", () => {
    const plan = { issuer: "Sở Văn hóa, Thể thao và Du lịch", parentIssuer: "UBND tỉnh Sơn Hà" };
    expect(planIssuer({ ...plan, number: "45/KH-SVHTTDL" })).toBe("Sở Văn hóa, Thể thao và Du lịch");
    expect(planIssuer({ ...plan, number: "12/KH-UBND" })).toBe("UBND tỉnh Sơn Hà");
    expect(planIssuer({ ...plan, number: "7/KH-UTSH" })).toBe("UBND tỉnh Sơn Hà");
    expect(planIssuer({ ...plan, number: "" })).toBe("Sở Văn hóa, Thể thao và Du lịch");
    expect(planIssuer({ issuer: "", parentIssuer: "UBND huyện X", number: "3/KH-VHTT" })).toBe("UBND huyện X");
    expect(
      planIssuer({
        issuer: "Phòng Văn hóa và Thông tin",
        parentIssuer: "UBND huyện Thạch Thành",
        number: "20/KH-UBND",
      }),
    ).toBe("UBND huyện Thạch Thành");
  });

  it("breaks a long office name before 'và', and a long subject so its last words are not alone", async () => {
    const header = (line: string) => line.length * 26 * 10 * 0.7;
    expect(balancedLines("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", 3670, header)).toEqual([
      "SỞ VĂN HÓA, THỂ THAO",
      "VÀ DU LỊCH",
    ]);
    expect(balancedLines("PHÒNG VĂN HÓA VÀ THÔNG TIN", 3670, header)).toEqual(["PHÒNG VĂN HÓA", "VÀ THÔNG TIN"]);
    expect(balancedLines("UBND XÃ AN PHÚ", 3670, header)).toEqual(["UBND XÃ AN PHÚ"]);
    const xml = await documentXml(soView([quarterlyTask()]));
    expect(xml).toContain('<w:t xml:space="preserve">SỞ VĂN HÓA, THỂ THAO</w:t>');
    expect(paragraphs(xml)).toContain("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH");
  });

  it("takes the office's name from data: no fixed office word in the report's texts", async () => {
    const view = fixtureView([quarterlyTask()]);
    view.plan = { ...view.plan, issuer: "", report: {} };
    const named = paragraphs(await documentXml(view, { orgName: "Sở Nội vụ" }));
    expect(named).toContain("SỞ NỘI VỤ");
    expect(named.some((p) => p.includes("Phòng"))).toBe(false);
    // No name anywhere: the neutral "cơ quan chủ trì", never an office kind.
    const unnamed = paragraphs(await documentXml(view));
    expect(unnamed).toContain("CƠ QUAN CHỦ TRÌ");
    for (const lang of ["vi", "en"]) {
      const texts = JSON.stringify(JSON.parse(readFileSync(`locales/${lang}/render.json`, "utf8")));
      expect(texts, lang).not.toMatch(/Phòng|Sở |UBND|huyện|tỉnh|Văn hóa|Department|Office of/);
    }
  });
});
