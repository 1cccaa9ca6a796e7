import type { Repositories } from "../../src/core/repositories.js";

/**
 * Units XA_1…XA_n, each bound to a private Telegram chat (`firstChatId` + i), and one task for
 * them due 09/02/2021 with no reminder policy of its own: the due-day reminder of a fan-out test.
 * The caller runs syncAllTasks to make the assignments.
 * @example await seedFanOutUnits(repos, { units: 300 }); await syncAllTasks(deps);
 */
export async function seedFanOutUnits(
  repos: Pick<Repositories, "units" | "chats" | "tasks">,
  {
    units,
    firstChatId = 5000,
    title = "Xây dựng kế hoạch tuyên truyền",
  }: { units: number; firstChatId?: number; title?: string },
): Promise<void> {
  for (let i = 1; i <= units; i++) {
    const unit = await repos.units.create({ code: `XA_${i}`, name: `UBND xã Số ${i}`, kind: "xa", tags: ["xa"] });
    await repos.chats.bind({
      channel: "telegram",
      chatId: String(firstChatId + i),
      chatType: "private",
      role: "unit",
      unitId: unit.id,
    });
  }
  await repos.tasks.upsert({
    planId: null,
    code: "NV_1",
    title,
    targets: ["xa"],
    schedule: { kind: "once", dueDate: "2021-02-09" },
    reminder: null,
    deadlineText: "09/02/2021",
    createdBy: "test",
    indicators: [],
  });
}
