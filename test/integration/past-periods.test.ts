import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssignmentView } from "../../src/core/ports.js";
import { eachDatabase } from "../support/databases.js";
import { ADMIN, type Harness, startHarness } from "../support/harness.js";

// Issue 14: a village-level plan dated 02/01 with a monthly report due 5 days after each month,
// imported on 1 December.
const adminChat = { id: ADMIN.id, type: "private" as const };
const thon1 = { id: -7001, type: "supergroup" as const, title: "Thôn 1" };
const hai = { id: 701, first_name: "Hải" };

const planFile = (number: string, code: string, backfill: boolean) => `
plan: { number: "${number}", date: 2026-01-02, title: "Kế hoạch tuyên truyền năm 2026 của UBND xã Yên Lạc" }
units:
  - { code: THON_1, name: "Thôn 1", kind: thon, tags: [thon] }
  - { code: THON_2, name: "Thôn 2", kind: thon, tags: [thon] }
indicators:
  pano: { label: "Pa nô", measure: "cái", synonyms: ["pa nô", "pano"] }
  tin_bai: { label: "Tin bài", measure: "tin", synonyms: ["tin bài", "tin bai"] }
tasks:
  - code: ${code}
    title: "Báo cáo tháng kết quả tuyên truyền"
    targets: [thon]
    periodic: { every: month, days_after_end: 5, start: 2026-01-01, end: 2026-12-31 }
    indicators: [pano, tin_bai]
    backfill: ${backfill}
`;

let h: Harness;

async function importPlan(yaml: string): Promise<string> {
  const before = h.fake.sent(adminChat.id).length;
  h.fake.sendUserMessage({
    from: ADMIN,
    chat: adminChat,
    caption: "/nhapkehoach",
    document: { data: Buffer.from(yaml), file_name: "ke-hoach.yaml", mime_type: "text/yaml" },
  });
  return (await h.fake.waitForSent(before + 1, adminChat.id, 30_000))[before].text!;
}

async function openOf(code: string): Promise<AssignmentView[]> {
  const unit = (await h.app.repos.units.findByCode(code))!;
  return h.app.repos.assignments.listOpenForUnit(unit.id);
}

/** Every assignment row of a task, whatever its status. */
async function rowsOf(taskCode: string) {
  const task = (await h.app.repos.tasks.findByCode(taskCode))!;
  const occurrences = await h.app.repos.assignments.listOccurrences(task.id);
  const rows = await h.app.db.assignment.findMany({
    where: { occurrenceId: { in: occurrences.map((o) => o.id) } },
    include: { occurrence: true, unit: true },
  });
  return rows.map((r) => ({ unit: r.unit.code, period: r.occurrence.periodKey, status: r.status, dueAt: r.dueAt }));
}

