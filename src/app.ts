import path from "node:path";
import type { UserFromGetMe } from "grammy/types";
import pino from "pino";
import { createMessengerHub } from "./channels/messenger-hub.js";
import type { RateLimits } from "./channels/rate-limiter.js";
import {
  type ChannelStatus,
  createTelegramChannel,
  type TelegramChannel,
} from "./channels/telegram/telegram-channel.js";
import type { ZaloChannel } from "./channels/zalo/zalo-channel.js";
import { type Cluster, createCluster, STEP_DOWN_DEADLINE_MS } from "./cluster/cluster.js";
import { createInboxClaims } from "./cluster/inbox-claims.js";
import { createInboxSweep } from "./cluster/inbox-sweep.js";
import { createLeaderJobs, type LeaderStage } from "./cluster/leader-jobs.js";
import type { Config } from "./config.js";
import { type BotCore, createBotCore } from "./core/bot.js";
import { formatDateTime } from "./core/format.js";
import { syncAllTasks } from "./core/plans/tasks.js";
import { type Clock, type Inbox, type Logger, type Messenger, messageSource } from "./core/ports.js";
import { enqueueDueReminders, nextReminderAt } from "./core/reminders/reminders.js";
import { createQuestionExpiryPlanner } from "./core/reports/pending-question.js";
import type { Repositories } from "./core/repositories.js";
import { cleanName, truncate } from "./core/text-limits.js";
import type { Address, Translate } from "./core/types.js";
import { resolveOrgName } from "./core/units/org-name.js";
import { type Db, databaseKind, openDatabase, sqlitePath } from "./db/database.js";
import { oldestDuePending, writeHeartbeat } from "./db/health-queries.js";
import { createInboxStore } from "./db/inbox-store.js";
import { acquireInstanceLock } from "./db/instance-lock.js";
import { createPostgresInboxStore } from "./db/postgres-inbox-store.js";
import { createPostgresRepositories } from "./db/postgres-repositories.js";
import { createRepositories } from "./db/sqlite-repositories.js";
import { isStorageFault } from "./db/storage-faults.js";
import type { FeatureDeps } from "./features/deps.js";
import { createFeatures } from "./features/index.js";
import { installHealthRoutes } from "./health/health-routes.js";
import { createStorageHealth, type StorageHealth } from "./health/storage-health.js";
import { createFileLinks } from "./http/file-links.js";
import { createHttpServer, type HttpServer } from "./http/http-server.js";
import { createTranslator } from "./i18n.js";
import { createDurableInbox, type DurableInbox, type DurableInboxOptions } from "./inbox/durable-inbox.js";
import type { StoredMessage } from "./inbox/inbox-store.js";
import { createRenderPool } from "./render/render-pool.js";
import { createAdminAlerts } from "./scheduler/admin-alerts.js";
import { createBackupJob } from "./scheduler/backup-job.js";
import { createOutboxDispatcher, type OutboxDispatcher } from "./scheduler/outbox-dispatcher.js";
import { createRollupPlanner } from "./scheduler/rollup-job.js";
import { createScheduler, type Scheduler } from "./scheduler/scheduler.js";
import { createFileStore, removeStaleTempFiles } from "./storage/file-store.js";

export interface App {
  db: Db;
  repos: Repositories;
  core: BotCore;
  inbox: DurableInbox;
  /** The shared HTTP server (webhooks, file links, /healthz, /readyz), listening once `start()` ran. */
  http: HttpServer;
  telegram?: TelegramChannel;
  zalo?: ZaloChannel;
  deps: FeatureDeps;
  /** The outbox dispatcher of this leadership term (a standby's is stopped: it only delivers answers). */
  readonly dispatcher: OutboxDispatcher;
  /** The scheduler of this leadership term. */
  readonly scheduler: Scheduler;
  /** The leader lease among the instances on one database (SQLite: always the leader). */
  cluster: Cluster;
  storage: StorageHealth;
  start(): Promise<void>;
  /**
   * Stops taking updates, lets sends and handlings in progress finish for up to `deadlineMs`
   * (default: the configured shutdown timeout), puts unfinished sends back to pending, closes the
   * database and releases the instance lock. Unfinished incoming messages stay in the inbox.
   */
  stop(deadlineMs?: number): Promise<void>;
}

