/**
 * Issue 10's acceptance: the sample plan's first quarter played through the bot with an hourly
 * clock (25/01–20/04/2021): 10 communes registered with /moi xa, 7 report (2 late), 3 never do; the
 * rest of the 36 units have no chat. The rollup group must get at most one digest a week plus one
 * post per passed deadline, nobody red before a deadline, units without a chat shown apart.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDateOf, localTimeOf, weekdayOf } from "../../src/core/calendar/time.js";
import { syncAllTasks } from "../../src/core/plans/tasks.js";
import { ADMIN, type Harness, startHarness } from "../support/harness.js";

const TZ = "Asia/Ho_Chi_Minh";
const adminChat = { id: ADMIN.id, type: "private" as const };
const rollupGroup = { id: -5000, type: "supergroup" as const, title: "Lãnh đạo huyện — tổng hợp" };
/** Officers give their family name as Telegram's last name, as many Vietnamese users do. */
const GIVEN = ["Tuấn", "Lan", "Hải", "Mai", "Đức", "Hoa", "Nam", "Thu", "Bình", "Yến"];
const FAMILY = [
  "Lê Văn",
  "Nguyễn Thị",
  "Trần Minh",
  "Phạm Thị",
  "Hoàng Văn",
  "Đỗ Thị",
  "Vũ Văn",
  "Bùi Thị",
  "Đặng Văn",
  "Ngô Thị",
];

interface Post {
  at: string;
  method: string;
  text: string;
}

let h: Harness;
const posts: Post[] = [];
const replies = new Map<string, string[]>();

const local = (d: Date) => `${localDateOf(d, TZ)} ${localTimeOf(d, TZ)}`;
const isDigest = (p: Post) => p.text.startsWith("📊 TỔNG HỢP TÌNH HÌNH BÁO CÁO");
const isAfter = (p: Post) => p.text.startsWith("📌 KẾT QUẢ SAU HẠN BÁO CÁO");
const isEscalation = (p: Post) => p.text.startsWith("⚠️");

beforeAll(async () => {
  h = await startHarness({ now: "2021-01-25T01:00:00Z" });
  const yaml = readFileSync("plans/thach-thanh-cchc-2021.yaml");
  const [imported] = await h.say(ADMIN, adminChat, "", {
    caption: "/nhapkehoach",
    document: { data: yaml, file_name: "ke-hoach.yaml", mime_type: "text/yaml" },
  });
  expect(imported).toContain("20/KH-UBND");
  await h.say(ADMIN, rollupGroup, "/nhomtonghop");
  // One command issues a code for every commune; the first ten register in their own groups.
  const [codes] = await h.say(ADMIN, adminChat, "/moi xa");
  replies.set("moi", [codes!]);
  const lines = [...codes!.matchAll(/^- (.+): ([2-9A-Z]{8})$/gm)];
  for (const [i, m] of lines.slice(0, 10).entries()) {
    const officer = { id: 700 + i, first_name: GIVEN[i]!, last_name: FAMILY[i]! };
    const chat = { id: -3000 - i, type: "supergroup" as const, title: m[1]! };
    replies.set(`register:${i}`, await h.say(officer, chat, `/dangky ${m[2]}`));
  }
  const seen = new Set(h.fake.sent(rollupGroup.id).map((s) => s.message_id));
  const report = async (i: number, text: string) => {
    const officer = { id: 700 + i, first_name: GIVEN[i]!, last_name: FAMILY[i]! };
    replies.set(
      `${text}:${i}`,
      await h.say(officer, { id: -3000 - i, type: "supergroup", title: lines[i]![1]! }, text),
    );
  };
  // Reports at 10:00 local on these days: five communes on time, two late, three never.
  const plan: Record<string, [number[], string][]> = {
    "2021-02-03": [[[0, 1, 2, 3, 4], "/baocao #1 Đã ban hành Kế hoạch số 12/KH-UBND ngày 02/02/2021"]],
    "2021-02-18": [[[5, 6], "/baocao #1 Đã ban hành kế hoạch số 20/KH-UBND ngày 17/02/2021"]],
    "2021-03-10": [[[0, 1, 2, 3, 4], "/baocao #2 Quý I: treo 12 pa nô, dán 30 áp phích, 5 tin bài"]],
    "2021-03-17": [[[5, 6], "/baocao #2 Quý I: 4 pa nô, 2500 tờ rơi"]],
  };
  for (let t = Date.parse("2021-01-25T02:00:00Z"); t <= Date.parse("2021-04-20T11:00:00Z"); t += 3_600_000) {
    const now = new Date(t);
    const hour = Number(localTimeOf(now, TZ).slice(0, 2));
    // Nothing is planned outside office hours or on weekends (a reminder or post that fell there
    // would go out at the next tick); the clock moves hour by hour through each working day.
    if (hour < 7 || hour > 17 || [0, 6].includes(weekdayOf(localDateOf(now, TZ)))) continue;
    h.clock.set(now);
    // The daily job (00:05) creates the next periods; here it runs with the day's first tick.
    if (hour === 7) await syncAllTasks(h.app.deps);
    if (hour === 10)
      for (const [units, text] of plan[localDateOf(now, TZ)] ?? []) for (const i of units) await report(i, text);
    await h.app.scheduler.tick();
    for (const s of h.fake.sent(rollupGroup.id)) {
      if (seen.has(s.message_id)) continue;
      seen.add(s.message_id);
      posts.push({ at: local(now), method: s.method, text: s.text ?? s.caption ?? "" });
    }
  }
}, 600_000);
afterAll(async () => {
  // What the leaders read, to look at: DIGEST_DUMP=/tmp/quarter.txt npx vitest run test/integration/leaders-quarter.test.ts
  const dump = process.env.DIGEST_DUMP;
  if (dump) writeFileSync(dump, posts.map((p) => `── ${p.at} (${p.text.length} characters)\n${p.text}\n`).join("\n"));
  await h?.close();
});

