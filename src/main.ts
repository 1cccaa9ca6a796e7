import { createApp } from "./app.js";
import { setupCli } from "./cli/setup.js";

async function main(): Promise<void> {
  const { config, translator } = setupCli();
  if (!config.telegram) {
    // Nothing is configured yet, so both languages: Vietnamese first.
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
