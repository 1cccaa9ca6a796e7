/**
 * Helpers for tests that run the real bot as its own process (test/support/bot-process.ts) against
 * a fake Bot API on 127.0.0.1: start it, kill it, seed a database, wait for a condition.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { syncAllTasks } from "../../src/core/plans/tasks.js";
import { openDatabase } from "../../src/db/database.js";
import { createPrismaRepositories } from "../../src/db/repositories.js";

/** Tuesday 09/02/2021 08:30 in Hà Nội: office hours, and the seeded task is due today. */
export const NOW = "2021-02-09T01:30:00Z";
export const ADMIN = { id: 111, first_name: "Hoa" };
/** Unit i's group, and its registered officer. */
export const groupOf = (i: number) => ({ id: -(100 + i), type: "group" as const, title: `Xã Số ${i}` });
export const officerOf = (i: number) => ({ id: 700 + i, first_name: "Cán bộ", last_name: String(i) });

export interface RealBot {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  /** The bot's HTTP port (/healthz, /readyz). */
  port: number;
}

/** Starts bot-process.ts as one process (no npx/tsx wrapper, so a signal hits the bot itself). */
export function startRealBot(
  env: Record<string, string>,
  options: { outboxConcurrency?: number; log?: boolean } = {},
): Promise<RealBot> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "test/support/bot-process.ts",
      JSON.stringify({ clockStart: NOW, outboxConcurrency: options.outboxConcurrency ?? 4, log: options.log }),
    ],
    {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  let err = "";
  child.stderr!.on("data", (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d) => {
      out += d;
      const m = /STARTED (\d+)/.exec(out);
      if (m) resolve({ child, stdout: () => out, stderr: () => err, exited, port: Number(m[1]) });
    });
    void exited.then((code) => reject(new Error(`bot exited ${code}: ${err}`)));
  });
}

export async function kill9(bot: RealBot): Promise<void> {
  bot.child.kill("SIGKILL");
  await bot.exited;
}

export async function until(
  cond: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what = "condition",
): Promise<void> {
  const t0 = Date.now();
  while (!(await cond())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A database with `units` communes: unit i has its group chat {@link groupOf}(i) and a registered
 * officer {@link officerOf}(i) (private chats 5000+i instead with `privateChats`); an admin who has
 * written to the bot; one task due today with a "pa nô" figure and no planned reminder (only
 * /nhacnho queues reminders).
 */
export async function seedUnits(url: string, units: number, options: { privateChats?: boolean } = {}): Promise<void> {
  const db = await openDatabase(url);
  const repos = createPrismaRepositories(db);
  for (let i = 1; i <= units; i++) {
    const unit = await repos.units.create({ code: `XA_${i}`, name: `UBND xã Số ${i}`, kind: "xa", tags: ["xa"] });
    const chatId = options.privateChats ? String(5000 + i) : String(groupOf(i).id);
    await repos.chats.bind({
      channel: "telegram",
      chatId,
      chatType: options.privateChats ? "private" : "group",
      title: `Xã Số ${i}`,
      role: "unit",
      unitId: unit.id,
    });
    const officer = await repos.people.touch({
      channel: "telegram",
      userId: String(officerOf(i).id),
      displayName: `Cán bộ ${i}`,
    });
    await repos.people.setRole(officer.id, "officer");
    await repos.people.setUnit(officer.id, unit.id);
  }
  const admin = await repos.people.touch({ channel: "telegram", userId: String(ADMIN.id), displayName: "Hoa" });
  await repos.people.setRole(admin.id, "admin");
  await repos.tasks.upsert({
    planId: null,
    code: "NV_1",
    title: "Treo pa nô tuyên truyền",
    targets: ["xa"],
    schedule: { kind: "once", dueDate: "2021-02-09" },
    reminder: { before: [], onDueDay: false, after: [], escalateAfter: 0, time: "08:00" },
    deadlineText: "09/02/2021",
    createdBy: "test",
    indicators: [{ code: "pano", label: "Pa nô", measure: "cái", synonyms: ["pa nô", "pano"] }],
  });
  await syncAllTasks({ repos, clock: { now: () => new Date(NOW) }, timezone: "Asia/Ho_Chi_Minh" });
  await db.$disconnect();
}

export const jpeg = (seed: number) =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xdb]), Buffer.alloc(256, seed), Buffer.from([0xff, 0xd9])]);

/** Lines the bot logged (pino JSON on stdout, with `"log": true`) with this message. */
export function logLines(bot: RealBot, msg: string): { time: number; [key: string]: unknown }[] {
  return bot
    .stdout()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => {
      try {
        return JSON.parse(l) as { time: number; msg?: string };
      } catch {
        return undefined;
      }
    })
    .filter((l): l is { time: number; msg: string } => !!l && l.msg === msg);
}

/**
 * A fresh data folder and SQLite database for a real bot against the fake at `api`, with the
 * environment to start it; the folder is pushed onto `dirs` for the test's clean-up.
 */
export function realBotSetup(
  api: { token: string; url: string },
  dirs: string[],
  options: { prefix: string; logLevel: string },
): { url: string; env: Record<string, string> } {
  const dir = mkdtempSync(path.join(tmpdir(), options.prefix));
  dirs.push(dir);
  const url = `file:${dir}/db.sqlite`;
  return {
    url,
    env: {
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.url,
      DATA_DIR: dir,
      DATABASE_URL: url,
      LOG_LEVEL: options.logLevel,
      PORT: "0",
      ADMIN_TELEGRAM_IDS: String(ADMIN.id),
    },
  };
}
