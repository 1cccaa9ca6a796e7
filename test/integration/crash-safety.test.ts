import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { syncAllTasks } from "../../src/core/plans/tasks.js";
import { openDatabase } from "../../src/db/database.js";
import { createPrismaRepositories } from "../../src/db/repositories.js";
import { createFakeTelegramServer, type FakeTelegram } from "../support/fake-telegram-server.js";
import { seedFanOutUnits } from "../support/fan-out.js";

const CHATS = 150;
const CONCURRENCY = 4;
const NOW = "2021-02-09T01:30:00Z"; // 08:30 in Hà Nội on the due day: every unit's due-day reminder is due.

function startBot(env: Record<string, string>): Promise<ChildProcess> {
  // One process (no npx/tsx wrapper) so SIGKILL hits the bot itself.
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "test/support/bot-process.ts",
      JSON.stringify({ clockStart: NOW, outboxConcurrency: CONCURRENCY }),
    ],
    {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  return new Promise((resolve, reject) => {
    let err = "";
    child.stderr!.on("data", (d) => (err += d));
    child.stdout!.on("data", (d) => String(d).includes("STARTED") && resolve(child));
    child.on("exit", (code) => reject(new Error(`bot exited ${code}: ${err}`)));
  });
}

async function until(cond: () => boolean, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("crash safety of the reminder fan-out", () => {
  let fake: FakeTelegram;
  const dir = mkdtempSync(path.join(tmpdir(), "don-doc-crash-"));
  afterAll(async () => {
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a SIGKILL mid fan-out loses nothing and repeats at most the messages in flight", async () => {
    // Telegram's own overall limit, enforced by the fake: the fan-out takes a few seconds.
    fake = await createFakeTelegramServer({ limits: { globalPerSecond: 30, perChatPerSecond: 1 } });
    const url = `file:${dir}/db.sqlite`;
    const db = await openDatabase(url);
    const repos = createPrismaRepositories(db);
    await seedFanOutUnits(repos, { units: CHATS });
    await syncAllTasks({ repos, clock: { now: () => new Date(NOW) }, timezone: "Asia/Ho_Chi_Minh" });
    await db.$disconnect();

    const env = {
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.url,
      DATA_DIR: dir,
      DATABASE_URL: url,
      LOG_LEVEL: "silent",
      PORT: "0",
    };
    const sentChats = () => fake.sent().map((s) => s.chat_id);
    const first = await startBot(env);
    await until(() => fake.sent().length >= CHATS / 3, 30_000);
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    const beforeRestart = fake.sent().length;
    expect(beforeRestart).toBeLessThan(CHATS);

    const second = await startBot(env);
    await until(() => new Set(sentChats()).size >= CHATS, 60_000);
    await new Promise((r) => setTimeout(r, 1_500)); // anything repeated late would show up now
    second.kill("SIGTERM");
    await new Promise((r) => second.once("exit", r));

    const counts = new Map<number, number>();
    for (const chat of sentChats()) counts.set(chat, (counts.get(chat) ?? 0) + 1);
    const repeated = [...counts.values()].filter((n) => n > 1).length;
    expect(counts.size).toBe(CHATS); // nothing lost
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
    // The guarantee: only messages in flight at the kill (at most the dispatcher's concurrency) may repeat.
    expect(repeated).toBeLessThanOrEqual(CONCURRENCY);
    // A restart right after the kill can hit the fake's rate window (a 429); those were retried, not lost.
  }, 120_000);
});
