import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SendError, type Messenger } from "../../src/core/ports.js";
import type { Repositories } from "../../src/core/repositories.js";
import type { Address, OutgoingMessage } from "../../src/core/types.js";
import { openDatabase, type Db } from "../../src/db/database.js";
import { createPrismaRepositories } from "../../src/db/repositories.js";
import { createTranslator } from "../../src/i18n.js";
import { backoffMs, createOutboxDispatcher } from "../../src/scheduler/outbox-dispatcher.js";
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
  return createOutboxDispatcher({ repos, messenger, clock, logger: createTestLogger(), translations: createTranslator(), defaultLanguage: "vi" });
}

const text = (t: string): OutgoingMessage => ({ type: "text", text: t });

describe("outbox dispatcher", () => {
  it("sends each queued message once, even when the same key is queued twice", async () => {
    const messenger = createFakeMessenger();
    expect(await repos.outbox.enqueue({ dedupeKey: "k1", channel: "telegram", chatId: "1", kind: "reminder", message: text("a"), notBefore: clock.now() })).toBe(true);
    expect(await repos.outbox.enqueue({ dedupeKey: "k1", channel: "telegram", chatId: "1", kind: "reminder", message: text("a"), notBefore: clock.now() })).toBe(false);
    const d = dispatcherWith(messenger);
    expect(await d.drain()).toBe(1);
    expect(await d.drain()).toBe(0);
    expect(messenger.sent.map((s) => s.message)).toEqual([text("a")]);
    await d.stop();
  });

  it("waits for retry_after on 429 and retries 5xx with backoff, then succeeds", async () => {
    const messenger = createFakeMessenger();
    messenger.failNext(new SendError("rate_limited", "Too Many Requests", 7_000));
    await repos.outbox.enqueue({ dedupeKey: "k", channel: "telegram", chatId: "1", kind: "reminder", message: text("x"), notBefore: clock.now() });
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

  it("gives up after the maximum attempts and keeps the error", async () => {
    const messenger = createFakeMessenger();
    for (let i = 0; i < 10; i++) messenger.failNext(new SendError("transient", "timeout"));
    await repos.outbox.enqueue({ dedupeKey: "k", channel: "telegram", chatId: "1", kind: "reminder", message: text("x"), notBefore: clock.now() });
    const d = dispatcherWith(messenger);
    for (let i = 0; i < 10; i++) {
      await d.drain();
      clock.advance(11 * 60_000);
    }
    expect(await repos.outbox.countByStatus()).toEqual({ failed: 1 });
    await d.stop();
  });

  it("marks a blocked chat unreachable and tells the admins once", async () => {
    const unit = await repos.units.create({ code: "XA_A", name: "UBND xã A", kind: "xa", tags: ["xa"] });
    await repos.chats.bind({ channel: "telegram", chatId: "-5", chatType: "group", title: "Nhóm xã A", role: "unit", unitId: unit.id });
    const admin = await repos.people.touch({ channel: "telegram", userId: "111", displayName: "Hoa" });
    await repos.people.setRole(admin.id, "admin");
    const messenger = createFakeMessenger();
    messenger.failNext(new SendError("unreachable", "Forbidden: bot was kicked from the group chat"));
    await repos.outbox.enqueue({ dedupeKey: "k", channel: "telegram", chatId: "-5", kind: "reminder", message: text("x"), notBefore: clock.now() });
    const d = dispatcherWith(messenger);
    await d.drain();
    expect((await repos.chats.find("telegram", "-5"))?.status).toBe("unreachable");
    expect(messenger.sent).toHaveLength(1);
    expect(messenger.sent[0].to).toEqual({ channel: "telegram", chatId: "111" });
    expect((messenger.sent[0].message as { text: string }).text).toContain("Không gửi được tin cho nhóm \"Nhóm xã A\" (đơn vị: UBND xã A)");
    await d.stop();
  });

  it("puts rows left in flight by a crash back in the queue", async () => {
    await repos.outbox.enqueue({ dedupeKey: "k", channel: "telegram", chatId: "1", kind: "reminder", message: text("x"), notBefore: clock.now() });
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

  it("keeps files intact through the queue", async () => {
    const data = new Uint8Array([137, 80, 78, 71, 0, 255, 1]);
    await repos.outbox.enqueue({ dedupeKey: "f", channel: "telegram", chatId: "1", kind: "rollup", message: { type: "photo", file: { fileName: "a.png", mime: "image/png", data }, caption: "Biểu đồ" }, notBefore: clock.now() });
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
    expect(backoffMs(30, () => 1)).toBe(600_000);
  });
});
