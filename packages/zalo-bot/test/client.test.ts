import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFakeZaloServer, type FakeZalo } from "../../../test/support/fake-zalo-server.js";
import { escapeHtml, normalizeUpdates, stripMention, ZaloApiError, ZaloClient, ZaloHttpError } from "../src/index.js";

let fake: FakeZalo;
let client: ZaloClient;
beforeEach(async () => {
  fake = await createFakeZaloServer({ longPollMaxMs: 300 });
  client = new ZaloClient(fake.token, { apiRoot: `${fake.url}/`, timeoutMs: 1000 });
});
afterEach(() => fake.close());

const from = { id: "a1b2c3d4e5f60718", display_name: "Nguyễn Văn An" };

describe("ZaloClient", () => {
  it("calls getMe and sends a message, with string ids and millisecond dates", async () => {
    const me = await client.getMe();
    expect(me).toMatchObject({ account_name: "don_doc_bot", can_join_groups: false });
    const sent = await client.sendMessage(from.id, "Xin chào");
    expect(sent.message_id).toMatch(/^[0-9a-f]{32}$/);
    expect(sent.date).toBeGreaterThan(1e12);
    expect(fake.calls.at(-1)).toMatchObject({ method: "sendMessage", payload: { chat_id: from.id, text: "Xin chào" } });
  });

  it("gets one update per poll and treats the API's 408 as an empty poll", async () => {
    fake.userText({ from, text: "một" });
    fake.userText({ from, text: "hai" });
    expect((await client.getUpdates({ timeout: 1 })).map((u) => u.message?.text)).toEqual(["một"]);
    expect((await client.getUpdates({ timeout: 1 })).map((u) => u.message?.text)).toEqual(["hai"]);
    expect(await client.getUpdates({ timeout: 1 })).toEqual([]);
    expect(fake.calls.at(-1)?.status).toBe(408);
  });

  it("throws ZaloApiError with the code and description", async () => {
    const error = await client.sendMessage(from.id, "x".repeat(2001)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloApiError);
    expect(error).toMatchObject({ code: 400, method: "sendMessage" });
    expect((error as ZaloApiError).description).toMatch(/2000/);
    // 429 is "quota exceeded" and says nothing of when to try again (retry_after is Telegram's).
    fake.failNext("sendMessage", { error_code: 429 });
    const quota = await client.sendMessage(from.id, "a").catch((e: unknown) => e);
    expect(quota).toMatchObject({ code: 429, description: "Quota exceeded" });
    expect(quota).not.toHaveProperty("retryAfter");
    // 403 is the documented "internal server error", not a refusal.
    fake.failNext("sendMessage", { error_code: 403 });
    expect(await client.sendMessage(from.id, "a").catch((e: unknown) => e)).toMatchObject({
      code: 403,
      description: "Internal server error",
    });
  });

  it("sends parse_mode html or markdown, and plain text without it", async () => {
    await client.sendMessage(from.id, `<b>Tổng hợp</b> ${escapeHtml("Kế hoạch <số 1> & 2")}`, { parse_mode: "html" });
    await client.sendMessage(from.id, "*đậm*", { parse_mode: "markdown" });
    await client.sendMessage(from.id, "<b> như đã viết");
    expect(fake.sent(from.id).map((s) => [s.text, s.parse_mode])).toEqual([
      ["<b>Tổng hợp</b> Kế hoạch &lt;số 1&gt; &amp; 2", "html"],
      ["*đậm*", "markdown"],
      ["<b> như đã viết", undefined],
    ]);
    expect(fake.calls.at(-1)?.payload).not.toHaveProperty("parse_mode");
  });

  it("throws ZaloHttpError on a timeout, an HTML error page, and a wrong token, without the token in messages", async () => {
    fake.failNext("sendMessage", { hangMs: 1500 });
    const timeout = await client.sendMessage(from.id, "a").catch((e: unknown) => e);
    expect(timeout).toBeInstanceOf(ZaloHttpError);
    expect(timeout).toMatchObject({ timedOut: true });
    fake.failNext("sendMessage", { httpStatus: 502, body: "<html>Bad gateway</html>" });
    expect(await client.sendMessage(from.id, "a").catch((e: unknown) => e)).toMatchObject({
      name: "ZaloHttpError",
      status: 502,
    });
    const wrong = new ZaloClient("999:wrong-token", { apiRoot: fake.url });
    const unauthorized = await wrong.getMe().catch((e: unknown) => e);
    expect(unauthorized).toMatchObject({ code: 401 });
    expect(String((timeout as Error).message) + String((timeout as Error).cause)).not.toContain(fake.token);
  });

  it("sets, reads and deletes a webhook; getUpdates refuses while one is set", async () => {
    await expect(
      client.setWebhook({ url: "https://bot.example.vn/zalo", secret_token: "short" }),
    ).rejects.toMatchObject({ code: 400 });
    await client.setWebhook({ url: "https://bot.example.vn/zalo", secret_token: "s3cret-token" });
    expect((await client.getWebhookInfo()).url).toBe("https://bot.example.vn/zalo");
    await expect(client.getUpdates({ timeout: 0 })).rejects.toBeInstanceOf(ZaloApiError);
    await client.deleteWebhook();
    expect((await client.getWebhookInfo()).url).toBe("");
  });

  it("sends a photo by URL, a sticker and a chat action", async () => {
    fake.userPhoto({ from, photo: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) });
    const [update] = await client.getUpdates({ timeout: 1 });
    expect(fake.calls.at(-1)?.payload).toEqual({ timeout: "1" });
    await client.sendPhoto(from.id, { url: update.message!.photo! }, { caption: "Ảnh" });
    await client.sendSticker(from.id, "abc");
    await client.sendChatAction(from.id);
    expect(fake.sent(from.id).map((s) => [s.method, s.caption ?? "", s.photoStatus ?? 0])).toEqual([
      ["sendPhoto", "Ảnh", 200],
      ["sendSticker", "", 0],
    ]);
    expect(fake.calls.at(-1)).toMatchObject({ method: "sendChatAction", payload: { action: "typing" } });
  });
});

