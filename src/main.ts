import { createApp } from "./app.js";
import { ConfigError, loadConfig, loadDotEnv } from "./config.js";
import { createTranslator } from "./i18n.js";

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
    // Nothing is configured yet, so both languages: Vietnamese first.
    const translator = createTranslator({ defaultLanguage: config.defaultLanguage });
    console.error(`${translator.t("vi")("cli:nothing_configured")}\n\n${translator.t("en")("cli:nothing_configured")}`);
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
