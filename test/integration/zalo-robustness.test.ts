import { afterEach, describe, expect, it } from "vitest";
import { parsePlanFile } from "../../src/core/plans/plan-file.js";
import { importPlan } from "../../src/core/plans/plan-import.js";
import { createTranslator } from "../../src/i18n.js";
import type { FakeZaloUser } from "../support/fake-zalo-server.js";
import { startZaloHarness, ZALO_ADMIN, ZALO_WEBHOOK_URL, type ZaloHarness } from "../support/zalo-harness.js";

const lan: FakeZaloUser = { id: "1a2b3c4d5e6f7081", display_name: "Nguyễn Thị Lan" };
const leader: FakeZaloUser = { id: "c0ffee0000000001", display_name: "Trần Văn Chủ Tịch" };
const group = { id: -4001, type: "supergroup" as const, title: "Xã Thạch Bình" };
const minh = { id: 402, first_name: "Minh" };

const PLAN = `plan:
  number: 20/KH-UBND
  date: 2021-01-29
  title: Kế hoạch tuyên truyền cải cách hành chính năm 2021
  issuer: Phòng Văn hóa và Thông tin
units:
  - { code: XA_THACH_BINH, name: "UBND xã Thạch Bình", kind: xa, tags: [xa] }
indicators:
  pano: { label: "Pa nô", measure: "cái", synonyms: ["pa nô", "pano"] }
tasks:
  - code: BC_CCHC
    title: "Báo cáo kết quả tuyên truyền cải cách hành chính"
    targets: [xa]
    deadline: "chậm nhất ngày 15/03/2021"
    indicators: [pano]
`;

let h: ZaloHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function withPlan(harness: ZaloHarness): Promise<string> {
  const parsed = parsePlanFile(PLAN, createTranslator().t("vi"));
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  await importPlan(
    { repos: harness.app.repos, clock: harness.clock, timezone: "Asia/Ho_Chi_Minh" },
    "cli",
    parsed.file,
  );
  const [invite] = await harness.say(ZALO_ADMIN, "/moi XA_THACH_BINH 2");
  return /: ([2-9A-Z]{8})\n/.exec(invite)![1];
}

async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("Telegram and Zalo in one process", () => {
  it("a unit with a Telegram group and a Zalo officer gets the reminder on both; a report from either counts once", async () => {
    h = await startZaloHarness({ telegram: true });
    const tg = h.telegram!;
    const code = await withPlan(h);
    tg.sendUserMessage({ from: minh, chat: group, text: `/dangky ${code}` });
    await tg.waitForSent(1, group.id);
    expect(tg.sent(group.id)[0].text).toContain("Đã đăng ký nhóm này cho UBND xã Thạch Bình");
    expect((await h.say(lan, `/dangky ${code}`))[0]).toContain("Đã đăng ký cuộc trò chuyện này cho UBND xã Thạch Bình");

    const [tgBefore, zaloBefore] = [tg.sent(group.id).length, h.zalo.sent(lan.id).length];
    await h.say(ZALO_ADMIN, "/nhacnho");
    const zalo = h.zalo;
    await waitUntil(() => tg.sent(group.id).length > tgBefore && zalo.sent(lan.id).length > zaloBefore);
    const onTelegram = tg.sent(group.id).at(-1)!.text!;
    const onZalo = h.zalo.sent(lan.id).at(-1)!.text!;
    for (const text of [onTelegram, onZalo]) expect(text).toContain("Nhắc hạn báo cáo — UBND xã Thạch Bình");
    // Each platform is told how to answer there: reply-to exists only on Telegram.
    expect(onTelegram).toContain("Trả lời tin nhắn này");
    expect(onZalo).not.toContain("Trả lời tin nhắn này");
    expect(onZalo).toContain("gửi thẳng nội dung vào đây");

    const before = tg.sent(group.id).length;
    tg.sendUserMessage({ from: minh, chat: group, text: "/baocao đã treo 5 pa nô" });
    await tg.waitForSent(before + 1, group.id);
    const [update] = await h.say(lan, "da treo 7 pano");
    expect(update).toContain("Đã cập nhật báo cáo của UBND xã Thạch Bình (lần 2)");
    const unit = (await h.app.repos.units.findByCode("XA_THACH_BINH"))!;
    const reports = await h.app.repos.reports.listForUnit(unit.id);
    expect(reports).toHaveLength(1);
    expect(reports[0].values).toEqual({ pano: 7 });
    expect((await h.app.repos.assignments.listOpenForUnit(unit.id)).length).toBe(0);
  });
});

