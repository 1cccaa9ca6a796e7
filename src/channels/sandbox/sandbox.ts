import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type App, createApp } from "../../app.js";
import type { Config } from "../../config.js";
import { zonedInstant } from "../../core/calendar/time.js";
import { parsePlanFile } from "../../core/plans/plan-file.js";
import { importPlan } from "../../core/plans/plan-import.js";
import { loadCalendar, syncAllTasks } from "../../core/plans/tasks.js";
import type { Logger } from "../../core/ports.js";
import type { Translate } from "../../core/types.js";
import { createInvite, redeemInvite } from "../../core/units/registration.js";
import { createHttpServer } from "../../http/http-server.js";
import { createFileStore } from "../../storage/file-store.js";
import { createSandboxChannel, type SandboxChannel } from "./sandbox-channel.js";
import { ROLLUP_CHAT_ID, SANDBOX_ADMIN_ID, type SandboxDirectory, sampleDirectory } from "./sandbox-directory.js";
import { installSandboxRoutes, type SandboxEvents } from "./sandbox-routes.js";
import { type SandboxSampleId, sandboxSample } from "./sandbox-samples.js";
import { createSandboxTranscript, type SandboxTranscript } from "./sandbox-transcript.js";
import {
  createMovableClock,
  type MovableClock,
  type TravelRequest,
  type TravelTarget,
  travelTarget,
} from "./time-travel.js";

const SEED_ACTOR = "sandbox:sample";

/** One life of the sandbox database: rebuilt by "reset". */
export interface SandboxSession {
  app: App;
  channel: SandboxChannel;
  transcript: SandboxTranscript;
  directory: SandboxDirectory;
  clock: MovableClock;
  /** Which sample this life was built from, and its first instant. */
  sample: SandboxSampleId;
  start: Date;
}

export interface SandboxOptions {
  config: Config;
  logger: Logger;
  /** Translations for the sample's chat titles (the default language). */
  t: Translate;
}

/** Where the sandbox keeps its state, apart from the real database and files. */
export function sandboxPaths(config: Config) {
  const dir = path.join(config.dataDir, "sandbox");
  const dbFile = path.join(config.dataDir, "sandbox.db");
  return {
    dir,
    dbFile,
    databaseUrl: `file:${dbFile}`,
    clockFile: path.join(dir, "clock.json"),
    sampleFile: path.join(dir, "sample.json"),
  };
}

/**
 * The local web sandbox: a second app instance on DATA_DIR/sandbox.db with the sandbox channel,
 * a movable clock, a sample plan (see SANDBOX_SAMPLES; "reset" may pick the other one), its
 * people and chats, and the web page on SANDBOX_HOST:SANDBOX_PORT.
 * @example const sandbox = await startSandbox({ config, logger, t }); console.log(sandbox.url);
 */
