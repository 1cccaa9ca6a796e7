import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BOT_NAME, createFakeZaloServer, type FakeZalo } from "../../../test/support/fake-zalo-server.js";
import { Bot, Composer, type Context } from "../src/index.js";

let fake: FakeZalo;
const stops: (() => Promise<void>)[] = [];
beforeEach(async () => {
  fake = await createFakeZaloServer({ longPollMaxMs: 200 });
});
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
  await fake.close();
});

const from = { id: "0a1b2c3d4e5f6789", display_name: "Trần Thị Bình" };
const quiet = { onPollingError: () => {} };

function launched(bot: Bot): Bot {
  void bot.launch({ pollTimeout: 1, backoffMs: 50, maxBackoffMs: 200 });
  stops.push(() => bot.stop());
  return bot;
}

describe("Bot routing", () => {
  it("routes commands (any case, with payload and args), hears, filters and composers in order", async () => {
    const bot = new Bot(fake.token, { apiRoot: fake.url, ...quiet });
    const seen: string[] = [];
    bot.use(async (ctx, next) => {
      ctx.state.seenBy = "logger";
      await next();
    });
    const feature = new Composer();
    feature.command(["baocao", "bc"], (ctx) =>
      ctx.reply(`cmd=${ctx.command} payload=${ctx.payload} args=${ctx.args.join("|")}`),
    );
    bot.use(feature);
    bot.start((ctx) => ctx.reply(`start ${ctx.from?.display_name} ${ctx.state.seenBy}`));
    bot.help((ctx) => ctx.reply("help"));
    bot.hears(["chào", /^(\d+) pa nô$/], (ctx) => ctx.reply(`hears ${ctx.match?.[1] ?? ctx.match?.[0]}`));
    bot.on("photo", (ctx) => ctx.replyWithPhoto(ctx.message!.photo_url!, { caption: `photo ${ctx.text}` }));
    bot.on(["sticker", "voice"], (ctx) => ctx.reply(`${ctx.eventName} ${ctx.updateType}`));
    bot.on("message", (ctx) => {
      seen.push(ctx.text ?? "");
      return ctx.sendChatAction();
    });
    launched(bot);
    const inputs: (() => void)[] = [
      () => fake.userText({ from, text: "/Start" }),
      () => fake.userText({ from, text: "/baocao  đã treo 12 pa nô\n3 tin bài" }),
      () => fake.userText({ from, text: "/bc" }),
      () => fake.userText({ from, text: "/help" }),
      () => fake.userText({ from, text: "chào" }),
      () => fake.userText({ from, text: "12 pa nô" }),
      () => fake.userPhoto({ from, photo: Buffer.from([0xff, 0xd8, 0xff]), caption: "thôn 3" }),
      () => fake.userSticker({ from }),
      () => fake.userVoice({ from }),
    ];
    for (const [i, input] of inputs.entries()) {
      input();
      await fake.waitForSent(i + 1, from.id);
    }
    fake.userText({ from, text: "không khớp gì" });
    await waitUntil(() => seen.length === 1);
    expect(fake.sent(from.id).map((s) => s.text ?? s.caption)).toEqual([
      "start Trần Thị Bình logger",
      "cmd=baocao payload=đã treo 12 pa nô\n3 tin bài args=đã|treo|12|pa|nô|3|tin|bài",
      "cmd=bc payload= args=",
      "help",
      "hears chào",
      "hears 12",
      "photo thôn 3",
      "message.sticker.received message",
      "message.voice.received message",
    ]);
    expect(seen).toEqual(["không khớp gì"]);
    expect(bot.telegram).toBe(bot.zalo);
    expect(bot.botInfo?.account_name).toBe("don_doc_bot");
  });

  it("sends middleware errors to bot.catch and keeps polling", async () => {
    const bot = new Bot(fake.token, { apiRoot: fake.url, ...quiet });
    const caught: string[] = [];
    bot.catch((error, ctx: Context) => caught.push(`${(error as Error).message} @ ${ctx.text}`));
    bot.hears("hỏng", () => {
      throw new Error("boom");
    });
    bot.on("text", (ctx) => ctx.reply("ok"));
    launched(bot);
    fake.userText({ from, text: "hỏng" });
    fake.userText({ from, text: "tiếp" });
    await fake.waitForSent(1, from.id);
    expect(caught).toEqual(["boom @ hỏng"]);
  });
});

