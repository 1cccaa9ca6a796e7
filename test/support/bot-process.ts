/**
 * The real app as a separate process, for crash tests:
 *   tsx test/support/bot-process.ts '{"clockStart":"2021-02-09T01:30:00Z","outboxConcurrency":8}'
 * Configuration comes from the environment (src/config.ts). The clock starts at `clockStart` and
 * runs at real speed, so reminders planned for that moment are due. SIGTERM stops it as main.ts
 * does (app.stop within SHUTDOWN_TIMEOUT_SECONDS, then exit 0). An unhandled rejection is printed
 * as "UNHANDLED_REJECTION" on stderr for the test to find. With `"log": true` the bot logs as in
 * production (pino JSON lines on stdout, at LOG_LEVEL), for tests that read its warnings.
 */
import pino from "pino";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createTestLogger } from "./harness.js";

process.on("unhandledRejection", (reason) => process.stderr.write(`UNHANDLED_REJECTION ${String(reason)}\n`));
const options = JSON.parse(process.argv[2] ?? "{}") as {
  clockStart?: string;
  outboxConcurrency?: number;
  log?: boolean;
};
const offset = options.clockStart ? Date.parse(options.clockStart) - Date.now() : 0;
const config = loadConfig();
const app = await createApp(config, {
  clock: { now: () => new Date(Date.now() + offset) },
  logger: options.log ? pino({ level: config.logLevel, redact: ["token", "*.token"] }) : createTestLogger(),
  outboxConcurrency: options.outboxConcurrency,
});
process.on("SIGTERM", () => void app.stop().then(() => process.exit(0)));
await app.start();
process.stdout.write(`STARTED ${app.http.port()}\n`);
