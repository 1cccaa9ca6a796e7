import { spawn } from "node:child_process";
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Bot, GrammyError, InputFile, InputMediaBuilder, webhookCallback } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFakeTelegramServer, type FakeTelegram } from "../support/fake-telegram-server.js";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000002000000030806000000b9eadee30000000d49444154789c63600000000200015e2d1f9b0000000049454e44ae426082",
  "hex",
);

const alice = { id: 1001, first_name: "Alice", username: "alice", language_code: "vi" };
const privateChat = { id: 1001, type: "private" as const };
const group = { id: -2002, type: "group" as const, title: "Phòng Nội vụ" };

let fake: FakeTelegram;
const bots: Bot[] = [];

function makeBot(withBotInfo = true): Bot {
  const bot = new Bot(fake.token, {
    client: { apiRoot: fake.url },
    ...(withBotInfo ? { botInfo: fake.botInfo } : {}),
  });
  bots.push(bot);
  return bot;
}

/**
 * Starts long polling and resolves once the first getUpdates request is in flight.
 * Returns the `bot.start()` promise wrapped (an async function would flatten it).
 */
async function startPolling(bot: Bot): Promise<{ running: Promise<void> }> {
  const running = bot.start({ timeout: 1 });
  await new Promise<void>((resolve, reject) => {
    const t0 = Date.now();
    const tick = () => {
      if (fake.calls.some((c) => c.method === "getUpdates")) return resolve();
      if (Date.now() - t0 > 3000) return reject(new Error("polling did not start"));
      setTimeout(tick, 5);
    };
    tick();
  });
  return { running };
}

async function until(cond: () => boolean, timeoutMs = 3000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 5));
  }
}

beforeEach(async () => {
  fake = await createFakeTelegramServer({ longPollMaxMs: 1500 });
});

afterEach(async () => {
  for (const b of bots.splice(0)) if (b.isRunning()) await b.stop();
  await fake.close();
});

