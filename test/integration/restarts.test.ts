/**
 * Issue 25's acceptance, restarts, with the real bot as its own process and a counting fake Bot API
 * on 127.0.0.1: six restarts with a message whose download hangs (the chat's other messages are
 * handled, the stuck one is answered "chưa xử lý được" and the admin told); kill -9 at each moment
 * of /nhacnho (no reminder twice unless it was in flight, and the answer says what was queued); a
 * lone photo's summary survives kill -9 and SIGTERM within its 1.2 s wait.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/database.js";
import { createFakeTelegramServer, type FakeTelegram } from "../support/fake-telegram-server.js";
import {
  ADMIN,
  groupOf,
  jpeg,
  kill9,
  officerOf,
  type RealBot,
  realBotSetup,
  seedUnits,
  sleep,
  startRealBot,
  until,
} from "../support/real-bot.js";

let fake: FakeTelegram | undefined;
const bots: RealBot[] = [];
const dirs: string[] = [];

const setup = () => realBotSetup(fake!, dirs, { prefix: "don-doc-restarts-", logLevel: "silent" });

async function start(env: Record<string, string>): Promise<RealBot> {
  const bot = await startRealBot(env);
  bots.push(bot);
  return bot;
}

afterEach(async () => {
  for (const b of bots.splice(0)) if (b.child.exitCode === null) b.child.kill("SIGKILL");
  await fake?.close();
  fake = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const repliesTo = (chatId: number, messageId: number) =>
  fake!.calls.filter(
    (c) =>
      c.method === "sendMessage" &&
      c.status === 200 &&
      Number(c.payload.chat_id) === chatId &&
      c.payload.reply_parameters?.message_id === messageId,
  );

describe("restarts (real process, counting fake)", () => {
  it("six restarts with a message whose download hangs: the chat's other messages are handled, the stuck one is answered and the admin told", async () => {
    fake = await createFakeTelegramServer({ longPollMaxMs: 300 });
    const { url, env } = setup();
    await seedUnits(url, 2);
    // Every getFile hangs: the photo's handling never ends.
    fake.failNext("getFile", { delayMs: 600_000 }, 50);
    const getFiles = () => fake!.calls.filter((c) => c.method === "getFile").length;
    let bot = await start(env);
    const photo = fake.sendUserMessage({ from: officerOf(1), chat: groupOf(1), photo: jpeg(1) });
    const texts = [1, 2, 3].map((n) =>
      fake!.sendUserMessage({ from: officerOf(1), chat: groupOf(1), text: `Đã treo ${n * 10} pa nô` }),
    );
    const other = fake.sendUserMessage({ from: officerOf(2), chat: groupOf(2), text: "Đã treo 9 pa nô" });
    await until(() => getFiles() === 1, 20_000, "the photo's download");
    await until(
      () => repliesTo(groupOf(2).id, other.message.message_id).length === 1,
      20_000,
      "the other chat's answer",
    );
    // The kills below are meant for the stuck download: the other chat's report is finished first
    // (killed between its answer and its "done", it would be handled, and answered, again).
    const watch = await openDatabase(url);
    await until(
      async () => (await watch.inboxMessage.count({ where: { chatId: String(groupOf(2).id), status: "done" } })) === 1,
      20_000,
      "the other chat's report marked done",
    );
    await watch.$disconnect();
    let restarts = 0;
    // Each life starts the stuck message again and is killed in its download.
    for (; restarts < 5; ) {
      await kill9(bot);
      bot = await start(env);
      restarts++;
      await until(() => getFiles() === restarts + 1, 20_000, `download in life ${restarts + 1}`);
    }
    await kill9(bot);
    // The sixth restart: started six times and never finished, the photo is given up.
    bot = await start(env);
    restarts++;
    await until(
      () => texts.every((m) => repliesTo(groupOf(1).id, m.message.message_id).length >= 1),
      30_000,
      "the three reports' answers",
    );
    await until(() => fake!.sent(ADMIN.id).some((s) => s.text?.includes("đã bị bỏ qua")), 20_000, "the admin's alert");
    await sleep(1_500);
    const notice = repliesTo(groupOf(1).id, photo.message.message_id).map((c) => String(c.payload.text));
    const db = await openDatabase(url);
    const rows = await db.inboxMessage.findMany({ where: { chatId: String(groupOf(1).id) }, orderBy: { id: "asc" } });
    const figures = {
      restarts,
      photoDownloadsStarted: getFiles(),
      reportsAnswered: texts.map((m) => repliesTo(groupOf(1).id, m.message.message_id).length),
      givenUpNotice: notice,
      adminAlerts: fake.sent(ADMIN.id).filter((s) => s.text?.includes("đã bị bỏ qua")).length,
      inboxRows: rows.map((r) => ({ status: r.status, attempts: r.attempts, lastError: r.lastError })),
      // Which rows the alerts came from (one row sent twice, or two rows), should the count be off.
      alertRows: (await db.outboxMessage.findMany({ where: { kind: "alert" } })).map((r) => ({
        key: r.dedupeKey,
        status: r.status,
        attempts: r.attempts,
        lastError: r.lastError,
      })),
      adminCalls: fake.calls
        .filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === ADMIN.id)
        .map((c) => ({ at: c.at, status: c.status })),
    };
    console.log(`issue 25 / six restarts with a stuck message: ${JSON.stringify(figures)}`);
    expect(figures.reportsAnswered).toEqual([1, 1, 1]);
    expect(notice).toHaveLength(1);
    expect(notice[0]).toContain("chưa xử lý được");
    expect(notice[0]).toContain("Đề nghị đồng chí gửi lại");
    expect(figures.adminAlerts, JSON.stringify(figures.alertRows)).toBe(1);
    // The other chat's report was answered once, and never given up (its sender is not asked to send it again).
    expect(repliesTo(groupOf(2).id, other.message.message_id)).toHaveLength(1);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ["done", 6],
      ["done", 1],
      ["done", 1],
      ["done", 1],
    ]);
    expect(await db.reportRevision.count({ where: { report: { unitId: 1 } } })).toBe(3);
    await db.$disconnect();
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
  }, 180_000);

  it("kill -9 at each moment of /nhacnho: no reminder twice unless it was in flight, and the answer says what was queued", async () => {
    const UNITS = 30;
    const results: Record<string, unknown>[] = [];
    const moments: [string, (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<boolean>][] = [
      // As soon as a getUpdates answer carried the command (the bot may not have stored it yet).
      [
        "update fetched",
        async () =>
          fake!.calls.some(
            (c) => c.method === "getUpdates" && Array.isArray(c.response?.result) && c.response.result.length > 0,
          ),
      ],
      ["reminders queued", async (db) => (await db.outboxMessage.count({ where: { kind: "manual" } })) === UNITS],
      ["admin answered", async () => fake!.sent(ADMIN.id).length > 0],
      ["first reminder sent", async () => fake!.sent().filter((s) => s.chat_id !== ADMIN.id).length >= 1],
      ["half sent", async () => fake!.sent().filter((s) => s.chat_id !== ADMIN.id).length >= UNITS / 2],
    ];
    for (const [moment, reached] of moments) {
      fake = await createFakeTelegramServer({ longPollMaxMs: 300 });
      const { url, env } = setup();
      await seedUnits(url, UNITS, { privateChats: true });
      const db = await openDatabase(url);
      const first = await start(env);
      fake.sendUserMessage({ from: ADMIN, chat: { id: ADMIN.id, type: "private" }, text: "/nhacnho" });
      await until(() => reached(db), 30_000, moment);
      await kill9(first);
      const atKill = await db.outboxMessage.findMany({
        where: { kind: "manual" },
        select: { chatId: true, status: true },
      });
      const inFlight = new Set(atKill.filter((r) => r.status === "sending").map((r) => Number(r.chatId)));
      const second = await start(env);
      const unitChats = () => fake!.sent().filter((s) => s.chat_id !== ADMIN.id);
      await until(
        () => new Set(unitChats().map((s) => s.chat_id)).size >= UNITS,
        60_000,
        `every reminder after "${moment}"`,
      );
      await until(() => fake!.sent(ADMIN.id).length > 0, 30_000, "the admin's answer");
      await sleep(1_500);
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);
      const perChat = new Map<number, number>();
      for (const s of unitChats()) perChat.set(s.chat_id, (perChat.get(s.chat_id) ?? 0) + 1);
      const repeated = [...perChat].filter(([, n]) => n > 1).map(([chat]) => chat);
      const answers = fake.sent(ADMIN.id).map((s) => s.text ?? "");
      results.push({
        moment,
        queuedAtKill: atKill.length,
        inFlightAtKill: inFlight.size,
        reminders: unitChats().length,
        repeated: repeated.length,
        repeatedNotInFlight: repeated.filter((c) => !inFlight.has(c)).length,
        answers: answers.length,
        answer: answers.at(-1)?.slice(0, 60),
      });
      expect(perChat.size).toBe(UNITS);
      expect(repeated.filter((c) => !inFlight.has(c))).toEqual([]);
      // The answer reports what was queued, also when the command ran again after the kill.
      expect(answers.at(-1)).toContain(`Đã xếp ${UNITS} tin nhắc`);
      expect(answers.some((a) => a.includes("Không có tin nhắc mới nào"))).toBe(false);
      expect(await db.outboxMessage.count({ where: { kind: "manual", status: "sent" } })).toBe(UNITS);
      await db.$disconnect();
      await fake.close();
      fake = undefined;
    }
    console.log(`issue 25 / kill -9 at each /nhacnho moment: ${JSON.stringify(results)}`);
  }, 300_000);

  it("a lone photo's summary arrives after a kill -9 or a SIGTERM within its 1.2 s wait, once", async () => {
    const runs: Record<string, unknown>[] = [];
    for (const stop of ["SIGKILL", "SIGKILL", "SIGTERM", "SIGTERM"] as const) {
      fake = await createFakeTelegramServer({ longPollMaxMs: 300 });
      const { url, env } = setup();
      await seedUnits(url, 1);
      const db = await openDatabase(url);
      const first = await start(env);
      fake.sendUserMessage({ from: officerOf(1), chat: groupOf(1), text: "Đã treo 12 pa nô" });
      await until(() => fake!.sent(groupOf(1).id).length === 1, 20_000, "the report's confirmation");
      fake.sendUserMessage({ from: officerOf(1), chat: groupOf(1), photo: jpeg(7) });
      // Stopped as soon as the photo is stored and its summary waits in the outbox.
      await until(
        async () => (await db.outboxMessage.count({ where: { dedupeKey: { startsWith: "later:" } } })) === 1,
        20_000,
        "the summary row",
      );
      const stoppedAt = Date.now();
      first.child.kill(stop);
      const code = await first.exited;
      const stopMs = Date.now() - stoppedAt;
      const summaryBeforeStop = fake.sent(groupOf(1).id).length > 1;
      const second = await start(env);
      const startedAt = Date.now();
      await until(
        () => fake!.sent(groupOf(1).id).some((s) => s.text?.includes("Đã thêm minh chứng")),
        20_000,
        "the summary after the restart",
      );
      await sleep(2_000);
      const summaries = fake.sent(groupOf(1).id).filter((s) => s.text?.includes("Đã thêm minh chứng"));
      runs.push({
        stop,
        exit: code,
        stopMs,
        summaryBeforeStop,
        summaries: summaries.length,
        summaryAfterRestartMs: summaries[0].at - startedAt,
        text: summaries[0]?.text,
      });
      expect(summaryBeforeStop).toBe(false);
      expect(summaries).toHaveLength(1);
      expect(summaries[0].text).toContain("tổng 1 ảnh, 0 tệp");
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);
      await db.$disconnect();
      await fake.close();
      fake = undefined;
    }
    console.log(`issue 25 / lone photo, stopped within 1.2 s: ${JSON.stringify(runs)}`);
  }, 240_000);
});
