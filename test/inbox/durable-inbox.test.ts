import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { HandleOptions, HandleOutcome } from "../../src/core/bot.js";
import type { Messenger, OutboxInput } from "../../src/core/ports.js";
import type { Address, Incoming, OutgoingMessage } from "../../src/core/types.js";
import { connectionOf, type Db, openDatabase } from "../../src/db/database.js";
import { createInboxStore } from "../../src/db/inbox-store.js";
import { isStorageFault } from "../../src/db/storage-faults.js";
import { createDurableInbox } from "../../src/inbox/durable-inbox.js";
import { createManualClock, createTestLogger } from "../support/harness.js";

function createRecordingMessenger() {
  const sent: { to: Address; text: string }[] = [];
  const messenger: Messenger & { sent: typeof sent } = {
    sent,
    textLimit: () => 4096,
    async send(to, message: OutgoingMessage) {
      sent.push({ to, text: message.type === "text" ? message.text : "" });
      return { messageId: String(sent.length) };
    },
    async download() {
      throw new Error("not used");
    },
  };
  return messenger;
}

const incoming = (chatId: string, messageId: string, text: string): Incoming => ({
  channel: "telegram",
  chatId,
  chatType: "private",
  userId: chatId,
  userName: "Lan",
  messageId,
  text,
  files: [],
  date: new Date("2021-02-01T02:00:00Z"),
});

