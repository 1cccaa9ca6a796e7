/**
 * Issue 13's acceptance with real processes: kill -9 in the middle of an album report and of
 * /nhacnho, SIGTERM while Telegram does not answer, a second copy on the same database.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { syncAllTasks } from "../../src/core/plans/tasks.js";
import { openDatabase } from "../../src/db/database.js";
import { createPrismaRepositories } from "../../src/db/repositories.js";
import { createFakeTelegramServer, type FakeTelegram } from "../support/fake-telegram-server.js";

const NOW = "2021-02-09T01:30:00Z"; // Tuesday 08:30 in Hà Nội: office hours, the task is due today.
const OFFICER = { id: 701, first_name: "Lan", last_name: "Nguyễn" };
const ADMIN = { id: 111, first_name: "Hoa" };
const GROUP = { id: -200, type: "group" as const, title: "Xã Số 1" };

interface Bot {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

function startBot(env: Record<string, string>): Promise<Bot> {
  // One process (no npx/tsx wrapper) so a signal hits the bot itself.
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "test/support/bot-process.ts", JSON.stringify({ clockStart: NOW, outboxConcurrency: 4 })],
    {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let err = "";
  child.stderr!.on("data", (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d) => String(d).includes("STARTED") && resolve({ child, stderr: () => err, exited }));
    void exited.then((code) => reject(new Error(`bot exited ${code}: ${err}`)));
  });
}

async function until(cond: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  while (!(await cond())) {
    if (Date.now() - t0 > timeoutMs) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 25));
  }
}

const jpeg = (seed: number) =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xdb]), Buffer.alloc(256, seed), Buffer.from([0xff, 0xd9])]);

/** A database with `units` communes, each with a group chat bound, and one task due today. */
async function seed(url: string, units: number): Promise<void> {
  const db = await openDatabase(url);
  const repos = createPrismaRepositories(db);
  for (let i = 1; i <= units; i++) {
    const unit = await repos.units.create({ code: `XA_${i}`, name: `UBND xã Số ${i}`, kind: "xa", tags: ["xa"] });
    await repos.chats.bind({
      channel: "telegram",
      chatId: String(i === 1 ? GROUP.id : 5000 + i),
      chatType: i === 1 ? "group" : "private",
      title: `Xã Số ${i}`,
      role: "unit",
      unitId: unit.id,
    });
    if (i === 1) {
      const officer = await repos.people.touch({
        channel: "telegram",
        userId: String(OFFICER.id),
        displayName: "Lan Nguyễn",
      });
      await repos.people.setRole(officer.id, "officer");
      await repos.people.setUnit(officer.id, unit.id);
    }
  }
  const admin = await repos.people.touch({ channel: "telegram", userId: String(ADMIN.id), displayName: "Hoa" });
  await repos.people.setRole(admin.id, "admin");
  await repos.tasks.upsert({
    planId: null,
    code: "NV_1",
    title: "Treo pa nô tuyên truyền",
    targets: ["xa"],
    schedule: { kind: "once", dueDate: "2021-02-09" },
    // No planned reminder today: only /nhacnho queues messages.
    reminder: { before: [], onDueDay: false, after: [], escalateAfter: 0, time: "08:00" },
    deadlineText: "09/02/2021",
    createdBy: "test",
    indicators: [{ code: "pano", label: "Pa nô", measure: "cái", synonyms: ["pa nô", "pano"] }],
  });
  await syncAllTasks({ repos, clock: { now: () => new Date(NOW) }, timezone: "Asia/Ho_Chi_Minh" });
  await db.$disconnect();
}

const dirs: string[] = [];
let fake: FakeTelegram | undefined;
const children: ChildProcess[] = [];

function setup(): { dir: string; url: string; env: Record<string, string> } {
  const dir = mkdtempSync(path.join(tmpdir(), "don-doc-durable-"));
  dirs.push(dir);
  const url = `file:${dir}/db.sqlite`;
  return {
    dir,
    url,
    env: {
      TELEGRAM_BOT_TOKEN: fake!.token,
      TELEGRAM_API_ROOT: fake!.url,
      DATA_DIR: dir,
      DATABASE_URL: url,
      LOG_LEVEL: "silent",
      PORT: "0",
      ADMIN_TELEGRAM_IDS: String(ADMIN.id),
    },
  };
}

async function kill9(bot: Bot): Promise<void> {
  bot.child.kill("SIGKILL");
  await bot.exited;
}

afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
  await fake?.close();
  fake = undefined;
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("durability with real processes", () => {
  it("kill -9 while an album report downloads its photo: after restart the report has every file and one confirmation", async () => {
    fake = await createFakeTelegramServer({ longPollMaxMs: 300 });
    const { url, env } = setup();
    await seed(url, 1);
    // The first photo's download hangs (a slow file server): the kill lands in the middle of it.
    fake.failNext("getFile", { delayMs: 30_000 });
    const first = await startBot(env);
    children.push(first.child);
    fake.sendUserMessage({
      from: OFFICER,
      chat: GROUP,
      caption: "Đã treo 12 pa nô",
      photo: jpeg(1),
      media_group_id: "A1",
    });
    fake.sendUserMessage({ from: OFFICER, chat: GROUP, photo: jpeg(2), media_group_id: "A1" });
    fake.sendUserMessage({ from: OFFICER, chat: GROUP, photo: jpeg(3), media_group_id: "A1" });
    await until(() => fake!.calls.some((c) => c.method === "getFile"), 20_000);
    await kill9(first);
    expect(fake.sent(GROUP.id)).toHaveLength(0);

    const second = await startBot(env);
    children.push(second.child);
    await until(() => fake!.sent(GROUP.id).some((s) => s.text?.includes("Đã thêm minh chứng")), 30_000);
    await new Promise((r) => setTimeout(r, 1_500)); // a repeated confirmation would show up now
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);

    const texts = fake.sent(GROUP.id).map((s) => s.text ?? "");
    expect(texts.filter((t) => t.includes("Đã ghi nhận báo cáo"))).toHaveLength(1);
    const db = await openDatabase(url);
    const reports = await db.report.findMany({ include: { attachments: true, revisions: true } });
    expect(reports).toHaveLength(1);
    expect(reports[0].revisions).toHaveLength(1);
    expect(reports[0].attachments.map((a) => a.kind)).toEqual(["photo", "photo", "photo"]);
    expect(await db.inboxMessage.count({ where: { status: "pending" } })).toBe(0);
    await db.$disconnect();
    expect(first.stderr() + second.stderr()).not.toContain("UNHANDLED_REJECTION");
  }, 90_000);

  it("kill -9 during /nhacnho: all or none queued at the kill; after restart every reminder is queued once and the admin is answered", async () => {
    fake = await createFakeTelegramServer({ longPollMaxMs: 300 });
    const UNITS = 120;
    const { url, env } = setup();
    await seed(url, UNITS);
    const first = await startBot(env);
    children.push(first.child);
    fake.sendUserMessage({ from: ADMIN, chat: { id: ADMIN.id, type: "private" }, text: "/nhacnho" });
    await until(() => fake!.pendingUpdates().length === 0, 10_000);
    await new Promise((r) => setTimeout(r, 150));
    await kill9(first);
    const db = await openDatabase(url);
    const atKill = await db.outboxMessage.count({ where: { kind: "manual" } });
    expect([0, UNITS]).toContain(atKill);

    const second = await startBot(env);
    children.push(second.child);
    await until(() => fake!.sent(ADMIN.id).some((s) => s.text?.includes("tin nhắc")), 30_000);
    await until(
      () =>
        new Set(
          fake!
            .sent()
            .filter((s) => s.chat_id !== ADMIN.id)
            .map((s) => s.chat_id),
        ).size >= UNITS,
      60_000,
    );
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);

    expect(await db.outboxMessage.count({ where: { kind: "manual" } })).toBe(UNITS);
    expect(await db.outboxMessage.count({ where: { kind: "manual", status: "sent" } })).toBe(UNITS);
    const perChat = new Map<number, number>();
    for (const s of fake.sent()) if (s.chat_id !== ADMIN.id) perChat.set(s.chat_id, (perChat.get(s.chat_id) ?? 0) + 1);
    expect(perChat.size).toBe(UNITS);
    // Only sends in flight at the kill (at most the dispatcher's concurrency) may repeat.
    expect([...perChat.values()].filter((n) => n > 1).length).toBeLessThanOrEqual(4);
    await db.$disconnect();
    expect(first.stderr() + second.stderr()).not.toContain("UNHANDLED_REJECTION");
  }, 120_000);

  it("SIGTERM while Telegram does not answer: exit 0 within the deadline, nothing left 'sending'", async () => {
    fake = await createFakeTelegramServer({ longPollMaxMs: 300 });
    const UNITS = 20;
    const { url, env } = setup();
    await seed(url, UNITS);
    const bot = await startBot({ ...env, SHUTDOWN_TIMEOUT_SECONDS: "2" });
    children.push(bot.child);
    // From now on Telegram takes sends and never answers them; /nhacnho still gets in.
    fake.failNext("sendMessage", { delayMs: 120_000 }, 1_000);
    fake.sendUserMessage({ from: ADMIN, chat: { id: ADMIN.id, type: "private" }, text: "/nhacnho" });
    const db = await openDatabase(url);
    await until(async () => (await db.outboxMessage.count({ where: { status: "sending" } })) > 0, 20_000);
    // And polls hang too: the platform is unreachable.
    fake.failNext("getUpdates", { delayMs: 120_000 }, 1_000);
    await new Promise((r) => setTimeout(r, 500));
    const t0 = Date.now();
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    const took = Date.now() - t0;
    expect(took).toBeLessThan(2_000 + 1_500);
    expect(await db.outboxMessage.count({ where: { status: "sending" } })).toBe(0);
    await db.$disconnect();
    expect(bot.stderr()).not.toContain("UNHANDLED_REJECTION");
  }, 60_000);

  it("a second instance on the same database refuses to start and says why", async () => {
    fake = await createFakeTelegramServer({ longPollMaxMs: 300 });
    const { url, env } = setup();
    await seed(url, 1);
    const first = await startBot(env);
    children.push(first.child);
    const second = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(second);
    let err = "";
    second.stderr!.on("data", (d) => (err += d));
    const code = await new Promise<number | null>((resolve) => second.once("exit", resolve));
    expect(code).toBe(3);
    expect(err).toContain("Một bản Đôn Đốc khác đang chạy trên cùng cơ sở dữ liệu");
    expect(err).toContain(`pid ${first.child.pid}`);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
  }, 60_000);
});
