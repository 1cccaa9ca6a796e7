import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Messenger, SendError } from "../../src/core/ports.js";
import type { Repositories } from "../../src/core/repositories.js";
import type { Address, OutgoingMessage } from "../../src/core/types.js";
import { type Db, openDatabase } from "../../src/db/database.js";
import { createPrismaRepositories } from "../../src/db/repositories.js";
import { createTranslator } from "../../src/i18n.js";
import { backoffMs, createOutboxDispatcher, MAX_BACKOFF_MS } from "../../src/scheduler/outbox-dispatcher.js";
import { createManualClock, createTestLogger } from "../support/harness.js";

/** A messenger that records sends and fails on demand. */
function createFakeMessenger() {
  const sent: { to: Address; message: OutgoingMessage }[] = [];
  const failures: SendError[] = [];
  const messenger: Messenger & { sent: typeof sent; failNext(e: SendError): void } = {
    sent,
    failNext: (e) => void failures.push(e),
    textLimit: () => 4096,
    async send(to, message) {
      const failure = failures.shift();
      if (failure) throw failure;
      sent.push({ to, message });
      return { messageId: String(sent.length) };
    },
    async download() {
      throw new Error("not used");
    },
  };
  return messenger;
}

let dir: string;
let db: Db;
let repos: Repositories;
const clock = createManualClock("2021-02-01T02:00:00Z");

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "don-doc-outbox-"));
  db = await openDatabase(`file:${dir}/db.sqlite`);
  repos = createPrismaRepositories(db);
  clock.set("2021-02-01T02:00:00Z");
});
afterEach(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

function dispatcherWith(messenger: Messenger) {
  return createOutboxDispatcher({
    repos,
    messenger,
    clock,
    logger: createTestLogger(),
    translations: createTranslator(),
    defaultLanguage: "vi",
    timezone: "Asia/Ho_Chi_Minh",
  });
}

const text = (t: string): OutgoingMessage => ({ type: "text", text: t });

describe("outbox dispatcher", () => {
  it("sends each queued message once, even when the same key is queued twice", async () => {
    const messenger = createFakeMessenger();
    expect(
      await repos.outbox.enqueue({
        dedupeKey: "k1",
        channel: "telegram",
        chatId: "1",
        kind: "reminder",
        message: text("a"),
        notBefore: clock.now(),
      }),
    ).toBe(true);
    expect(
      await repos.outbox.enqueue({
        dedupeKey: "k1",
        channel: "telegram",
        chatId: "1",
        kind: "reminder",
        message: text("a"),
        notBefore: clock.now(),
      }),
    ).toBe(false);
    const d = dispatcherWith(messenger);
    expect(await d.drain()).toBe(1);
    expect(await d.drain()).toBe(0);
    expect(messenger.sent.map((s) => s.message)).toEqual([text("a")]);
    await d.stop();
  });

  it("waits for retry_after on 429 and retries 5xx with backoff, then succeeds", async () => {
    const messenger = createFakeMessenger();
    messenger.failNext(new SendError("rate_limited", "Too Many Requests", 7_000));
    await repos.outbox.enqueue({
      dedupeKey: "k",
      channel: "telegram",
      chatId: "1",
      kind: "reminder",
      message: text("x"),
      notBefore: clock.now(),
    });
    const d = dispatcherWith(messenger);
    await d.drain();
    expect(messenger.sent).toHaveLength(0);
    clock.advance(6_000);
    await d.drain();
    expect(messenger.sent).toHaveLength(0);
    clock.advance(1_000);
    messenger.failNext(new SendError("transient", "Bad Gateway"));
    await d.drain();
    expect(messenger.sent).toHaveLength(0);
    clock.advance(backoffMs(2, () => 1));
    await d.drain();
    expect(messenger.sent).toHaveLength(1);
    expect(await repos.outbox.countByStatus()).toEqual({ sent: 1 });
    await d.stop();
  });

  it("retries a reminder until the next working window opens, then tells the admins what was not delivered", async () => {
    const unit = await repos.units.create({ code: "XA_A", name: "UBND xã A", kind: "xa", tags: ["xa"] });
    await repos.chats.bind({
      channel: "telegram",
      chatId: "-5",
      chatType: "group",
      title: "Nhóm xã A",
      role: "unit",
      unitId: unit.id,
    });
    const admin = await repos.people.touch({ channel: "telegram", userId: "111", displayName: "Hoa" });
    await repos.people.setRole(admin.id, "admin");
    const messenger = createFakeMessenger();
    // Monday 01/02/2021 09:00 in Hà Nội; Telegram answers 5xx for the whole working day.
    await repos.outbox.enqueue({
      dedupeKey: "k",
      channel: "telegram",
      chatId: "-5",
      kind: "before",
      message: text("x"),
      notBefore: clock.now(),
    });
    const d = dispatcherWith(messenger);
    let tries = 0;
    while (clock.now() < new Date("2021-02-02T00:30:00Z")) {
      messenger.failNext(new SendError("transient", "Bad Gateway"));
      if ((await d.drain()) > 0) tries++;
      clock.advance(10 * 60_000);
    }
    expect(await repos.outbox.countByStatus()).toEqual({ pending: 1 });
    expect(messenger.sent).toHaveLength(0);
    // Tuesday 07:30: the reminder's useful life is over; one more failure gives it up.
    messenger.failNext(new SendError("transient", "Bad Gateway"));
    await d.drain();
    expect(tries).toBeGreaterThan(20);
    expect(await repos.outbox.countByStatus()).toMatchObject({ failed: 1 });
    // Telegram is back: at its next probe (at most 30 s later) the admin gets the list.
    clock.advance(MAX_BACKOFF_MS);
    await d.drain();
    expect(messenger.sent).toHaveLength(1);
    expect(messenger.sent[0].to).toEqual({ channel: "telegram", chatId: "111" });
    const alert = (messenger.sent[0].message as { text: string }).text;
    expect(alert).toContain("1 tin nhắn không gửi được");
    expect(alert).toContain("Tin nhắc hạn gửi UBND xã A (Nhóm xã A), dự kiến 01/02/2021 09:00: Bad Gateway");
    await d.stop();
  });

  it("gives a rollup twelve hours", async () => {
    const messenger = createFakeMessenger();
    await repos.outbox.enqueue({
      dedupeKey: "r",
      channel: "telegram",
      chatId: "-9",
      kind: "rollup",
      message: text("x"),
      notBefore: clock.now(),
    });
    const d = dispatcherWith(messenger);
    clock.advance(12 * 3_600_000 - 60_000);
    messenger.failNext(new SendError("transient", "timeout"));
    await d.drain();
    expect(await repos.outbox.countByStatus()).toEqual({ pending: 1 });
    clock.advance(60_000);
    messenger.failNext(new SendError("transient", "timeout"));
    await d.drain();
    expect(await repos.outbox.countByStatus()).toEqual({ failed: 1 });
    await d.stop();
  });

  it("claims atomically: two dispatchers on one database never get the same row", async () => {
    for (let i = 0; i < 40; i++)
      await repos.outbox.enqueue({
        dedupeKey: `c${i}`,
        channel: "telegram",
        chatId: String(i),
        kind: "reminder",
        message: text("x"),
        notBefore: clock.now(),
      });
    const other = createPrismaRepositories(await openDatabase(`file:${dir}/db.sqlite`));
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? repos : other).outbox.claimDue(clock.now(), 7)),
    );
    const ids = claims.flat().map((r) => r.id);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
  });

  it("stops within its deadline while a send hangs, and puts the row back to pending", async () => {
    const messenger = createFakeMessenger();
    messenger.send = () => new Promise(() => {});
    await repos.outbox.enqueue({
      dedupeKey: "h",
      channel: "telegram",
      chatId: "1",
      kind: "reminder",
      message: text("x"),
      notBefore: clock.now(),
    });
    const d = dispatcherWith(messenger);
    void d.drain();
    await new Promise((r) => setTimeout(r, 200));
    expect(await repos.outbox.countByStatus()).toEqual({ sending: 1 });
    const t0 = Date.now();
    await d.stop(500);
    expect(Date.now() - t0).toBeLessThan(1_500);
    expect(await repos.outbox.countByStatus()).toEqual({ pending: 1 });
  });

  it("marks a blocked chat unreachable and tells the admins once", async () => {
    const unit = await repos.units.create({ code: "XA_A", name: "UBND xã A", kind: "xa", tags: ["xa"] });
    await repos.chats.bind({
      channel: "telegram",
      chatId: "-5",
      chatType: "group",
      title: "Nhóm xã A",
      role: "unit",
      unitId: unit.id,
    });
    const admin = await repos.people.touch({ channel: "telegram", userId: "111", displayName: "Hoa" });
    await repos.people.setRole(admin.id, "admin");
    const messenger = createFakeMessenger();
    messenger.failNext(new SendError("unreachable", "Forbidden: bot was kicked from the group chat"));
    await repos.outbox.enqueue({
      dedupeKey: "k",
      channel: "telegram",
      chatId: "-5",
      kind: "reminder",
      message: text("x"),
      notBefore: clock.now(),
    });
    const d = dispatcherWith(messenger);
    await d.drain();
    expect((await repos.chats.find("telegram", "-5"))?.status).toBe("unreachable");
    expect(messenger.sent).toHaveLength(1);
    expect(messenger.sent[0].to).toEqual({ channel: "telegram", chatId: "111" });
    expect((messenger.sent[0].message as { text: string }).text).toContain(
      "Không gửi được tin nhắn vào nhóm «Nhóm xã A» của UBND xã A",
    );
    await d.stop();
  });

  it("puts rows left in flight by a crash back in the queue", async () => {
    await repos.outbox.enqueue({
      dedupeKey: "k",
      channel: "telegram",
      chatId: "1",
      kind: "reminder",
      message: text("x"),
      notBefore: clock.now(),
    });
    const claimed = await repos.outbox.claimDue(clock.now(), 10);
    expect(claimed).toHaveLength(1);
    expect(await repos.outbox.claimDue(clock.now(), 10)).toHaveLength(0);
    const messenger = createFakeMessenger();
    const d = dispatcherWith(messenger);
    expect(await d.recover()).toBe(1);
    await d.drain();
    expect(messenger.sent).toHaveLength(1);
    await d.stop();
  });

  it("recovers rows left 'sending' once: a second call (the scheduler's) does not release rows claimed since", async () => {
    await repos.outbox.enqueue({
      dedupeKey: "a",
      channel: "telegram",
      chatId: "1",
      kind: "reminder",
      message: text("x"),
      notBefore: clock.now(),
    });
    await repos.outbox.claimDue(clock.now(), 10);
    const d = dispatcherWith(createFakeMessenger());
    expect(await d.recover()).toBe(1);
    // Claimed after the start's recovery (the inbox sends at once): not put back by a later call.
    expect(await repos.outbox.claimDue(clock.now(), 10)).toHaveLength(1);
    expect(await d.recover()).toBe(1);
    expect(await repos.outbox.countByStatus()).toEqual({ sending: 1 });
    await d.stop();
  });

  it("sends an answer at once; when the platform does not answer, keeps it and sends it once the channel is probed again", async () => {
    const messenger = createFakeMessenger();
    const d = dispatcherWith(messenger);
    const answer = (n: number) => ({
      dedupeKey: `reply:telegram:-5:4${n}:0`,
      channel: "telegram" as const,
      chatId: "-5",
      kind: "reply",
      message: text(`Đã ghi nhận ${n}`),
      notBefore: clock.now(),
    });
    expect(await d.deliver(answer(1))).toEqual({ messageId: "1" });
    expect(await repos.outbox.countByStatus()).toEqual({});
    messenger.failNext(new SendError("transient", "Internal Server Error"));
    expect(await d.deliver(answer(2))).toEqual({ messageId: "" });
    expect(d.held()).toEqual(["telegram"]);
    // Held: the next answer is not even tried, and nothing is claimed for the channel.
    expect(await d.deliver(answer(3))).toEqual({ messageId: "" });
    expect(await d.drain()).toBe(0);
    expect(messenger.sent).toHaveLength(1);
    expect(await repos.outbox.countByStatus()).toEqual({ pending: 2 });
    // The probe comes at most 30 s later; both answers go then, once each.
    clock.advance(MAX_BACKOFF_MS);
    expect(await d.drain()).toBe(2);
    expect(messenger.sent.map((s) => (s.message as { text: string }).text)).toEqual([
      "Đã ghi nhận 1",
      "Đã ghi nhận 2",
      "Đã ghi nhận 3",
    ]);
    expect(await repos.outbox.countByStatus()).toEqual({ sent: 2 });
    // Kept again under the same key (the message handled again): no second row.
    messenger.failNext(new SendError("transient", "Internal Server Error"));
    expect(await d.deliver(answer(2))).toEqual({ messageId: "" });
    expect(await repos.outbox.countByStatus()).toEqual({ sent: 2 });
    await d.stop();
  });

  it("while a platform does not answer, probes it once per backoff instead of trying every row; resume sends at once", async () => {
    const messenger = createFakeMessenger();
    let tries = 0;
    let down = true;
    const send = messenger.send;
    messenger.send = async (to, message) => {
      tries++;
      if (down) throw new SendError("transient", "connect ECONNREFUSED 127.0.0.1:443");
      return send(to, message);
    };
    for (let i = 0; i < 50; i++)
      await repos.outbox.enqueue({
        dedupeKey: `r${i}`,
        channel: "telegram",
        chatId: String(i),
        kind: "reminder",
        message: text("x"),
        notBefore: clock.now(),
      });
    const d = dispatcherWith(messenger);
    await d.drain();
    expect(tries).toBeLessThanOrEqual(8);
    for (let i = 0; i < 5; i++) await d.drain();
    const afterProbe = tries;
    // Ten minutes of outage, a drain every 10 s: one probe (at most 8 sends) each hold, never a minute apart.
    for (let s = 0; s < 600; s += 10) {
      clock.advance(10_000);
      await d.drain();
    }
    expect(tries - afterProbe).toBeGreaterThanOrEqual(20 * 1);
    expect(tries - afterProbe).toBeLessThanOrEqual(60 * 8);
    expect(await repos.outbox.countByStatus()).toEqual({ pending: 50 });
    // Telegram answers again (its poll worked): everything due goes now.
    down = false;
    d.resume("telegram");
    await d.drain();
    clock.advance(MAX_BACKOFF_MS);
    await d.drain();
    expect(new Set(messenger.sent.map((m) => m.to.chatId)).size).toBe(50);
    expect(await repos.outbox.countByStatus()).toEqual({ sent: 50 });
    await d.stop();
  });

  it("alerts admins configured by id too, even before the database knows them", async () => {
    const unit = await repos.units.create({ code: "XA_A", name: "UBND xã A", kind: "xa", tags: ["xa"] });
    await repos.chats.bind({
      channel: "telegram",
      chatId: "-5",
      chatType: "group",
      title: "Nhóm xã A",
      role: "unit",
      unitId: unit.id,
    });
    const messenger = createFakeMessenger();
    messenger.failNext(new SendError("unreachable", "Forbidden: bot was kicked from the group chat"));
    await repos.outbox.enqueue({
      dedupeKey: "k",
      channel: "telegram",
      chatId: "-5",
      kind: "reminder",
      message: text("x"),
      notBefore: clock.now(),
    });
    const d = createOutboxDispatcher({
      repos,
      messenger,
      clock,
      logger: createTestLogger(),
      translations: createTranslator(),
      defaultLanguage: "vi",
      timezone: "Asia/Ho_Chi_Minh",
      initialAdmins: [{ channel: "telegram", userId: "111" }],
    });
    await d.drain();
    expect(messenger.sent.map((s) => s.to)).toEqual([{ channel: "telegram", chatId: "111" }]);
    await d.stop();
  });

  it("keeps files intact through the queue", async () => {
    const data = new Uint8Array([137, 80, 78, 71, 0, 255, 1]);
    await repos.outbox.enqueue({
      dedupeKey: "f",
      channel: "telegram",
      chatId: "1",
      kind: "rollup",
      message: { type: "photo", file: { fileName: "a.png", mime: "image/png", data }, caption: "Biểu đồ" },
      notBefore: clock.now(),
    });
    const messenger = createFakeMessenger();
    const d = dispatcherWith(messenger);
    await d.drain();
    const sent = messenger.sent[0].message;
    expect(sent.type).toBe("photo");
    expect([...(sent as { file: { data: Uint8Array } }).file.data]).toEqual([...data]);
    await d.stop();
  });

  it("backoff grows exponentially with jitter and stays capped", () => {
    expect(backoffMs(1, () => 0)).toBe(1_000);
    expect(backoffMs(1, () => 1)).toBe(2_000);
    expect(backoffMs(4, () => 1)).toBe(16_000);
    // At most 30 s between two tries: sending resumes within 30 s of the platform answering again.
    expect(backoffMs(5, () => 1)).toBe(30_000);
    expect(backoffMs(30, () => 1)).toBe(MAX_BACKOFF_MS);
    expect(MAX_BACKOFF_MS).toBe(30_000);
  });
});
