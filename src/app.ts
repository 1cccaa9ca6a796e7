import type { UserFromGetMe } from "grammy/types";
import pino from "pino";
import { createTelegramChannel, type TelegramChannel } from "./channels/telegram/telegram-channel.js";
import type { RateLimits } from "./channels/rate-limiter.js";
import { createMessengerHub } from "./channels/messenger-hub.js";
import type { Config } from "./config.js";
import { createBotCore, type BotCore } from "./core/bot.js";
import type { Clock, Inbox, Logger, Messenger } from "./core/ports.js";
import type { Repositories } from "./core/repositories.js";
import { enqueueDueReminders, nextReminderAt } from "./core/reminders/reminders.js";
import { syncAllTasks } from "./core/plans/tasks.js";
import { createQuestionExpiryPlanner } from "./core/reports/pending-question.js";
import { openDatabase, sqlitePath, type Db } from "./db/database.js";
import { createPrismaRepositories } from "./db/repositories.js";
import { createFeatures } from "./features/index.js";
import { createHttpServer, type HttpServer } from "./http/http-server.js";
import { createMemoryInbox } from "./inbox/memory-inbox.js";
import type { FeatureDeps } from "./features/deps.js";
import { createTranslator } from "./i18n.js";
import { createFileStore } from "./storage/file-store.js";
import { createOutboxDispatcher, type OutboxDispatcher } from "./scheduler/outbox-dispatcher.js";
import { createRollupPlanner } from "./scheduler/rollup-job.js";
import { createScheduler, type Scheduler } from "./scheduler/scheduler.js";
import { createBackupJob } from "./scheduler/backup-job.js";

export interface App {
  db: Db;
  repos: Repositories;
  core: BotCore;
  inbox: Inbox;
  /** The shared HTTP server (webhooks, file links, health), listening once `start()` ran. */
  http: HttpServer;
  telegram?: TelegramChannel;
  deps: FeatureDeps;
  dispatcher: OutboxDispatcher;
  scheduler: Scheduler;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A channel that lives inside the bot (the sandbox): its messenger, and where it hands messages. */
export interface EmbeddedChannel {
  messenger: Messenger;
  attach(inbox: Inbox): void;
  /** User ids on this channel that are admins from the start (like ADMIN_TELEGRAM_IDS). */
  adminIds: string[];
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Wires everything from a validated config: database, translations, channels, core.
 * `main.ts` calls it with the real config; integration tests call it with a temp database,
 * a fake Bot API root and a controllable clock.
 * @example const app = await createApp(config, { clock: systemClock }); await app.start();
 */
export async function createApp(config: Config, options: { clock?: Clock; logger?: Logger; botInfo?: UserFromGetMe; telegramLimits?: RateLimits; outboxConcurrency?: number; scheduler?: boolean; sandbox?: EmbeddedChannel } = {}): Promise<App> {
  const logger: Logger = options.logger ?? pino({ level: config.logLevel, redact: ["token", "*.token"] });
  const clock = options.clock ?? systemClock;
  const db = await openDatabase(config.databaseUrl);
  const repos = createPrismaRepositories(db);
  const telegram = config.telegram
    ? createTelegramChannel({ token: config.telegram.token, apiRoot: config.telegram.apiRoot, logger, botInfo: options.botInfo, limits: options.telegramLimits })
    : undefined;
  const messenger = createMessengerHub({ telegram: telegram?.messenger, sandbox: options.sandbox?.messenger });
  const deps: FeatureDeps = {
    repos,
    messenger,
    clock,
    logger,
    translations: createTranslator({ defaultLanguage: config.defaultLanguage }),
    defaultLanguage: config.defaultLanguage,
    initialAdmins: [
      ...(config.telegram?.adminIds ?? []).map((userId) => ({ channel: "telegram" as const, userId })),
      ...(options.sandbox?.adminIds ?? []).map((userId) => ({ channel: "sandbox" as const, userId })),
    ],
    timezone: config.timezone,
    maxFileBytes: config.maxFileBytes,
    files: createFileStore(config.dataDir),
    dataDir: config.dataDir,
    onScheduleChange: () => scheduler.changed(),
  };
  const dispatcher = createOutboxDispatcher({ ...deps, concurrency: options.outboxConcurrency });
  const scheduler = createScheduler({
    dispatcher,
    logger,
    timezone: config.timezone,
    sync: () => syncAllTasks(deps),
    planners: [
      { name: "reminders", enqueueDue: () => enqueueDueReminders(deps), nextAt: () => nextReminderAt(deps) },
      createRollupPlanner(deps),
      createQuestionExpiryPlanner(deps),
    ],
  });
  const core = createBotCore(deps, createFeatures(deps));
  const inbox = createMemoryInbox({ handle: (incoming) => core.handle(incoming), logger });
  telegram?.attach(inbox);
  options.sandbox?.attach(inbox);
  const http = createHttpServer({ logger });
  let listening = false;

  const backupJob = config.backup.dir
    ? createBackupJob({ databaseFile: sqlitePath(config.databaseUrl), dataDir: config.dataDir, outDir: config.backup.dir, keep: config.backup.keep, timezone: config.timezone, logger })
    : undefined;

  return {
    db,
    repos,
    core,
    inbox,
    http,
    telegram,
    deps,
    dispatcher,
    scheduler,
    async start() {
      if (config.telegram?.mode === "webhook") {
        await http.listen(config.port, "0.0.0.0");
        listening = true;
      }
      // The channel first: the first tick may already send catch-up reminders.
      if (telegram && config.telegram) {
        if (config.telegram.mode === "webhook") await telegram.startWebhook(http, config.telegram.webhookUrl!, config.telegram.webhookSecret!);
        else await telegram.startPolling();
      }
      if (options.scheduler !== false) {
        await scheduler.start();
        backupJob?.start();
      } else await syncAllTasks(deps);
    },
    async stop() {
      await scheduler.stop();
      await backupJob?.stop();
      await telegram?.stop();
      if (listening) await http.close();
      await inbox.drain();
      await db.$disconnect();
    },
  };
}
