import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createFakeTelegramServer, type FakeTelegram } from "./fake-telegram-server.js";
import {
  BOT_NAME,
  createFakeZaloServer,
  type FakeZalo,
  type FakeZaloChat,
  type FakeZaloOptions,
  type FakeZaloUser,
} from "./fake-zalo-server.js";
import { createManualClock, createTestLogger } from "./harness.js";

export const ZALO_ADMIN: FakeZaloUser = { id: "ad0000000000a001", display_name: "Hoa Phòng VHTT" };
/** The public HTTPS address of the bot's Zalo webhook; the fake forwards deliveries to the bot's port. */
export const ZALO_WEBHOOK_URL = "https://bot.example.gov.vn/zalo/webhook";
const FAST = { globalPerSecond: 1000, perChatPerSecond: 1000, perGroupPerMinute: 60_000 };

export interface ZaloHarness {
  zalo: FakeZalo;
  /** Present when started with `telegram: true`. */
  telegram?: FakeTelegram;
  app: App;
  clock: ReturnType<typeof createManualClock>;
  logger: ReturnType<typeof createTestLogger>;
  dataDir: string;
  /** The bot's own HTTP server (file links, webhooks). */
  baseUrl: string;
  /** Sends a text as a user in their private chat; resolves with what the bot sent back there. */
  say(from: FakeZaloUser, text: string): Promise<string[]>;
  /**
   * Sends a text in a Zalo group, mentioning the bot ("@Bot Đôn Đốc …") unless `replyTo` names one
   * of the bot's messages there; resolves with what the bot sent back to the group.
   */
  sayInGroup(from: FakeZaloUser, group: FakeZaloChat, text: string, options?: { replyTo?: string }): Promise<string[]>;
  /** Sends a photo; resolves with what the bot sent back. */
  sayPhoto(from: FakeZaloUser, photo: Buffer, caption?: string): Promise<string[]>;
  /** Waits until no message reached the chat for a short while, after at least one new one. */
  settle(chatId: string, before: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A fake Zalo Bot API on 127.0.0.1, a temp SQLite database and the real app with only Zalo
 * configured (plus Telegram when asked), polling or webhook, with PUBLIC_BASE_URL on the app's port.
 */
export async function startZaloHarness(
  options: {
    now?: string;
    env?: Record<string, string>;
    webhook?: boolean;
    telegram?: boolean;
    fake?: FakeZaloOptions;
  } = {},
): Promise<ZaloHarness> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Zalo posts webhooks to an HTTPS address: the proxy there forwards them to the bot's port.
  const zalo = await createFakeZaloServer({ longPollMaxMs: 300, webhookProxy: baseUrl, ...options.fake });
  const telegram = options.telegram ? await createFakeTelegramServer({ longPollMaxMs: 300 }) : undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), "don-doc-zalo-"));
  const config = loadConfig({
    ZALO_BOT_TOKEN: zalo.token,
    ZALO_API_ROOT: zalo.url,
    ADMIN_ZALO_IDS: ZALO_ADMIN.id,
    PUBLIC_BASE_URL: baseUrl,
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    ...(options.webhook
      ? { ZALO_MODE: "webhook", ZALO_WEBHOOK_URL, ZALO_WEBHOOK_SECRET: "zalo-secret-0123456789" }
      : {}),
    ...(telegram
      ? { TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.url, ADMIN_TELEGRAM_IDS: "111" }
      : {}),
    ...options.env,
  });
  const clock = createManualClock(options.now ?? "2021-03-10T02:00:00Z");
  const logger = createTestLogger();
  const app = await createApp(config, {
    clock,
    logger,
    botInfo: telegram?.botInfo,
    telegramLimits: FAST,
    zaloLimits: FAST,
    zaloPollTimeoutSeconds: 1,
  });
  await app.start();

  async function settle(chatId: string, before: number, timeoutMs = 15_000): Promise<void> {
    const t0 = Date.now();
    while (zalo.sent(chatId).length === before) {
      if (Date.now() - t0 > timeoutMs) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    let count = zalo.sent(chatId).length;
    for (;;) {
      await new Promise((r) => setTimeout(r, 200));
      const now = zalo.sent(chatId).length;
      if (now === count) return;
      count = now;
    }
  }

  async function exchange(chatId: string, act: () => void): Promise<string[]> {
    const before = zalo.sent(chatId).length;
    act();
    await settle(chatId, before);
    return zalo
      .sent(chatId)
      .slice(before)
      .map((s) => s.text ?? s.caption ?? "");
  }

  return {
    zalo,
    telegram,
    app,
    clock,
    logger,
    dataDir,
    baseUrl,
    settle,
    say: (from, text) => exchange(from.id, () => zalo.userText({ from, text })),
    sayPhoto: (from, photo, caption) => exchange(from.id, () => zalo.userPhoto({ from, photo, caption })),
    sayInGroup: (from, group, text, extra = {}) =>
      exchange(group.id, () =>
        zalo.userText({
          from,
          chat: group,
          text: extra.replyTo ? text : `@${BOT_NAME} ${text}`,
          replyTo: extra.replyTo,
        }),
      ),
    async close() {
      await app.stop();
      await zalo.close();
      await telegram?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
