/**
 * On Zalo a unit reports in its officers' chats with the bot, not in a group: texts say
 * "cuộc trò chuyện" where units' chats are Zalo chats, even when the admin asking is on Telegram;
 * Zalo's reminders and help give an example of the unit's own task.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeZaloUser } from "../support/fake-zalo-server.js";
import { startZaloHarness, ZALO_ADMIN, type ZaloHarness } from "../support/zalo-harness.js";

const lan: FakeZaloUser = { id: "1a2b3c4d5e6f7091", display_name: "Nguyễn Thị Lan" };
const TG_ADMIN = { id: 111, first_name: "Hoa" };
const tgAdminChat = { id: TG_ADMIN.id, type: "private" as const };

let h: ZaloHarness;
const r: Record<string, string> = {};

/** Sends as the Telegram admin in their private chat; resolves with the bot's answers there. */
async function sayOnTelegram(text: string): Promise<string> {
  const tg = h.telegram!;
  const before = tg.sent(tgAdminChat.id).length;
  tg.sendUserMessage({ from: TG_ADMIN, chat: tgAdminChat, text });
  await tg.waitForSent(before + 1, tgAdminChat.id);
  await new Promise((resolve) => setTimeout(resolve, 300));
  return tg
    .sent(tgAdminChat.id)
    .slice(before)
    .map((s) => s.text ?? "")
    .join("\n");
}

beforeAll(async () => {
  h = await startZaloHarness({ telegram: true, now: "2021-03-01T02:00:00Z" }); // Mon 01/03/2021 09:00
  const admin = async (text: string) => (await h.say(ZALO_ADMIN, text)).join("\n");
  await admin('/donvi_them XA_A "UBND xã A" xa');
  await admin('/donvi_them XA_B "UBND xã B" xa');
  await admin("/giao xa 20/03/2021 Xây dựng kế hoạch tuyên truyền năm 2021");
  r.moi = await admin("/moi XA_A");
  r.moiTag = await admin("/moi xa");
  const code = /: ([2-9A-Z]{8})\n/.exec(r.moi)![1];
  r.dangky = (await h.say(lan, `/dangky ${code}`)).join("\n");
  r.help = (await h.say(lan, "/start")).join("\n");
  const before = h.zalo.sent(lan.id).length;
  r.nhacnhoTelegram = await sayOnTelegram("/nhacnho");
  await h.zalo.waitForSent(before + 1, lan.id);
  r.reminder = h.zalo.sent(lan.id).at(-1)!.text ?? "";
}, 120_000);
afterAll(async () => {
  if (process.env.PRINT_REPLIES) for (const [k, v] of Object.entries(r)) console.log(`── ${k}\n${v}`);
  await h?.close();
});

describe("Zalo wording", () => {
  it("invites tell officers to send the code in their chat with the bot on Zalo", () => {
    expect(r.moi).toContain("Cán bộ gửi trong cuộc trò chuyện với Đôn Đốc trên Zalo: /dangky");
    expect(r.moi).not.toContain("trong nhóm");
    expect(r.moiTag).toContain("cán bộ gửi /dangky MÃ trong cuộc trò chuyện với Đôn Đốc trên Zalo");
    expect(r.dangky).toContain("Đã đăng ký cuộc trò chuyện này cho UBND xã A");
  });

  it("/nhacnho from a Telegram admin names Zalo units' missing chats as chats, not groups", () => {
    expect(r.nhacnhoTelegram).toContain("1 đơn vị chưa có cuộc trò chuyện nào đăng ký để nhắc: UBND xã B");
    expect(r.nhacnhoTelegram).not.toContain("chưa có nhóm");
  });

  it("the Zalo reminder and help give an example of the unit's own task", () => {
    expect(r.reminder).toContain("(ví dụ: đã xây dựng kế hoạch tuyên truyền năm 2021)");
    expect(r.reminder).not.toContain("pa nô");
    expect(r.help).toContain("(hoặc gửi thẳng nội dung, ví dụ: đã xây dựng kế hoạch tuyên truyền năm 2021)");
  });
});
