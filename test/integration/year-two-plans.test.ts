/**
 * Issue 20's acceptance for plans, units, deadlines and periods: one bot lives through two plans.
 * The 2021 district sample (20/KH-UBND) is imported on 25/01/2021 and played day by day for two
 * months; on 01/07/2025 the district and most of its units are abolished (/donvi_nghi), two
 * communes are left active (as an admin might forget them); on 15/01/2026 the Sở plan
 * (45/KH-SVHTTDL, the same tag `xa`) is imported and played day by day until 10/01/2027.
 * Every day at 08:00 the daily sync runs and the scheduler ticks (nothing is planned at other hours).
 *
 * Asserted: no assignment outside its plan's units; no reminder to a retired unit, nor a 2026
 * reminder to a 2021 unit; every deadline on a working day (Quý I/2026 stated Sunday 15/03, due
 * Monday 16/03, shown so); closed periods (the 2021 plan's at its end, Quý I/2026 by /dongky) out
 * of /nhiemvu, the which-task question and questions, still in the rollup; /baocaodocx drafts the
 * current plan; /nhacnho on a Sunday says when; a leader reading English posts in Vietnamese.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, localDateOf, localTimeOf, weekdayOf, zonedInstant } from "../../src/core/calendar/time.js";
import { loadCalendar, syncAllTasks } from "../../src/core/plans/tasks.js";
import { buildTaskRollup, notReported } from "../../src/core/rollups/rollup.js";
import { LEADER_POST_MAX } from "../../src/core/rollups/rollup-text.js";
import { ADMIN, type Harness, startHarness } from "../support/harness.js";

const TZ = "Asia/Ho_Chi_Minh";
const adminChat = { id: ADMIN.id, type: "private" as const };
const rollupGroup = { id: -5000, type: "supergroup" as const, title: "Lãnh đạo — tổng hợp" };
const LEADER = { id: 222, first_name: "Minh", last_name: "Lê Văn" };
const leaderChat = { id: LEADER.id, type: "private" as const };
const PLAN_2021 = readFileSync("plans/thach-thanh-cchc-2021.yaml");
const PLAN_2026 = readFileSync("plans/so-vhttdl-2026.yaml");
/** Units of a plan file, in its order. */
const unitsOf = (yaml: Buffer) =>
  [...yaml.toString("utf8").matchAll(/\{ code: (\w+), name: "([^"]+)"/g)].map((m) => ({ code: m[1]!, name: m[2]! }));
/** The two 2021 communes nobody retired. */
const KEPT = ["XA_THACH_BINH", "XA_THANH_AN"];

let h: Harness;
interface Group {
  code: string;
  name: string;
  chat: { id: number; type: "supergroup"; title: string };
  officer: { id: number; first_name: string; last_name: string };
}
const groups2021: Group[] = [];
const groups2026: Group[] = [];
const replies: Record<string, string[]> = {};
let closedAt: Date;
let retiredAt: Date;

const at = (date: string, time = "08:00") => zonedInstant(date, time, TZ);

/** Gives every unit named in a `/moi TAG` answer a group and an officer, and registers it. */
async function registerByTag(tag: string, only: Set<string>, into: Group[], base: number): Promise<void> {
  const [codes] = await h.say(ADMIN, adminChat, `/moi ${tag}`);
  for (const m of codes!.matchAll(/^- (.+): ([2-9A-Z]{8})$/gm)) {
    if (!only.has(m[1]!)) continue;
    const i = into.length;
    const unit = (await h.app.repos.units.list()).find((u) => u.name === m[1])!;
    const group: Group = {
      code: unit.code,
      name: unit.name,
      chat: { id: base - i, type: "supergroup", title: unit.name },
      officer: { id: (base === -3000 ? 700 : 800) + i, first_name: "Lan", last_name: "Nguyễn Thị" },
    };
    into.push(group);
    const [done] = await h.say(group.officer, group.chat, `/dangky ${m[2]}`);
    expect(done, unit.name).toContain("là cán bộ");
  }
}

/** A post in the rollup group, with the time of the tick that sent it. */
interface Post {
  at: Date;
  text: string;
}
const posts: Post[] = [];
const seenPosts = new Set<number>();
function collectPosts(): void {
  for (const s of h.fake.sent(rollupGroup.id)) {
    if (seenPosts.has(s.message_id)) continue;
    seenPosts.add(s.message_id);
    if (s.text) posts.push({ at: h.clock.now(), text: s.text });
  }
}

/**
 * Day by day at 08:00 local: the daily sync (00:05 in production) then a tick; `each` runs first.
 * On weekdays the scheduler ticks again at 09:00 (posts after a deadline: 09:00 in 2021, 08:30 in
 * 2026) and 16:00 (weekly digests: Friday 16:00 in 2021, Thursday 15:00 in 2026), so the leaders'
 * group gets what it gets in production (a post is sent up to 12 hours late, not later).
 */
async function playDays(
  from: string,
  to: string,
  each: (day: string) => Promise<void> = async () => {},
): Promise<void> {
  for (let day = from; day <= to; day = addDays(day, 1)) {
    h.clock.set(at(day));
    await each(day);
    await syncAllTasks(h.app.deps);
    await h.app.scheduler.tick();
    collectPosts();
    const weekday = weekdayOf(day);
    if (weekday === 0 || weekday === 6) continue;
    for (const time of ["09:00", "16:00"]) {
      h.clock.set(at(day, time));
      await h.app.scheduler.tick();
      collectPosts();
    }
    h.clock.set(at(day));
  }
}

const group = (list: Group[], code: string) => list.find((g) => g.code === code)!;

beforeAll(async () => {
  h = await startHarness({ now: at("2021-01-25").toISOString() });
  // ── 2021: the district plan, ten communes registered, a few reports.
  const [imported] = await h.say(ADMIN, adminChat, "", {
    caption: "/nhapkehoach",
    document: { data: PLAN_2021, file_name: "20-KH-UBND.yaml", mime_type: "text/yaml" },
  });
  replies.import2021 = [imported!];
  await h.say(ADMIN, rollupGroup, "/nhomtonghop");
  const first10 = unitsOf(PLAN_2021)
    .filter((u) => u.code.startsWith("XA_"))
    .slice(0, 8)
    .map((u) => u.name);
  await registerByTag("xa", new Set([...first10, "UBND xã Thạch Bình", "UBND xã Thành An"]), groups2021, -3000);
  await playDays("2021-01-25", "2021-03-20", async (day) => {
    if (day === "2021-02-03")
      for (const g of groups2021)
        await h.say(g.officer, g.chat, "/baocao #1 Đã ban hành Kế hoạch số 12/KH-UBND ngày 02/02/2021");
    if (day === "2021-03-10")
      await h.say(
        group(groups2021, "XA_THACH_BINH").officer,
        group(groups2021, "XA_THACH_BINH").chat,
        "/baocao #2 Quý I: treo 12 pa nô, 5 tin bài",
      );
  });

  // ── 01/07/2025: districts abolished. The whole plan is previewed, then all but two units retired.
  h.clock.set(at("2025-07-01", "09:00"));
  await syncAllTasks(h.app.deps);
  replies.retirePreview = await h.say(ADMIN, adminChat, "/donvi_nghi 20/KH-UBND 01/07/2025");
  const retire = unitsOf(PLAN_2021)
    .map((u) => u.code)
    .filter((c) => !KEPT.includes(c));
  replies.retire = await h.say(
    ADMIN,
    adminChat,
    `/donvi_nghi ${retire.join(",")} 01/07/2025 Giải thể cấp huyện, sáp nhập xã`,
  );
  retiredAt = at("2025-07-01", "00:00");
  replies.keptNhiemvu = await h.say(
    group(groups2021, "XA_THACH_BINH").officer,
    group(groups2021, "XA_THACH_BINH").chat,
    "/nhiemvu",
  );

  // ── 2026: the Sở plan, imported months later into the same bot; its 15 units registered.
  h.clock.set(at("2026-01-15", "09:00"));
  const [imported2026] = await h.say(ADMIN, adminChat, "", {
    caption: "/nhapkehoach",
    document: { data: PLAN_2026, file_name: "45-KH-SVHTTDL.yaml", mime_type: "text/yaml" },
  });
  replies.import2026 = [imported2026!];
  const names2026 = new Set(
    unitsOf(PLAN_2026)
      .filter((u) => u.code !== "SO_VHTTDL")
      .map((u) => u.name),
  );
  for (const tag of ["xa", "phuong", "don-vi-thuoc-so"]) await registerByTag(tag, names2026, groups2026, -4000);
  await h.say(LEADER, leaderChat, "/start");
  await h.say(ADMIN, adminChat, `/quyen ${LEADER.id} leader`);
  await h.say(LEADER, leaderChat, "/ngonngu en");

  const reporters = groups2026.filter((g) => g.code.startsWith("X_")).slice(0, 5);
  await playDays("2026-01-16", "2027-01-10", async (day) => {
    if (day === "2026-02-10")
      for (const g of groups2026.filter((x) => x.code !== "TT_VHDA"))
        await h.say(g.officer, g.chat, "/baocao #4 Đã ban hành Kế hoạch số 05/KH-UBND ngày 09/02/2026");
    if (day === "2026-03-10")
      for (const g of reporters) await h.say(g.officer, g.chat, "/baocao #5 Quý I: treo 10 pa nô, 4 tin bài");
    if (day === "2026-03-15") {
      // Sunday: /nhacnho queues, nothing goes out until Monday 07:30.
      h.clock.set(at(day, "10:00"));
      replies.nhacnhoSunday = await h.say(ADMIN, adminChat, "/nhacnho #5");
      h.clock.set(at(day));
    }
    if (day === "2026-03-17") {
      h.clock.set(at(day, "10:00"));
      replies.englishTonghop = await h.say(LEADER, leaderChat, "/tonghop #5");
      replies.tonghopInGroup = h.fake
        .sent(rollupGroup.id)
        .slice(-2)
        .map((s) => s.text ?? s.caption ?? "");
      h.clock.set(at(day));
    }
    if (day === "2026-03-23") {
      h.clock.set(at(day, "10:00"));
      replies.dongky = await h.say(ADMIN, adminChat, "/dongky #5 quý I/2026");
      closedAt = h.clock.now();
      const silent = groups2026.find((g) => g.code === "P_BAC_SON")!;
      replies.silentNhiemvu = await h.say(silent.officer, silent.chat, "/nhiemvu");
      replies.silentQuestion = await h.say(silent.officer, silent.chat, "cho em hỏi hạn báo cáo quý 1 là ngày nào ạ");
      const kept = group(groups2021, "XA_THACH_BINH");
      replies.keptQuestion = await h.say(kept.officer, kept.chat, "cho em hỏi hạn báo cáo quý 1 là ngày nào ạ");
      replies.keptReport = await h.say(
        kept.officer,
        kept.chat,
        "/baocao Xã đã tổ chức tuyên truyền cải cách hành chính tại các thôn",
      );
      replies.docx = await h.say(LEADER, leaderChat, "/baocaodocx");
      replies.tinhhinh = await h.say(ADMIN, adminChat, "/tinhhinh");
      h.clock.set(at(day));
    }
    if (day === "2026-10-01") {
      h.clock.set(at(day, "10:00"));
      replies.tinhhinhTask = await h.say(ADMIN, adminChat, "/tinhhinh #5");
      h.clock.set(at(day));
    }
  });
}, 900_000);
afterAll(async () => {
  // What the leaders read, to look at: DIGEST_DUMP=/tmp/year.txt npx vitest run test/integration/year-two-plans.test.ts
  const dump = process.env.DIGEST_DUMP;
  if (dump)
    writeFileSync(
      dump,
      posts
        .map((p) => `── ${localDateOf(p.at, TZ)} ${localTimeOf(p.at, TZ)} (${p.text.length} characters)\n${p.text}\n`)
        .join("\n"),
    );
  await h?.close();
});

/** Every assignment with its plan and unit. */
async function assignments() {
  const rows = await h.app.db.assignment.findMany({ include: { unit: true, occurrence: { include: { task: true } } } });
  return rows.map((a) => ({
    id: a.id,
    unit: a.unit,
    status: a.status,
    planId: a.occurrence.task.planId,
    task: a.occurrence.task.code,
    period: a.occurrence.periodKey,
    occurrence: a.occurrence,
  }));
}

describe("a year with two plans in one bot", () => {
  it("imports both plans; the 2021 plan's periods closed at its end", async () => {
    expect(replies.import2021![0]).toContain("Đã nhập kế hoạch 20/KH-UBND");
    expect(replies.import2026![0]).toContain("Đã nhập kế hoạch 45/KH-SVHTTDL");
    expect(replies.import2026![0]).not.toContain("Đã hủy");
    const plan2021 = (await h.app.repos.plans.findByNumber("20/KH-UBND"))!;
    const occ = await h.app.db.occurrence.findMany({ where: { task: { planId: plan2021.id } } });
    expect(occ.length).toBeGreaterThan(3);
    // Ended 05/01/2022 (the Trung tâm's December report): everything closed by the plan's end.
    expect(occ.every((o) => o.closedAt !== null && o.closedBy === "plan_end")).toBe(true);
  });

  it("gives no assignment to a unit outside its plan's list, whatever the shared tag", async () => {
    const plans = await h.app.repos.plans.list();
    const listed = new Map<number, Set<number>>();
    for (const p of plans) listed.set(p.id, new Set(await h.app.repos.plans.unitIds(p.id)));
    const rows = await assignments();
    expect(rows.length).toBeGreaterThan(100);
    const outside = rows.filter((a) => a.planId !== null && !listed.get(a.planId)!.has(a.unit.id));
    expect(outside.map((a) => `${a.unit.code} ${a.task}`)).toEqual([]);
    // The 2026 tasks reach the Sở's 15 units only: never a 2021 commune, retired or kept.
    const units2026 = new Set(unitsOf(PLAN_2026).map((u) => u.code));
    const of2026 = rows.filter((a) => a.task.endsWith("_2026"));
    expect(new Set(of2026.map((a) => a.unit.code)).size).toBe(15);
    expect(of2026.filter((a) => !units2026.has(a.unit.code))).toEqual([]);
    expect(of2026.filter((a) => KEPT.includes(a.unit.code))).toEqual([]);
  });

  it("retires units with their history: the plan previewed, all but two retired, their past rows kept", async () => {
    const all = unitsOf(PLAN_2021).length;
    expect(all).toBe(38);
    expect(replies.retirePreview![0]).toContain(`Kế hoạch 20/KH-UBND có ${all} đơn vị không thuộc kế hoạch nào khác`);
    expect(replies.retirePreview![0]).toContain("Chưa thay đổi gì");
    expect(replies.retire![0]).toContain(`Đã ghi ${all - 2} đơn vị thôi hoạt động từ 01/07/2025`);
    const retired = (await h.app.repos.units.list({ includeInactive: true })).filter((u) => u.retiredAt);
    expect(retired).toHaveLength(all - 2);
    expect(retired.every((u) => !u.active && u.retiredNote === "Giải thể cấp huyện, sáp nhập xã")).toBe(true);
    // Their 2021 reports and assignments are still there.
    const rows = await assignments();
    expect(rows.filter((a) => a.unit.retiredAt && a.status === "submitted").length).toBeGreaterThan(0);
    // Re-importing the 2021 file would not bring them back: the 2026 import left them retired.
    expect((await h.app.repos.units.list()).filter((u) => retired.some((r) => r.id === u.id))).toEqual([]);
  });

  it("sends no reminder to a retired unit, and no 2026 reminder to a 2021 unit", async () => {
    const rows = await h.app.db.outboxMessage.findMany({
      where: { kind: { in: ["before", "due_day", "overdue", "manual"] } },
    });
    const units = new Map((await assignments()).map((a) => [a.id, a.unit]));
    const toRetired = rows.filter(
      (r) => r.assignmentId !== null && units.get(r.assignmentId)?.retiredAt && r.notBefore >= retiredAt,
    );
    expect(toRetired).toEqual([]);
    // Nothing at all reached a 2021 group after the district was abolished.
    const chats2021 = new Set(groups2021.map((g) => String(g.chat.id)));
    expect(rows.filter((r) => chats2021.has(r.chatId) && r.notBefore >= retiredAt)).toEqual([]);
    for (const g of groups2021) {
      const after = h.fake.sent(g.chat.id).filter((s) => /2026/.test(s.text ?? ""));
      expect(
        after.map((s) => s.text),
        g.name,
      ).toEqual([]);
    }
    // The 2026 units were reminded.
    const chats2026 = new Set(groups2026.map((g) => String(g.chat.id)));
    expect(rows.filter((r) => chats2026.has(r.chatId)).length).toBeGreaterThan(50);
  });

  it("puts every deadline on a working day: Quý I/2026, stated Sunday 15/03, is due Monday 16/03 and says so", async () => {
    const calendar = await loadCalendar(h.app.repos);
    const occurrences = await h.app.db.occurrence.findMany({ include: { task: true } });
    const offDays = occurrences.filter((o) => !calendar.isWorkingDay(localDateOf(o.dueAt, TZ)));
    expect(offDays.map((o) => `${o.task.code} ${o.periodKey} ${localDateOf(o.dueAt, TZ)}`)).toEqual([]);
    const moved = occurrences
      .filter((o) => o.statedDate)
      .map((o) => `${o.task.code} ${o.periodKey}: ${o.statedDate} → ${localDateOf(o.dueAt, TZ)}`);
    expect(moved).toContain("BC_QUY_2026 2026-Q1: 2026-03-15 → 2026-03-16");

    const silent = groups2026.find((g) => g.code === "P_BAC_SON")!;
    const march = h.fake
      .sent(silent.chat.id)
      .map((s) => s.text ?? "")
      .filter((t) => t.includes("Quý I/2026"));
    expect(march.length).toBeGreaterThan(2);
    for (const text of march) expect(text).toContain("Hạn: Thứ Hai, 16/03/2026 (15/03 là Chủ nhật)");
    // The due-day reminder on Monday 16/03 (not Friday 13/03), the first overdue one on Tuesday 17/03.
    const q1 = await h.app.db.outboxMessage.findMany({
      where: { chatId: String(silent.chat.id), kind: { in: ["due_day", "overdue"] } },
      orderBy: { notBefore: "asc" },
    });
    const q1Rows = q1.filter((r) => JSON.parse(r.payloadJson).text.includes("Quý I/2026"));
    expect(q1Rows.map((r) => `${r.kind} ${localDateOf(r.notBefore, TZ)} ${localTimeOf(r.notBefore, TZ)}`)).toEqual([
      "due_day 2026-03-16 08:00",
      "overdue 2026-03-17 08:00",
      "overdue 2026-03-19 08:00",
    ]);
    expect(march.find((t) => t.startsWith("🔔"))).toMatch(/\(hôm nay là hạn cuối\)|\(còn \d+ ngày\)/);
  });

  it("closes Quý I/2026 with /dongky: out of /nhiemvu, questions and reminders, still in the rollup", async () => {
    expect(replies.dongky![0]).toContain("Đã đóng kỳ báo cáo của nhiệm vụ #5");
    expect(replies.dongky![0]).toMatch(
      /Quý I\/2026 \(hạn Thứ Hai, 16\/03\/2026 \(15\/03 là Chủ nhật\)\): 10 đơn vị không báo cáo/,
    );
    expect(replies.silentNhiemvu![0]).not.toContain("Quý I/2026");
    expect(replies.silentQuestion![0]).not.toContain("Quý I/2026");
    const silent = groups2026.find((g) => g.code === "P_BAC_SON")!;
    const after = await h.app.db.outboxMessage.findMany({
      where: { chatId: String(silent.chat.id), notBefore: { gt: closedAt } },
    });
    expect(after.filter((r) => JSON.parse(r.payloadJson).text.includes("Quý I/2026"))).toEqual([]);
    const task = (await h.app.repos.tasks.findByCode("BC_QUY_2026"))!;
    const q1 = (await h.app.repos.assignments.listOccurrences(task.id)).find((o) => o.periodKey === "2026-Q1")!;
    const rollup = await buildTaskRollup(h.app.repos, q1.id, { now: h.clock.now(), dataDir: h.dataDir });
    expect(rollup.closedAt).toEqual(closedAt);
    expect(rollup.statedDate).toBe("2026-03-15");
    expect(rollup.counts.onTime).toBe(5);
    expect(rollup.counts.missing + rollup.counts.unreachable).toBe(10);
  });

  it("never offers a 2021 period to a 2021 unit still active in 2026", async () => {
    expect(replies.keptNhiemvu![0]).toContain("không còn nhiệm vụ nào đang mở");
    // (The how-to text's own example cites a plan of 28/01/2021: only periods count here.)
    expect(replies.keptQuestion!.join("\n")).not.toMatch(/Quý I\/2021|quá hạn/);
    expect(replies.keptQuestion![0]).toContain("không có nhiệm vụ nào khớp với câu hỏi này");
    expect(replies.keptReport!.join("\n")).not.toMatch(/Quý I\/2021|quá hạn/);
  });

  it("drafts the current plan's report, says when Sunday's reminders go out, posts in the group's language", async () => {
    const docs = h.fake.sent(LEADER.id).filter((s) => s.method === "sendDocument");
    expect(docs.at(-1)!.caption).toContain("45/KH-SVHTTDL");
    expect(docs.at(-1)!.caption).not.toContain("20/KH-UBND");
    expect(replies.nhacnhoSunday![0]).toContain("sẽ được gửi lúc 07:30 Thứ Hai, 16/03/2026");
    // Read on Monday, it counts from Monday.
    const silent = groups2026.find((g) => g.code === "P_BAC_SON")!;
    const manual = await h.app.db.outboxMessage.findMany({ where: { chatId: String(silent.chat.id), kind: "manual" } });
    expect(manual.map((r) => `${localDateOf(r.notBefore, TZ)} ${localTimeOf(r.notBefore, TZ)} ${r.status}`)).toEqual([
      "2026-03-16 07:30 sent",
    ]);
    expect(JSON.parse(manual[0]!.payloadJson).text).toContain("(hôm nay là hạn cuối)");
    expect(replies.englishTonghop!.join("\n")).toContain("The rollup was posted to the rollup group");
    const post = replies.tonghopInGroup!.join("\n");
    expect(post).toContain("Quý I/2026");
    expect(post).toMatch(/Hạn|đơn vị/);
    expect(post).not.toMatch(/\bDue\b|\bunits\b/);
  });
});

describe("the leaders' group over the year", () => {
  /** Weekly digests (a plan's number under the title), not /tonghop #N's block. */
  const digests = () => posts.filter((p) => /^📊 .*\nKế hoạch số /.test(p.text));
  const afterDeadline = () => posts.filter((p) => p.text.startsWith("📌"));
  const when = (p: Post) => `${localDateOf(p.at, TZ)} ${localTimeOf(p.at, TZ)}`;

  it("gets digests and after-deadline posts of one screen each (at most 1,200 characters)", () => {
    expect(digests().length).toBeGreaterThan(20);
    expect(afterDeadline().length).toBeGreaterThan(3);
    const long = [...digests(), ...afterDeadline()].filter((p) => p.text.length > LEADER_POST_MAX);
    expect(long.map((p) => `${when(p)}: ${p.text.length}`)).toEqual([]);
    expect(Math.max(...digests().map((p) => p.text.length))).toBeLessThanOrEqual(LEADER_POST_MAX);
  });

  it("keeps every overdue period with units not reported in each digest until it is closed", async () => {
    const plans = await h.app.repos.plans.list();
    const tasks = await h.app.db.task.findMany({ where: { planId: { not: null } } });
    let checked = 0;
    for (const post of digests()) {
      const plan = plans.find((p) => post.text.includes(`Kế hoạch số ${p.number} `))!;
      for (const task of tasks.filter((t) => t.planId === plan.id)) {
        for (const o of await h.app.repos.assignments.listOccurrences(task.id)) {
          if (o.dueAt >= post.at || (o.closedAt && o.closedAt <= post.at)) continue;
          const rollup = await buildTaskRollup(h.app.repos, o.id, { now: post.at, dataDir: h.dataDir });
          if (notReported(rollup).length === 0) continue;
          const line = post.text
            .split("\n")
            .find(
              (l) => l.startsWith(`• #${task.id} `) && l.includes(o.label ? `— ${o.label} — đã quá hạn` : "đã quá hạn"),
            );
          expect(line, `${when(post)} #${task.id} ${o.label}\n${post.text}`).toBeDefined();
          checked++;
        }
      }
    }
    // Quý I/2026 from 17/03 to its closing, Quý II–IV/2026 until the plan ended, the 2021 plan's in 2021.
    expect(checked).toBeGreaterThan(30);
  });

  it("names a unit the first time it is overdue, then counts it; a closed period is told once, then leaves", () => {
    const silent = groups2026.find((g) => g.code === "P_BAC_SON")!.name;
    const q1 = (p: Post) => p.text.includes("Quý I/2026");
    // The English leader's /tonghop #5 on Tuesday 17/03 (10:00) was the first post after the
    // deadline: it named them; the after-deadline post and the escalation count them.
    const named = posts.filter((p) => q1(p) && p.text.includes(silent));
    expect(named.map((p) => p.text.split("\n")[1])).toEqual(["Số liệu lúc 17/03/2026 10:00"]);
    const after = afterDeadline().find((p) => q1(p))!;
    expect(after.text).toContain("Đã nêu tên ở bản tổng hợp trước: Xã 5 · Phường 3 · Đơn vị thuộc Sở 2");
    // The digest of Thursday 19/03: Quý I/2026 on one line, counted by unit group, nobody named.
    const thursday = digests().find((p) => when(p) === "2026-03-19 16:00")!;
    const line = thursday.text.split("\n").find((l) => l.includes("— Quý I/2026 — đã quá hạn 3 ngày:"));
    expect(line).toMatch(/: Xã \d+\/\d+ · Phường \d+\/\d+ · .* chưa báo cáo$/);
    expect(thursday.text).not.toContain(silent);
    expect(thursday.text).not.toContain("Lần đầu quá hạn");
    expect(thursday.text).toContain("/tinhhinh #5");
    // Closed by /dongky on Monday 23/03: told once on Thursday 26/03, with who never reported.
    const closing = digests().find((p) => when(p) === "2026-03-26 16:00")!;
    expect(closing.text).toContain("🔒 Kỳ báo cáo đã đóng:");
    expect(closing.text).toContain("— Quý I/2026: 10 đơn vị không báo cáo (Xã 5 · Phường 3 · Đơn vị thuộc Sở 2)");
    expect(closing.text).not.toContain(silent);
    const later = digests().filter((p) => p.at > closing.at);
    expect(later.length).toBeGreaterThan(10);
    expect(later.filter(q1).map(when)).toEqual([]);
    // Quý II/2026 (due 15/06) is still there months later: nobody closed it.
    const autumn = digests().find((p) => when(p) === "2026-10-01 16:00")!;
    expect(autumn.text).toMatch(/— Quý II\/2026 — đã quá hạn 108 ngày: /);
  });
});

describe("/tinhhinh with two plans", () => {
  it("lists the current plan's tasks by default, never the ended 2021 plan's", () => {
    const text = replies.tinhhinh!.join("\n");
    expect(text).toContain("#5 Báo cáo quý kết quả tuyên truyền cải cách hành chính và chuyển đổi số");
    expect(text).not.toContain("2021");
  });

  it("names every unit not reported for each open overdue period of the task named", () => {
    const text = replies.tinhhinhTask!.join("\n");
    const silent = groups2026.find((g) => g.code === "P_BAC_SON")!.name;
    // Quý I/2026 was closed; Quý II/2026 is still open and overdue, Quý III/2026 is the current one.
    expect(text).not.toContain("Quý I/2026");
    expect(text).toContain("(Quý II/2026, hạn Thứ Hai, 15/06/2026, đã quá hạn 108 ngày)");
    expect(text).toMatch(/\(Quý III\/2026, hạn [^)]*, đã quá hạn \d+ ngày\)/);
    expect(text.split(silent).length - 1).toBe(2);
    expect(text).not.toContain("đơn vị khác");
  });
});
