import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDateOf, localTimeOf } from "../../src/core/calendar/time.js";
import { eachDatabase } from "../support/databases.js";
import { ADMIN, type Harness, startHarness } from "../support/harness.js";

const TZ = "Asia/Ho_Chi_Minh";
const adminChat = { id: ADMIN.id, type: "private" as const };
const thachBinh = { id: -2001, type: "supergroup" as const, title: "Xã Thạch Bình" };
const thanhVinh = { id: -2002, type: "supergroup" as const, title: "Xã Thành Vinh" };
const rollup = { id: -2009, type: "supergroup" as const, title: "Phòng VHTT" };
const lan = { id: 301, first_name: "Lan" };
const minh = { id: 302, first_name: "Minh" };

const EXPECTED_THACH_BINH = [
  "2021-01-29 08:00 before",
  "2021-02-04 08:00 before",
  "2021-02-08 08:00 before",
  "2021-02-09 08:00 due_day",
  "2021-02-17 08:00 overdue",
  "2021-02-19 08:00 overdue",
];

describe("reminders for the seed's own case (deadline 'trước ngày 10/02/2021', Tết break 10–16/02)", () => {
  it("reminders:plan prints exactly the planned reminders", () => {
    const out = execFileSync(
      "npx",
      [
        "tsx",
        "src/cli/reminders-plan.ts",
        "--plan",
        "plans/thach-thanh-cchc-2021.yaml",
        "--from",
        "2021-01-25",
        "--to",
        "2021-02-28",
      ],
      {
        encoding: "utf8",
        env: { ...process.env, DATA_DIR: "/nonexistent-don-doc", TIMEZONE: TZ },
      },
    );
    const lines = out
      .trim()
      .split("\n")
      .filter((l) => l.includes(" XA_THACH_BINH "));
    expect(lines).toEqual([
      ...EXPECTED_THACH_BINH.map((l) => l.replace(/ (\w+)$/, " XA_THACH_BINH KH_TUYEN_TRUYEN_XA $1")),
      "2021-02-22 08:00 XA_THACH_BINH KH_TUYEN_TRUYEN_XA escalation",
    ]);
    expect(out).not.toMatch(/2021-02-1[0-6]/);
  });

  eachDatabase("through the running bot with a fake clock", ({ fresh }) => {
    let h: Harness;
    const log: { at: string; chat: number; text: string }[] = [];

    beforeAll(async () => {
      h = await startHarness({ now: "2021-01-27T03:00:00Z", env: { DATABASE_URL: await fresh() } });
      const yaml = readFileSync("plans/thach-thanh-cchc-2021.yaml");
      await h.say(ADMIN, adminChat, "", {
        caption: "/nhapkehoach",
        document: { data: yaml, file_name: "plan.yaml", mime_type: "text/yaml" },
      });
      for (const [unit, chat, officer] of [
        ["XA_THACH_BINH", thachBinh, lan],
        ["XA_THANH_VINH", thanhVinh, minh],
      ] as const) {
        const [invite] = await h.say(ADMIN, adminChat, `/moi ${unit}`);
        const code = /: ([2-9A-Z]{8})\n/.exec(invite)![1];
        await h.say(officer, chat, `/dangky ${code}`);
      }
      await h.say(ADMIN, rollup, "/nhomtonghop");
      // Walk the clock hour by hour through office hours, as the scheduler's timers would.
      const seen = new Set(h.fake.sent().map((s) => s.message_id + ":" + s.chat_id));
      for (let t = Date.parse("2021-01-27T04:00:00Z"); t <= Date.parse("2021-02-23T10:00:00Z"); t += 3_600_000) {
        h.clock.set(new Date(t));
        if (t === Date.parse("2021-02-05T03:00:00Z")) {
          // Thành Vinh reports on 05/02: it must not be reminded again nor escalated.
          const [a] = (
            await h.app.repos.assignments.listOpenForUnit((await h.app.repos.units.findByCode("XA_THANH_VINH"))!.id)
          ).filter((x) => x.task.code === "KH_TUYEN_TRUYEN_XA");
          await h.app.repos.assignments.setStatus(a.id, "submitted", new Date(t));
        }
        await h.app.scheduler.tick();
        for (const s of h.fake.sent()) {
          const key = s.message_id + ":" + s.chat_id;
          if (seen.has(key)) continue;
          seen.add(key);
          log.push({
            at: `${localDateOf(new Date(t), TZ)} ${localTimeOf(new Date(t), TZ)}`,
            chat: s.chat_id,
            text: s.text ?? "",
          });
        }
      }
    }, 120_000);
    afterAll(async () => {
      await h?.close();
    });

    const kindOf = (text: string) =>
      text.startsWith("⏰") ? "overdue" : text.includes("(hôm nay là hạn cuối)") ? "due_day" : "before";

    it("reminds Thạch Bình at 08:00 on the planned working days, never during Tết", () => {
      const reminders = log.filter((l) => l.chat === thachBinh.id && l.text.includes("Xây dựng kế hoạch tuyên truyền"));
      expect(reminders.map((r) => `${r.at} ${kindOf(r.text)}`)).toEqual(EXPECTED_THACH_BINH);
    });

    it("names the plan, the task, the deadline with weekday, days left, and how to answer", () => {
      const first = log.find((l) => l.chat === thachBinh.id && l.at === "2021-01-29 08:00")!.text;
      expect(first).toContain("Kế hoạch số 20/KH-UBND ngày 29/01/2021");
      expect(first).toContain("Xây dựng kế hoạch tuyên truyền cải cách hành chính năm 2021 của đơn vị");
      expect(first).toContain("Hạn: Thứ Ba, 09/02/2021 (còn 11 ngày)");
      expect(first).toContain("Trả lời tin nhắn này để báo cáo");
      const overdue = log.find((l) => l.chat === thachBinh.id && l.at === "2021-02-17 08:00")!.text;
      expect(overdue).toContain("đã quá hạn 8 ngày");
    });

    it("stops reminding a unit once it has reported", () => {
      const afterReport = log.filter(
        (l) => l.chat === thanhVinh.id && l.at > "2021-02-05" && l.text.includes("Xây dựng kế hoạch"),
      );
      expect(afterReport).toEqual([]);
      expect(log.filter((l) => l.chat === thanhVinh.id && l.at < "2021-02-05").length).toBe(2);
    });

    it("escalates the missing units to the rollup group on Mon 22/02 at 08:00, once", () => {
      const escalations = log.filter((l) => l.chat === rollup.id && l.text.startsWith("⚠️"));
      expect(escalations.map((e) => e.at)).toEqual(["2021-02-22 08:00"]);
      // It says exactly what happened: who was reminded how often, and who never could be.
      expect(escalations[0].text).toContain(
        "⚠️ Cảnh báo quá hạn: Xây dựng kế hoạch tuyên truyền cải cách hành chính năm 2021 của đơn vị, hạn Thứ Ba, 09/02/2021. Đã báo cáo 1/25 đơn vị.",
      );
      // The post after the deadline (17/02) named them and said what to do; the escalation counts them.
      const after = log.find((l) => l.chat === rollup.id && l.text.startsWith("📌"))!;
      expect(after.at).toBe("2021-02-17 09:00");
      expect(after.text).toContain(
        "🔴 Chưa báo cáo sau hạn (1 đơn vị, đã được nhắc):\n  UBND xã Thạch Bình (đã nhắc 5 lần)",
      );
      expect(after.text).toContain("/moi xa");
      expect(escalations[0].text).toContain(
        "🔴 Chưa báo cáo sau hạn (1 đơn vị, đã được nhắc):\n  Đã nêu tên ở bản tổng hợp trước: Xã, thị trấn 1 (danh sách đầy đủ: gửi /tinhhinh #1)",
      );
      expect(escalations[0].text).toContain(
        "⚪ Chưa có người nhận nhắc (23 đơn vị, tính riêng, không coi là chậm):\n  Đã nêu tên ở bản tổng hợp trước: Xã, thị trấn 23",
      );
      expect(escalations[0].text).not.toContain("UBND xã Thạch Bình");
      expect(escalations[0].text).not.toContain("UBND xã Thành Vinh");
    });

    it("sends nothing outside office hours or on non-working days", () => {
      for (const l of log.filter((x) => x.chat !== adminChat.id)) {
        const time = l.at.slice(11);
        expect(time >= "07:30" && time <= "17:00", l.at).toBe(true);
        expect(l.at.slice(0, 10) < "2021-02-10" || l.at.slice(0, 10) > "2021-02-16", l.at).toBe(true);
      }
    });
  });
});
