import { rmSync } from "node:fs";
import type { FakeSentRecord } from "../test/support/fake-telegram-server.js";
import { startFakeTelegram } from "./fake-telegram-process.js";
import type { BenchRow } from "./fanout-bench.js";
import { minMedian } from "./startup-bench.js";

const TOKEN = "123456:TEST-TOKEN-bench-cluster-000000000";
const CONCURRENCY = 4;

/**
 * Two bot processes (test/support/bot-process.ts) on one PostgreSQL database, against the fake Bot
 * API in its own process enforcing Telegram's 30 msg/s: a reminder fan-out with both running (the
 * leader sends; messages/s, repeated and lost chats), then rounds where the leader is killed
 * (kill -9) after a third of the fan-out: how long until the standby says "leader" on /healthz and
 * until the fake receives its first send, and what was repeated or lost. Skipped with a note when
 * no PostgreSQL is reachable (BENCH_POSTGRES_URL or TEST_POSTGRES_URL).
 */
export async function benchCluster(chats = 600, failoverChats = 300, rounds = 3): Promise<BenchRow[]> {
  // (process.env turns an assigned undefined into the string "undefined")
  if (process.env.BENCH_POSTGRES_URL && !process.env.TEST_POSTGRES_URL)
    process.env.TEST_POSTGRES_URL = process.env.BENCH_POSTGRES_URL;
  const pgSupport = await import("../test/cluster/postgres.js");
  const skip = await pgSupport.postgresSkipReason();
  if (skip) {
    console.log(`cluster bench skipped: ${skip} (set BENCH_POSTGRES_URL or TEST_POSTGRES_URL)`);
    return [];
  }
  const { kill9, logLines, realBotSetup, startRealBot, until } = await import("../test/support/real-bot.js");
  type RealBot = Awaited<ReturnType<typeof startRealBot>>;

  const role = async (bot: RealBot) => {
    try {
      const res = await fetch(`http://127.0.0.1:${bot.port}/healthz`, { signal: AbortSignal.timeout(1_000) });
      return ((await res.json()) as { role?: string }).role;
    } catch {
      return "unreachable";
    }
  };

  /** One fan-out with two instances; with `kill`, the leader is killed after a third. */
  async function run(units: number, kill: boolean) {
    const db = await pgSupport.createThrowawayDatabase("bench");
    const fake = await startFakeTelegram(TOKEN);
    const dirs: string[] = [];
    const bots: RealBot[] = [];
    try {
      await pgSupport.seedFanOut(db.url, units);
      await fake.control("limits", { globalPerSecond: 30, perChatPerSecond: 1 });
      const start = async (id: string) => {
        // Logging at info: the standby's "cluster: leading" line says when it took over.
        const { env } = realBotSetup(fake, dirs, { prefix: "don-doc-bench-cluster-", logLevel: "info" });
        const bot = await startRealBot(
          { ...env, DATABASE_URL: db.url, INSTANCE_ID: id },
          { outboxConcurrency: CONCURRENCY, log: true },
        );
        bots.push(bot);
        return bot;
      };
      const leader = await start("bench-a");
      const standby = await start("bench-b");
      const sent = async () => (await fake.control<FakeSentRecord[]>("sent")).filter((s) => s.method === "sendMessage");
      let killedAt = 0;
      let leadsAt = 0;
      if (kill) {
        await until(async () => (await sent()).length >= units / 3, 120_000, "a third of the fan-out");
        killedAt = Date.now();
        await kill9(leader);
        await until(async () => (await role(standby)) === "leader", 60_000, "the standby to lead");
        // Its stdout may come a moment after /healthz said so.
        await until(() => logLines(standby, "cluster: leading").length > 0, 10_000, "the 'leading' line");
        leadsAt = logLines(standby, "cluster: leading")[0].time;
      }
      await until(async () => new Set((await sent()).map((s) => s.chat_id)).size >= units, 180_000, "every reminder");
      await new Promise((r) => setTimeout(r, 1_500));
      const records = await sent();
      const counts = new Map<number, number>();
      for (const s of records) counts.set(s.chat_id, (counts.get(s.chat_id) ?? 0) + 1);
      const times = records.map((s) => s.at).sort((a, b) => a - b);
      // The new leader's first: sends of the killed one still being read by the fake come before it leads.
      const firstAfter = times.find((t) => t >= leadsAt);
      return {
        rate: (records.length - 1) / ((times[times.length - 1] - times[0]) / 1000),
        repeated: [...counts.values()].filter((n) => n > 1).length,
        lost: units - counts.size,
        toLeaderMs: kill ? leadsAt - killedAt : 0,
        toFirstSendMs: kill && firstAfter ? firstAfter - killedAt : 0,
      };
    } finally {
      for (const bot of bots) if (bot.child.exitCode === null) bot.child.kill("SIGKILL");
      await Promise.all(bots.map((b) => b.exited));
      fake.stop();
      await db.drop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  }

  const fanout = await run(chats, false);
  const failovers = [];
  for (let i = 0; i < rounds; i++) failovers.push(await run(failoverChats, true));
  return [
    {
      name: `cluster: fan-out, 2 instances on PostgreSQL, ${chats} chats at Telegram's 30 msg/s`,
      value: Number(fanout.rate.toFixed(1)),
      unit: "msg/s",
    },
    { name: "cluster: fan-out, chats repeated / lost", value: fanout.repeated + fanout.lost, unit: "chats" },
    ...minMedian(
      "cluster: kill -9 of the leader → the standby leads (its 'leading' log line)",
      failovers.map((f) => f.toLeaderMs),
      "ms",
      0,
    ),
    ...minMedian(
      "cluster: kill -9 of the leader → new leader's first send",
      failovers.map((f) => f.toFirstSendMs),
      "ms",
      0,
    ),
    {
      name: `cluster: failover, chats repeated (in flight at the kill) over ${rounds} × ${failoverChats}`,
      value: failovers.reduce((n, f) => n + f.repeated, 0),
      unit: "chats",
    },
    {
      name: `cluster: failover, chats lost over ${rounds} × ${failoverChats}`,
      value: failovers.reduce((n, f) => n + f.lost, 0),
      unit: "chats",
    },
  ];
}
