import { Telegraf } from "telegraf";
import { afterEach, describe, expect, it } from "vitest";
import { createFakeTelegramServer, type FakeTelegram } from "../../../test/support/fake-telegram-server.js";
import { createFakeZaloServer, type FakeZalo } from "../../../test/support/fake-zalo-server.js";
import { Bot } from "../src/index.js";
import { installGreeterBot } from "./compat/greeter-bot.js";

const PHOTO = Buffer.from("ffd8ffe000104a46494600010100000100010000ffd9", "hex");

/** What the user does, the same on both platforms. */
type Step = { text: string } | { photo: Buffer; caption: string };
const STEPS: Step[] = [
  { text: "/start" },
  { text: "/cong 2 3" },
  { text: "/cong hai ba" },
  { text: "Cảm ơn bot nhé" },
  { photo: PHOTO, caption: "pa nô ở thôn 3" },
  { text: "xin chào" },
];

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function underTelegraf(): Promise<{ replies: string[]; log: string[] }> {
  const fake: FakeTelegram = await createFakeTelegramServer({ longPollMaxMs: 200 });
  const bot = new Telegraf(fake.token, { telegram: { apiRoot: fake.url } });
  const log: string[] = [];
  installGreeterBot(bot, (e) => log.push(e.updateType));
  void bot.launch();
  cleanup.push(async () => {
    bot.stop();
    await fake.close();
  });
  const user = { id: 501, first_name: "Lan" };
  const chat = { id: 501, type: "private" as const };
  for (const [i, step] of STEPS.entries()) {
    fake.sendUserMessage(
      "text" in step
        ? { from: user, chat, text: step.text }
        : { from: user, chat, photo: step.photo, caption: step.caption },
    );
    await fake.waitForSent(i + 1, chat.id);
  }
  await waitUntil(() => log.length === STEPS.length);
  return { replies: fake.sent(chat.id).map((s) => s.text ?? ""), log };
}

async function underZaloSdk(): Promise<{ replies: string[]; log: string[] }> {
  const fake: FakeZalo = await createFakeZaloServer({ longPollMaxMs: 200 });
  const bot = new Bot(fake.token, { apiRoot: fake.url });
  const log: string[] = [];
  installGreeterBot(bot, (e) => log.push(e.updateType));
  void bot.launch();
  cleanup.push(async () => {
    await bot.stop();
    await fake.close();
  });
  const from = { id: "7f3a9c21d4e5b6a8", display_name: "Lan" };
  for (const [i, step] of STEPS.entries()) {
    if ("text" in step) fake.userText({ from, text: step.text });
    else fake.userPhoto({ from, photo: step.photo, caption: step.caption });
    await fake.waitForSent(i + 1, from.id);
  }
  await waitUntil(() => log.length === STEPS.length);
  return { replies: fake.sent(from.id).map((s) => s.text ?? ""), log };
}

describe("Telegraf compatibility", () => {
  it("runs one Telegraf bot module unchanged under Telegraf and under the Zalo SDK, with the same replies", async () => {
    const telegraf = await underTelegraf();
    const zalo = await underZaloSdk();
    expect(telegraf.replies).toEqual([
      "Xin chào! Gửi /cong 2 3 để cộng hai số.",
      "2 + 3 = 5",
      "Cách dùng: /cong 2 3",
      "Không có gì ạ (Cảm ơn).",
      "Đã nhận ảnh: pa nô ở thôn 3.",
      "Bạn viết: xin chào",
    ]);
    expect(zalo.replies).toEqual(telegraf.replies);
    // The timing middleware saw every update, as a "message", on both.
    expect(zalo.log).toEqual(telegraf.log);
    expect(zalo.log).toEqual(STEPS.map(() => "message"));
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
}