let dir: string;
let db: Db;
const clock = createManualClock("2021-02-01T02:00:00Z");
const never = new Promise<never>(() => {});

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "don-doc-inbox-"));
  db = await openDatabase(`file:${dir}/db.sqlite`);
});
afterEach(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

type Handler = (m: Incoming, o: HandleOptions) => Promise<HandleOutcome>;

function inboxWith(
  handle: Handler,
  messenger: Messenger,
  extra: Partial<Parameters<typeof createDurableInbox>[0]> = {},
) {
  return createDurableInbox({
    store: createInboxStore(db),
    handle,
    messenger,
    clock,
    logger: createTestLogger(),
    isStorageFault,
    retryDelayMs: () => 20,
    ...extra,
  });
}

describe("durable inbox", () => {
  it("stores a message before accepting it and recognises a redelivery", async () => {
    const messenger = createRecordingMessenger();
    const handled: string[] = [];
    const inbox = inboxWith(async (m) => (handled.push(m.text), { ok: true }), messenger);
    await inbox.start();
    expect(await inbox.accept(incoming("1", "10", "xin chào"))).toBe("accepted");
    expect(await db.inboxMessage.count()).toBe(1);
    expect(await inbox.accept(incoming("1", "10", "xin chào"))).toBe("duplicate");
    await inbox.drain();
    expect(handled).toEqual(["xin chào"]);
    expect((await db.inboxMessage.findFirstOrThrow()).status).toBe("done");
    await inbox.stop(100);
  });

  it("handles the messages of one chat in order, other chats alongside", async () => {
    const messenger = createRecordingMessenger();
    const order: string[] = [];
    // a1 waits for b1: handled one chat after another, a1 would wait the full 5 s and come first.
    let b1Handled!: () => void;
    const b1Done = new Promise<void>((resolve) => (b1Handled = resolve));
    const inbox = inboxWith(async (m) => {
      if (m.text === "a1") await Promise.race([b1Done, new Promise((r) => setTimeout(r, 5000))]);
      order.push(m.text);
      if (m.text === "b1") b1Handled();
      return { ok: true };
    }, messenger);
    await inbox.start();
    for (const [chat, id, text] of [
      ["1", "1", "a1"],
      ["1", "2", "a2"],
      ["2", "1", "b1"],
      ["1", "3", "a3"],
    ] as const)
      await inbox.accept(incoming(chat, id, text));
    await inbox.drain();
    expect(order.filter((t) => t.startsWith("a"))).toEqual(["a1", "a2", "a3"]);
    expect(order.indexOf("b1")).toBeLessThan(order.indexOf("a1"));
    await inbox.stop(100);
  });

  it("writes a message's 'done' and the next message's 'begin' in one commit, never handling more chats at once than allowed", async () => {
    const messenger = createRecordingMessenger();
    const sqlite = connectionOf(db).sqlite;
    const seen: { text: string; rows: unknown[] }[] = [];
    let inHand = 0;
    let most = 0;
    const inbox = inboxWith(
      async (m) => {
        most = Math.max(most, ++inHand);
        // What the handler sees: the message before it done, its own begun (attempts 1).
        const rows = sqlite
          .prepare(`SELECT "status", "attempts" FROM "InboxMessage" ORDER BY "id"`)
          .safeIntegers(false)
          .all();
        seen.push({ text: m.text, rows });
        await new Promise((resolve) => setTimeout(resolve, 5));
        inHand--;
        return { ok: true };
      },
      messenger,
      { concurrency: 1 },
    );
    await inbox.start();
    await Promise.all(["1", "2", "3"].map((chat) => inbox.accept(incoming(chat, "1", `m${chat}`))));
    const transaction = sqlite.transaction.bind(sqlite);
    let commits = 0;
    sqlite.transaction = ((fn: never) => {
      commits++;
      return transaction(fn);
    }) as typeof sqlite.transaction;
    try {
      await inbox.drain();
    } finally {
      sqlite.transaction = transaction;
    }
    expect(most).toBe(1);
    expect(seen.map((s) => s.text)).toEqual(["m1", "m2", "m3"]);
    expect(seen[1].rows).toEqual([
      { status: "done", attempts: 1 },
      { status: "pending", attempts: 1 },
      { status: "pending", attempts: 0 },
    ]);
    // m1's done with m2's begin, m2's done with m3's begin (the first begin and the last done alone).
    expect(commits).toBe(2);
    expect((await db.inboxMessage.findMany()).map((m) => m.status)).toEqual(["done", "done", "done"]);
    await inbox.stop(100);
  });

  it("records a reply with the message's 'done' when it is the last step, and at once when handling goes on after it", async () => {
    const messenger = createRecordingMessenger();
    const connection = connectionOf(db);
    let goOn!: () => void;
    const later = new Promise<void>((resolve) => (goOn = resolve));
    const inbox = inboxWith(async (m, o) => {
      await o.messenger!.send({ channel: "telegram", chatId: m.chatId }, { type: "text", text: `đã nhận ${m.text}` });
      if (m.text === "dài") await later;
      return { ok: true };
    }, messenger);
    await inbox.start();
    connection.log = [];
    await inbox.accept(incoming("1", "1", "ngắn"));
    await inbox.drain();
    // Two writes: the start of handling is counted, and "done" carries the reply.
    expect(connection.log.filter((sql) => sql.includes("InboxMessage") && sql.startsWith("UPDATE"))).toHaveLength(2);
    expect((await db.inboxMessage.findFirstOrThrow({ where: { messageId: "1" } })).sentJson).toBe('["1"]');

    await inbox.accept(incoming("1", "2", "dài"));
    for (
      let i = 0;
      i < 50 && !(await db.inboxMessage.findFirstOrThrow({ where: { messageId: "2" } })).sentJson.includes("2");
      i++
    )
      await new Promise((r) => setTimeout(r, 10));
    // Still handling, and the reply is already recorded: a crash now would not send it again.
    expect(await db.inboxMessage.findFirstOrThrow({ where: { messageId: "2" } })).toMatchObject({
      status: "pending",
      sentJson: '["2"]',
    });
    goOn();
    await inbox.drain();
    expect(await db.inboxMessage.findFirstOrThrow({ where: { messageId: "2" } })).toMatchObject({
      status: "done",
      sentJson: '["2"]',
    });
    connection.log = undefined;
    await inbox.stop(100);
  });

  it("after a crash, handles the unfinished message again without repeating the replies already sent", async () => {
    const messenger = createRecordingMessenger();
    // First life: one reply goes out, then the process dies in the middle of handling.
    const first = inboxWith(async (m, o) => {
      await o.messenger!.send({ channel: m.channel, chatId: m.chatId }, { type: "text", text: "Đã ghi nhận báo cáo" });
      return never;
    }, messenger);
    await first.start();
    await first.accept(incoming("7", "42", "12 pa nô"));
    await new Promise((r) => setTimeout(r, 100));
    expect(messenger.sent.map((s) => s.text)).toEqual(["Đã ghi nhận báo cáo"]);

    // Second life: the same handler runs again to the end; its first reply is not sent again.
    const second = inboxWith(async (m, o) => {
      const to = { channel: m.channel, chatId: m.chatId };
      await o.messenger!.send(to, { type: "text", text: "Đã ghi nhận báo cáo" });
      await o.messenger!.send(to, { type: "text", text: "Đã thêm 2 ảnh" });
      return { ok: true };
    }, messenger);
    await second.start();
    await second.drain();
    expect(messenger.sent.map((s) => s.text)).toEqual(["Đã ghi nhận báo cáo", "Đã thêm 2 ảnh"]);
    const row = await db.inboxMessage.findFirstOrThrow();
    // Handling started twice (once per life).
    expect(row).toMatchObject({ status: "done", attempts: 2 });
    await second.stop(100);
  });

  it("gives up a message that keeps interrupting the process", async () => {
    const messenger = createRecordingMessenger();
    const inbox = inboxWith(async () => never, messenger);
    await inbox.start();
    await inbox.accept(incoming("7", "1", "poison"));
    await inbox.stop(10);
    let handled = 0;
    for (let life = 0; life < 6; life++) {
      const again = inboxWith(async () => (handled++, never), messenger);
      await again.start();
      await again.stop(10);
    }
    expect(handled).toBe(5);
    expect(await db.inboxMessage.findFirstOrThrow()).toMatchObject({
      status: "done",
      lastError: "interrupted 6 times",
    });
  });

  it("counts only starts: a stuck message is given up (sender and admins told) and the chat's messages behind it, never started, are handled", async () => {
    const messenger = createRecordingMessenger();
    const givenUp: string[] = [];
    const handled: string[] = [];
    const handler = async (m: Incoming): Promise<HandleOutcome> => {
      if (m.text === "ảnh treo") return never;
      handled.push(m.text);
      return { ok: true };
    };
    const lives = () =>
      inboxWith(handler, messenger, {
        gaveUp: async (row) => void givenUp.push(`${row.incoming.text}:${row.attempts}`),
      });
    const first = lives();
    await first.start();
    for (const [id, text] of [
      ["1", "ảnh treo"],
      ["2", "12 pa nô"],
      ["3", "3 tin bài"],
    ])
      await first.accept(incoming("7", id, text));
    await new Promise((r) => setTimeout(r, 50));
    await first.stop(10);
    // Six restarts, each stuck on the same message again.
    for (let life = 0; life < 6; life++) {
      const again = lives();
      await again.start();
      await new Promise((r) => setTimeout(r, 30));
      await again.stop(10);
    }
    expect(givenUp).toEqual(["ảnh treo:6"]);
    expect(handled).toEqual(["12 pa nô", "3 tin bài"]);
    const rows = await db.inboxMessage.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ["done", 6],
      ["done", 1],
      ["done", 1],
    ]);
  });

  it("a message interrupted again and again after its answer went out is finished without telling anyone to send it again", async () => {
    const messenger = createRecordingMessenger();
    const givenUp: string[] = [];
    const answerThenHang = async (m: Incoming, o: HandleOptions): Promise<HandleOutcome> => {
      await o.messenger!.send({ channel: m.channel, chatId: m.chatId }, { type: "text", text: "Đã ghi nhận báo cáo" });
      return never;
    };
    const lives = () =>
      inboxWith(answerThenHang, messenger, { gaveUp: async (row) => void givenUp.push(row.incoming.text) });
    const first = lives();
    await first.start();
    await first.accept(incoming("7", "1", "12 pa nô"));
    await new Promise((r) => setTimeout(r, 50));
    await first.stop(10);
    for (let life = 0; life < 6; life++) {
      const again = lives();
      await again.start();
      await new Promise((r) => setTimeout(r, 30));
      await again.stop(10);
    }
    expect(givenUp).toEqual([]);
    expect(messenger.sent.map((s) => s.text)).toEqual(["Đã ghi nhận báo cáo"]);
    expect(await db.inboxMessage.findFirstOrThrow()).toMatchObject({
      status: "done",
      lastError: "interrupted 6 times after its answer",
    });
  });

  it("an answer that cannot be sent is kept in the outbox; the message handled again does not keep or send it twice", async () => {
    const messenger = createRecordingMessenger();
    const kept: string[] = [];
    let platformUp = false;
    const answers = {
      async deliver(input: OutboxInput) {
        if (!platformUp) {
          if (!kept.includes(input.dedupeKey)) kept.push(input.dedupeKey);
          return { messageId: "" };
        }
        return messenger.send({ channel: input.channel, chatId: input.chatId }, input.message);
      },
      keptKeys: async (prefix: string) => kept.filter((k) => k.startsWith(prefix)),
    };
    const replyTwice = async (m: Incoming, o: HandleOptions) => {
      const to = { channel: m.channel, chatId: m.chatId };
      await o.messenger!.send(to, { type: "text", text: "Đã ghi nhận báo cáo" });
      await o.messenger!.send(to, { type: "text", text: "Đã thêm 2 ảnh" });
      return never;
    };
    const first = inboxWith(replyTwice, messenger, { answers });
    await first.start();
    await first.accept(incoming("7", "42", "12 pa nô"));
    await new Promise((r) => setTimeout(r, 50));
    await first.stop(10);
    expect(kept).toEqual(["reply:telegram:7:42:0", "reply:telegram:7:42:1"]);
    // As if the process died before the journal was written: only the outbox knows.
    await db.inboxMessage.updateMany({ data: { sentJson: "[]" } });
    platformUp = true;
    const second = inboxWith(
      async (m, o) => {
        const to = { channel: m.channel, chatId: m.chatId };
        await o.messenger!.send(to, { type: "text", text: "Đã ghi nhận báo cáo" });
        await o.messenger!.send(to, { type: "text", text: "Đã thêm 2 ảnh" });
        await o.messenger!.send(to, { type: "text", text: "Minh chứng: 2 ảnh" });
        return { ok: true };
      },
      messenger,
      { answers },
    );
    await second.start();
    await second.drain();
    // The two kept ones are the outbox's to send; only the new third went out here.
    expect(messenger.sent.map((s) => s.text)).toEqual(["Minh chứng: 2 ảnh"]);
    expect(kept).toHaveLength(2);
    await second.stop(100);
  });

  it("keeps a message hit by a storage fault, tells the sender once, and handles it when storage works", async () => {
    const messenger = createRecordingMessenger();
    const faults: unknown[] = [];
    let diskFull = true;
    const notices: string[] = [];
    const inbox = inboxWith(
      async (m, o) => {
        if (diskFull)
          return { ok: false, error: Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" }) };
        await o.messenger!.send({ channel: m.channel, chatId: m.chatId }, { type: "text", text: "Đã ghi nhận" });
        return { ok: true };
      },
      messenger,
      { onStorageFault: (e) => faults.push(e), notify: async (_m, what) => void notices.push(what) },
    );
    await inbox.start();
    await inbox.accept(incoming("3", "1", "12 pa nô"));
    await new Promise((r) => setTimeout(r, 150));
    expect(faults.length).toBeGreaterThan(1);
    expect(notices).toEqual(["delayed"]);
    expect((await db.inboxMessage.findFirstOrThrow()).status).toBe("pending");
    diskFull = false;
    await inbox.drain();
    expect(messenger.sent.map((s) => s.text)).toEqual(["Đã ghi nhận"]);
    expect((await db.inboxMessage.findFirstOrThrow()).status).toBe("done");
    await inbox.stop(100);
  });

  it("tells the sender once when handling fails for another reason, and does not try again", async () => {
    const messenger = createRecordingMessenger();
    const notices: string[] = [];
    let runs = 0;
    const inbox = inboxWith(async () => (runs++, { ok: false, error: new Error("bug") }), messenger, {
      notify: async (_m, what) => void notices.push(what),
    });
    await inbox.start();
    await inbox.accept(incoming("3", "1", "x"));
    await inbox.drain();
    expect(runs).toBe(1);
    expect(notices).toEqual(["failed"]);
    expect(await db.inboxMessage.findFirstOrThrow()).toMatchObject({ status: "done", lastError: "Error: bug" });
    await inbox.stop(100);
  });
});

