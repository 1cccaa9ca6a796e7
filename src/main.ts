import pino from "pino";
import { type App, createApp } from "./app.js";
import type { Sandbox } from "./channels/sandbox/sandbox.js";
import { setupCli } from "./cli/setup.js";
import { InstanceLockedError } from "./db/instance-lock.js";

/** Exit code when another instance holds the database (a supervisor should not restart in a loop). */
const EXIT_LOCKED = 3;

async function main(): Promise<void> {
  const { config, t, translator } = setupCli();
  // Nothing configured: the sandbox alone is the embedded default, so a fresh clone runs.
  const chatChannel = !!(config.telegram || config.zalo);
  const withSandbox = !chatChannel || config.sandbox.requested;
  const logger = pino({ level: config.logLevel, redact: ["token", "*.token"] });
  // Never die of a stray rejection: log it at error level and keep serving (the durable inbox and
  // outbox keep their work either way). An uncaught exception leaves unknown state: exit non-zero.
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));
  process.on("uncaughtException", (error) => {
    logger.fatal({ err: error }, "uncaught exception, exiting");
    process.exit(1);
  });

  let app: App | undefined;
  let sandbox: Sandbox | undefined;
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, deadlineMs: config.shutdownTimeoutMs }, "stopping");
    // The deadline holds even if a step hangs: what is unfinished is safe in the database.
    const backstop = setTimeout(() => {
      logger.warn("shutdown deadline passed, exiting");
      process.exit(0);
    }, config.shutdownTimeoutMs + 500);
    backstop.unref();
    Promise.all([sandbox?.stop(), app?.stop()]).then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));

  // Another instance on the same database: say so in both languages and stop, never a stack trace.
  const exitLocked = (error: InstanceLockedError): never => {
    const holder = error.holder
      ? `pid ${error.holder.pid}, ${error.holder.host}, ${error.holder.startedAt}`
      : undefined;
    const say = (lng: string) =>
      translator.t(lng)("system:instance_locked", {
        holder: holder ?? translator.t(lng)("system:instance_locked_unknown"),
        file: error.lockFile,
      });
    console.error(`${say("vi")}\n\n${say("en")}`);
    process.exit(EXIT_LOCKED);
  };

  if (chatChannel) {
    try {
      app = await createApp(config, { logger });
    } catch (error) {
      if (!(error instanceof InstanceLockedError)) throw error;
      return exitLocked(error);
    }
    await app.start();
  }
  if (withSandbox) {
    // Loaded only when used: a production bot does not carry the sandbox (and its plan reader).
    const { startSandbox, sandboxPaths } = await import("./channels/sandbox/sandbox.js");
    try {
      sandbox = await startSandbox({ config, logger, t });
    } catch (error) {
      if (
        (error as NodeJS.ErrnoException).code !== "EADDRINUSE" &&
        (error as NodeJS.ErrnoException).code !== "EADDRNOTAVAIL"
      )
        throw error;
      const say = (lng: string) =>
        translator.t(lng)("sandbox:port_busy", { host: config.sandbox.host, port: config.sandbox.port });
      console.error(`${say("vi")}\n\n${say("en")}`);
      process.exit(1);
    }
    console.log(t("sandbox:started", { url: sandbox.url, db: sandboxPaths(config).dbFile }));
    if (!chatChannel) console.log(t("sandbox:connect_hint"));
    await sandbox
      .started()
      .catch((error: unknown) => (error instanceof InstanceLockedError ? exitLocked(error) : Promise.reject(error)));
  }
}

await main();