describe("a quarter of the sample plan, hour by hour", () => {
  it("registers every commune's code with one /moi xa and greets officers by their full Vietnamese name", () => {
    expect(replies.get("moi")![0]).toMatch(
      /^Mã đăng ký cho 25 đơn vị đang hoạt động có thẻ xa của kế hoạch 20\/KH-UBND/,
    );
    expect(replies.get("register:0")![0]).toContain("Đồng chí Lê Văn Tuấn là cán bộ");
    expect(replies.get("register:1")![0]).toContain("Nguyễn Thị Lan");
  });

  it("posts at most one digest a week, on Friday at 16:00", () => {
    const digests = posts.filter(isDigest);
    const weeks = new Map<string, number>();
    for (const d of digests) {
      expect(weekdayOf(d.at.slice(0, 10)), d.at).toBe(5);
      expect(d.at.slice(11)).toBe("16:00");
      // The Monday of its week.
      const day = new Date(`${d.at.slice(0, 10)}T00:00:00Z`);
      const monday = new Date(day.getTime() - 4 * 86_400_000).toISOString().slice(0, 10);
      weeks.set(monday, (weeks.get(monday) ?? 0) + 1);
    }
    for (const [week, n] of weeks) expect(n, week).toBe(1);
    // 12 Fridays from 29/01 to 16/04 minus Tết (12/02); every other week had a task due or overdue.
    expect(digests.map((d) => d.at.slice(0, 10))).toEqual([
      "2021-01-29",
      "2021-02-05",
      "2021-02-19",
      "2021-02-26",
      "2021-03-05",
      "2021-03-12",
      "2021-03-19",
      "2021-03-26",
      "2021-04-02",
      "2021-04-09",
      "2021-04-16",
    ]);
    // A digest is one message: the only charts are those of the after-deadline posts.
    expect(posts.filter((p) => p.method === "sendPhoto")).toHaveLength(posts.filter(isAfter).length);
  });

  it("posts once the first working day after each deadline, that task alone, with its chart", () => {
    const after = posts.filter(isAfter);
    expect(after.map((p) => p.at)).toEqual([
      "2021-02-17 09:00",
      "2021-03-08 09:00",
      "2021-03-16 09:00",
      "2021-04-06 09:00",
    ]);
    expect(after.map((p) => p.text.split("\n")[2])).toEqual([
      "▶ Xây dựng kế hoạch tuyên truyền cải cách hành chính năm 2021 của đơn vị",
      "▶ Báo cáo tháng hoạt động thông tin, tuyên truyền CCHC của Trung tâm — Tháng 2/2021",
      "▶ Báo cáo quý kết quả tuyên truyền cải cách hành chính — Quý I/2021",
      "▶ Báo cáo tháng hoạt động thông tin, tuyên truyền CCHC của Trung tâm — Tháng 3/2021",
    ]);
    for (const p of after) expect(p.text.match(/▶/g)).toHaveLength(1);
    const charts = posts.filter((p) => p.method === "sendPhoto").map((p) => p.text);
    expect(charts).toEqual([
      "Biểu đồ: Xây dựng kế hoạch tuyên truyền cải cách hành chính năm 2021 của đơn vị",
      "Biểu đồ: Báo cáo tháng hoạt động thông tin, tuyên truyền CCHC của Trung tâm — Tháng 2/2021",
      "Biểu đồ: Báo cáo quý kết quả tuyên truyền cải cách hành chính — Quý I/2021",
      "Biểu đồ: Báo cáo tháng hoạt động thông tin, tuyên truyền CCHC của Trung tâm — Tháng 3/2021",
    ]);
  });

  it("keeps the group quiet: digests + one post per deadline + at most one escalation per deadline", () => {
    const escalations = posts.filter(isEscalation);
    expect(escalations.map((p) => p.at)).toEqual([
      "2021-02-22 08:00",
      "2021-03-11 08:00",
      "2021-03-19 08:00",
      "2021-04-09 08:00",
    ]);
    const texts = posts.filter((p) => p.method === "sendMessage");
    expect(texts.length).toBe(posts.filter(isDigest).length + posts.filter(isAfter).length + escalations.length);
    // 11 digests, 4 after-deadline posts (text and chart), 4 escalations: 23 messages in 12 weeks.
    expect(posts).toHaveLength(23);
  });

  it("paints nobody red before a deadline: units are 'chưa đến hạn' until it passes", () => {
    for (const p of posts.filter((x) => isDigest(x) || isAfter(x))) {
      for (const block of p.text.split("\n\n").filter((b) => b.startsWith("▶"))) {
        if (/\(còn \d+ ngày\)|\(hôm nay là hạn cuối\)/.test(block)) {
          expect(block, `${p.at}\n${block}`).not.toContain("🔴");
          expect(block).not.toMatch(/chưa báo cáo \d/);
        }
      }
    }
    const first = posts.find(isDigest)!;
    expect(first.at).toBe("2021-01-29 16:00");
    expect(first.text).toContain("▶ Xây dựng kế hoạch tuyên truyền cải cách hành chính năm 2021 của đơn vị");
    // Calendar days, as the officers' reminders count them: Friday 29/01 to Tuesday 09/02.
    expect(first.text).toContain("Hạn: Thứ Ba, 09/02/2021 (còn 11 ngày)");
    expect(first.text).toContain("• Xã, thị trấn: 0/25 — chưa đến hạn 10, chưa có người nhận nhắc 15");
    // The quarterly report is far away: one "sắp tới" line, no block.
    expect(first.text).not.toContain("▶ Báo cáo quý");
    expect(first.text).toMatch(
      /Sắp tới: .*Báo cáo quý kết quả tuyên truyền cải cách hành chính \(Quý I\/2021\), hạn 15\/03\/2021/,
    );
  });

  it("after the quarterly deadline: X/Y, the missing by group with their reminders, the unreachable apart with what to do", () => {
    const q1 = posts.find((p) => isAfter(p) && p.at === "2021-03-16 09:00")!.text;
    // 36 units: 25 communes, 5 offices (not the lead office itself), 6 mass organisations.
    expect(q1).toContain("Đã báo cáo 5/36 đơn vị (đúng hạn 5, muộn 0)");
    expect(q1).toContain("• Xã, thị trấn: 5/25 — đúng hạn 5, chưa báo cáo 5, chưa có người nhận nhắc 15");
    expect(q1).toContain("• Phòng, ban: 0/5 — chưa có người nhận nhắc 5");
    expect(q1).toContain("• Mặt trận, đoàn thể: 0/6 — chưa có người nhận nhắc 6");
    expect(q1).toContain("🔴 Chưa báo cáo sau hạn (5 đơn vị, đã được nhắc):");
    // T−7, T−3, T−1, the due day and T+1 at 08:00 this morning.
    expect(q1).toContain("UBND xã Thành Long (đã nhắc 5 lần)");
    expect(q1).toContain("⚪ Chưa có người nhận nhắc (26 đơn vị, tính riêng, không coi là chậm):");
    // One screen: a few names, shared among the groups in turn; the rest counted (the workbook has them all).
    expect(q1.length).toBeLessThanOrEqual(1200);
    expect(q1).toContain("  Xã, thị trấn: UBND xã Thành Thọ và 14 đơn vị khác");
    expect(q1).toContain("  Phòng, ban: Phòng Nội vụ và 4 đơn vị khác");
    expect(q1).toContain(
      "→ Việc cần làm: quản trị viên gõ /moi xa, /moi phong-ban, /moi doan-the (mỗi lệnh cấp mã đăng ký cho mọi đơn vị có thẻ đó)",
    );
    expect(q1).toContain(
      "Kết quả (tổng hợp từ 5/36 đơn vị đã báo cáo): Pa nô 60 cái · Áp phích 150 cái · Tin bài 25 tin",
    );
    // The coordinating office is never a unit that has not reported to itself.
    for (const p of posts) expect(p.text).not.toContain("Phòng Văn hóa và Thông tin");
  });

  it("escalates saying exactly what happened: reminded N times, or never reachable", () => {
    const q1 = posts.filter(isEscalation).find((p) => p.text.includes("Báo cáo quý"))!;
    expect(q1.at).toBe("2021-03-19 08:00");
    expect(q1.text).toContain("Đã báo cáo 7/36 đơn vị.");
    // The post after the deadline named them: the escalation counts them, with the full list one command away.
    expect(q1.text).toContain(
      "🔴 Chưa báo cáo sau hạn (3 đơn vị, đã được nhắc):\n  Đã nêu tên ở bản tổng hợp trước: Xã, thị trấn 3 (danh sách đầy đủ: gửi /tinhhinh #2)",
    );
    expect(q1.text).not.toMatch(/đã nhắc \d+ lần/);
    expect(q1.text).not.toContain("nhiều lần");
    const centre = posts.filter(isEscalation).find((p) => p.text.includes("của Trung tâm"))!;
    expect(centre.text).toContain("⚪ Chưa có người nhận nhắc (1 đơn vị");
    expect(centre.text).not.toContain("🔴");
  });

  it("fits every post on one phone screen and names a silent unit once per period", () => {
    for (const p of posts) expect(p.text.length, p.at).toBeLessThanOrEqual(1200);
    // UBND xã Thành Long never reports: named after each deadline it missed, then counted.
    expect(posts.filter((p) => p.text.includes("UBND xã Thành Long")).map((p) => p.at)).toEqual([
      "2021-02-17 09:00",
      "2021-03-16 09:00",
    ]);
    // Quý I/2021 is still missing 29 reports three weeks on: it stays, on one line.
    const april = posts.find((p) => isDigest(p) && p.at === "2021-04-02 16:00")!;
    expect(april.text).toContain(
      "• #2 Báo cáo quý kết quả tuyên truyền cải cách hành… — Quý I/2021 — đã quá hạn 18 ngày: Xã, thị trấn 18/25 · ",
    );
    expect(april.text).toContain("/tinhhinh #1");
  });

  it("logged no error", () => {
    expect(h.logger.errors).toEqual([]);
  });
});
