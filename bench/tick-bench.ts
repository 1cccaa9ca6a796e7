import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { syncAllTasks } from "../src/core/plans/tasks.js";
import { enqueueDueReminders } from "../src/core/reminders/reminders.js";
import { connectionOf } from "../src/db/database.js";
import { createTestLogger } from "../test/support/harness.js";
import type { BenchRow } from "./fanout-bench.js";
import { minMedian } from "./startup-bench.js";

/** The scheduler's safety tick (SAFETY_CRON in src/scheduler/scheduler.ts): every five minutes. */
const SAFETY_TICK_MS = 5 * 60_000;

/**
 * The scheduler's reminder planner at Vietnam's 3,321 communes, each with a chat and an open task
 * due today: the first tick (queues 3,321 reminders) and later ticks (nothing new to queue: the
 * five-minute safety tick), timed inside the process, without sending. Nothing listens on Telegram.
 */
export async function benchTick(units = 3321): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const firsts: number[] = [];
  const firstStatements: number[] = [];
  const later: number[] = [];
  const laterStatements: number[] = [];
  const warm: number[] = [];
  // CPU time beside wall time: on a shared machine the wall clock also counts other processes' turns.
  const firstCpu: number[] = [];
  const laterCpu: number[] = [];
  // The caches (units and tasks 30 s, senders and chats 5 min) keep time by Date.now: moved on by
  // the safety tick's five minutes before each later tick, they have expired as in production.
  const realNow = Date.now;
  let skew = 0;
  Date.now = () => realNow() + skew;
  try {
    for (let run = 0; run < 3; run++) {
      const dir = mkdtempSync(path.join(tmpdir(), "don-doc-bench-tick-"));
      const config = loadConfig({
        TELEGRAM_BOT_TOKEN: "123456:TEST-TOKEN-bench-tick-000000000",
        TELEGRAM_API_ROOT: "http://127.0.0.1:9",
        DATA_DIR: dir,
        LOG_LEVEL: "silent",
        PORT: "0",
      });
      const app = await createApp(config, {
        clock: { now: () => new Date("2021-02-09T01:30:00Z") },
        logger: createTestLogger(),
        scheduler: false,
      });
      try {
        const { repos } = app;
        await app.db.$transaction(async (tx) => {
          for (let i = 1; i <= units; i++) {
            const unit = await tx.unit.create({
              data: { code: `XA_${i}`, name: `UBND xã Số ${i}`, kind: "xa", tags: "xa" },
            });
            await tx.chatBinding.create({
              data: {
                channel: "telegram",
                chatId: String(10_000 + i),
                chatType: "private",
                role: "unit",
                unitId: unit.id,
              },
            });
          }
        });
        await repos.tasks.upsert({
          planId: null,
          code: "NV_1",
          title: "Xây dựng kế hoạch tuyên truyền CCHC",
          targets: ["xa"],
          schedule: { kind: "once", dueDate: "2021-02-09" },
          reminder: null,
          deadlineText: "09/02/2021",
          createdBy: "bench",
          indicators: [],
        });
        await syncAllTasks(app.deps);
        const connection = connectionOf(app.db);
        const time = async () => {
          const s0 = connection.statements;
          const c0 = process.cpuUsage();
          const t0 = performance.now();
          const result = await enqueueDueReminders(app.deps);
          const cpu = process.cpuUsage(c0);
          return {
            ms: performance.now() - t0,
            cpuMs: (cpu.user + cpu.system) / 1000,
            statements: connection.statements - s0,
            result,
          };
        };
        const first = await time();
        if (first.result.reminders !== units)
          throw new Error(`first tick queued ${first.result.reminders}, expected ${units}`);
        firsts.push(first.ms);
        firstCpu.push(first.cpuMs);
        firstStatements.push(first.statements);
        // Later ticks, five minutes apart as the safety tick runs: every cache has expired.
        for (let i = 0; i < 3; i++) {
          skew += SAFETY_TICK_MS + 1_000;
          const next = await time();
          later.push(next.ms);
          laterCpu.push(next.cpuMs);
          laterStatements.push(next.statements);
        }
        // And one right after, caches warm (a tick that follows a change within 30 s).
        warm.push((await time()).ms);
      } finally {
        await app.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    Date.now = realNow;
  }
  rows.push(...minMedian(`tick: first tick at ${units} units, queuing ${units} reminders`, firsts, "ms"));
  rows.push(...minMedian(`tick: first tick, CPU time`, firstCpu, "ms"));
  rows.push({
    name: "tick: first tick, SQL statements (data; inserts in one transaction)",
    value: Math.max(...firstStatements),
    unit: "count",
  });
  rows.push(
    ...minMedian(`tick: later tick at ${units} units (nothing new), five minutes on: caches expired`, later, "ms"),
  );
  rows.push(...minMedian(`tick: later tick, caches expired, CPU time`, laterCpu, "ms"));
  rows.push({
    name: "tick: later tick, caches expired, SQL statements",
    value: Math.max(...laterStatements),
    unit: "count",
  });
  rows.push(...minMedian(`tick: later tick at once (caches warm)`, warm, "ms"));
  return rows;
}