describe("normalizeUpdates", () => {
  const message = {
    message_id: "m1",
    from: { id: "u1", name: "Lan" },
    chat: { id: "u1", chat_type: "PRIVATE" },
    date: 1612345678,
    photo: "https://x/p.jpg",
  };

  it("accepts flat, wrapped and array bodies and older field names", () => {
    const flat = normalizeUpdates({ event_name: "message.image.received", message });
    expect(flat).toEqual(normalizeUpdates({ ok: true, result: { event_name: "message.image.received", message } }));
    expect(normalizeUpdates([{ event_name: "message.image.received", message }])).toEqual(flat);
    expect(flat[0].message).toMatchObject({
      photo: "https://x/p.jpg",
      photo_url: "https://x/p.jpg",
      from: { display_name: "Lan" },
      date: 1612345678000,
    });
  });

  it("reads an image's URL from photo (documented) or photo_url (real payloads), a voice's from voice_url", () => {
    const { photo: _, ...bare } = message;
    const viaPhotoUrl = normalizeUpdates({
      event_name: "message.image.received",
      message: { ...bare, photo_url: "https://x/q.jpg" },
    })[0].message;
    expect(viaPhotoUrl).toMatchObject({ photo: "https://x/q.jpg", photo_url: "https://x/q.jpg" });
    const voice = normalizeUpdates({
      event_name: "message.voice.received",
      message: { ...bare, voice_url: "https://x/v.aac" },
    })[0].message;
    expect(voice).toMatchObject({ voice_url: "https://x/v.aac" });
    expect(voice).not.toHaveProperty("url");
    const sticker = normalizeUpdates({
      event_name: "message.sticker.received",
      message: { ...bare, sticker: "s1", url: "https://x/s1.png" },
    })[0].message;
    expect(sticker).toMatchObject({ sticker: "s1", url: "https://x/s1.png" });
  });

  it("takes the bot's mention out of a group message", () => {
    expect(stripMention("@Bot Đôn Đốc /baocao 12 pa nô")).toBe("/baocao 12 pa nô");
    expect(stripMention("@Bot Đôn Đốc đã treo 12 pa nô", ["Bot Đôn Đốc"])).toBe("đã treo 12 pa nô");
    expect(stripMention("đã treo 12 pa nô @bot đôn đốc", ["Bot Đôn Đốc"])).toBe("đã treo 12 pa nô");
    expect(stripMention("@Bot Đôn Đốc, thôn 3: 12 pa nô", ["Bot Đôn Đốc"])).toBe("thôn 3: 12 pa nô");
    // Another member's mention, and a date, stay.
    expect(stripMention("@Lan gửi giúp 12/3 nhé", ["Bot Đôn Đốc"])).toBe("@Lan gửi giúp 12/3 nhé");
    expect(stripMention("/baocao 12 pa nô", ["Bot Đôn Đốc"])).toBe("/baocao 12 pa nô");
  });

  it("keeps events without a message and drops what is not an update", () => {
    expect(normalizeUpdates({ event_name: "message.unsupported.received" })).toEqual([
      { event_name: "message.unsupported.received" },
    ]);
    expect(normalizeUpdates({ ok: false, error_code: 408 })).toEqual([]);
    expect(normalizeUpdates("nonsense")).toEqual([]);
    expect(
      normalizeUpdates({
        event_name: "message.text.received",
        message: { message_id: 5, from: { id: 42 }, chat: { id: 42 }, text: "hi" },
      })[0].message,
    ).toMatchObject({ message_id: "5", chat: { id: "42", chat_type: "PRIVATE" } });
  });
});