describe("Groups (beta)", () => {
  const group = { id: "9a8b7c6d5e4f3a2b", chat_type: "GROUP" as const };

  it("matches a command after the bot's mention; gets mentions and replies to the bot, nothing else", async () => {
    const bot = new Bot(fake.token, {
      apiRoot: fake.url,
      botInfo: { ...fake.botInfo, display_name: BOT_NAME },
      ...quiet,
    });
    bot.command("baocao", (ctx) => ctx.reply(`cmd ${ctx.payload}`));
    bot.on("text", (ctx) => ctx.reply(`text ${ctx.textWithoutMention} (${ctx.chat?.chat_type})`));
    launched(bot);
    fake.userText({ from, chat: group, text: `@${BOT_NAME} /baocao 12 pa nô` });
    await fake.waitForSent(1, group.id);
    fake.userText({ from, chat: group, text: "chuyện riêng trong nhóm" });
    fake.userText({ from, chat: group, text: `@${BOT_NAME} đã treo 3 pa nô` });
    await fake.waitForSent(2, group.id);
    fake.userText({ from, chat: group, text: "đã treo 5 pa nô", replyTo: fake.sent(group.id)[0].message_id });
    await fake.waitForSent(3, group.id);
    expect(fake.sent(group.id).map((s) => s.text)).toEqual([
      "cmd 12 pa nô",
      "text đã treo 3 pa nô (GROUP)",
      "text đã treo 5 pa nô (GROUP)",
    ]);
    expect(fake.undelivered.map((u) => u.message.text)).toEqual(["chuyện riêng trong nhóm"]);
  });

  it("finds a command after a mention even when getMe does not give the bot's shown name", async () => {
    const bot = new Bot(fake.token, { apiRoot: fake.url, ...quiet });
    bot.command("nhiemvu", (ctx) => ctx.reply("có"));
    launched(bot);
    fake.userText({ from, chat: group, text: `@${BOT_NAME} /NhiemVu` });
    await fake.waitForSent(1, group.id);
    expect(fake.sent(group.id)[0].text).toBe("có");
  });
});

describe("Bot.launch", () => {
  it("removes a webhook first, then survives server errors, HTML pages and timeouts with backoff and resumes", async () => {
    const errors: number[] = [];
    let recovered = 0;
    const bot = new Bot(fake.token, {
      apiRoot: fake.url,
      timeoutMs: 300,
      onPollingError: (_e, wait) => errors.push(wait),
      onPollingRecovered: () => recovered++,
    });
    bot.on("text", (ctx) => ctx.reply(`ok ${ctx.text}`));
    await bot.zalo.setWebhook({ url: "https://bot.example.vn/hook", secret_token: "12345678" });
    // 403 is the documented "internal server error"; a proxy's HTML page and a hang are not API answers.
    fake.failNext("getUpdates", { error_code: 403 }, 2);
    fake.failNext("getUpdates", { httpStatus: 503, body: "<html>down</html>" });
    fake.failNext("getUpdates", { hangMs: 2000 });
    launched(bot);
    await waitUntil(() => fake.webhook() === undefined);
    fake.userText({ from, text: "sau sự cố" });
    await fake.waitForSent(1, from.id, 10_000);
    expect(fake.sent(from.id)[0].text).toBe("ok sau sự cố");
    // 50, 100, 200, then capped at 200.
    expect(errors).toEqual([50, 100, 200, 200]);
    expect(recovered).toBe(1);
  });

  it("keeps retrying getMe while the API is down at start", async () => {
    fake.failNext("getMe", { error_code: 403 }, 2);
    const bot = new Bot(fake.token, { apiRoot: fake.url, ...quiet });
    bot.on("text", (ctx) => ctx.reply("lên rồi"));
    let launchedAt = 0;
    void bot.launch({ pollTimeout: 1, backoffMs: 20 }, () => (launchedAt = Date.now()));
    stops.push(() => bot.stop());
    fake.userText({ from, text: "alo" });
    await fake.waitForSent(1, from.id);
    expect(launchedAt).toBeGreaterThan(0);
    expect(fake.calls.filter((c) => c.method === "getMe").length).toBe(3);
  });

  it("stop() returns within a second during a long poll and launch() resolves", async () => {
    const slow = await createFakeZaloServer({ longPollMaxMs: 30_000 });
    const bot = new Bot(slow.token, { apiRoot: slow.url, ...quiet });
    const done = bot.launch({ pollTimeout: 30 });
    await waitUntil(() => slow.calls.some((c) => c.method === "getUpdates"));
    const t0 = Date.now();
    await bot.stop();
    await done;
    expect(Date.now() - t0).toBeLessThan(1000);
    await slow.close();
  });
});

