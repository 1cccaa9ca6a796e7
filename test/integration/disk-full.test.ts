/**
 * Disk full on a small tmpfs, with the real bot as a separate process: no hang, the admin is told,
 * /readyz fails while /healthz answers; once space is back the report is answered and every
 * reminder goes out, with nothing lost and no restart. Needs root (mount); skipped otherwise.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncAllTasks } from "../../src/core/plans/tasks.js";
import { openDatabase } from "../../src/db/database.js";
import { createPrismaRepositories } from "../../src/db/repositories.js";
import { createFakeTelegramServer, type FakeTelegram } from "../support/fake-telegram-server.js";

const NOW = "2021-02-09T01:30:00Z"; // Tuesday 08:30 in Hà Nội
const UNITS = 30;
const OFFICER = { id: 701, first_name: "Lan" };
const ADMIN = { id: 111, first_name: "Hoa" };
const GROUP = { id: -200, type: "group" as const, title: "Xã Số 1" };

const mountPoint = mkdtempSync(path.join(tmpdir(), "don-doc-diskfull-"));
let mounted = false;
try {
  execFileSync("mount", ["-t", "tmpfs", "-o", "size=6m", "tmpfs", mountPoint], { stdio: "ignore" });
  mounted = true;
} catch {
  console.warn(`disk-full test skipped: mounting a tmpfs is not allowed here (needs root; .ci/run runs it as root).`);
}

/** Fills the file system until it refuses; returns the filler's path. */
function fillDisk(dir: string): string {
  const file = path.join(dir, "filler");
  const fd = openSync(file, "w");
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as { code?: string }).code !== "ENOSPC") throw error;
  } finally {
    closeSync(fd);
  }
  // The last bytes too, so that not even a page is left.
  const tail = openSync(file, "a");
  try {
    for (;;) writeSync(tail, Buffer.alloc(512, 1));
  } catch {
    // full
  } finally {
    closeSync(tail);
  }
  return file;
}

async function until(cond: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  while (!(await cond())) {
    if (Date.now() - t0 > timeoutMs) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!mounted)("disk full", () => {
  let fake: FakeTelegram;
  let bot: ChildProcess | undefined;
  afterAll(async () => {
    if (bot?.exitCode === null) bot.kill("SIGKILL");
    await fake?.close();
    if (mounted) execFileSync("umount", ["-l", mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  beforeAll(async () => {
    fake = await createFakeTelegramServer({ longPollMaxMs: 300 });
    const db = await openDatabase(`file:${mountPoint}/db.sqlite`);
    const repos = createPrismaRepositories(db);
    for (let i = 1; i <= UNITS; i++) {
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
          displayName: "Lan",
        });
        await repos.people.setRole(officer.id, "officer");
        await repos.people.setUnit(officer.id, unit.id);
      }
    }
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
  });

  it("keeps everything through a full disk and carries on by itself once space is back", async () => {
    const env = {
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.url,
      DATA_DIR: mountPoint,
      DATABASE_URL: `file:${mountPoint}/db.sqlite`,
      LOG_LEVEL: "silent",
      PORT: "0",
      ADMIN_TELEGRAM_IDS: String(ADMIN.id),
    };
    bot = spawn(
      process.execPath,
      ["--import", "tsx", "test/support/bot-process.ts", JSON.stringify({ clockStart: NOW })],
      { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    bot.stderr!.on("data", (d) => (stderr += d));
    const port = await new Promise<number>((resolve, reject) => {
      bot!.stdout!.on("data", (d) => {
        const m = /STARTED (\d+)/.exec(String(d));
        if (m) resolve(Number(m[1]));
      });
      bot!.once("exit", (code) => reject(new Error(`bot exited ${code}: ${stderr}`)));
    });
    const get = (p: string) =>
      fetch(`http://127.0.0.1:${port}${p}`, { signal: AbortSignal.timeout(10_000) }).then((r) => r.status);
    expect(await get("/readyz")).toBe(200);

    const filler = fillDisk(mountPoint);
    fake.sendUserMessage({ from: OFFICER, chat: GROUP, text: "Đã treo 5 pa nô" });
    fake.sendUserMessage({ from: ADMIN, chat: { id: ADMIN.id, type: "private" }, text: "/nhacnho" });
    // The admin hears of it directly (the outbox lives on the full disk).
    await until(() => fake.sent(ADMIN.id).some((s) => s.text?.includes("Sự cố lưu trữ")), 30_000);
    await until(async () => (await get("/readyz")) === 503, 15_000);
    expect(await get("/healthz")).toBe(200);
    expect(bot.exitCode).toBeNull();

    rmSync(filler);
    // Nothing is restarted: the report is answered and every reminder goes out.
    await until(() => fake.sent(GROUP.id).some((s) => s.text?.includes("Đã ghi nhận báo cáo")), 60_000);
    await until(
      () =>
        new Set(
          fake
            .sent()
            .map((s) => s.chat_id)
            .filter((c) => c !== ADMIN.id && c !== GROUP.id),
        ).size >=
        UNITS - 1,
      60_000,
    );
    await until(() => fake.sent(ADMIN.id).some((s) => s.text?.includes("tin nhắc")), 30_000);
    await until(async () => (await get("/readyz")) === 200, 20_000);
    expect(bot.exitCode).toBeNull();

    bot.kill("SIGTERM");
    expect(await new Promise((r) => bot!.once("exit", r))).toBe(0);
    const db = await openDatabase(`file:${mountPoint}/db.sqlite`);
    expect(await db.report.count()).toBe(1);
    expect(await db.reportRevision.count()).toBe(1);
    expect(await db.outboxMessage.count({ where: { kind: "manual", status: "sent" } })).toBe(UNITS - 1);
    expect(await db.inboxMessage.count({ where: { status: "pending" } })).toBe(0);
    await db.$disconnect();
    expect(fake.sent(GROUP.id).filter((s) => s.text?.includes("Đã ghi nhận báo cáo"))).toHaveLength(1);
    expect(stderr).not.toContain("UNHANDLED_REJECTION");
  }, 180_000);
});
