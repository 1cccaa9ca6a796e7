import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInboxClaims, type InboxClaims } from "../../src/cluster/inbox-claims.js";
import type { Incoming } from "../../src/core/types.js";
import { type Db, openDatabase } from "../../src/db/database.js";
import { createPostgresInboxStore } from "../../src/db/postgres-inbox-store.js";
import type { InboxStore } from "../../src/inbox/inbox-store.js";
import { createThrowawayDatabase, postgresSkipReason } from "./postgres.js";

const skip = await postgresSkipReason();
if (skip) console.warn(`[cluster] inbox claim tests skipped: ${skip}`);

const quiet = { info() {}, warn() {}, error() {}, debug() {} };

const message = (id: number): Incoming => ({
  channel: "telegram",
  chatId: String(100 + id),
  chatType: "private",
  userId: String(100 + id),
  userName: "Lan",
  messageId: String(id),
  text: "/start",
  files: [],
  date: new Date("2026-12-06T08:00:00Z"),
});

describe.skipIf(!!skip)("inbox claims on PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof createThrowawayDatabase>>;
  let db: Db;
  let base: InboxStore;
  const open: InboxClaims[] = [];
  const claims = async (name: string) => {
    const c = await createInboxClaims({ url: database.url, logger: quiet, instanceId: name });
    open.push(c);
    return c;
  };

  beforeAll(async () => {
    database = await createThrowawayDatabase("claims");
    db = await openDatabase(database.url);
    base = createPostgresInboxStore(db);
  });
  afterAll(async () => {
    for (const c of open) await c.close();
    await db?.$disconnect();
    await database?.drop();
  });

  it("the same update stored by two instances at once: one stores and holds it, the other gets null", async () => {
    const a = (await claims("a")).wrap(base);
    const b = (await claims("b")).wrap(base);
    for (let i = 1; i <= 20; i++) {
      const [ra, rb] = await Promise.all([a.add(message(i), new Date()), b.add(message(i), new Date())]);
      expect([ra, rb].filter(Boolean)).toHaveLength(1);
    }
  });

  it("a live instance's unfinished rows are nobody else's; once it is gone another takes them, once", async () => {
    const dying = await claims("dying");
    const survivor = await claims("survivor");
    const late = await claims("late");
    const row = await dying.wrap(base).add(message(100), new Date());
    expect(row).not.toBeNull();
    expect(dying.held()).toBe(1);
    // Alive: nobody may take it, and the holder does not take its own row a second time.
    expect(await survivor.wrap(base).resumeUnfinished()).toEqual([]);
    expect(await dying.claimOrphans()).toEqual([]);
    // Gone (its connection closed, as with kill -9): the first to claim gets it, the next does not.
    await dying.close();
    const taken = await survivor.wrap(base).resumeUnfinished();
    expect(taken.map((r) => r.id)).toContain(row!.id);
    expect(await late.claimOrphans()).not.toContain(row!.id);
    // Done: let go, and not taken up again by anyone.
    await survivor.wrap(base).finish(row!.id, new Date());
    expect(survivor.held()).toBe(taken.length - 1);
    expect(await late.claimOrphans()).not.toContain(row!.id);
  });
});
