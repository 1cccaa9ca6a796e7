import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseReport } from "../../src/core/reports/report-parser.js";
import type { ReportDeps, ReportParser } from "../../src/core/reports/reports.js";
import type { IndicatorDef } from "../../src/core/types.js";
import { type Harness, seedThachBinhOfficer, startHarness } from "../support/harness.js";

// How many times the report parser runs for one officer message handled end to end: classifying
// it, finding its task and recording it share one parse (they used to parse it three to five times).

const thachBinh = { id: -3101, type: "supergroup" as const, title: "Xã Thạch Bình" };
const lan = { id: 501, first_name: "Lan" };

let h: Harness;
const calls: { text: string; indicators: readonly IndicatorDef[] }[] = [];
const counting: ReportParser = (text, indicators) => {
  calls.push({ text, indicators });
  return parseReport(text, indicators);
};

describe("parses per officer message", () => {
  beforeAll(async () => {
    h = await startHarness({ now: "2021-03-10T01:00:00Z" });
    await seedThachBinhOfficer(h, lan, thachBinh);
    // The features read the parser from their deps when a message comes.
    Object.assign(h.app.deps, { parse: counting } satisfies Pick<ReportDeps, "parse">);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it("an ordinary report (not a reply) is parsed once, and recorded", async () => {
    calls.length = 0;
    const text = "Xã Thạch Bình báo cáo: đã treo 12 pa nô, 30 băng rôn khẩu hiệu, theo KH số 15/KH-UBND";
    const [reply] = await h.say(lan, thachBinh, text);
    expect(reply).toContain("Đã ghi nhận báo cáo");
    expect(reply).toContain("• Pa nô: 12 cái");
    const unit = (await h.app.repos.units.findByCode("XA_THACH_BINH"))!;
    const [report] = await h.app.repos.reports.listForUnit(unit.id);
    expect(report.values).toEqual({ pano: 12, bang_ron: 30 });
    expect(report.references.map((r) => r.number)).toEqual(["15/KH-UBND"]);
    // classifyMessage's parse serves the task hint, the cited document and the recorded values.
    expect(calls.map((c) => c.text)).toEqual([text]);
  });

  it("a question is parsed once (its task hint comes from the parse that classified it)", async () => {
    calls.length = 0;
    const [reply] = await h.say(lan, thachBinh, "cho em hỏi hạn báo cáo nv 2 là ngày nào ạ");
    expect(reply).toBeTruthy();
    expect(calls).toHaveLength(1);
  });
});