describe("Zalo webhook mode", () => {
  const body = (text: string, messageId: string) =>
    JSON.stringify({
      event_name: "message.text.received",
      message: {
        message_id: messageId,
        from: { ...lan, is_bot: false },
        chat: { id: lan.id, chat_type: "PRIVATE" },
        date: Date.now(),
        text,
      },
    });

  it("registers the HTTPS address; refuses a wrong or missing secret with 401 and processes nothing; takes both body forms; a redelivery is processed once", async () => {
    h = await startZaloHarness({ webhook: true, fake: { webhookBody: "alternate" } });
    expect(h.zalo.webhook()?.url).toBe(ZALO_WEBHOOK_URL);
    // What the TLS proxy forwards to: the same path on the bot's own port.
    const local = `${h.baseUrl}/zalo/webhook`;
    const wrong = await fetch(local, {
      method: "POST",
      headers: { "x-bot-api-secret-token": "zalo-secret-0123456788" },
      body: body("/start", "w1"),
    });
    const missing = await fetch(local, { method: "POST", body: body("/start", "w2") });
    expect([wrong.status, missing.status]).toEqual([401, 401]);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.zalo.sent(lan.id)).toEqual([]);
    expect(await h.app.repos.people.find("zalo", lan.id)).toBeNull();

    // The fake posts the first update wrapped in {ok, result} (as documented), the second bare.
    const first = await h.say(lan, "/start");
    expect(first.join("\n")).toContain(`ID Zalo của đồng chí: ${lan.id}`);
    expect((await h.say(lan, "/trogiup")).join("\n")).toContain("Để bắt đầu");
    const update = h.zalo.userText({ from: lan, text: "/ngonngu" });
    await waitUntil(() => h!.zalo.sent(lan.id).length === 3);
    expect(await h.zalo.redeliver(update)).toBe(200);
    expect(await h.zalo.redeliver(update)).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(h.zalo.sent(lan.id)).toHaveLength(3);
    expect(h.zalo.webhookDeliveries.filter((d) => d.status === 200).length).toBe(5);
  });
});

describe("Zalo API failures", () => {
  it('server errors (403 "internal server error", a proxy\'s 5xx page) and dropped requests for a while: no crash, polling resumes, outbox sends are retried and arrive once', async () => {
    h = await startZaloHarness();
    const code = await withPlan(h);
    await h.say(lan, `/dangky ${code}`);

    h.zalo.failNext("getUpdates", { error_code: 403 }, 2);
    h.zalo.failNext("getUpdates", { hangMs: 300 }, 2);
    h.zalo.failNext("getUpdates", { httpStatus: 503, body: "<html>Service unavailable</html>" });
    // When no poll is in flight to take the message first, the five failures come in a row and polling backs
    // off 1 + 2 + 4 + 8 + 16 s before it is read: waited for, not the harness's usual 15 s.
    const asked = h.zalo.sent(lan.id).length;
    h.zalo.userText({ from: lan, text: "/nhiemvu" });
    await h.settle(lan.id, asked, 45_000);
    const replies = h.zalo
      .sent(lan.id)
      .slice(asked)
      .map((s) => s.text ?? "");
    expect(replies.join("\n")).toContain("Báo cáo kết quả tuyên truyền cải cách hành chính");

    // Every send fails for a while (more than the adapter's quick retries): the outbox keeps the reminder.
    h.zalo.failNext("sendMessage", { error_code: 403 }, 3);
    h.zalo.failNext("sendMessage", { hangMs: 200 }, 1);
    const before = h.zalo.sent(lan.id).length;
    await h.app.repos.outbox.enqueue({
      dedupeKey: "test:reminder",
      channel: "zalo",
      chatId: lan.id,
      kind: "manual",
      message: { type: "text", text: "Nhắc thử qua hộp thư đi" },
      notBefore: h.clock.now(),
    });
    await h.app.dispatcher.drain();
    expect(h.zalo.sent(lan.id).length).toBe(before);
    for (let i = 0; i < 4 && h.zalo.sent(lan.id).length === before; i++) {
      h.clock.advance(15 * 60_000);
      await h.app.dispatcher.drain();
    }
    await h.app.dispatcher.drain();
    expect(
      h.zalo
        .sent(lan.id)
        .slice(before)
        .map((s) => s.text),
    ).toEqual(["Nhắc thử qua hộp thư đi"]);
    expect(h.app.zalo!.status().alive).toBe(true);
  }, 90_000);
});