/** A channel that lives inside the bot (the sandbox): its messenger, and where it hands messages. */
export interface EmbeddedChannel {
  messenger: Messenger;
  attach(inbox: Inbox): void;
  /** User ids on this channel that are admins from the start (like ADMIN_TELEGRAM_IDS). */
  adminIds: string[];
}

export const systemClock: Clock = { now: () => new Date() };

export interface AppOptions {
  clock?: Clock;
  logger?: Logger;
  botInfo?: UserFromGetMe;
  telegramLimits?: RateLimits;
  /** Overrides ZALO_RATE_PER_SECOND's limits (tests). */
  zaloLimits?: RateLimits;
  /** Zalo long-poll wait in seconds (tests shorten it so stopping is quick). */
  zaloPollTimeoutSeconds?: number;
  outboxConcurrency?: number;
  scheduler?: boolean;
  sandbox?: EmbeddedChannel;
}

/** How often the running instance writes its lease row (also a storage probe). */
const HEARTBEAT_MS = 30_000;

/**
 * Wires everything from a validated config: instance lock, database, translations, channels,
 * inbox, core, outbox, health checks. `main.ts` calls it with the real config; integration tests
 * call it with a temp database, a fake Bot API root and a controllable clock.
 * Throws {@link InstanceLockedError} when another instance runs on the same database.
 * @example const app = await createApp(config, { clock: systemClock }); await app.start();
 */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger: Logger = options.logger ?? pino({ level: config.logLevel, redact: ["token", "*.token"] });
  const clock = options.clock ?? systemClock;
  // PostgreSQL serves several instances: no file lock (the cluster's leader election decides roles).
  const postgresql = databaseKind(config.databaseUrl) === "postgresql";
  const lock =
    postgresql || sqlitePath(config.databaseUrl) === ":memory:"
      ? { release() {} }
      : acquireInstanceLock(sqlitePath(config.databaseUrl));
  let db: Db;
  try {
    db = await openDatabase(config.databaseUrl);
  } catch (error) {
    lock.release();
    throw error;
  }
  const repos = postgresql ? await createPostgresRepositories(db) : createRepositories(db);
  const newTelegramChannel = (telegramConfig: NonNullable<Config["telegram"]>) =>
    createTelegramChannel({
      token: telegramConfig.token,
      apiRoot: telegramConfig.apiRoot,
      logger,
      botInfo: options.botInfo,
      limits: options.telegramLimits,
    });
  const telegram = config.telegram ? newTelegramChannel(config.telegram) : undefined;
  const translations = createTranslator({ defaultLanguage: config.defaultLanguage });
  translations.setOrgName(await resolveOrgName(repos, config.orgName, { now: clock.now(), timezone: config.timezone }));
  const t = translations.t(config.defaultLanguage);
  const http = createHttpServer({ logger });
  // Zalo takes photos and files only by URL: the bot serves them itself under PUBLIC_BASE_URL.
  const fileLinks = config.publicBaseUrl
    ? createFileLinks({
        baseUrl: config.publicBaseUrl,
        dir: path.join(config.dataDir, "links"),
        http,
        clock,
        logger,
        goneText: t("files:link_gone"),
      })
    : undefined;
  const newZaloChannel = async (zaloConfig: NonNullable<Config["zalo"]>) => {
    // Loaded only for a bot that has Zalo: one that has not starts without it.
    const { createZaloChannel, zaloLimits } = await import("./channels/zalo/zalo-channel.js");
    return createZaloChannel({
      token: zaloConfig.token,
      apiRoot: zaloConfig.apiRoot,
      logger,
      limits: options.zaloLimits ?? zaloLimits(zaloConfig.ratePerSecond),
      fileLinks,
      t,
      pollTimeoutSeconds: options.zaloPollTimeoutSeconds,
      // A group registered before a restart keeps the group pace before it writes again.
      isGroupChat: async (chatId) => (await repos.chats.find("zalo", chatId))?.chatType === "group",
    });
  };
  const zalo: ZaloChannel | undefined = config.zalo ? await newZaloChannel(config.zalo) : undefined;
  if (zalo && !fileLinks) logger.warn({}, "PUBLIC_BASE_URL is not set: charts and files cannot be sent on Zalo");
  const messenger = createMessengerHub({
    telegram: telegram?.messenger,
    zalo: zalo?.messenger,
    sandbox: options.sandbox?.messenger,
  });
  const initialAdmins = [
    ...(config.telegram?.adminIds ?? []).map((userId) => ({ channel: "telegram" as const, userId })),
    ...(config.zalo?.adminIds ?? []).map((userId) => ({ channel: "zalo" as const, userId })),
    ...(options.sandbox?.adminIds ?? []).map((userId) => ({ channel: "sandbox" as const, userId })),
  ];
  const deps: FeatureDeps = {
    repos,
    messenger,
    clock,
    logger,
    translations,
    defaultLanguage: config.defaultLanguage,
    initialAdmins,
    timezone: config.timezone,
    maxFileBytes: config.maxFileBytes,
    files: createFileStore(config.dataDir),
    dataDir: config.dataDir,
    orgName: config.orgName,
    onScheduleChange: () => scheduleChanged(),
    onOutboxQueued: (at) => outboxQueued(at),
    // Charts, workbooks and draft reports are drawn on a worker thread, never blocking the handling of reports.
    renderer: createRenderPool({ translations, logger }),
  };
  const alerts = createAdminAlerts(deps);

  /** Why alerts may not reach every admin (configured by id, never wrote to the bot), if so. */
  async function alertWarning(): Promise<string | undefined> {
    const recipients = await alerts.recipients();
    if (!recipients.length)
      return "alerts have nowhere to go: no admin is configured (ADMIN_TELEGRAM_IDS, ADMIN_ZALO_IDS) or named with /quyen";
    const unheard = recipients.filter((r) => !r.known).map((r) => `${r.channel}:${r.userId}`);
    if (!unheard.length) return undefined;
    const reachable = recipients.length - unheard.length;
    return reachable
      ? `alerts cannot reach admins ${unheard.join(", ")} until they write to the bot (e.g. /start in a private chat)`
      : `alerts have nowhere to go: no admin has written to the bot yet (${unheard.join(", ")} must send /start in a private chat with it)`;
  }

  /** A message given up at start: its sender is asked to send it again, and the admins are told. */
  async function tellGivenUp(row: StoredMessage): Promise<void> {
    const m = row.incoming;
    const source = messageSource(m);
    const time = formatDateTime(m.date, config.timezone);
    const text = cleanName(m.text).trim();
    const what = (tr: Translate) =>
      text
        ? tr("system:what_text", { text: text.length > 60 ? `${truncate(text, 60)}…` : text })
        : tr(
            m.files.some((f) => f.kind === "photo")
              ? "system:what_photo"
              : m.files.length
                ? "system:what_file"
                : "system:what_other",
          );
    const sender = await repos.people.find(m.channel, m.userId);
    const tr = translations.t(sender?.language ?? config.defaultLanguage);
    await repos.outbox.enqueue({
      dedupeKey: `gave-up:${source}`,
      channel: m.channel,
      chatId: m.chatId,
      kind: "reply",
      message: { type: "text", text: tr("system:gave_up", { what: what(tr), time }), replyToMessageId: m.messageId },
      notBefore: clock.now(),
      source,
    });
    const chat = (tr: Translate) =>
      m.chatType === "private"
        ? tr("system:private_chat")
        : cleanName(m.chatTitle ?? "") || tr("reminders:untitled_group");
    await alerts.queue(`alert:gave-up:${source}`, (tr) =>
      tr("system:gave_up_alert", {
        what: what(tr),
        person: cleanName(m.userName) || m.userId,
        chat: chat(tr),
        time,
        tries: row.attempts,
      }),
    );
    outboxQueued(clock.now());
  }

  const startedAt = clock.now();
  const heartbeat = () => writeHeartbeat(db, startedAt, clock.now());
  const storage = createStorageHealth({
    logger,
    probe: heartbeat,
    // Straight to the admins' private chats: the outbox lives in the database that is failing.
    async alert(error) {
      const admins = new Map<string, Address>(
        initialAdmins.map((a) => [`${a.channel}:${a.userId}`, { channel: a.channel, chatId: a.userId }]),
      );
      for (const p of await repos.people.listByRole("admin").catch(() => []))
        admins.set(`${p.channel}:${p.userId}`, { channel: p.channel, chatId: p.userId });
      const text = t("system:storage_fault_alert", {
        error: error instanceof Error ? ((error as { code?: string }).code ?? error.name) : String(error),
      });
      for (const to of admins.values())
        await messenger
          .send(to, { type: "text", text })
          .catch((e) => logger.warn({ err: e }, "storage alert not sent"));
    },
  });
  // Several instances may share a PostgreSQL database: one leads (see leaderStages below).
  const cluster = await createCluster(config.databaseUrl, config.instanceId, logger);
  const leading = () => cluster.role() === "leader";
  // A dispatcher or a scheduler cannot start again once stopped: each leadership term has its own.
  const newDispatcher = () =>
    createOutboxDispatcher({
      ...deps,
      concurrency: options.outboxConcurrency,
      isStorageFault,
      onStorageFault: (e) => storage.fault(e),
    });
  const newScheduler = () =>
    createScheduler({
      dispatcher,
      logger,
      timezone: config.timezone,
      // The daily sync also follows the office's name into a new plan's first day.
      sync: async () => {
        const result = await syncAllTasks(deps);
        translations.setOrgName(
          await resolveOrgName(repos, config.orgName, { now: clock.now(), timezone: config.timezone }),
        );
        return result;
      },
      planners: [
        { name: "reminders", enqueueDue: () => enqueueDueReminders(deps), nextAt: () => nextReminderAt(deps) },
        createRollupPlanner(deps),
        createQuestionExpiryPlanner(deps),
      ],
    });
  let dispatcher = newDispatcher();
  let scheduler = newScheduler();
  /** False once this term's dispatcher was stopped (a standby keeps it only to deliver answers). */
  let dispatcherLive = true;
  /** Outbox rows queued: the leader's timer, or a signal to the leader from a standby. */
  function outboxQueued(at: Date): void {
    if (leading()) dispatcher.wakeAt(at);
    else cluster.outboxQueued(at);
  }
  function scheduleChanged(): void {
    if (leading()) scheduler.changed();
    else cluster.scheduleChanged();
  }
  cluster.listen({ outboxQueued: (at) => dispatcher.wakeAt(at), scheduleChanged: () => scheduler.changed() });
  const core = createBotCore(deps, createFeatures(deps));
  const baseInboxStore = postgresql ? createPostgresInboxStore(db) : createInboxStore(db);
  // Shared database: each stored message is claimed by the instance handling it (src/cluster/inbox-claims.ts).
  const inboxClaims = cluster.shared
    ? await createInboxClaims({ url: config.databaseUrl, logger, instanceId: config.instanceId })
    : undefined;
  const inboxStore = inboxClaims ? inboxClaims.wrap(baseInboxStore) : baseInboxStore;
  const inboxOptions: Omit<DurableInboxOptions, "store"> = {
    handle: (incoming, handleOptions) => core.handle(incoming, handleOptions),
    messenger,
    clock,
    logger,
    isStorageFault,
    onStorageFault: (e) => storage.fault(e),
    // Every answer goes through the outbox: sent at once, or kept there when that fails.
    answers: {
      async deliver(input) {
        const result = await dispatcher.deliver(input);
        // Kept for later on a standby: the leader's dispatcher sends it.
        if (!result.messageId && !leading()) cluster.outboxQueued(input.notBefore);
        return result;
      },
      keptKeys: (prefix) => repos.outbox.keysWithPrefix(prefix),
    },
    gaveUp: tellGivenUp,
    async notify(incoming, what) {
      const text = t(what === "delayed" ? "system:delayed" : "common:apology");
      await messenger.send({ channel: incoming.channel, chatId: incoming.chatId }, { type: "text", text });
    },
  };
  const inbox = createDurableInbox({ ...inboxOptions, store: inboxStore });
  // The leader takes up what an instance that is gone left unfinished.
  const inboxSweep = inboxClaims
    ? createInboxSweep({
        claims: inboxClaims,
        base: baseInboxStore,
        store: inboxStore,
        newInbox: (store) => createDurableInbox({ ...inboxOptions, store }),
        logger,
      })
    : undefined;
  storage.onRecover(() => {
    inbox.wake();
    if (leading()) void dispatcher.drain();
  });
  // A platform that answers again: what waited for it goes now, not at the outbox's next probe.
  telegram?.reachability.onRecovered(() => dispatcher.resume("telegram"));
  zalo?.reachability.onRecovered(() => dispatcher.resume("zalo"));
  telegram?.attach(inbox);
  zalo?.attach(inbox);
  options.sandbox?.attach(inbox);
  installHealthRoutes(http, {
    storage,
    probeWrite: heartbeat,
    channels: () => ({
      ...(telegram ? { telegram: pollerStatus(config.telegram!.mode, telegramPoller, telegram.status()) } : {}),
      ...(zalo ? { zalo: pollerStatus(config.zalo!.mode, zaloPoller, zalo.status()) } : {}),
    }),
    oldestDuePending: (now) => oldestDuePending(db, now),
    clock,
    warnings: async () => [await alertWarning()].filter((w): w is string => !!w),
    cluster: () => ({ instanceId: cluster.instanceId, role: cluster.role() }),
  });
  let heartbeatTimer: NodeJS.Timeout | undefined;
  // Only the leader runs the daily sync that follows the office's name into a new plan: on a shared
  // database every instance also looks again every ten minutes, so a standby's answers follow it.
  const orgNameTimer = cluster.shared
    ? setInterval(
        () =>
          void resolveOrgName(repos, config.orgName, { now: clock.now(), timezone: config.timezone })
            .then((name) => translations.setOrgName(name))
            .catch((error) => logger.warn({ err: error }, "office name not refreshed")),
        600_000,
      )
    : undefined;
  orgNameTimer?.unref();
  let stopping: Promise<void> | undefined;

  async function stop(deadlineMs: number): Promise<void> {
    const deadline = Date.now() + deadlineMs;
    const left = () => Math.max(0, deadline - Date.now());
    clearInterval(heartbeatTimer);
    clearInterval(orgNameTimer);
    stopDeadlineMs = left();
    // The leader jobs (polling included) stop within the lease's stop, then another instance may lead.
    await Promise.all([cluster.stop(), telegram?.stop(), zalo?.stop()]);
    await Promise.all([dispatcher.stop(left()), inbox.stop(left()), inboxSweep?.close(left())]);
    // Unfinished messages' claims go with the connection: another instance takes them up.
    await inboxClaims?.close();
    await deps.renderer?.close(left());
    storage.stop();
    await http.close();
    await db.$disconnect().catch((error) => logger.error({ err: error }, "database close failed"));
    lock.release();
  }

  /** How long the leader jobs may take to stop: the shutdown's time left, or a step-down's. */
  let stopDeadlineMs = STEP_DOWN_DEADLINE_MS;
  // On SQLite (one term for the life of the process) a channel polls itself, as it always did; on
  // a shared database each term polls with a channel of its own, since a stopped one cannot poll again.
  let telegramPoller: TelegramChannel | undefined;
  let zaloPoller: ZaloChannel | undefined;

  /** A channel's readiness: its own (webhook; SQLite), the term's poller, or a standby's (the leader polls). */
  function pollerStatus(
    mode: "polling" | "webhook",
    poller: { status(): ChannelStatus } | undefined,
    own: ChannelStatus,
  ) {
    if (mode === "webhook" || !cluster.shared) return own;
    if (poller) return poller.status();
    return leading()
      ? { alive: false, detail: "leader: polling not started" }
      : { alive: true, detail: "standby: the leader polls" };
  }

  /** Leader-only work, in start order (stopped in reverse): see src/cluster/leader-jobs.ts. */
  const leaderStages: LeaderStage[] = [
    {
      name: "outbox",
      async start() {
        if (!dispatcherLive) {
          dispatcher = newDispatcher();
          dispatcherLive = true;
          // Not started yet, or stopped with the last term: the new one drives the new dispatcher.
          scheduler = newScheduler();
        }
        // Before it sends: rows the previous leader (this process before a crash, or another
        // instance that died or stepped down) left "sending" go back to pending.
        await dispatcher.recover();
        // Taking over: what the previous leader left due goes now, not after the scheduler's sync.
        if (cluster.shared) void dispatcher.drain();
      },
      async stop(deadlineMs) {
        dispatcherLive = false;
        await dispatcher.stop(deadlineMs);
      },
    },
    {
      name: "polling",
      // The channel before the scheduler: the first tick may already send catch-up reminders.
      async start() {
        if (config.telegram?.mode === "polling") {
          telegramPoller = cluster.shared ? newTelegramChannel(config.telegram) : telegram;
          if (telegramPoller !== telegram) {
            telegramPoller!.attach(inbox);
            telegramPoller!.reachability.onRecovered(() => dispatcher.resume("telegram"));
          }
          await telegramPoller!.startPolling();
        }
        if (config.zalo?.mode === "polling") {
          zaloPoller = cluster.shared ? await newZaloChannel(config.zalo) : zalo;
          if (zaloPoller !== zalo) {
            zaloPoller!.attach(inbox);
            zaloPoller!.reachability.onRecovered(() => dispatcher.resume("zalo"));
          }
          zaloPoller!.startPolling();
        }
      },
      async stop() {
        await Promise.all([telegramPoller?.stop(), zaloPoller?.stop()]);
        telegramPoller = undefined;
        zaloPoller = undefined;
      },
    },
    {
      name: "scheduler",
      async start() {
        if (options.scheduler === false) {
          await syncAllTasks(deps);
          void dispatcher.drain();
          return;
        }
        await scheduler.start();
      },
      stop: (deadlineMs) => scheduler.stop(deadlineMs),
    },
    { name: "backups", start: async () => backupJob?.start(), stop: async () => backupJob?.stop() },
    ...(inboxSweep ? [inboxSweep] : []),
  ];
  const leaderJobs = createLeaderJobs(leaderStages, logger);
  cluster.onChange((role) => (role === "leader" ? leaderJobs.start() : leaderJobs.stop(stopDeadlineMs)));

  // The SQLite file backup; PostgreSQL is backed up with pg_dump or point-in-time recovery (README).
  if (postgresql && config.backup.dir) logger.warn({}, "BACKUP_DIR is ignored on PostgreSQL: back up with pg_dump");
  const backupJob =
    config.backup.dir && !postgresql
      ? createBackupJob({
          databaseFile: sqlitePath(config.databaseUrl),
          dataDir: config.dataDir,
          outDir: config.backup.dir,
          keep: config.backup.keep,
          timezone: config.timezone,
          logger,
        })
      : undefined;

  return {
    db,
    repos,
    core,
    inbox,
    http,
    telegram,
    zalo,
    deps,
    get dispatcher() {
      return dispatcher;
    },
    get scheduler() {
      return scheduler;
    },
    cluster,
    storage,
    async start() {
      await heartbeat();
      heartbeatTimer = setInterval(
        () =>
          void heartbeat().catch((error) =>
            isStorageFault(error) ? storage.fault(error) : logger.error({ err: error }, "heartbeat failed"),
          ),
        HEARTBEAT_MS,
      );
      heartbeatTimer.unref();
      // A file write cut short by a crash left a temp file: removed before anything stores a file.
      const swept = await removeStaleTempFiles(config.dataDir).catch((error) => {
        logger.warn({ err: error }, "temp files not swept");
        return 0;
      });
      if (swept) logger.info({ files: swept }, "removed temp files left by an interrupted write");
      // Before anything can send (the inbox answers at once): rows a crash left "sending" go back
      // to pending, so none is claimed twice. On a shared database only a new leader does that (the
      // "outbox" leader stage): until then this instance's dispatcher only delivers answers.
      if (cluster.shared) {
        dispatcherLive = false;
        await dispatcher.stop(0);
      } else await dispatcher.recover();
      // What a crash or a stop left unfinished is queued before any new update arrives.
      await inbox.start();
      // The embedded sandbox is served by its own page server; the bot's port belongs to the real bot.
      if (!options.sandbox) await http.listen(config.port, config.healthHost);
      // Webhooks on every instance (the inbox's unique key makes an update sent twice a no-op);
      // polling only on the leader (a leader stage).
      if (telegram && config.telegram?.mode === "webhook")
        await telegram.startWebhook(http, config.telegram.webhookUrl!, config.telegram.webhookSecret!);
      if (zalo && config.zalo?.mode === "webhook")
        await zalo.startWebhook(http, config.zalo.webhookUrl!, config.zalo.webhookSecret!);
      // When leading (always on SQLite), the leader stages have started when this resolves.
      await cluster.start();
      if (cluster.shared) logger.info({ instanceId: cluster.instanceId, role: cluster.role() }, "cluster: started");
      const warning = await alertWarning().catch(() => undefined);
      if (warning) logger.warn({}, warning);
    },
    stop(deadlineMs = config.shutdownTimeoutMs) {
      stopping ??= stop(deadlineMs);
      return stopping;
    },
  };
}
