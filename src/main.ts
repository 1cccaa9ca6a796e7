import pino from "pino";
import { createApp, type App } from "./app.js";
import { startSandbox, sandboxPaths, type Sandbox } from "./channels/sandbox/sandbox.js";
import { setupCli } from "./cli/setup.js";

async function main(): Promise<void> {
  const { config, t } = setupCli();
  // Nothing configured: the sandbox alone is the embedded default, so a fresh clone runs.
  const withSandbox = !config.telegram || config.sandbox.requested;
  let app: App | undefined;
  let sandbox: Sandbox | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: stopping…`);
    await sandbox?.stop();
    await app?.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  if (config.telegram) {
    app = await createApp(config);
    await app.start();
  }
  if (withSandbox) {
    const logger = pino({ level: config.logLevel });
    sandbox = await startSandbox({ config, logger, t });
    console.log(t("sandbox:started", { url: sandbox.url, db: sandboxPaths(config).dbFile }));
    if (!config.telegram) console.log(t("sandbox:connect_hint"));
    await sandbox.started();
  }
}

await main();
