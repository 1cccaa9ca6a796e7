import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { RollupView, TaskRollup } from "../../src/core/rollups/rollup-types.js";
import type { IndicatorDef } from "../../src/core/types.js";
import { createTranslator } from "../../src/i18n.js";
import { renderRollupXlsx, sheetName } from "../../src/render/xlsx.js";
import { unzip } from "../support/unzip.js";
import { fixtureView, oneOffTask, quarterlyTask, scaleTask, seedQuarterTask } from "./fixture.js";

const vi = createTranslator({ defaultLanguage: "vi" }).t("vi");

/** The sheets' XML by name, and workbook.xml. */
function parts(data: Uint8Array): { sheets: Map<string, string>; workbook: string } {
  const zip = unzip(data);
  const workbook = zip.get("xl/workbook.xml")!.toString("utf8");
  const rels = zip.get("xl/_rels/workbook.xml.rels")!.toString("utf8");
  const sheets = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
    sheets.set(m[1]!.replace(/&amp;/g, "&"), zip.get(`xl/${target}`)!.toString("utf8"));
  }
  return { sheets, workbook };
}

const widthsOf = (xml: string): number[] =>
  [...xml.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)].map((m) => Number(m[3]));

/**
 * The body text's printed size, from the sheet's own XML: A4 landscape is 11.69", less the side
 * margins; a column of width w is w digits of Calibri 11 (7.43 px at 96 dpi in LibreOffice, 7 px in
 * Excel: the larger is taken). Fit to width scales by whole percents, rounded down.
 */
function printedPoints(xml: string): number {
  const setup = /<pageSetup [^>]*\/>/.exec(xml)![0];
  expect(setup).toContain('paperSize="9"');
  expect(setup).toContain('orientation="landscape"');
  const margins = /<pageMargins left="([\d.]+)" right="([\d.]+)"/.exec(xml)!;
  const printable = Math.floor((11.69 - Number(margins[1]) - Number(margins[2])) * 96);
  const digit = (1038 / 2048) * 11 * (96 / 72);
  const total = widthsOf(xml).reduce((sum, w) => sum + w * digit, 0);
  if (setup.includes('fitToWidth="1"')) {
    expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
    return 11 * Math.min(1, Math.floor((100 * printable) / total) / 100);
  }
  expect(xml).toContain('<pageSetUpPr fitToPage="0"/>');
  return (11 * Number(/scale="(\d+)"/.exec(setup)![1])) / 100;
}

const indicator = (i: number): IndicatorDef => ({
  code: `chi_tieu_${i}`,
  label: `Chỉ tiêu thử số ${i}`,
  measure: "lượt",
  synonyms: [],
});

/** A task asking for `n` indicators, each unit reporting some of them. */
function wideTask(n: number, title = "Báo cáo tháng hoạt động thông tin, tuyên truyền của các đơn vị"): TaskRollup {
  const base = seedQuarterTask();
  const indicators = Array.from({ length: n }, (_, i) => indicator(i + 1));
  return {
    ...base,
    title,
    indicators,
    rows: base.rows.map((row, r) => ({
      ...row,
      values:
        row.status === "on_time" || row.status === "late"
          ? Object.fromEntries(indicators.filter((_, i) => (i + r) % 3 !== 0).map((ind, i) => [ind.code, 10 + i]))
          : {},
    })),
    totals: Object.fromEntries(indicators.map((ind) => [ind.code, 0])),
  };
}

