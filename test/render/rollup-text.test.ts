import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createWorkingCalendar } from "../../src/core/calendar/working-calendar.js";
import { formatDateTime as formatLocalDateTime } from "../../src/core/format.js";
import { renderEscalation } from "../../src/core/reminders/reminders.js";
import {
  DETAIL_LEVELS,
  LEADER_POST_MAX,
  renderAfterDeadline,
  renderDigest,
  renderTaskBlock,
  splitMessage,
} from "../../src/core/rollups/rollup-text.js";
import { createTranslator } from "../../src/i18n.js";
import { oneOffTask, quarterlyTask, scaleTask, TZ } from "./fixture.js";

const translator = createTranslator({ defaultLanguage: "vi" });
const vi = translator.t("vi");

const calendar = createWorkingCalendar([]);

describe("renderTaskBlock / renderDigest / renderAfterDeadline", () => {
  it("writes one task's block: deadline, X/Y, groups, missing with reminders, late, totals from X/Y", () => {
    const lines = renderTaskBlock(quarterlyTask(), vi, TZ, calendar);
    expect(lines).toEqual([
      "▶ Báo cáo kết quả tuyên truyền CCHC — Quý I/2021",
      "Hạn: Thứ Ba, 16/03/2021 (đã quá hạn 3 ngày)",
      "Đã báo cáo 3/5 đơn vị (đúng hạn 2, muộn 1)",
      "• Xã, thị trấn: 3/5 — đúng hạn 2, muộn 1, chưa báo cáo 2",
      "🔴 Chưa báo cáo sau hạn (2 đơn vị, đã được nhắc):",
      "  UBND xã Thạch Định (đã nhắc 4 lần), UBND xã Thành Tâm (đã nhắc 4 lần)",
      "🟠 Báo cáo muộn (1): UBND xã Thành Vinh",
      "Kết quả (tổng hợp từ 3/5 đơn vị đã báo cáo): Pa nô 37 cái · Áp phích 75 tờ · Tin bài 14 tin",
      "Ảnh minh chứng: 6",
    ]);
    expect(lines.join("\n")).not.toMatch(/[*_<>`]/);
  });

  it("names units that reported without any figure apart, so leaders do not read them as zeros", () => {
    const task = quarterlyTask();
    const late = task.rows.findIndex((r) => r.status === "late");
    task.rows[late] = { ...task.rows[late]!, values: {} };
    const text = renderTaskBlock(task, vi, TZ, calendar).join("\n");
    expect(text).toContain(`🟡 Đã gửi báo cáo nhưng chưa có số liệu (1): ${task.rows[late]!.unitName}`);
    expect(renderTaskBlock(quarterlyTask(), vi, TZ, calendar).join("\n")).not.toContain("🟡");
    // a task without indicators takes a text report as complete
    expect(renderTaskBlock({ ...task, indicators: [] }, vi, TZ, calendar).join("\n")).not.toContain("🟡");
  });

  it("before the deadline paints nobody red and shows units without a chat apart, with what to do", () => {
    const task = quarterlyTask();
    task.asOf = new Date("2021-03-12T03:00:00Z");
    task.rows[3] = { ...task.rows[3]!, status: "not_due" };
    task.rows[4] = { ...task.rows[4]!, status: "unreachable", unreachableReason: "no_chat", reminded: 0 };
    task.counts = { ...task.counts, missing: 0, notDue: 1, unreachable: 1 };
    const text = renderTaskBlock(task, vi, TZ, calendar).join("\n");
    // Calendar days, as every text counts them: Friday 12/03 to Tuesday 16/03.
    expect(text).toContain("Hạn: Thứ Ba, 16/03/2021 (còn 4 ngày)");
    expect(text).toContain("• Xã, thị trấn: 3/5 — đúng hạn 2, muộn 1, chưa đến hạn 1, chưa có người nhận nhắc 1");
    expect(text).not.toContain("🔴");
    expect(text).toContain(
      "⚪ Chưa có người nhận nhắc (1 đơn vị, tính riêng, không coi là chậm):\n  UBND xã Thành Tâm",
    );
    expect(text).toContain("quản trị viên gõ /moi xa (mỗi lệnh cấp mã đăng ký cho mọi đơn vị có thẻ đó)");
  });

  it("the digest is one message: every task that matters, then one line for the rest", () => {
    const text = renderDigest(
      {
        tasks: [quarterlyTask()],
        upcoming: [{ title: "Báo cáo tháng", periodLabel: "Tháng 4/2021", dueAt: new Date("2021-05-05T16:59:00Z") }],
        asOf: new Date("2021-03-19T09:00:00Z"),
        planNumber: "20/KH-UBND",
      },
      vi,
      TZ,
      calendar,
    );
    const lines = text.split("\n");
    expect(lines.slice(0, 2)).toEqual([
      "📊 TỔNG HỢP TÌNH HÌNH BÁO CÁO",
      "Kế hoạch số 20/KH-UBND · số liệu lúc 19/03/2021 16:00",
    ]);
    expect(lines.at(-1)).toBe("Sắp tới: Báo cáo tháng (Tháng 4/2021), hạn 05/05/2021");
    expect(renderAfterDeadline(oneOffTask(), vi, TZ, calendar).split("\n")[0]).toBe(
      "📌 KẾT QUẢ SAU HẠN BÁO CÁO (số liệu lúc 17/02/2021 09:00)",
    );
  });

  it("speaks English from the en locale", () => {
    const text = renderTaskBlock(quarterlyTask(), translator.t("en"), TZ, calendar).join("\n");
    expect(text).toContain("Reported 3/5 units (on time 2, late 1)");
    expect(text).toContain("Results (from 3/5 units that reported): Pa nô 37 cái");
  });

  it("formats instants in the configured time zone", () => {
    expect(formatLocalDateTime(new Date("2021-03-14T23:30:00Z"), TZ)).toBe("15/03/2021 06:30");
    expect(formatLocalDateTime(new Date("2021-03-14T17:00:00Z"), TZ)).toBe("15/03/2021 00:00");
  });
});

describe("rollup texts at the country's scale (3,321 communes in 34 groups)", () => {
  const asOf = new Date("2021-03-19T09:00:00Z");
  const unitsNamed = (text: string) => text.match(/UBND xã Thử Nghiệm \d+/g)?.length ?? 0;
  /** Names on each line that lists units, at most. */
  const mostNamesOnALine = (text: string) => Math.max(...text.split("\n").map(unitsNamed));

  it.each([4096, 2000])(
    "the digest is one screen within %i characters: the overdue period on one line, the first few named",
    (limit) => {
      const text = renderDigest(
        { tasks: [scaleTask()], upcoming: [], asOf, planNumber: "20/KH-UBND" },
        vi,
        TZ,
        calendar,
        limit,
      );
      expect(text.length).toBeLessThanOrEqual(LEADER_POST_MAX);
      expect(splitMessage(text, limit)).toHaveLength(1);
      // Missing and nobody to remind, per group over the units expected, the rest of the groups added up.
      expect(text).toMatch(
        /• #1 Báo cáo kết quả tuyên truyền CCHC — Quý I\/2021 — đã quá hạn 3 ngày: Tỉnh số 1 28\/84 · .* chưa báo cáo/,
      );
      expect(text).toMatch(/\d+ nhóm khác \d+\/\d+ chưa báo cáo/);
      // Named the first time: at most a few names, the rest counted.
      expect(text).toMatch(
        /Lần đầu quá hạn \(948 đơn vị\): (UBND xã Thử Nghiệm \d+, )*UBND xã Thử Nghiệm \d+ và \d+ đơn vị khác/,
      );
      expect(mostNamesOnALine(text)).toBeLessThanOrEqual(5);
      expect(text).toContain("/tinhhinh #1");
    },
  );

  it("a task's block and the after-deadline post cap their lists at any limit", () => {
    expect(mostNamesOnALine(renderTaskBlock(scaleTask(), vi, TZ, calendar).join("\n"))).toBeLessThanOrEqual(
      DETAIL_LEVELS[0]!.names,
    );
    const after = renderAfterDeadline(scaleTask(), vi, TZ, calendar, 4096);
    expect(after.length).toBeLessThanOrEqual(LEADER_POST_MAX);
    expect(after).toContain("Đã báo cáo 1899/2847 đơn vị (đúng hạn 1424, muộn 475)");
    expect(after).toContain("🔴 Chưa báo cáo sau hạn (474 đơn vị, đã được nhắc):");
    expect(after).toMatch(/nhóm đơn vị còn lại: \d+ đơn vị \(danh sách đầy đủ trong tệp Excel, gửi \/xuat\)/);
  });

  it("with more tasks than one screen holds, every overdue period keeps its line; blocks ahead are counted", () => {
    const tasks = Array.from({ length: 12 }, (_, i) => ({
      ...scaleTask(),
      taskId: i + 1,
      title: `Nhiệm vụ số ${i + 1}`,
    }));
    const ahead = Array.from({ length: 3 }, (_, i) => ({
      ...scaleTask(),
      taskId: 20 + i,
      title: `Báo cáo tháng ${i + 1}`,
      dueAt: new Date("2021-03-25T16:59:00Z"),
    }));
    const upcoming = Array.from({ length: 9 }, (_, i) => ({
      title: `Báo cáo ${i + 1}`,
      periodLabel: "",
      dueAt: new Date("2021-05-05T16:59:00Z"),
    }));
    for (const limit of [4096, 2000]) {
      const text = renderDigest({ tasks: [...ahead, ...tasks], upcoming, asOf }, vi, TZ, calendar, limit);
      expect(text.length).toBeLessThanOrEqual(LEADER_POST_MAX);
      for (let i = 1; i <= 12; i++) expect(text).toContain(`• #${i} Nhiệm vụ số ${i} — Quý I/2021 — đã quá hạn 3 ngày`);
      // The three blocks ahead give way to the overdue lines; what is coming up is left out last.
      expect(text).toContain("Còn 3 nhiệm vụ sắp đến hạn: gửi /tinhhinh.");
      expect(text).toContain("Danh sách đầy đủ: /tinhhinh kèm số nhiệm vụ (ví dụ /tinhhinh #1), /xuat.");
    }
  });

  it("the after-deadline post and the escalation are one message too", () => {
    const task = scaleTask();
    for (const limit of [4096, 2000])
      expect(renderAfterDeadline(task, vi, TZ, calendar, limit).length).toBeLessThanOrEqual(limit);
    const escalation = renderEscalation(task, vi, TZ);
    expect(escalation.length).toBeLessThanOrEqual(LEADER_POST_MAX);
    expect(mostNamesOnALine(escalation)).toBeLessThanOrEqual(DETAIL_LEVELS[0]!.names);
  });

  it("the English texts say what was left out", () => {
    const text = renderDigest({ tasks: [scaleTask()], upcoming: [], asOf }, translator.t("en"), TZ, calendar, 2000);
    expect(text.length).toBeLessThanOrEqual(LEADER_POST_MAX);
    expect(text).toMatch(/Overdue for the first time \(948 units\): .* and \d+ more units/);
    const after = renderAfterDeadline(scaleTask(), translator.t("en"), TZ, calendar, 4096);
    expect(after).toMatch(/other unit groups: \d+ units \(the full list is in the workbook: send \/xuat\)/);
  });
});

describe("splitMessage", () => {
  const stripNewlines = (s: string) => s.replace(/\n/g, "");

  it("returns short text whole", () => {
    expect(splitMessage("Đã báo cáo 3/5", 100)).toEqual(["Đã báo cáo 3/5"]);
  });

  it("splits at line boundaries within the limit and keeps every line", () => {
    const text = renderTaskBlock(quarterlyTask(), vi, TZ, calendar).join("\n");
    for (const limit of [60, 120, 300]) {
      const parts = splitMessage(text, limit);
      expect(parts.length).toBeGreaterThan(1);
      for (const p of parts) expect(p.length).toBeLessThanOrEqual(limit);
      // Every line fits, so only whole lines move and the parts rejoin with the dropped newlines.
      if (text.split("\n").every((l) => l.length <= limit)) expect(parts.join("\n")).toBe(text);
      expect(stripNewlines(parts.join(""))).toBe(stripNewlines(text));
    }
  });

  it("falls back to spaces, then a hard cut, for an over-long line", () => {
    const words = Array.from({ length: 40 }, (_, i) => `từ${i}`).join(" ");
    const parts = splitMessage(`đầu\n${words}\ncuối`, 25);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(25);
    expect(stripNewlines(parts.join(""))).toBe(stripNewlines(`đầu\n${words}\ncuối`));
    // Word splits end at a space, so no word is cut.
    for (const p of parts.slice(1, -1)) expect(p.endsWith(" ") || !p.includes(" ")).toBe(true);

    const long = "Đ".repeat(23) + "😀" + "x".repeat(10);
    const hard = splitMessage(long, 24);
    expect(hard.join("")).toBe(long);
    for (const p of hard) expect(p.length).toBeLessThanOrEqual(24);
    expect(hard[0]).toBe("Đ".repeat(23)); // the emoji's surrogate pair is not torn apart
  });

  it("rejects a useless limit", () => {
    expect(() => splitMessage("abc", 0)).toThrow(RangeError);
  });
});

describe("locales", () => {
  const keys = (obj: Record<string, unknown>, prefix = ""): string[] =>
    Object.entries(obj).flatMap(([k, v]) =>
      v && typeof v === "object" ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
    );
  it.each(["render", "rollup"])("%s.json has the same keys in vi and en", (ns) => {
    const load = (lng: string) =>
      JSON.parse(readFileSync(new URL(`../../locales/${lng}/${ns}.json`, import.meta.url), "utf8"));
    // English plural forms (key_one, key_other) are one key, as in Vietnamese.
    const base = (list: string[]) => [...new Set(list.map((k) => k.replace(/_(one|other)$/, "")))].sort();
    expect(base(keys(load("en")))).toEqual(base(keys(load("vi"))));
  });
});
