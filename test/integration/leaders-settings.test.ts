/**
 * Issue 10's settings through the bot, on the present-day sample plan (a province's Sở VHTTDL and
 * its communes, 2026): the office's name from the plan (ORG_NAME before any plan), /moi by tag,
 * /lichtonghop, and the report's issuing office and signer from the plan's `report:` section.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeFilePart } from "../support/fake-telegram-server.js";
import { ADMIN, type Harness, startHarness } from "../support/harness.js";
import { unzip } from "../support/unzip.js";

const adminChat = { id: ADMIN.id, type: "private" as const };
const stranger = { id: 901, first_name: "An" };
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: "2026-12-03T02:00:00Z", env: { ORG_NAME: "Văn phòng UBND xã Minh Họa" } });
});
afterAll(async () => {
  await h?.close();
});

describe("office names, /moi by tag, /lichtonghop on the 2026 sample plan", () => {
  it("names ORG_NAME before any plan, then the plan's office; never a fixed district office", async () => {
    const [before] = await h.say(stranger, { id: stranger.id, type: "private" }, "/start");
    expect(before).toContain("Văn phòng UBND xã Minh Họa");
    const yaml = readFileSync("plans/so-vhttdl-2026.yaml");
    const [imported] = await h.say(ADMIN, adminChat, "", {
      caption: "/nhapkehoach",
      document: { data: yaml, file_name: "so-vhttdl-2026.yaml", mime_type: "text/yaml" },
    });
    expect(imported).toContain("45/KH-SVHTTDL");
    const [after] = await h.say(stranger, { id: stranger.id, type: "private" }, "/start");
    expect(after).toContain("Sở Văn hóa, Thể thao và Du lịch");
    expect(after).not.toContain("Phòng Văn hóa");
  });

  it("/moi phuong issues a code for each ward at once; an unknown tag gets a specific answer", async () => {
    const [codes] = await h.say(ADMIN, adminChat, "/moi phuong");
    expect(codes!.split("\n").slice(0, 4)).toEqual([
      expect.stringMatching(
        /^Mã đăng ký cho 3 đơn vị đang hoạt động có thẻ phuong của kế hoạch 45\/KH-SVHTTDL \(mỗi mã dùng được 1 lần, hết hạn 10\/12\/2026 09:00\):$/,
      ),
      expect.stringMatching(/^- UBND phường Bắc Sơn: [2-9A-Z]{8}$/),
      expect.stringMatching(/^- UBND phường Nam Sơn: [2-9A-Z]{8}$/),
      expect.stringMatching(/^- UBND phường Hà Thành: [2-9A-Z]{8}$/),
    ]);
    const [unknown] = await h.say(ADMIN, adminChat, "/moi thon");
    expect(unknown).toBe("Không có đơn vị hoặc thẻ thon. Gửi /donvi để xem mã đơn vị và thẻ.");
  });

  it("/lichtonghop shows the plan's cadence and changes it to 'only after deadlines'", async () => {
    const [shown] = await h.say(ADMIN, adminChat, "/lichtonghop");
    expect(shown).toContain("Lịch đăng tổng hợp của Kế hoạch số 45/KH-SVHTTDL:");
    expect(shown).toContain("• Bản tổng hợp hằng tuần: Thứ Năm, 15:00");
    expect(shown).toContain("• Sau mỗi hạn báo cáo: 08:30");
    const [changed] = await h.say(ADMIN, adminChat, "/lichtonghop tuan=khong");
    expect(changed).toContain("Không đăng bản tổng hợp hằng tuần; chỉ đăng sau mỗi hạn báo cáo.");
    expect((await h.app.repos.plans.findByNumber("45/KH-SVHTTDL"))?.rollup.weekly).toBe(false);
    const [weekly] = await h.say(ADMIN, adminChat, "/lichtonghop thu=6 gio=16:30");
    expect(weekly).toContain("• Bản tổng hợp hằng tuần: Thứ Sáu, 16:30");
    const [bad] = await h.say(ADMIN, adminChat, "/lichtonghop thu=9");
    expect(bad).toContain("Không hiểu «thu=9». Ví dụ: /lichtonghop thu=6 gio=16:00");
  });

  it("/tonghop on Monday 07/12 shows the quarter due within 7 working days, by the plan's groups, nobody red", async () => {
    h.clock.set("2026-12-07T02:00:00Z");
    const [digest] = await h.say(ADMIN, adminChat, "/tonghop");
    const text =
      h.fake
        .sent(adminChat.id)
        .map((s) => s.text ?? "")
        .find((t) => t.startsWith("📊")) ?? digest!;
    expect(text).toContain("▶ Báo cáo quý kết quả tuyên truyền cải cách hành chính và chuyển đổi số — Quý IV/2026");
    // Calendar days, as every text counts them (Monday 07/12 to Tuesday 15/12).
    expect(text).toContain("Hạn: Thứ Ba, 15/12/2026 (còn 8 ngày)");
    expect(text).not.toContain("🔴");
    expect(text).toContain("• Xã: 0/10 — chưa có người nhận nhắc 10");
    expect(text).toContain("• Phường: 0/3 — chưa có người nhận nhắc 3");
    expect(text).toContain("• Đơn vị thuộc Sở: 0/2 — chưa có người nhận nhắc 2");
    expect(text).not.toContain("Sở Văn hóa, Thể thao và Du lịch\n");
  });

  it("logged no error", () => {
    expect(h.logger.errors).toEqual([]);
  });
});
