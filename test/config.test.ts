import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

const TOKEN = "123456789:AAEfake-token-for-tests_1234";

describe("configuration", () => {
  it("has working defaults and derives the database under DATA_DIR", () => {
    const config = loadConfig({ DATA_DIR: "/srv/don-doc" });
    expect(config.telegram).toBeUndefined();
    expect(config.databaseUrl).toBe("file:/srv/don-doc/don-doc.db");
    expect(config.timezone).toBe("Asia/Ho_Chi_Minh");
    expect(config.defaultLanguage).toBe("vi");
    expect(config.maxFileBytes).toBe(10 * 1024 * 1024);
    expect(config.sandbox).toEqual({ requested: false, host: "127.0.0.1", port: 3000 });
    expect(config.chromiumPath).toBe("/usr/bin/chromium");
  });

  it("names the instance for the cluster: INSTANCE_ID, else host name and process id; refuses a bad one", () => {
    expect(loadConfig({ INSTANCE_ID: "bot-1" }).instanceId).toBe("bot-1");
    expect(loadConfig({}).instanceId).toMatch(new RegExp(`-${process.pid}$`));
    expect(() => loadConfig({ INSTANCE_ID: "bot 1" })).toThrow(/INSTANCE_ID phải gồm 1–60 ký tự/);
  });

  it("reads the sandbox settings: SANDBOX=1 beside a channel, its host and port", () => {
    expect(
      loadConfig({ SANDBOX: "1", SANDBOX_HOST: "0.0.0.0", SANDBOX_PORT: "3100", CHROMIUM_PATH: "/opt/chromium" }),
    ).toMatchObject({
      sandbox: { requested: true, host: "0.0.0.0", port: 3100 },
      chromiumPath: "/opt/chromium",
    });
    expect(loadConfig({ SANDBOX: "" }).sandbox.requested).toBe(false);
  });

  it("reads Telegram settings and the first admins", () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: "http://127.0.0.1:9999/",
      ADMIN_TELEGRAM_IDS: "111, 222",
    });
    expect(config.telegram).toMatchObject({
      token: TOKEN,
      apiRoot: "http://127.0.0.1:9999",
      mode: "polling",
      adminIds: ["111", "222"],
    });
  });

  it("reads Zalo settings, its first admins and the public address for file links", () => {
    const config = loadConfig({
      ZALO_BOT_TOKEN: "1234567890:abcdEFGH_ij-kl",
      ADMIN_ZALO_IDS: "8f3a1c2b9d0e4f56, a1b2",
      PUBLIC_BASE_URL: "https://bot.example.gov.vn/",
    });
    expect(config.telegram).toBeUndefined();
    expect(config.zalo).toMatchObject({
      apiRoot: "https://bot-api.zaloplatforms.com",
      mode: "polling",
      adminIds: ["8f3a1c2b9d0e4f56", "a1b2"],
      ratePerSecond: 5,
    });
    expect(config.publicBaseUrl).toBe("https://bot.example.gov.vn");
  });

  it.each([
    [{ TIMEZONE: "Mars/Olympus" }, "TIMEZONE"],
    [{ TELEGRAM_BOT_TOKEN: "not-a-token" }, "TELEGRAM_BOT_TOKEN"],
    [{ TELEGRAM_MODE: "carrier-pigeon" }, "TELEGRAM_MODE"],
    [{ PORT: "70000" }, "PORT"],
    [{ SANDBOX: "yes" }, "SANDBOX"],
    [{ SANDBOX_PORT: "http" }, "SANDBOX_PORT"],
    [{ ADMIN_TELEGRAM_IDS: "abc" }, "ADMIN_TELEGRAM_IDS"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_MODE: "webhook" }, "WEBHOOK_URL"],
    [{ ZALO_BOT_TOKEN: "no-colon" }, "ZALO_BOT_TOKEN"],
    [{ ZALO_BOT_TOKEN: "123:abcdefghij", ZALO_MODE: "webhook" }, "ZALO_WEBHOOK_URL"],
    [
      {
        ZALO_BOT_TOKEN: "123:abcdefghij",
        ZALO_MODE: "webhook",
        ZALO_WEBHOOK_URL: "https://bot.example.vn/zalo",
        ZALO_WEBHOOK_SECRET: "short",
      },
      "ZALO_WEBHOOK_SECRET",
    ],
    [
      {
        ZALO_BOT_TOKEN: "123:abcdefghij",
        ZALO_MODE: "webhook",
        ZALO_WEBHOOK_URL: "http://bot.example.vn/zalo",
        ZALO_WEBHOOK_SECRET: "zalo-secret-1",
      },
      "ZALO_WEBHOOK_URL",
    ],
    [{ ADMIN_ZALO_IDS: "8f3a 1c2b" }, "ADMIN_ZALO_IDS"],
    [{ PUBLIC_BASE_URL: "ftp://files.example.vn" }, "PUBLIC_BASE_URL"],
    [{ ZALO_RATE_PER_SECOND: "0" }, "ZALO_RATE_PER_SECOND"],
    [
      {
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_MODE: "webhook",
        WEBHOOK_URL: "https://bot.example.vn/tg",
        WEBHOOK_SECRET: "short",
      },
      "WEBHOOK_SECRET",
    ],
  ])("stops with a Vietnamese and an English line naming the bad key: %j", (env, key) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    const [vi, en, more] = message.split("\n");
    expect(vi.startsWith(`Cấu hình không hợp lệ: ${key} `), vi).toBe(true);
    expect(vi).not.toMatch(/ (must|is|looks) /);
    expect(en.startsWith(`Invalid configuration: ${key} `), en).toBe(true);
    expect(more).toBeUndefined();
  });
});