describe("inbox store", () => {
  it("stores a batch accepted together in order, and leaves the database at synchronous NORMAL", async () => {
    const store = createInboxStore(db);
    const connection = connectionOf(db);
    const batch = Array.from({ length: 50 }, (_, i) => incoming(String(i % 5), String(100 + i), `tin ${i}`));
    const rows = await Promise.all([...batch, batch[3]].map((m) => store.add(m, clock.now())));
    expect(rows.slice(0, 50).map((r) => r?.incoming.text)).toEqual(batch.map((m) => m.text));
    expect(rows.slice(0, 50).map((r) => r!.id)).toEqual([...rows.slice(0, 50).map((r) => r!.id)].sort((a, b) => a - b));
    // The same message twice in one batch is stored once.
    expect(rows[50]).toBeNull();
    expect(await db.inboxMessage.count()).toBe(50);
    expect(Number(connection.sqlite.pragma("synchronous", { simple: true }))).toBe(1);
  });

  it("stores a batch in one transaction: when one message cannot be stored, none is, and every add fails", async () => {
    const store = createInboxStore(db);
    const connection = connectionOf(db);
    connection.sqlite.exec(
      "CREATE TRIGGER refuse BEFORE INSERT ON InboxMessage WHEN NEW.messageId = '13' BEGIN SELECT RAISE(ABORT, 'refused'); END",
    );
    const results = await Promise.allSettled(
      ["11", "12", "13"].map((id) => store.add(incoming("1", id, "x"), clock.now())),
    );
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(await db.inboxMessage.count()).toBe(0);
    expect(connection.sqlite.inTransaction).toBe(false);
    expect(Number(connection.sqlite.pragma("synchronous", { simple: true }))).toBe(1);
  });

  it("commits the updates of one turn together, each resolved once its row is written", async () => {
    const store = createInboxStore(db);
    const sqlite = connectionOf(db).sqlite;
    const rows = await Promise.all(["1", "2", "3"].map((id) => store.add(incoming(id, id, "x"), clock.now())));
    const transaction = sqlite.transaction.bind(sqlite);
    let commits = 0;
    sqlite.transaction = ((fn: never) => (commits++, transaction(fn))) as typeof sqlite.transaction;
    try {
      const attempts = () =>
        sqlite.prepare(`SELECT "attempts" AS n FROM "InboxMessage" ORDER BY "id"`).safeIntegers(false).all();
      const begun = rows.map((r) => store.begin(r!.id).then(attempts));
      // Begun, each sees its own row counted (and the others of the turn too: one commit).
      for (const seen of await Promise.all(begun)) expect(seen).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }]);
      expect(commits).toBe(1);
      await Promise.all([
        store.finish(rows[0]!.id, clock.now(), undefined, ["501"]),
        store.recordSent(rows[1]!.id, ["502"]),
      ]);
      expect(commits).toBe(2);
      expect(
        await db.inboxMessage.findMany({ orderBy: { id: "asc" }, select: { status: true, sentJson: true } }),
      ).toEqual([
        { status: "done", sentJson: '["501"]' },
        { status: "pending", sentJson: '["502"]' },
        { status: "pending", sentJson: "[]" },
      ]);
    } finally {
      sqlite.transaction = transaction;
    }
  });

  it("an update that fails does not fail the others of its turn", async () => {
    const store = createInboxStore(db);
    const connection = connectionOf(db);
    const rows = await Promise.all(["1", "2", "3"].map((id) => store.add(incoming(id, id, "x"), clock.now())));
    connection.sqlite.exec(
      `CREATE TRIGGER refuse BEFORE UPDATE ON InboxMessage WHEN NEW.id = ${rows[1]!.id} BEGIN SELECT RAISE(ABORT, 'refused'); END`,
    );
    const results = await Promise.allSettled(rows.map((r) => store.finish(r!.id, clock.now())));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((await db.inboxMessage.findMany({ orderBy: { id: "asc" } })).map((m) => m.status)).toEqual([
      "done",
      "pending",
      "done",
    ]);
    expect(connection.sqlite.inTransaction).toBe(false);
  });
});
