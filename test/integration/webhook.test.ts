import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createFakeTelegramServer, type FakeTelegram } from "../support/fake-telegram-server.js";
import { ADMIN, createTestLogger } from "../support/harness.js";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const SECRET = "s3cret-Webhook_token";
let fake: FakeTelegram;
let app: App;
let url: string;
const dir = mkdtempSync(path.join(tmpdir(), "don-doc-webhook-"));

beforeAll(async () => {
  fake = await createFakeTelegramServer();
  const port = await freePort();
  url = `http://127.0.0.1:${port}/telegram/webhook`;
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.url,
    TELEGRAM_MODE: "webhook",
    WEBHOOK_URL: url,
    WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    DATA_DIR: dir,
    ADMIN_TELEGRAM_IDS: String(ADMIN.id),
  });
  app = await createApp(config, { logger: createTestLogger(), botInfo: fake.botInfo, scheduler: false });
  await app.start();
});
afterAll(async () => {
  await app?.stop();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("webhook mode", () => {
  it("registers the webhook with its secret and answers updates Telegram posts", async () => {
    expect(fake.webhookInfo()).toMatchObject({ url });
    fake.sendUserMessage({ from: ADMIN, chat: { id: ADMIN.id, type: "private" }, text: "/trogiup" });
    const [reply] = await fake.waitForSent(1, ADMIN.id);
    expect(reply.text).toContain("Quản trị:");
  });

  it("refuses posts without the right secret token", async () => {
    const update = { update_id: 999, message: { message_id: 1, date: 0, chat: { id: 1, type: "private" }, from: { id: 1, is_bot: false, first_name: "X" }, text: "/start" } };
    const post = (secret?: string) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) }, body: JSON.stringify(update) });
    expect((await post()).status).toBe(401);
    expect((await post("wrong-secret-token!!")).status).toBe(401);
    expect((await post(SECRET.slice(0, -1))).status).toBe(401);
    expect(fake.sent(1)).toHaveLength(0);
    expect((await post(SECRET)).status).toBe(200);
  });
});
