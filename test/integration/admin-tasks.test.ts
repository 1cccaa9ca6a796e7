import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, type Harness, startHarness } from "../support/harness.js";

const adminChat = { id: ADMIN.id, type: "private" as const };
const groupA = { id: -4001, type: "group" as const, title: "Xã A" };
const groupB = { id: -4002, type: "group" as const, title: "Xã B" };
const officerA = { id: 501, first_name: "An" };
const officerB = { id: 502, first_name: "Bình" };

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: "2021-03-01T02:00:00Z" }); // Mon 01/03/2021 09:00
  await h.say(ADMIN, adminChat, '/donvi_them XA_A "UBND xã A" xa');
  await h.say(ADMIN, adminChat, '/donvi_them XA_B "UBND xã B" xa');
  for (const [unit, chat, officer] of [
    ["XA_A", groupA, officerA],
    ["XA_B", groupB, officerB],
  ] as const) {
    const [invite] = await h.say(ADMIN, adminChat, `/moi ${unit}`);
    await h.say(officer, chat, `/dangky ${/: ([2-9A-Z]{8})\n/.exec(invite)![1]}`);
  }
});
afterAll(async () => {
  await h?.close();
});

describe("admin task commands", () => {
  it("/yeucau gives an ad hoc request due in N working days", async () => {
    // No task yet: the usage's example names no task that does not exist.
    expect((await h.say(ADMIN, adminChat, "/huy"))[0]).toContain("Ví dụ: /huy #SỐ (");
    const [reply] = await h.say(ADMIN, adminChat, "/yeucau xa 3 Báo cáo nhanh số tin bài về CCHC");
    // Mon 01/03 + 3 working days = Thu 04/03.
    expect(reply).toMatch(
      /Đã giao nhiệm vụ #1: Báo cáo nhanh số tin bài về CCHC\nCho 2 đơn vị, hạn Thứ Năm, 04\/03\/2021/,
    );
  });

  it("/nhacnho reminds every unit that has not reported, once a day", async () => {
    const beforeA = h.fake.sent(groupA.id).length;
    const [reply] = await h.say(ADMIN, adminChat, "/nhacnho #1");
    expect(reply).toContain("Đã xếp 2 tin nhắc cho 2 đơn vị");
    await h.fake.waitForSent(beforeA + 1, groupA.id);
    expect(h.fake.sent(groupA.id).at(-1)!.text).toContain("Nhiệm vụ #1: Báo cáo nhanh số tin bài về CCHC");
    const [again] = await h.say(ADMIN, adminChat, "/nhacnho #1");
    expect(again).toContain("Không có tin nhắc mới nào");
    const [unknown] = await h.say(ADMIN, adminChat, "/nhacnho #99");
    expect(unknown).toContain("Không có nhiệm vụ #99");
  });

  it("/lichnhac shows and changes a task's reminder policy", async () => {
    const [shown] = await h.say(ADMIN, adminChat, "/lichnhac #1");
    expect(shown).toContain("(mặc định)");
    expect(shown).toContain("• Trước hạn: 7, 3, 1 ngày làm việc");
    const [changed] = await h.say(ADMIN, adminChat, "/lichnhac #1 trước=2 sau=1 giờ=07:45 bao=0");
    expect(changed).toContain("• Trước hạn: 2 ngày làm việc");
    expect(changed).toContain("• Giờ nhắc: 07:45");
    expect(changed).toContain("• Báo đơn vị chậm vào nhóm tổng hợp: không báo");
    expect((await h.app.repos.tasks.findById(1))?.reminder).toEqual({
      before: [2],
      onDueDay: true,
      after: [1],
      escalateAfter: 0,
      time: "07:45",
    });
    const [bad] = await h.say(ADMIN, adminChat, "/lichnhac #1 truoc=abc");
    expect(bad).toContain('Không hiểu thiết lập "truoc=abc"');
    const [refused] = await h.say(officerA, groupA, "/lichnhac #1 truoc=1");
    expect(refused).toContain("chỉ dành cho quản trị viên");
    const [reset] = await h.say(ADMIN, adminChat, "/lichnhac #1 macdinh");
    expect(reset).toContain("(mặc định)");
  });

  it("/huy cancels a task: no more reminders, and the officer no longer sees it", async () => {
    expect((await h.say(officerB, groupB, "/nhiemvu"))[0]).toContain("Báo cáo nhanh số tin bài về CCHC");
    // The usage's example is a task that exists.
    expect((await h.say(ADMIN, adminChat, "/huy"))[0]).toContain("Ví dụ: /huy #1");
    const [cancelled] = await h.say(ADMIN, adminChat, "/huy #1");
    expect(cancelled).toContain("Đã hủy nhiệm vụ #1");
    expect(cancelled).toContain("2 đơn vị");
    expect((await h.say(officerB, groupB, "/nhiemvu"))[0]).toContain("UBND xã B không còn nhiệm vụ nào đang mở");
    expect((await h.say(ADMIN, adminChat, "/huy #1"))[0]).toContain("đã hủy trước đó");
  });

  it("a unit added later gets the open tasks too", async () => {
    await h.say(ADMIN, adminChat, "/giao xa 20/03/2021 Báo cáo tình hình treo pa nô");
    await h.say(ADMIN, adminChat, '/donvi_them XA_C "UBND xã C" xa');
    await new Promise((r) => setTimeout(r, 300)); // the change triggers a sync in the background
    const unit = (await h.app.repos.units.findByCode("XA_C"))!;
    const open = await h.app.repos.assignments.listOpenForUnit(unit.id);
    expect(open.map((a) => a.task.title)).toEqual(["Báo cáo tình hình treo pa nô"]);
  });

  it("holidays move ad hoc deadlines and are listed by the calendar command", async () => {
    const [added] = await h.say(ADMIN, adminChat, "/ngaynghi 22/03/2021-23/03/2021 Nghỉ thử");
    expect(added).toContain("Đã thêm ngày nghỉ 22/03/2021–23/03/2021 (Nghỉ thử, 2 ngày)");
    h.clock.set("2021-03-19T02:00:00Z"); // Fri 19/03
    const [reply] = await h.say(ADMIN, adminChat, "/yeucau XA_A 1 Báo cáo nhanh sau nghỉ");
    // The next working day after Fri 19/03, skipping the weekend and 22–23/03, is Wed 24/03.
    expect(reply).toContain("hạn Thứ Tư, 24/03/2021");
    const [workday] = await h.say(ADMIN, adminChat, "/ngaylam 27/03/2021 Làm bù");
    expect(workday).toContain("Đã thêm ngày làm việc 27/03/2021");
  });
});
