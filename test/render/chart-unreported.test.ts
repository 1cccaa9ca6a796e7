import { describe, expect, it } from "vitest";
import type { TaskRollup } from "../../src/core/rollups/rollup-types.js";
import { createTranslator } from "../../src/i18n.js";
import { layoutRollupChart } from "../../src/render/chart.js";
import { seedQuarterTask, TZ } from "./fixture.js";

const vi = createTranslator({ defaultLanguage: "vi" }).t("vi");

/** The seed quarter where no unit stated "to_roi", "Phòng, ban" stated no "hoi_nghi", and one commune stated 0 pa nô. */
function partlyReported(): TaskRollup {
  const task = seedQuarterTask();
  let zero = false;
  task.rows = task.rows.map((row) => {
    const { to_roi: _, ...values } = row.values;
    if (row.group === "Phòng, ban") delete values.hoi_nghi;
    if (!zero && row.group === "Xã, thị trấn" && row.status === "on_time") {
      zero = true;
      return { ...row, values: { ...values, pano: 0 } };
    }
    return { ...row, values };
  });
  // The core's totals start every indicator at 0.
  task.totals = { ...task.totals, to_roi: 0 };
  return task;
}

describe("the chart's figures", () => {
  it("shows — for a total nobody reported and for a group that stated nothing, never 0", () => {
    const task = partlyReported();
    const layout = layoutRollupChart(task, vi, { timezone: TZ });
    expect(layout.indicatorMode).toBe("panels");
    const texts = layout.texts.map((x) => x.text);
    const panel = (label: string) => texts.slice(texts.indexOf(label), texts.indexOf(label) + 3);
    // Label, total, measure: the total of "Tờ rơi" is "—", with no measure after it ("— tờ" reads as a figure).
    expect(panel("Tờ rơi")[1]).toBe("—");
    expect(panel("Tờ rơi")[2]).not.toBe("tờ");
    const groups = task.groups.filter((g) => task.rows.some((r) => r.group === g && r.status === "on_time"));
    // The per-group values come after the total (and the measure, when there is one).
    const bars = (label: string) => {
      const at = texts.indexOf(label) + (texts[texts.indexOf(label) + 1] === "—" ? 2 : 3);
      return texts.slice(at, at + groups.length);
    };
    expect(bars("Tờ rơi").every((v) => v === "—")).toBe(true);
    expect(bars("Hội nghị, tập huấn")[groups.indexOf("Phòng, ban")]).toBe("—");
    expect(bars("Hội nghị, tập huấn")[groups.indexOf("Xã, thị trấn")]).not.toBe("—");
    // A stated 0 is a figure: the pa nô total is a number.
    expect(panel("Pa nô")[1]).toMatch(/^\d/);
  });
});