export async function startSandbox(options: SandboxOptions) {
  const { config, logger } = options;
  const paths = sandboxPaths(config);
  if (path.resolve(config.databaseUrl.replace(/^file:/, "")) === paths.dbFile) {
    throw new Error(`DATABASE_URL must not be the sandbox's own database (${paths.dbFile})`);
  }
  // No real channel and no backups of throwaway data: the sandbox app serves only the page.
  const sandboxConfig: Config = {
    ...config,
    telegram: undefined,
    zalo: undefined,
    databaseUrl: paths.databaseUrl,
    dataDir: paths.dir,
    backup: { ...config.backup, dir: undefined },
  };
  const events = new Set<SandboxEvents>();
  const emit: SandboxEvents = {
    message: (m) => events.forEach((e) => e.message(m)),
    edit: (m) => events.forEach((e) => e.edit(m)),
    clock: (at) => events.forEach((e) => e.clock(at)),
    reset: () => events.forEach((e) => e.reset()),
  };

  async function openSession(): Promise<SandboxSession> {
    mkdirSync(paths.dir, { recursive: true });
    const sample = sandboxSample(
      existsSync(paths.sampleFile) ? (JSON.parse(readFileSync(paths.sampleFile, "utf8")).sample as string) : undefined,
    );
    writeFileSync(paths.sampleFile, JSON.stringify({ sample: sample.id }));
    const startAt = zonedInstant(sample.start.date, sample.start.time, config.timezone);
    const saved = existsSync(paths.clockFile)
      ? new Date(JSON.parse(readFileSync(paths.clockFile, "utf8")).now as string)
      : startAt;
    const clock = createMovableClock(Number.isNaN(saved.getTime()) ? startAt : saved);
    const transcript = createSandboxTranscript(paths.dir, emit.message, emit.edit);
    let directory: SandboxDirectory = { people: [], chats: [] };
    const channel = createSandboxChannel({
      transcript,
      files: createFileStore(paths.dir),
      clock,
      directory: () => directory,
      adminIds: [SANDBOX_ADMIN_ID],
    });
    const app = await createApp(sandboxConfig, { clock, logger, sandbox: channel });
    const fresh = (await app.repos.units.list()).length === 0;
    if (fresh) {
      const parsed = parsePlanFile(readFileSync(sample.planFile, "utf8"), options.t);
      if (!parsed.ok) throw new Error(`sample plan is invalid: ${parsed.errors.join("; ")}`);
      await importPlan(app.deps, SEED_ACTOR, parsed.file);
    }
    directory = sampleDirectory(await app.repos.units.list(), options.t);
    if (fresh) await seedPeopleAndChats(app, directory);
    await app.start();
    return { app, channel, transcript, directory, clock, sample: sample.id, start: startAt };
  }

  let session!: SandboxSession;
  // The page is served at once; the first session (imports, sample) is the first exclusive work.
  let failure: unknown;
  let busy: Promise<unknown> | undefined = openSession()
    .then((s) => (session = s))
    .catch((error) => (failure = error))
    .finally(() => (busy = undefined));
  /** One clock move or reset at a time; messages wait for it. */
  const exclusive = async <T>(work: () => Promise<T>): Promise<T> => {
    while (busy) await busy.catch(() => undefined);
    const run = work();
    busy = run;
    try {
      return await run;
    } finally {
      busy = undefined;
    }
  };

  const sandbox = {
    /** Waits for start-up, a reset or a clock move in progress, then gives the current session. */
    async ready(): Promise<SandboxSession> {
      while (busy) await busy.catch(() => undefined);
      if (!session) throw failure;
      return session;
    },
    events,
    /** Moves the sandbox clock forward, then lets due reminders and rollups happen at the new time. */
    travel(request: TravelRequest): Promise<TravelTarget> {
      return exclusive(async () => {
        const { app, clock } = session;
        const nextPlanned = request.to === "next_due" ? await app.scheduler.rebuild() : null;
        const target = travelTarget(request, clock.now(), {
          calendar: await loadCalendar(app.repos),
          timezone: config.timezone,
          nextPlanned,
        });
        if (!target.ok) return target;
        clock.set(target.at);
        writeFileSync(paths.clockFile, JSON.stringify({ now: target.at.toISOString() }));
        emit.clock(target.at);
        // New periods first (the daily job would do it), then whatever is due now, sent at once.
        await syncAllTasks(app.deps);
        await app.scheduler.tick();
        return target;
      });
    },
    /** Throws the sandbox database, files and messages away and builds them again from a sample (the same one unless named). */
    reset(sample?: SandboxSampleId): Promise<void> {
      return exclusive(async () => {
        const next = sample ?? session.sample;
        await session.app.stop();
        for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(paths.dbFile + suffix, { force: true });
        rmSync(paths.dir, { recursive: true, force: true });
        mkdirSync(paths.dir, { recursive: true });
        writeFileSync(paths.sampleFile, JSON.stringify({ sample: next }));
        session = await openSession();
        emit.reset();
      });
    },
    /** The page's address (the port actually bound when SANDBOX_PORT=0). */
    url: "",
    /** Resolves once the sample is in place (the page can already load before). */
    started: async (): Promise<void> => void (await sandbox.ready()),
    async stop(): Promise<void> {
      await http.close();
      await exclusive(async () => session?.app.stop());
    },
  };
  const http = createHttpServer({ logger });
  installSandboxRoutes(http, sandbox, { timezone: config.timezone, maxFileBytes: config.maxFileBytes });
  try {
    await http.listen(config.sandbox.port, config.sandbox.host);
  } catch (error) {
    await sandbox.stop();
    throw error;
  }
  const host = config.sandbox.host.includes(":") ? `[${config.sandbox.host}]` : config.sandbox.host;
  sandbox.url = `http://${host}:${http.port()}/`;
  return sandbox;
}

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

/**
 * The sample's people and chats, made the way real ones are: roles set as the first admin would,
 * and every unit group registered with an invite code through the core's registration.
 */
async function seedPeopleAndChats(app: App, directory: SandboxDirectory): Promise<void> {
  const { repos, clock } = app.deps;
  for (const p of directory.people) {
    const person = await repos.people.touch({
      channel: "sandbox",
      userId: p.userId,
      displayName: p.name,
      username: p.username,
    });
    if (p.sample === "admin" || p.sample === "leader") await repos.people.setRole(person.id, p.sample);
  }
  const rollup = directory.chats.find((c) => c.chatId === ROLLUP_CHAT_ID)!;
  await repos.chats.bind({
    channel: "sandbox",
    chatId: rollup.chatId,
    chatType: "group",
    title: rollup.title,
    role: "rollup",
    unitId: null,
  });
  for (const chat of directory.chats.filter((c) => c.sample === "unit")) {
    const officer = directory.people.find((p) => p.sample === "officer" && p.unitCode === chat.unitCode)!;
    const invite = await createInvite(repos, clock, SEED_ACTOR, chat.unitCode!);
    if (!invite.ok) throw new Error(`sample invite for ${chat.unitCode} failed: ${invite.error}`);
    const person = (await repos.people.find("sandbox", officer.userId))!;
    const done = await redeemInvite(repos, clock, {
      code: invite.code,
      channel: "sandbox",
      chatId: chat.chatId,
      chatType: "group",
      chatTitle: chat.title,
      person,
    });
    if (!done.ok) throw new Error(`sample registration for ${chat.unitCode} failed: ${done.error}`);
  }
}