describe("Bot.webhookCallback", () => {
  const SECRET = "webhook-secret-0123";

  async function serve(bot: Bot): Promise<string> {
    const server = http.createServer(bot.webhookCallback(SECRET));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    stops.push(() => new Promise((r) => server.close(() => r())));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  }

  it("is registered with an HTTPS URL only, as the platform requires", async () => {
    const bot = new Bot(fake.token, { apiRoot: fake.url });
    await expect(
      bot.zalo.setWebhook({ url: "http://bot.example.vn/hook", secret_token: SECRET }),
    ).rejects.toMatchObject({ code: 400 });
    await bot.zalo.setWebhook({ url: "https://bot.example.vn/hook", secret_token: SECRET });
    expect(fake.webhook()?.url).toBe("https://bot.example.vn/hook");
  });

  it("answers 401 to a wrong or missing secret and processes nothing", async () => {
    const bot = new Bot(fake.token, { apiRoot: fake.url });
    const handled: string[] = [];
    bot.on("text", (ctx) => void handled.push(ctx.text!));
    const url = await serve(bot);
    const body = JSON.stringify({
      event_name: "message.text.received",
      message: { message_id: "m1", from, chat: { id: from.id, chat_type: "PRIVATE" }, date: Date.now(), text: "x" },
    });
    const wrong = await fetch(url, {
      method: "POST",
      headers: { "x-bot-api-secret-token": "webhook-secret-0124" },
      body,
    });
    const missing = await fetch(url, { method: "POST", body });
    const short = await fetch(url, { method: "POST", headers: { "x-bot-api-secret-token": "w" }, body });
    expect([wrong.status, missing.status, short.status]).toEqual([401, 401, 401]);
    const notJson = await fetch(url, { method: "POST", headers: { "x-bot-api-secret-token": SECRET }, body: "{oops" });
    expect(notJson.status).toBe(400);
    expect(handled).toEqual([]);
  });

  it("accepts wrapped (documented) and flat bodies from the platform and processes a redelivery once", async () => {
    const alternating = await createFakeZaloServer({ webhookBody: "alternate" });
    stops.push(() => alternating.close());
    const bot = new Bot(alternating.token, { apiRoot: alternating.url });
    const handled: string[] = [];
    bot.on("text", (ctx) => void handled.push(ctx.text!));
    // The platform posts to the public HTTPS address; the proxy there forwards to the bot.
    alternating.proxyWebhooksTo(new URL(await serve(bot)).origin);
    await bot.zalo.setWebhook({ url: "https://bot.example.vn/hook", secret_token: SECRET });
    const first = alternating.userText({ from, text: "một" });
    alternating.userText({ from, text: "hai" });
    await waitUntil(() => handled.length === 2);
    expect(await alternating.redeliver(first)).toBe(200);
    expect(await alternating.redeliver(first)).toBe(200);
    expect(handled).toEqual(["một", "hai"]);
    expect(alternating.webhookDeliveries.map((d) => d.status)).toEqual([200, 200, 200, 200]);
  });

  it("lets a redelivery through when the first attempt failed", async () => {
    const bot = new Bot(fake.token, { apiRoot: fake.url });
    let attempts = 0;
    bot.on("text", () => {
      if (++attempts === 1) throw new Error("database busy");
    });
    bot.catch((error) => {
      throw error;
    });
    const url = await serve(bot);
    const body = JSON.stringify({
      ok: true,
      result: {
        event_name: "message.text.received",
        message: { message_id: "m9", from, chat: { id: from.id, chat_type: "PRIVATE" }, date: Date.now(), text: "x" },
      },
    });
    const post = () =>
      fetch(url, { method: "POST", headers: { "x-bot-api-secret-token": SECRET }, body }).then((r) => r.status);
    expect(await post()).toBe(500);
    expect(await post()).toBe(200);
    expect(await post()).toBe(200);
    expect(attempts).toBe(2);
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
}