describe("fake Telegram Bot API server", () => {
  it("answers getMe through a real grammY bot, rejects wrong tokens and unknown methods", async () => {
    const bot = makeBot(false);
    await bot.init();
    expect(bot.botInfo).toMatchObject({ id: 123456789, is_bot: true, username: "dondoc_test_bot" });
    expect(fake.calls[0]).toMatchObject({ method: "getMe", status: 200 });

    const wrong = await fetch(`${fake.url}/bot999:nope/getMe`);
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ ok: false, error_code: 401, description: "Unauthorized" });

    const err = await bot.api.raw.getBusinessConnection({ business_connection_id: "x" }).catch((e) => e);
    expect(err).toBeInstanceOf(GrammyError);
    expect(err.error_code).toBe(404);
    expect(err.description).toBe("Not Found: method not found");
  });

  it("accepts GET query strings and urlencoded bodies", async () => {
    const r1 = await fetch(`${fake.url}/bot${fake.token}/sendMessage?chat_id=1001&text=hi%20there`);
    expect(((await r1.json()) as any).result).toMatchObject({
      message_id: 1,
      chat: { id: 1001, type: "private" },
      text: "hi there",
    });
    const r2 = await fetch(`${fake.url}/bot${fake.token}/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        chat_id: "-2002",
        text: "123",
        reply_markup: JSON.stringify({ inline_keyboard: [[{ text: "OK", callback_data: "ok" }]] }),
      }),
    });
    const body = (await r2.json()) as any;
    expect(body.result).toMatchObject({ message_id: 1, chat: { id: -2002, type: "group" }, text: "123" });
    expect(body.result.reply_markup.inline_keyboard[0][0].callback_data).toBe("ok");
    expect(fake.sent().map((s) => [s.chat_id, s.text])).toEqual([
      [1001, "hi there"],
      [-2002, "123"],
    ]);
  });

  it("long polling delivers an injected message and records the reply", async () => {
    const bot = makeBot(false);
    bot.on("message:text", (ctx) =>
      ctx.reply(`Đã nhận: ${ctx.message.text}`, { reply_parameters: { message_id: ctx.message.message_id } }),
    );
    const { running } = await startPolling(bot);

    const update = fake.sendUserMessage({ chat: privateChat, from: alice, text: "Báo cáo tuần" });
    const call = await fake.waitFor((c) => c.method === "sendMessage");
    expect(call.payload).toMatchObject({ chat_id: 1001, text: "Đã nhận: Báo cáo tuần" });
    const [rec] = fake.sent(1001);
    expect(rec).toMatchObject({
      method: "sendMessage",
      chat_id: 1001,
      text: "Đã nhận: Báo cáo tuần",
      message_id: update.message.message_id + 1,
    });
    expect(rec.message.reply_to_message.message_id).toBe(update.message.message_id);
    expect(rec.message.chat).toMatchObject({ id: 1001, type: "private", first_name: "Alice" });

    await bot.stop();
    await running;
    // the aborted long poll is marked 499 (client went away), never 409
    expect(fake.calls.filter((c) => c.method === "getUpdates").map((c) => c.status)).not.toContain(409);
    // stop() confirmed the offset: nothing pending any more
    expect(fake.pendingUpdates()).toEqual([]);
    expect(fake.stats()).toEqual({ sent: 1, rejected429: 0, duplicates: 0 });
  });

  it("builds bot_command entities including /cmd@botname in groups", async () => {
    const bot = makeBot();
    const seen: string[] = [];
    bot.command("baocao", async (ctx) => {
      seen.push(ctx.match);
      await ctx.reply("ok");
    });
    const { running } = await startPolling(bot);
    const u = fake.sendUserMessage({ chat: group, from: alice, text: "/baocao@dondoc_test_bot tuần 12" });
    expect(u.message.entities).toEqual([{ type: "bot_command", offset: 0, length: "/baocao@dondoc_test_bot".length }]);
    fake.sendUserMessage({ chat: group, from: alice, text: "/baocao@other_bot ignored" });
    fake.sendUserMessage({ chat: group, from: alice, text: "/baocao" });
    await fake.waitForSent(2, group.id);
    expect(seen).toEqual(["tuần 12", ""]);
    expect(fake.sent(group.id)[0].message.chat).toMatchObject({ id: -2002, type: "group", title: "Phòng Nội vụ" });
    await bot.stop();
    await running;
  });

  it("records uploaded photo/document bytes and media groups", async () => {
    const bot = makeBot();
    const msg = await bot.api.sendPhoto(privateChat.id, new InputFile(PNG, "a.png"), { caption: "Biểu đồ" });
    expect(msg.photo?.[0]).toMatchObject({ width: 2, height: 3, file_size: PNG.length });
    expect(msg.caption).toBe("Biểu đồ");
    const [rec] = fake.sent();
    expect(rec.method).toBe("sendPhoto");
    expect(rec.file).toMatchObject({ filename: "a.png", size: PNG.length });
    expect(typeof rec.file === "object" && rec.file.data.equals(PNG)).toBe(true);
    const call = fake.calls.find((c) => c.method === "sendPhoto")!;
    expect(call.payload.photo.data.equals(PNG)).toBe(true);
    expect(call.payload.chat_id).toBe(1001);

    const doc = Buffer.from("a,b\n1,2\n");
    const dmsg = await bot.api.sendDocument(-2002, new InputFile(doc, "bao-cao.csv"));
    expect(dmsg.document).toMatchObject({ file_name: "bao-cao.csv", file_size: doc.length });

    const group = await bot.api.sendMediaGroup(1001, [
      InputMediaBuilder.photo(new InputFile(PNG, "1.png"), { caption: "một" }),
      InputMediaBuilder.photo(new InputFile(Buffer.from(PNG), "2.png")),
    ]);
    expect(group).toHaveLength(2);
    expect((group[0] as any).media_group_id).toBe((group[1] as any).media_group_id);
    const mg = fake.sent(1001).filter((s) => s.method === "sendMediaGroup");
    expect(mg.map((s) => typeof s.file === "object" && s.file.filename)).toEqual(["1.png", "2.png"]);
    expect(mg[0].caption).toBe("một");
    // bot-sent photo can be fetched back
    const file = await bot.api.getFile(msg.photo![0].file_id);
    const res = await fetch(`${fake.url}/file/bot${fake.token}/${file.file_path}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it("getFile + download of a user-uploaded photo and document returns the same bytes", async () => {
    const bot = makeBot();
    const got: Buffer[] = [];
    bot.on(["message:photo", "message:document"], async (ctx) => {
      const fileId = ctx.message.photo ? ctx.message.photo.at(-1)!.file_id : ctx.message.document!.file_id;
      const f = await ctx.api.getFile(fileId);
      const res = await fetch(`${fake.url}/file/bot${fake.token}/${f.file_path}`);
      got.push(Buffer.from(await res.arrayBuffer()));
      await ctx.reply(`size ${f.file_size}`);
    });
    const { running } = await startPolling(bot);
    const u = fake.sendUserMessage({ chat: privateChat, from: alice, photo: PNG, caption: "ảnh" });
    expect(u.message.photo[0]).toMatchObject({ width: 2, height: 3, file_size: PNG.length });
    const xlsx = Buffer.from("PK\u0003\u0004 fake xlsx");
    fake.sendUserMessage({
      chat: privateChat,
      from: alice,
      document: {
        data: xlsx,
        file_name: "bc.xlsx",
        mime_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      },
    });
    await fake.waitForSent(2);
    expect(got[0].equals(PNG)).toBe(true);
    expect(got[1].equals(xlsx)).toBe(true);
    await bot.stop();
    await running;

    const id = fake.addFile(Buffer.from("xyz"), "documents/custom.txt");
    expect((await bot.api.getFile(id)).file_path).toBe("documents/custom.txt");
    expect(await (await fetch(`${fake.url}/file/bot${fake.token}/documents/custom.txt`)).text()).toBe("xyz");
    expect((await fetch(`${fake.url}/file/bot${fake.token}/nope.bin`)).status).toBe(404);
    const bad = await bot.api.getFile("nope").catch((e) => e);
    expect(bad).toBeInstanceOf(GrammyError);
  });

  it("failNext 429 answers once as Telegram does (retry_after), then the same call succeeds", async () => {
    const bot = makeBot();
    fake.failNext("sendMessage", { error_code: 429, retry_after: 1 });
    const refused = await bot.api.sendMessage(1001, "nhắc hạn").catch((e) => e);
    expect(refused).toBeInstanceOf(GrammyError);
    expect((refused as GrammyError).error_code).toBe(429);
    expect((refused as GrammyError).parameters.retry_after).toBe(1);
    const msg = await bot.api.sendMessage(1001, "nhắc hạn");
    expect(msg.text).toBe("nhắc hạn");
    const sendCalls = fake.calls.filter((c) => c.method === "sendMessage");
    expect(sendCalls.map((c) => c.status)).toEqual([429, 200]);
    expect(sendCalls[0].response).toEqual({
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    expect(fake.sent()).toHaveLength(1);
  });

  it("injects 5xx, 403, 400 and delays shaped like Telegram", async () => {
    const bot = makeBot();
    fake.failNext("sendMessage", { error_code: 502 });
    fake.failNext("sendMessage", { error_code: 400, description: "Bad Request: chat not found" });
    const e1 = await bot.api.sendMessage(1, "x").catch((e) => e);
    expect(e1).toBeInstanceOf(GrammyError);
    expect(e1.error_code).toBe(502);
    const e2 = await bot.api.sendMessage(1, "x").catch((e) => e);
    expect(e2.description).toBe("Bad Request: chat not found");

    fake.blockChat(1001);
    const e3 = await bot.api.sendMessage(1001, "x").catch((e) => e);
    expect(e3.error_code).toBe(403);
    expect(e3.description).toBe("Forbidden: bot was blocked by the user");
    fake.unblockChat(1001);

    fake.failNext("sendChatAction", { delayMs: 150 });
    const t0 = Date.now();
    expect(await bot.api.sendChatAction(1001, "typing")).toBe(true);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);

    const e4 = await bot.api.sendMessage(1001, "<b>unclosed", { parse_mode: "HTML" }).catch((e) => e);
    expect(e4.description).toMatch(/can't parse entities/);
    const ok = await bot.api.sendMessage(1001, "<b>Hạn</b> &lt;3 ngày", { parse_mode: "HTML" });
    expect(ok.text).toBe("Hạn <3 ngày");
    const edited = await bot.api.editMessageText(1001, ok.message_id, "Đã xong");
    expect(edited).toMatchObject({ text: "Đã xong" });
    const e5 = await bot.api.editMessageText(1001, ok.message_id, "Đã xong").catch((e) => e);
    expect(e5.description).toMatch(/message is not modified/);
    expect(fake.sent()).toHaveLength(1);
    expect(await bot.api.setMyCommands([{ command: "baocao", description: "Nộp báo cáo" }])).toBe(true);
  });

  it("rate limits answer 429 with retry_after and are not recorded as sent", async () => {
    fake.setLimits({ perChatPerSecond: 1, perGroupPerMinute: 2, globalPerSecond: 30 });
    const bot = makeBot();
    await bot.api.sendMessage(1001, "a");
    const e1 = await bot.api.sendMessage(1001, "a").catch((e) => e);
    expect(e1).toBeInstanceOf(GrammyError);
    expect(e1.error_code).toBe(429);
    expect(e1.parameters.retry_after).toBe(1);
    await bot.api.sendMessage(1002, "other private chat is fine");

    await bot.api.sendMessage(-2002, "g1");
    await bot.api.sendMessage(-2002, "g2");
    const e2 = await bot.api.sendMessage(-2002, "g3").catch((e) => e);
    expect(e2.error_code).toBe(429);
    expect(e2.parameters.retry_after).toBeGreaterThanOrEqual(59);
    expect(e2.parameters.retry_after).toBeLessThanOrEqual(60);
    expect(fake.sent().map((s) => s.text)).toEqual(["a", "other private chat is fine", "g1", "g2"]);
    expect(fake.stats()).toEqual({ sent: 4, rejected429: 2, duplicates: 0 });

    fake.setLimits({ globalPerSecond: 2 });
    fake.reset();
    await bot.api.sendMessage(1, "x");
    await bot.api.sendMessage(2, "x");
    expect((await bot.api.sendMessage(3, "x").catch((e) => e)).error_code).toBe(429);
    await bot.api.sendMessage(2, "x").catch(() => undefined);
    expect(fake.stats().rejected429).toBe(2);

    fake.setLimits(undefined);
    await bot.api.sendMessage(2, "x");
    expect(fake.stats()).toEqual({ sent: 3, rejected429: 2, duplicates: 1 });
  });

  it("webhook mode POSTs updates with the secret header and retries non-2xx", async () => {
    const bot = makeBot();
    bot.on("message:text", (ctx) => ctx.reply(`echo ${ctx.message.text}`));
    const handle = webhookCallback(bot, "http", { secretToken: "s3cret_token" });
    const seenSecrets: (string | undefined)[] = [];
    let failFirst = true;
    const server = http.createServer((req, res) => {
      seenSecrets.push(req.headers["x-telegram-bot-api-secret-token"] as string | undefined);
      if (failFirst) {
        failFirst = false;
        req.resume();
        res.writeHead(500).end();
        return;
      }
      void handle(req, res);
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    try {
      expect(await bot.api.setWebhook(hookUrl, { secret_token: "s3cret_token" })).toBe(true);
      expect((await bot.api.getWebhookInfo()).url).toBe(hookUrl);
      const conflict = await bot.api.getUpdates({ timeout: 0 }).catch((e) => e);
      expect(conflict.error_code).toBe(409);

      const u = fake.sendUserMessage({ chat: privateChat, from: alice, text: "xin chào" });
      await fake.waitFor((c) => c.method === "sendMessage");
      await until(() => fake.webhookDeliveries.length === 2);
      expect(fake.sent(1001)[0].text).toBe("echo xin chào");
      expect(seenSecrets).toEqual(["s3cret_token", "s3cret_token"]);
      expect(fake.webhookDeliveries.map((d) => [d.update_id, d.attempt, d.status])).toEqual([
        [u.update_id, 1, 500],
        [u.update_id, 2, 200],
      ]);
      expect((await bot.api.getWebhookInfo()).last_error_message).toMatch(/500/);

      expect(await bot.api.deleteWebhook()).toBe(true);
      expect((await bot.api.getWebhookInfo()).url).toBe("");
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it("getUpdates long poll honours offset/limit and is capped by longPollMaxMs", async () => {
    const bot = makeBot();
    const t0 = Date.now();
    expect(await bot.api.getUpdates({ timeout: 30 })).toEqual([]);
    const waited = Date.now() - t0;
    expect(waited).toBeGreaterThanOrEqual(1400);
    expect(waited).toBeLessThan(3000);

    const a = fake.injectUpdate({ message: { message_id: 1, date: 1, chat: { id: 5, type: "private" }, text: "a" } });
    const b = fake.sendUserMessage({ chat: privateChat, from: alice, text: "b" });
    expect((await bot.api.getUpdates({ limit: 1 })).map((u) => u.update_id)).toEqual([a.update_id]);
    expect((await bot.api.getUpdates({ offset: a.update_id + 1 })).map((u) => u.update_id)).toEqual([b.update_id]);
    expect(fake.pendingUpdates()).toHaveLength(1);

    // a waiting long poll is woken by an injection
    const p = bot.api.getUpdates({ offset: b.update_id + 1, timeout: 10 });
    await fake.waitFor((c) => c.method === "getUpdates" && c.status === undefined, 50).catch(() => undefined);
    setTimeout(() => fake.sendUserMessage({ chat: privateChat, from: alice, text: "c" }), 50);
    const got = await p;
    expect(got.map((u) => u.message?.text)).toEqual(["c"]);
  });

  it("runs as a standalone process with HTTP control endpoints", async () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const main = path.resolve(here, "../support/fake-telegram-main.ts");
    const tsx = path.resolve(here, "../../node_modules/.bin/tsx");
    const child = spawn(tsx, [main, "0", "42:standalone-token"], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let buf = "";
        const t = setTimeout(() => reject(new Error("no READY line")), 8000);
        child.stdout!.on("data", (d) => {
          buf += d;
          const m = /READY (\S+)/.exec(buf);
          if (m) {
            clearTimeout(t);
            resolve(m[1]);
          }
        });
        child.once("exit", (code) => reject(new Error(`exited ${code}`)));
      });
      const bot = new Bot("42:standalone-token", { client: { apiRoot: url } });
      const post = (p: string, body: unknown) =>
        fetch(`${url}/__control/${p}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        }).then((r) => r.json());
      await post("user-message", { chat: privateChat, from: alice, text: "/start" });
      const [upd] = await bot.api.getUpdates();
      expect(upd.message?.text).toBe("/start");
      expect(upd.message?.entities?.[0].type).toBe("bot_command");
      await post("limits", { perChatPerSecond: 1 });
      await bot.api.sendMessage(1001, "hello");
      await bot.api.sendMessage(1001, "hello").catch(() => undefined);
      const calls = (await (await fetch(`${url}/__control/calls`)).json()) as any[];
      expect(calls.map((c: any) => [c.method, c.status])).toEqual([
        ["getUpdates", 200],
        ["sendMessage", 200],
        ["sendMessage", 429],
      ]);
      expect(await (await fetch(`${url}/__control/stats`)).json()).toEqual({ sent: 1, rejected429: 1, duplicates: 0 });

      // A burst (the inbound bench): queued in one request, woken poll gets all of it, first replies timed in the fake.
      await post("reset", {});
      await post("limits", {});
      const waiting = bot.api.getUpdates({ offset: upd.update_id + 1, timeout: 5 });
      for (let i = 0; i < 100; i++) {
        const calls = (await (await fetch(`${url}/__control/calls`)).json()) as any[];
        if (calls.some((c) => c.method === "getUpdates" && c.status === undefined)) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(
        await post("user-messages", {
          messages: [1, 2, 3].map((n) => ({ chat: n === 3 ? group : privateChat, from: alice, text: `báo cáo ${n}` })),
        }),
      ).toEqual({ ok: true, injected: 3 });
      const burst = await waiting;
      expect(burst.map((u) => u.message?.text)).toEqual(["báo cáo 1", "báo cáo 2", "báo cáo 3"]);
      const replyTo = (u: (typeof burst)[number]) =>
        bot.api.sendMessage(u.message!.chat.id, "đã nhận", { reply_parameters: { message_id: u.message!.message_id } });
      await replyTo(burst[0]);
      await replyTo(burst[0]); // a second reply to the same message is not counted again
      await bot.api.sendMessage(group.id, "không phải trả lời");
      await replyTo(burst[2]);
      type Replies = { replies: number; seconds: number; latencies: number[] };
      const replies = (query: string) =>
        fetch(`${url}/__control/burst-replies?${query}`).then((r) => r.json() as Promise<Replies>);
      const partial = await replies("count=3&timeoutMs=100");
      expect(partial.replies).toBe(2);
      expect(partial.latencies).toHaveLength(2);
      expect(partial.latencies[0]).toBeLessThanOrEqual(partial.latencies[1]);
      const answered = replies("count=3&timeoutMs=5000");
      await replyTo(burst[1]);
      const all = await answered;
      expect(all.replies).toBe(3);
      expect(all.seconds * 1000).toBeGreaterThanOrEqual(Math.max(...all.latencies) - 1);
      await post("reset", {});
      expect((await replies("count=0")).replies).toBe(0);
    } finally {
      child.kill("SIGTERM");
      if (child.exitCode === null) await once(child, "exit");
    }
  });
});