describe("the workbook as printed", () => {
  it("keeps the summary to at most 12 columns, however many indicators the tasks ask for", async () => {
    const view = fixtureView([wideTask(12), seedQuarterTask(), quarterlyTask(), oneOffTask()]);
    const { sheets } = parts(await renderRollupXlsx(view, vi));
    const summary = sheets.get("Tổng hợp")!;
    expect(widthsOf(summary).length).toBeLessThanOrEqual(12);
    const header = /<row r="4"[^>]*>([\s\S]*?)<\/row>/.exec(summary)![1]!;
    expect(header.match(/<c /g)!.length).toBeLessThanOrEqual(12);
    expect(printedPoints(summary)).toBe(11);
  });

  it("prints every sheet's text at 9 pt or more: fitted to the page where that holds, else on pages side by side", async () => {
    const view = fixtureView([seedQuarterTask(), wideTask(7), wideTask(20, "Hai mươi chỉ tiêu"), oneOffTask()]);
    const { sheets, workbook } = parts(await renderRollupXlsx(view, vi));
    const sizes = new Map([...sheets].map(([name, xml]) => [name, printedPoints(xml)]));
    for (const [name, points] of sizes) expect(points, name).toBeGreaterThanOrEqual(9);
    // The seed's nine indicators still fit one page wide (at 9 pt or more).
    expect(sheets.get("Báo cáo quý kết quả Quý I-2021")!).toContain('fitToWidth="1"');
    // Twenty cannot: printed at 82 %, unit names and the header row on every page, the title in the page header.
    const wide = sheets.get("Hai mươi chỉ tiêu Quý I-2021")!;
    expect(wide).toContain('scale="82"');
    expect(wide).toContain('pageOrder="overThenDown"');
    expect(wide).toContain("<oddHeader>");
    expect(wide).toContain("Hai mươi chỉ tiêu — Quý I/2021</oddHeader>");
    const names = [...sheets.keys()];
    const wideIndex = names.indexOf("Hai mươi chỉ tiêu Quý I-2021");
    const defined = (kind: string, i: number) =>
      new RegExp(`<definedName name="_xlnm.${kind}" localSheetId="${i}">([^<]+)<`).exec(workbook)?.[1];
    expect(defined("Print_Titles", wideIndex)).toMatch(/!\$A:\$B,.*!\$4:\$4$/);
    expect(defined("Print_Area", wideIndex)).toMatch(/!\$A\$4:\$[A-Z]+\$\d+$/);
    expect(defined("Print_Area", 0)).toBeUndefined();
  });

  it("gives rows the height of their wrapped text", async () => {
    const task = seedQuarterTask();
    const long = "Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch huyện Thạch Thành (cơ sở hai)";
    task.rows[0] = { ...task.rows[0]!, unitName: long };
    const title =
      "Báo cáo quý kết quả tuyên truyền cải cách hành chính, chuyển đổi số và xây dựng chính quyền số của các xã, thị trấn";
    task.title = title;
    const { sheets } = parts(await renderRollupXlsx(fixtureView([task]), vi));
    const xml = [...sheets.values()][1]!;
    const widths = widthsOf(xml);
    const height = (r: number) => Number(new RegExp(`<row r="${r}"(?: ht="([\\d.]+)")?`).exec(xml)![1] ?? 15);
    // The unit's name in column B: at least as many 15-point lines as it needs at a digit's width a letter.
    const linesB = Math.ceil(long.length / (widths[1]! - 1));
    expect(linesB).toBeGreaterThan(1);
    expect(height(5)).toBeGreaterThanOrEqual(15 * linesB);
    // The title (14 pt bold) over the table's width.
    const tableWidth = widths.reduce((a, b) => a + b, 0);
    const titleLines = Math.ceil((`${title} — Quý I/2021`.length * 14) / 11 / tableWidth);
    expect(height(1)).toBeGreaterThanOrEqual(19 * titleLines);
    // The header row wraps its words: "Chưa có người nhận nhắc"-like headers take several lines.
    expect(height(4)).toBeGreaterThan(15);
    // Title rows wrap (style with wrapText), so their text stays inside the table.
    const styles = unzip(await renderRollupXlsx(fixtureView([task]), vi))
      .get("xl/styles.xml")!
      .toString("utf8");
    const xfs = [...styles.slice(styles.indexOf("<cellXfs")).matchAll(/<xf [\s\S]*?(?:\/>|<\/xf>)/g)].map((m) => m[0]);
    expect(xfs[1]).toContain('wrapText="1"');
    expect(xfs[2]).toContain('wrapText="1"');
  });

  it("writes — for a figure nobody reported, never 0; a stated 0 stays 0", async () => {
    const task = quarterlyTask();
    // Nobody stated áp phích; Thạch Bình stated 0 pa nô.
    task.rows = task.rows.map((row) => {
      const { ap_phich: _, ...values } = row.values;
      return { ...row, values };
    });
    task.rows[0] = { ...task.rows[0]!, values: { ...task.rows[0]!.values, pano: 0 } };
    task.totals = { pano: 25, ap_phich: 0, tin_bai: 14 };
    const data = await renderRollupXlsx(fixtureView([task]), vi);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[1]!;
    const header = (sheet.getRow(4).values as unknown[]).slice(1) as string[];
    const column = (label: string) => header.findIndex((h) => h?.startsWith(label)) + 1;
    const [pano, apPhich, tinBai] = [column("Pa nô"), column("Áp phích"), column("Tin bài")];
    task.rows.forEach((row, i) => {
      const r = sheet.getRow(5 + i);
      const reported = row.status === "on_time" || row.status === "late";
      for (const [c, code] of [
        [pano, "pano"],
        [apPhich, "ap_phich"],
        [tinBai, "tin_bai"],
      ] as const) {
        const stated = reported ? row.values[code] : undefined;
        expect(r.getCell(c).value, `${row.unitName} ${code}`).toBe(stated ?? "—");
      }
    });
    expect(sheet.getRow(5).getCell(pano).value).toBe(0);
    const total = sheet.getRow(5 + task.rows.length);
    // "—" until a figure is typed in the column, then its sum.
    expect(total.getCell(apPhich).value).toEqual({ formula: 'IF(COUNT(H5:H9)=0,"—",SUM(H5:H9))', result: "—" });
    expect(total.getCell(pano).value).toMatchObject({ result: 25 });
    // No cell anywhere holds 0 where nothing was stated: the only zeros are Thạch Bình's pa nô and photo counts.
    const photos = column("Số ảnh");
    sheet.eachRow((r, n) => {
      if (n < 5) return;
      r.eachCell((cell, c) => {
        const v = cell.value as unknown;
        const value = v !== null && typeof v === "object" && "result" in v ? (v as { result: unknown }).result : v;
        if (value === 0) expect([n, c === photos ? "photos" : c]).toEqual(c === photos ? [n, "photos"] : [5, pano]);
      });
    });
  });

  it("cuts sheet names after a whole word, not on 'và' or 'của', within 31 characters", () => {
    const taken = new Set<string>();
    const title = "Báo cáo kết quả tuyên truyền cải cách hành chính và chuyển đổi số của xã, phường";
    for (const period of ["", "Quý I/2026", "Tháng 12/2026"]) {
      const name = sheetName(title, period, taken);
      expect(name.length).toBeLessThanOrEqual(31);
      const head = period ? name.slice(0, name.lastIndexOf(period.replace("/", "-")) - 1) : name;
      const words = head.split(" ");
      // Whole words of the title, from its start.
      expect(title.startsWith(head)).toBe(true);
      expect(title.split(" ").slice(0, words.length)).toEqual(words);
      expect(["và", "của", "các"]).not.toContain(words.at(-1));
    }
    // "Tổ chức hội nghị tập huấn và" fits, but does not end on "và".
    expect(sheetName("Tổ chức hội nghị tập huấn và kiểm tra đánh giá", "", new Set())).toBe(
      "Tổ chức hội nghị tập huấn",
    );
    // Nor inside a two-syllable word: "kết quả" stays whole or goes.
    expect(sheetName("Báo cáo tháng kết quả tuyên truyền", "Tháng 2/2021", new Set())).toBe(
      "Báo cáo tháng Tháng 2-2021",
    );
    expect(sheetName("Tuyên truyền cải cách hành chính năm 2026", "Quý I/2026", new Set())).toBe(
      "Tuyên truyền Quý I-2026",
    );
    // A title typed with combining marks (NFD) is cut as whole letters, in NFC.
    const nfd = "Quảnlýnhànướcvềvănhóathểthaodulịch".normalize("NFD");
    const cut = sheetName(nfd, "", new Set());
    expect(cut).toBe(cut.normalize("NFC"));
    expect(cut.length).toBeLessThanOrEqual(31);
    expect("Quảnlýnhànướcvềvănhóathểthaodulịch".startsWith(cut)).toBe(true);
  });

  it("names the plan's own issuer on the plan line", async () => {
    const line = async (plan: Partial<RollupView["plan"]>) => {
      const view = fixtureView([quarterlyTask()]);
      view.plan = { ...view.plan, ...plan };
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await renderRollupXlsx(view, vi)) as unknown as ArrayBuffer);
      return wb.worksheets[0]!.getCell("A2").value as string;
    };
    // The Sở's own plan, not its province's.
    const so = await line({
      number: "45/KH-SVHTTDL",
      date: "2026-01-15",
      issuer: "Sở Văn hóa, Thể thao và Du lịch",
      parentIssuer: "UBND tỉnh Sơn Hà",
    });
    expect(so).toContain("Kế hoạch số 45/KH-SVHTTDL ngày 15/01/2026 của Sở Văn hóa, Thể thao và Du lịch");
    expect(so).not.toContain("UBND tỉnh Sơn Hà");
    // A "KH-UBND" plan is its People's Committee's, run by the office.
    expect(await line({})).toContain("Kế hoạch số 20/KH-UBND ngày 29/01/2021 của UBND huyện Thạch Thành");
  });

  it("still writes 3,321 units' rows with their heights and a print setup", async () => {
    const { sheets } = parts(await renderRollupXlsx(fixtureView([scaleTask()]), vi));
    const xml = [...sheets.values()][1]!;
    expect(xml.match(/<row r="/g)).toHaveLength(3 + 3321 + 1);
    expect(printedPoints(xml)).toBeGreaterThanOrEqual(9);
  });
});
