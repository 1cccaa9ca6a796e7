import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, importSamplePlan, registerOfficer, startHarness } from "../support/harness.js";

const group = { id: -7101, type: "supergroup" as const, title: "Xã\u202E Thạch\u0007 Bình" };
const lan = { id: 701, first_name: "Lan\u0000", last_name: "Nguyễn\u202E" };

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: "2021-03-10T01:00:00Z" });
  await importSamplePlan(h);
  await registerOfficer(h, "XA_THACH_BINH", lan, group);
}, 60_000);

afterAll(async () => {
  await h?.close();
});

describe("what is stored from a message", () => {
  it("keeps no control characters (but newline and tab) and no bidirectional overrides", async () => {
    const replies = await h.say(
      lan,
      group,
      "/baocao #2 Đã treo 12 pa nô\u0000\u0007\u000B,\r\n\u202Eđăng 3 tin bài\u0085",
    );
    expect(replies.join("\n")).toContain("Đã ghi nhận");
    const report = await h.app.db.report.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(report.text).toBe("#2 Đã treo 12 pa nô,\nđăng 3 tin bài");
    // (Which name comes first is the Telegram adapter's guess from the raw names; nothing invisible is kept.)
    expect(report.authorName).toMatch(/^(Lan Nguyễn|Nguyễn Lan)$/);
    const person = await h.app.db.person.findFirstOrThrow({ where: { userId: String(lan.id) } });
    expect(person.displayName).toBe(report.authorName);
    const chat = await h.app.db.chatBinding.findFirstOrThrow({ where: { chatId: String(group.id) } });
    expect(chat.title).toBe("Xã Thạch Bình");
  });
});
