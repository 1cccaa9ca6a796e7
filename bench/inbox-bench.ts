/**
 * The durable inbox's own cost: 2,000 messages from 200 chats stored, handled by a handler that
 * does nothing but send one reply (recorded on the row), and marked done — on a SQLite file.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Messenger } from "../src/core/ports.js";
import { openDatabase } from "../src/db/database.js";
import { createInboxStore } from "../src/db/inbox-store.js";
import { isStorageFault } from "../src/db/storage-faults.js";
import { createDurableInbox } from "../src/inbox/durable-inbox.js";
import { createTestLogger } from "../test/support/harness.js";
import type { BenchRow } from "./fanout-bench.js";

const MESSAGES = 2_000;
const CHATS = 200;

export async function benchInbox(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "don-doc-inbox-bench-"));
  const db = await openDatabase(`file:${dir}/db.sqlite`);
  let sent = 0;
  const messenger: Messenger = {
    textLimit: () => 4096,
    send: async () => ({ messageId: String(++sent) }),
    download: async () => new Uint8Array(),
  };
  const inbox = createDurableInbox({
    store: createInboxStore(db),
    handle: async (m, o) => (
      await o.messenger!.send({ channel: m.channel, chatId: m.chatId }, { type: "text", text: "ok" }), { ok: true }
    ),
    messenger,
    clock: { now: () => new Date() },
    logger: createTestLogger(),
    isStorageFault,
  });
  try {
    await inbox.start();
    const accept: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < MESSAGES; i++) {
      const a = performance.now();
      await inbox.accept({
        channel: "telegram",
        chatId: String(-1000 - (i % CHATS)),
        chatType: "group",
        userId: "1",
        userName: "Lan",
        messageId: String(i),
        text: "Đã treo 12 pa nô",
        files: [],
        date: new Date(),
      });
      accept.push(performance.now() - a);
    }
    await inbox.drain();
    const seconds = (performance.now() - t0) / 1000;
    accept.sort((x, y) => x - y);
    return [
      { name: "inbox: messages stored, handled (one reply each) and marked done", value: MESSAGES, unit: "count" },
      { name: "inbox: throughput, no-op handler", value: Math.round(MESSAGES / seconds), unit: "msg/s" },
      {
        name: "inbox: store before acknowledging, p50",
        value: Number(accept[Math.floor(accept.length / 2)].toFixed(2)),
        unit: "ms",
      },
      {
        name: "inbox: store before acknowledging, p99",
        value: Number(accept[Math.floor(accept.length * 0.99)].toFixed(2)),
        unit: "ms",
      },
    ];
  } finally {
    await inbox.stop(1_000);
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}
