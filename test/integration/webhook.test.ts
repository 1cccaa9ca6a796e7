import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../../src/app.js";
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
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
let fake: FakeTelegram;
let app: App;
let url: string;
const dir = mkdtempSync(path.join(tmpdir(), "don-doc-webhook-"));

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
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
  process.off("unhandledRejection", onUnhandled);
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
    const update = {
      update_id: 999,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 1, type: "private" },
        from: { id: 1, is_bot: false, first_name: "X" },
        text: "/start",
      },
    };
    const post = (secret?: string) =>
      fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}),
        },
        body: JSON.stringify(update),
      });
    expect((await post()).status).toBe(401);
    expect((await post("wrong-secret-token!!")).status).toBe(401);
    expect((await post(SECRET.slice(0, -1))).status).toBe(401);
    expect(fake.sent(1)).toHaveLength(0);
    expect((await post(SECRET)).status).toBe(200);
  });

  it("answers a body that is not an update with 400 and keeps working", async () => {
    const post = (body: string) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
        body,
      });
    expect((await post("<html>" + "x".repeat(5_000))).status).toBe(400);
    expect((await post("[1,2,3]")).status).toBe(400);
    expect((await post("null")).status).toBe(400);
    fake.sendUserMessage({ from: ADMIN, chat: { id: ADMIN.id, type: "private" }, text: "/start" });
    await fake.waitForSent(2, ADMIN.id);
  });

  it("an update whose handling takes 15 s is answered at once; the process lives and the update completes", async () => {
    const before = fake.sent(ADMIN.id).length;
    fake.failNext("getFile", { delayMs: 15_000 });
    const update = fake.sendUserMessage({
      from: ADMIN,
      chat: { id: ADMIN.id, type: "private" },
      caption: "/nhapkehoach",
      document: {
        data: readFileSync("plans/thach-thanh-cchc-2021.yaml"),
        file_name: "plan.yaml",
        mime_type: "text/yaml",
      },
    });
    const t0 = Date.now();
    while (!fake.webhookDeliveries.some((d) => d.update_id === update.update_id && d.status !== null))
      await new Promise((r) => setTimeout(r, 20));
    const delivery = fake.webhookDeliveries.find((d) => d.update_id === update.update_id)!;
    expect(delivery.status).toBe(200);
    expect(Date.now() - t0).toBeLessThan(3_000);
    const sent = await fake.waitForSent(before + 1, ADMIN.id, 40_000);
    expect(
      sent
        .slice(before)
        .map((s) => s.text)
        .join("\n"),
    ).toContain("Đã nhập kế hoạch");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(15_000);
    expect(fake.webhookDeliveries.filter((d) => d.update_id === update.update_id)).toHaveLength(1);
    expect(unhandled).toEqual([]);
  }, 60_000);
});
