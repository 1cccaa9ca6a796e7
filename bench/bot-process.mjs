// A bench's bot in a process of its own, as production runs it: the compiled build in dist/,
// started by the bench with the service's node flags (deploy/don-doc.service), never inside the
// bench's own tsx process. Configured from the environment as dist/main.js is (DATA_DIR,
// TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT, …); BENCH_BOT (JSON) adds the bench's options:
//   limits: "unlimited" lifts the send limiter (default: the production limits)
//   scheduler: true runs the scheduler (default off: no reminders during a measurement)
//   botInfo: getMe's answer, so start-up does not ask
//   instrument: true times core.handle and the sends made while handling (the inbound bench)
// BENCH_GC_LOG=1 (diagnosis) prints to stderr every garbage collection over 15 ms and every gap
// over 50 ms in a 5 ms timer, with its time, to find what holds the event loop.
// It answers the bench over IPC: { type, id } → { id, … }:
//   "reset"  clears the event-loop delay histogram and the timings
//   "drain"  waits (bounded) until the durable inbox has nothing left to handle
//   "stats"  event-loop delay (max, p99, mean in ms), process.memoryUsage(), timings, SQLite's
//            statements and time (the inbox's own apart), report versions stored, errors logged
//   "stop"   app.stop(), then exits
//   "profile-start" / "profile-stop" (diagnosis, { file }) a V8 CPU profile of just that window
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";

if (process.env.BENCH_GC_LOG) {
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (now - last > 50)
      process.stderr.write(`[stall] ${(now - last).toFixed(1)} ms ending at ${(now / 1000).toFixed(3)}\n`);
    last = now;
  }, 5).unref();
}
if (process.env.BENCH_GC_LOG)
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.duration > 15) process.stderr.write(`[gc] kind ${e.detail?.kind} ${e.duration.toFixed(1)} ms\n`);
  }).observe({ entryTypes: ["gc"] });

const dist = (file) => new URL(`../dist/${file}`, import.meta.url).href;
const { createApp } = await import(dist("app.js"));
const { loadConfig } = await import(dist("config.js"));
const { connectionOf } = await import(dist("db/database.js"));

const options = JSON.parse(process.env.BENCH_BOT ?? "{}");
const errors = [];
const logger = {
  info() {},
  debug() {},
  warn() {},
  error: (obj, msg) => void errors.push(msg ?? String(obj?.err ?? obj)),
  fatal: (obj, msg) => void errors.push(msg ?? String(obj)),
};
const unlimited = { globalPerSecond: 1e6, perChatPerSecond: 1e6, perGroupPerMinute: 1e9 };
const app = await createApp(loadConfig(process.env), {
  logger,
  scheduler: options.scheduler ?? false,
  ...(options.limits === "unlimited" ? { telegramLimits: unlimited } : {}),
  ...(options.botInfo ? { botInfo: options.botInfo } : {}),
});

// Resolution 10 ms: a stall shorter than that is not a stall anyone notices.
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

/** core.handle's time per message, and the time its sends spent waiting for the Bot API's answer. */
const timings = { handling: [], ownHandling: [], replyRoundTrips: [] };
const pending = new Map();
if (options.instrument) {
  const handle = app.core.handle.bind(app.core);
  app.core.handle = async (incoming, handleOptions) => {
    const t0 = performance.now();
    try {
      return await handle(incoming, handleOptions);
    } finally {
      const ms = performance.now() - t0;
      timings.handling.push(ms);
      timings.ownHandling.push(ms - (pending.get(incoming.chatId) ?? 0));
      pending.delete(incoming.chatId);
    }
  };
  const messenger = app.telegram.messenger;
  const send = messenger.send.bind(messenger);
  // A chat's messages are handled one at a time, so its sends belong to the message being handled.
  messenger.send = async (to, message) => {
    const t0 = performance.now();
    try {
      return await send(to, message);
    } finally {
      const ms = performance.now() - t0;
      timings.replyRoundTrips.push(ms);
      pending.set(to.chatId, (pending.get(to.chatId) ?? 0) + ms);
    }
  };
}

/** CPU time of the whole process (its threads included) since the last "reset", in ms. */
let cpu = process.cpuUsage();
const cpuSince = () => {
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000;
};
const connection = connectionOf(app.db);
/**
 * The durable inbox's statements (on "InboxMessage") told from the report path's: statements run
 * synchronously, so the SQL counted last is the one being timed; a batch of inbox inserts is
 * timed as one, with its commit.
 */
const inbox = { statements: 0, ms: 0 };
if (options.instrument) {
  const [count, timed] = [connection.count.bind(connection), connection.timed.bind(connection)];
  let last = "";
  connection.count = (sql) => {
    last = sql;
    if (sql.includes("InboxMessage")) inbox.statements++;
    count(sql);
  };
  connection.timed = (work) => {
    const t0 = performance.now();
    try {
      return timed(work);
    } finally {
      if (last.includes("InboxMessage")) inbox.ms += performance.now() - t0;
    }
  };
}
// Number(): the shared connection reads integers as BigInt.
const versions = () => Number(connection.sqlite.prepare(`SELECT COALESCE(SUM(revision), 0) AS n FROM Report`).get().n);
const settings = () =>
  `journal_mode=${connection.sqlite.pragma("journal_mode", { simple: true })} synchronous=${connection.sqlite.pragma("synchronous", { simple: true })}`;
await app.start();
process.send({ type: "ready" });

process.on("message", async (message) => {
  const reply = (body) => process.send({ id: message.id, ...body });
  try {
    if (message.type === "reset") {
      cpu = process.cpuUsage();
      loop.reset();
      for (const list of Object.values(timings)) list.length = 0;
      pending.clear();
      return reply({ ok: true });
    }
    if (message.type === "drain") {
      await Promise.race([
        app.inbox.drain(),
        new Promise((resolve) => setTimeout(resolve, message.timeoutMs ?? 30_000)),
      ]);
      return reply({ ok: true });
    }
    if (message.type === "stats") {
      const ms = (ns) => ns / 1e6;
      return reply({
        loop: { max: ms(loop.max), p99: ms(loop.percentile(99)), mean: ms(loop.mean), count: loop.count },
        memory: process.memoryUsage(),
        timings,
        cpuMs: cpuSince(),
        sqlite: { statements: connection.statements, ms: connection.sqliteMs, settings: settings() },
        inbox,
        versions: versions(),
        errors,
      });
    }
    if (message.type === "profile-start" || message.type === "profile-stop")
      return reply(await profiler(message.type, message.file));
    if (message.type === "stop") {
      await app.stop();
      reply({ ok: true });
      process.exit(0);
    }
  } catch (error) {
    reply({ error: String(error?.stack ?? error) });
  }
});
/** A CPU profile of one window (the measured burst), not of start-up and warm-up as --cpu-prof gives. */
let session;
async function profiler(type, file) {
  if (type === "profile-start") {
    session = new Session();
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 200 });
    await session.post("Profiler.start");
    return { ok: true };
  }
  const { profile } = await session.post("Profiler.stop");
  session.disconnect();
  writeFileSync(file, JSON.stringify(profile));
  return { ok: true };
}
// The bench is this process's lifeline: when it goes, so does the bot.
process.on("disconnect", () => process.exit(0));
