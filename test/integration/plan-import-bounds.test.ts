import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, type Harness, startHarness } from "../support/harness.js";

const adminChat = { id: ADMIN.id, type: "private" as const };
const HEAD = "plan:\n  number: 30/KH-UBND\n  date: 01/03/2021\n  title: Kế hoạch nhiều đơn vị\n";
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: "2021-03-01T02:00:00Z" });
});
afterAll(async () => {
  await h?.close();
});

const sendPlan = (data: Buffer, hideSize = false) =>
  h.say(ADMIN, adminChat, "", {
    caption: "/nhapkehoach",
    document: { data, file_name: "ke-hoach.yaml", mime_type: "text/yaml", hide_size: hideSize },
  });

describe("/nhapkehoach bounds", () => {
  it("a file over 1 MB that does not say its size is refused by size, not with an apology", async () => {
    const [reply] = await sendPlan(Buffer.from(`${HEAD}# ${"x".repeat(1_100_000)}\n`), true);
    expect(reply).toContain("Tệp kế hoạch quá lớn (tối đa 1 MB)");
    expect(h.logger.errors).toEqual([]);
  });

  it("a plan with a bad unit name names the line and the rule", async () => {
    const [reply] = await sendPlan(Buffer.from(`${HEAD}units:\n  - code: XA_A\n    name: "UBND xã \\u202Eabc"\n`));
    expect(reply).toContain("dòng 7");
    expect(reply).toContain("tên đơn vị");
  });

  it("a large import tells the admin how far it is", async () => {
    const units = Array.from(
      { length: 1_050 },
      (_, i) => `  - code: THON_${i}\n    name: Thôn số ${i}\n    tags: [thon]`,
    ).join("\n");
    const before = h.fake.sent(adminChat.id).length;
    h.fake.sendUserMessage({
      from: ADMIN,
      chat: adminChat,
      caption: "/nhapkehoach",
      document: { data: Buffer.from(`${HEAD}units:\n${units}\n`), file_name: "ke-hoach.yaml", mime_type: "text/yaml" },
    });
    const sent = (await h.fake.waitForSent(before + 2, adminChat.id, 60_000)).slice(before).map((m) => m.text ?? "");
    expect(sent[0]).toBe("Đang nhập kế hoạch: đã xử lý 1.000/1.050 đơn vị…");
    expect(sent[1]).toContain("Đã nhập kế hoạch 30/KH-UBND");
  }, 60_000);
});
