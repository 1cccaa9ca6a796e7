// The inbound bench's baselines, each in a process of its own started with the service's node
// flags, as our bot is (bench/bot-process.mjs): plain JavaScript, no tsx.
//   BASELINE=echo          a bare grammY bot that echoes the text as a reply
//   BASELINE=parse-insert  grammY, a regex pulling the numbers out of the text, one prepared
//                          better-sqlite3 INSERT into a WAL file at synchronous = NORMAL (as our
//                          database), and a reply
// Both poll and dispatch as our bot does: getUpdates with a 30 s long poll and Telegram's default
// limit of 100, one message per chat at a time, 4 chats at once, a chat to the back of the line
// after each message (as the durable inbox). A loop of its own rather than @grammyjs/runner: the
// runner shrinks getUpdates' limit to its free sink capacity (4 here) and does not keep a chat's
// messages in order. Configured by BOT_TOKEN, API_ROOT, BOT_INFO (getMe's answer, JSON) and, for
// parse-insert, DB_FILE. IPC as bot-process.mjs: "reset", "stats" (timings, rows stored, SQLite
// settings), "stop".
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import Database from "better-sqlite3";
import { Bot } from "grammy";

const POLL_TIMEOUT_S = 30;
const CONCURRENCY = 4;

const kind = process.env.BASELINE;
const bot = new Bot(process.env.BOT_TOKEN, {
  client: { apiRoot: process.env.API_ROOT },
  botInfo: JSON.parse(process.env.BOT_INFO),
});

/** Handling times, and inside them the time waiting for sendMessage's answer (per chat: one message of a chat at a time). */
const timings = { handling: [], ownHandling: [], replyRoundTrips: [] };
const pending = new Map();
bot.api.config.use(async (prev, method, payload, signal) => {
  if (method !== "sendMessage") return prev(method, payload, signal);
  const t0 = performance.now();
  try {
    return await prev(method, payload, signal);
  } finally {
    const ms = performance.now() - t0;
    timings.replyRoundTrips.push(ms);
    const chat = String(payload.chat_id);
    pending.set(chat, (pending.get(chat) ?? 0) + ms);
  }
});
bot.use(async (ctx, next) => {
  const t0 = performance.now();
  await next();
  const ms = performance.now() - t0;
  const chat = String(ctx.chat.id);
  timings.handling.push(ms);
  timings.ownHandling.push(ms - (pending.get(chat) ?? 0));
  pending.delete(chat);
});

let db;
let stored = () => undefined;
let settings;
if (kind === "parse-insert") {
  const file = process.env.DB_FILE;
  const setup = new Database(file);
  setup.pragma("journal_mode = WAL");
  setup.exec(
    `CREATE TABLE IF NOT EXISTS report (id INTEGER PRIMARY KEY, chat_id TEXT NOT NULL, message_id INTEGER NOT NULL, user_id TEXT NOT NULL, text TEXT NOT NULL, numbers TEXT NOT NULL, created_at INTEGER NOT NULL)`,
  );
  setup.close();
  db = new Database(file, { timeout: 5_000 });
  db.pragma("synchronous = NORMAL");
  const insert = db.prepare(
    `INSERT INTO report (chat_id, message_id, user_id, text, numbers, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const count = db.prepare(`SELECT COUNT(*) AS n FROM report`);
  stored = () => count.get().n;
  settings = `journal_mode=${db.pragma("journal_mode", { simple: true })} synchronous=${db.pragma("synchronous", { simple: true })}`;
  bot.on("message:text", (ctx) => {
    const numbers = ctx.message.text.match(/\d+/g) ?? [];
    insert.run(
      String(ctx.message.chat.id),
      ctx.message.message_id,
      String(ctx.message.from.id),
      ctx.message.text,
      numbers.join(","),
      Date.now(),
    );
    return ctx.reply(`Đã ghi nhận: ${numbers.join(", ")}`, {
      reply_parameters: { message_id: ctx.message.message_id },
    });
  });
} else if (kind === "echo") {
  bot.on("message:text", (ctx) =>
    ctx.reply(ctx.message.text, { reply_parameters: { message_id: ctx.message.message_id } }),
  );
} else {
  throw new Error(`BASELINE must be echo or parse-insert, not ${kind}`);
}

const stopping = new AbortController();
const queues = new Map();
const busy = new Set();
const idle = [];
const work = async (chat, queue) => {
  await bot.handleUpdate(queue[0]).catch(() => undefined);
  queue.shift();
  queues.delete(chat);
  if (queue.length) queues.set(chat, queue);
  busy.delete(chat);
  if (!busy.size && !queues.size) for (const resolve of idle.splice(0)) resolve();
  pump();
};
const pump = () => {
  for (const [chat, queue] of queues) {
    if (busy.size >= CONCURRENCY || stopping.signal.aborted) return;
    if (busy.has(chat)) continue;
    busy.add(chat);
    void work(chat, queue);
  }
};
const polling = (async () => {
  let offset = 0;
  while (!stopping.signal.aborted) {
    let updates;
    try {
      updates = await bot.api.getUpdates(
        { offset, timeout: POLL_TIMEOUT_S, allowed_updates: ["message"] },
        stopping.signal,
      );
    } catch {
      if (!stopping.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    for (const update of updates) {
      const chat = update.message.chat.id;
      const queue = queues.get(chat);
      if (queue) queue.push(update);
      else queues.set(chat, [update]);
      offset = update.update_id + 1;
    }
    pump();
  }
})();
const drained = (ms) =>
  Promise.race([
    busy.size || queues.size ? new Promise((resolve) => idle.push(resolve)) : Promise.resolve(),
    new Promise((resolve) => setTimeout(resolve, ms).unref()),
  ]);

/** CPU time of the process since the last "reset", in ms. */
let cpu = process.cpuUsage();
const cpuSince = () => {
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000;
};

let session;
process.send({ type: "ready" });
process.on("message", async (message) => {
  const reply = (body) => process.send({ id: message.id, ...body });
  if (message.type === "reset") {
    cpu = process.cpuUsage();
    for (const list of Object.values(timings)) list.length = 0;
    pending.clear();
    return reply({ ok: true, stored: stored() });
  }
  if (message.type === "drain") {
    await drained(message.timeoutMs ?? 30_000);
    return reply({ ok: true });
  }
  // Diagnosis: a V8 CPU profile of one window (as bot-process.mjs).
  if (message.type === "profile-start") {
    session = new Session();
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 200 });
    await session.post("Profiler.start");
    return reply({ ok: true });
  }
  if (message.type === "profile-stop") {
    const { profile } = await session.post("Profiler.stop");
    session.disconnect();
    writeFileSync(message.file, JSON.stringify(profile));
    return reply({ ok: true });
  }
  if (message.type === "stats") return reply({ timings, cpuMs: cpuSince(), stored: stored(), sqlite: settings });
  if (message.type === "stop") {
    stopping.abort();
    queues.clear();
    await Promise.all([polling, drained(10_000)]);
    db?.close();
    reply({ ok: true });
    process.exit(0);
  }
});
process.on("disconnect", () => process.exit(0));