eachDatabase("past periods", ({ fresh }) => {
  beforeAll(async () => {
    h = await startHarness({ now: "2026-12-01T02:00:00Z", env: { DATABASE_URL: await fresh() } }); // Tue 01/12/2026 09:00 in Vietnam
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  describe("a plan imported part-way through its year", () => {
    it("assigns November (due 05/12, a Saturday: Monday 07/12) and December only, keeps January–October untracked, and says what it skipped", async () => {
      const summary = await importPlan(planFile("05/KH-UBND", "BC_THANG", false));
      expect(summary).toContain("Bỏ qua 10 kỳ đã qua hạn trước ngày nhập (20 lượt giao)");
      expect(summary).toContain("trả lời BỔ SUNG");
      const open = await openOf("THON_1");
      expect(open.map((a) => a.occurrence.periodKey).sort()).toEqual(["2026-11", "2026-12"]);
      // Stated 05/12/2026, a Saturday: the period ends on Monday 07/12 (Civil Code 2015, art. 148(5)).
      expect(open.find((a) => a.occurrence.periodKey === "2026-11")!.dueAt.toISOString()).toBe(
        "2026-12-07T16:59:00.000Z",
      );
      const rows = await rowsOf("BC_THANG");
      const past = rows.filter((r) => r.dueAt < h.clock.now());
      expect(past).toHaveLength(20);
      expect(new Set(past.map((r) => r.status))).toEqual(new Set(["untracked"]));
    });

    it("/tonghop shows November, not October's period that nobody was assigned (0/0)", async () => {
      const task = (await h.app.repos.tasks.findByCode("BC_THANG"))!;
      const text = (await h.say(ADMIN, adminChat, `/tonghop ${task.id}`)).join("\n");
      expect(text).toContain("▶ Báo cáo tháng kết quả tuyên truyền — Tháng 11/2026");
      expect(text).not.toContain("Tháng 10/2026");
      expect(text).not.toContain("0/0");
    });

    it("/nhiemvu and the which-task question list the November period first", async () => {
      const [invite] = await h.say(ADMIN, adminChat, "/moi THON_1");
      await h.say(hai, thon1, `/dangky ${/: ([2-9A-Z]{8})\n/.exec(invite)![1]}`);
      const [tasks] = await h.say(hai, thon1, "/nhiemvu");
      const nov = tasks.indexOf("Tháng 11/2026");
      expect(nov).toBeGreaterThan(0);
      expect(tasks.indexOf("Tháng 12/2026")).toBeGreaterThan(nov);
      expect(tasks).not.toContain("Tháng 10/2026");
      expect(tasks).toContain("Chỉ tiêu cần báo cáo: pa nô, tin bài");

      const [question] = await h.say(hai, thon1, "/baocao Thôn 1 đã tổ chức tuyên truyền trên loa truyền thanh");
      expect(question).toContain("Báo cáo chưa được ghi nhận cho đến khi đồng chí chọn");
      expect(question).toMatch(
        /\n1\. Báo cáo tháng kết quả tuyên truyền \(Tháng 11\/2026\)[^\n]*\n2\. Báo cáo tháng kết quả tuyên truyền \(Tháng 12\/2026\)/,
      );
      const [confirmation] = await h.say(hai, thon1, "1");
      expect(confirmation).toContain("(Tháng 11/2026)");
      expect((await openOf("THON_1")).map((a) => a.occurrence.periodKey)).toEqual(["2026-12"]);
    });

    it("a unit added later joins the current plan and gets only the periods still ahead", async () => {
      const [added] = await h.say(ADMIN, adminChat, '/donvi_them THON_3 "Thôn 3" thon');
      expect(added).toContain("Đơn vị thuộc kế hoạch 05/KH-UBND");
      for (let i = 0; i < 100 && (await openOf("THON_3")).length < 2; i++) await new Promise((r) => setTimeout(r, 50));
      expect((await openOf("THON_3")).map((a) => a.occurrence.periodKey).sort()).toEqual(["2026-11", "2026-12"]);
      const thon3 = (await rowsOf("BC_THANG")).filter((r) => r.unit === "THON_3");
      expect(thon3.filter((r) => r.status === "untracked")).toHaveLength(10);
    });

    it("answering BỔ SUNG to the import's question assigns the skipped periods after all", async () => {
      const [reply] = await h.say(ADMIN, adminChat, "bổ sung");
      expect(reply).toContain("Đã giao bổ sung 10 kỳ đã qua hạn: 20 lượt giao");
      expect((await openOf("THON_2")).map((a) => a.occurrence.periodKey)).toContain("2026-01");
    });

    it("with backfill: true on the task, the past periods are assigned", async () => {
      const summary = await importPlan(planFile("06/KH-UBND", "BC_THANG_DU", true));
      expect(summary).not.toContain("Bỏ qua");
      const rows = (await rowsOf("BC_THANG_DU")).filter((r) => r.unit === "THON_1");
      expect(rows.map((r) => r.period).sort()).toEqual(
        Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`),
      );
      expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["open"]));
    });

    it("/boquakycu repairs a database imported the old way: no past assignment left open, rows kept, audit names who ran it", async () => {
      const before = await h.app.db.assignment.count();
      const pastOpen = () => h.app.db.assignment.count({ where: { status: "open", dueAt: { lt: h.clock.now() } } });
      // Plan BC_THANG_DU (backfill) and the BỔ SUNG answer left 20 + 20 past periods open, never
      // reminded: plan 06 lists Thôn 1 and 2 only, so its tag "thon" never reaches Thôn 3 (issue 20).
      expect(await pastOpen()).toBe(40);
      const [preview] = await h.say(ADMIN, adminChat, "/boquakycu");
      expect(preview).toContain("Có 40 lượt giao (2 đơn vị)");
      expect(await pastOpen()).toBe(40);
      const [refused] = await h.say(hai, thon1, "/boquakycu xacnhan");
      expect(refused).not.toContain("Đã chuyển");
      const [done] = await h.say(ADMIN, adminChat, "/boquakycu xacnhan");
      expect(done).toContain("Đã chuyển 40 lượt giao (2 đơn vị) sang không theo dõi");
      expect(await pastOpen()).toBe(0);
      expect(await h.app.db.assignment.count()).toBe(before);
      const audit = await h.app.repos.audit.list(20);
      expect(audit.find((e) => e.action === "assignment.untrack_past")).toMatchObject({
        actor: `telegram:${ADMIN.id}`,
        entityId: "40",
      });
      const [again] = await h.say(ADMIN, adminChat, "/boquakycu");
      expect(again).toContain("Không có lượt giao nào");
    });
  });
});