describe("Zalo without PUBLIC_BASE_URL", () => {
  it("says plainly that files need PUBLIC_BASE_URL and what to set, and still sends the text", async () => {
    h = await startZaloHarness({ env: { PUBLIC_BASE_URL: "" } });
    await withPlan(h);
    await h.say(ZALO_ADMIN, `/quyen zalo:${ZALO_ADMIN.id} admin`);
    const replies = await h.say(ZALO_ADMIN, "/xuat");
    const text = replies.join("\n");
    expect(text).toContain("Bảng tổng hợp thực hiện Kế hoạch số 20/KH-UBND");
    expect(text).toContain("PUBLIC_BASE_URL");
    expect(text).toContain("PUBLIC_BASE_URL=https://");
    expect(h.zalo.sent().filter((s) => s.method === "sendPhoto")).toEqual([]);
  });
});

describe("Zalo groups (beta): a unit's group chat", () => {
  const group = { id: "9a8b7c6d5e4f3a2b", chat_type: "GROUP" as const };

  it("registers with a mention, gets the reminder, takes a reply to it as the report; hears nothing else", async () => {
    h = await startZaloHarness();
    const code = await withPlan(h);
    const [registered] = await h.sayInGroup(lan, group, `/dangky ${code}`);
    expect(registered).toContain("Đã đăng ký nhóm này cho UBND xã Thạch Bình");
    expect((await h.app.repos.chats.find("zalo", group.id))?.chatType).toBe("group");

    const before = h.zalo.sent(group.id).length;
    await h.say(ZALO_ADMIN, "/nhacnho");
    await h.zalo.waitForSent(before + 1, group.id);
    const reminder = h.zalo.sent(group.id).at(-1)!;
    expect(reminder.text).toContain("Nhắc hạn báo cáo — UBND xã Thạch Bình");

    // Not a mention, not a reply: the platform does not deliver it.
    h.zalo.userText({ from: lan, chat: group, text: "chiều nay họp thôn nhé" });
    const [confirmation] = await h.sayInGroup(lan, group, "da treo 7 pano", { replyTo: reminder.message_id });
    expect(confirmation).toContain("Đã ghi nhận báo cáo của UBND xã Thạch Bình");
    expect(confirmation).toContain("• Pa nô: 7 cái");
    const unit = (await h.app.repos.units.findByCode("XA_THACH_BINH"))!;
    expect((await h.app.repos.reports.listForUnit(unit.id))[0].values).toEqual({ pano: 7 });
    expect(h.zalo.undelivered.map((u) => u.message.text)).toEqual(["chiều nay họp thôn nhé"]);
    // The bot's answers in the group are plain texts the API accepted.
    expect(h.zalo.calls.filter((c) => c.status === 400)).toEqual([]);
  });

  it("answers a command after the bot's mention in the group", async () => {
    h = await startZaloHarness();
    const code = await withPlan(h);
    await h.sayInGroup(lan, group, `/dangky ${code}`);
    const [tasks] = await h.sayInGroup(lan, group, "/nhiemvu");
    expect(tasks).toContain("Báo cáo kết quả tuyên truyền cải cách hành chính");
  });
});
