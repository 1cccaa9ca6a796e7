import { createApp } from "./app.js";
import { ConfigError, loadConfig, loadDotEnv } from "./config.js";

const NOTHING_CONFIGURED = `Đôn Đốc chưa có kênh nào để chạy.
  Đặt TELEGRAM_BOT_TOKEN (lấy từ @BotFather trên Telegram) trong tệp .env hoặc biến môi trường,
  và ADMIN_TELEGRAM_IDS (ID Telegram của quản trị viên đầu tiên). Xem .env.example.
  Ví dụ: TELEGRAM_BOT_TOKEN=123456:ABC-DEF ADMIN_TELEGRAM_IDS=111222333 npm start

Đôn Đốc has no channel to run.
  Set TELEGRAM_BOT_TOKEN (from @BotFather on Telegram) in .env or the environment,
  and ADMIN_TELEGRAM_IDS (Telegram user ids of the first admins). See .env.example.
  Example: TELEGRAM_BOT_TOKEN=123456:ABC-DEF ADMIN_TELEGRAM_IDS=111222333 npm start`;

async function main(): Promise<void> {
  let config;
  try {
    loadDotEnv();
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (!config.telegram) {
    console.error(NOTHING_CONFIGURED);
    process.exit(1);
  }
  const app = await createApp(config);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: stopping…`);
    await app.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  await app.start();
}

await main();
