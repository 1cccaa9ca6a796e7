import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without types
import { postgresSchema } from "../../scripts/postgres-schema.mjs";
import type { Repositories } from "../../src/core/repositories.js";
import { type Db, openDatabase, poolOf, postgresOf } from "../../src/db/database.js";
import { applyPostgresMigrations, createCountedPool } from "../../src/db/postgres-database.js";
import { createPostgresRepositories } from "../../src/db/postgres-repositories.js";
import { INSTANCE_LOCK_CLASS } from "../../src/db/postgres-session.js";
import { createPostgresDatabase, postgresSkipReason, postgresTitle } from "../support/databases.js";

const skip = !!postgresSkipReason;
const migrationNames = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

describe("the PostgreSQL schema (no server needed)", () => {
  it("prisma/postgresql/schema.prisma is the SQLite schema's models with the PostgreSQL provider", () => {
    const written = readFileSync("prisma/postgresql/schema.prisma", "utf8");
    expect(written).toBe(postgresSchema(readFileSync("prisma/schema.prisma", "utf8")));
    const models = (text: string) => [...text.matchAll(/^model (\w+) \{[\s\S]*?^\}/gm)].map((m) => m[0]);
    expect(models(written)).toEqual(models(readFileSync("prisma/schema.prisma", "utf8")));
    expect(written).toContain('provider = "postgresql"');
  });

  it("every SQLite migration has a PostgreSQL counterpart state (a PostgreSQL migration as new or newer)", () => {
    const sqlite = migrationNames("prisma/migrations");
    const postgres = migrationNames("prisma/postgresql/migrations");
    const stamp = (name: string) => name.slice(0, 14);
    // Adding a SQLite migration without its PostgreSQL one fails here (README, PostgreSQL).
    expect(stamp(postgres.at(-1)!) >= stamp(sqlite.at(-1)!), `${sqlite.at(-1)} has no PostgreSQL counterpart`).toBe(
      true,
    );
  });
});

/** Columns, indexes and constraints of the public schema, Prisma's own table aside. */
async function catalog(url: string) {
  const pool = createCountedPool(url).pool;
  try {
    const q = async (sql: string) => (await pool.query(sql)).rows;
    return {
      columns: await q(`SELECT table_name, column_name, data_type, is_nullable, column_default, datetime_precision
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1, 2`),
      indexes: await q(`SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1, 2`),
      constraints: await q(`SELECT conrelid::regclass::text AS "table", conname, pg_get_constraintdef(oid) AS def
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1, 2`),
    };
  } finally {
    await pool.end();
  }
}

describe.skipIf(skip)(`PostgreSQL migrations, claims and change notifications (${postgresTitle})`, () => {
  const drops: (() => Promise<void>)[] = [];
  const open: Db[] = [];
  let url: string;

  beforeAll(async () => {
    const made = await createPostgresDatabase();
    drops.push(made.drop);
    url = made.url;
  });

  afterAll(async () => {
    for (const db of open) await db.$disconnect().catch(() => {});
    for (const drop of drops) await drop();
  });

  async function client(): Promise<{ db: Db; repos: Repositories }> {
    const db = await openDatabase(url);
    open.push(db);
    return { db, repos: await createPostgresRepositories(db) };
  }

  it("migrations: two instances starting at once migrate once, and the result is exactly Prisma's schema", async () => {
    const [a, b] = [createCountedPool(url), createCountedPool(url)];
    try {
      const [first, second] = await Promise.all([applyPostgresMigrations(a.pool), applyPostgresMigrations(b.pool)]);
      const all = migrationNames("prisma/postgresql/migrations");
      // One applied everything; the other waited on the advisory lock and found nothing left.
      expect([first, second].sort((x, y) => y.length - x.length)).toEqual([all, []]);
      const { rows } = await a.pool.query(`SELECT migration_name FROM "_prisma_migrations" ORDER BY 1`);
      expect(rows.map((r) => r.migration_name)).toEqual(all);
    } finally {
      await Promise.all([a.pool.end(), b.pool.end()]);
    }
    // Prisma's own script for the schema, into another database, then the two catalogs compared.
    const reference = await createPostgresDatabase();
    drops.push(reference.drop);
    const diff = spawnSync(
      process.execPath,
      [
        "node_modules/prisma/build/index.js",
        "migrate",
        "diff",
        "--config",
        "prisma/postgresql/prisma.config.ts",
        "--from-empty",
        "--to-schema-datamodel",
        "prisma/postgresql/schema.prisma",
        "--script",
      ],
      { encoding: "utf8", env: { ...process.env, DATABASE_URL: reference.url } },
    );
    expect(diff.status, diff.stderr).toBe(0);
    const pool = createCountedPool(reference.url).pool;
    await pool.query(diff.stdout);
    await pool.end();
    const [migrated, expected] = [await catalog(url), await catalog(reference.url)];
    expect(migrated.columns.length).toBeGreaterThan(100);
    expect(migrated).toEqual(expected);
  }, 60_000);

  it("two processes never claim the same outbox row (FOR UPDATE SKIP LOCKED)", async () => {
    const [a, b] = [await client(), await client()];
    const now = new Date("2021-03-10T03:00:00Z");
    await a.repos.outbox.enqueueMany(
      Array.from({ length: 60 }, (_, i) => ({
        dedupeKey: `claim:${i}`,
        channel: "telegram" as const,
        chatId: String(i),
        kind: "reply",
        message: { type: "text" as const, text: `m${i}` },
        notBefore: now,
      })),
    );
    const claimed: number[][] = [[], []];
    await Promise.all(
      [a, b].map(async ({ repos }, who) => {
        for (;;) {
          const rows = await repos.outbox.claimDue(now, 4);
          if (!rows.length) return;
          claimed[who].push(...rows.map((r) => r.id));
        }
      }),
    );
    const all = [...claimed[0], ...claimed[1]];
    expect(all).toHaveLength(60);
    expect(new Set(all).size).toBe(60);
    expect(claimed[0].length).toBeGreaterThan(0);
    expect(claimed[1].length).toBeGreaterThan(0);
    const { rows } = await poolOf(a.db)!.query(
      `SELECT "claimedBy", count(*)::int AS n FROM "OutboxMessage" WHERE "dedupeKey" LIKE 'claim:%' GROUP BY 1`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.claimedBy, r.n]))).toEqual({
      [postgresOf(a.db)!.instanceId]: claimed[0].length,
      [postgresOf(b.db)!.instanceId]: claimed[1].length,
    });
    for (const { repos } of [a, b]) await repos.outbox.release(all);
  });

  it("a dead instance's sending rows go back to pending, a live one's never", async () => {
    const [a, b] = [await client(), await client()];
    const now = new Date("2021-03-10T04:00:00Z");
    await a.repos.outbox.enqueueMany(
      ["dead:1", "dead:2", "live:1"].map((dedupeKey) => ({
        dedupeKey,
        channel: "zalo" as const,
        chatId: dedupeKey,
        kind: "reply",
        message: { type: "text" as const, text: dedupeKey },
        notBefore: now,
      })),
    );
    // Earlier tests' rows were released: only these three are due.
    const pool = poolOf(b.db)!;
    await pool.query(`UPDATE "OutboxMessage" SET "nextAttemptAt" = '2031-01-01' WHERE "dedupeKey" LIKE 'claim:%'`);
    const byA = await a.repos.outbox.claimDue(now, 2);
    expect(byA.map((r) => r.dedupeKey)).toEqual(["dead:1", "dead:2"]);
    const byB = await b.repos.outbox.claimDue(now, 5);
    expect(byB.map((r) => r.dedupeKey)).toEqual(["live:1"]);
    // Both alive: nothing to recover, and nothing more to claim.
    expect(await b.repos.outbox.recoverInFlight()).toBe(0);
    expect(await a.repos.outbox.recoverInFlight()).toBe(0);
    expect(await b.repos.outbox.claimDue(now, 5)).toEqual([]);
    // A dies (its session ends, the server drops its advisory lock).
    await a.db.$disconnect();
    const c = await client();
    // A live instance's claim picks the dead one's rows up; B's own row stays B's.
    const again = await c.repos.outbox.claimDue(now, 5);
    expect(again.map((r) => r.dedupeKey)).toEqual(["dead:1", "dead:2"]);
    // C dies too, holding them: at a start, recoverInFlight puts back only the rows of instances that are gone.
    await c.db.$disconnect();
    expect(await b.repos.outbox.recoverInFlight()).toBe(2);
    const { rows } = await pool.query(
      `SELECT "dedupeKey", status FROM "OutboxMessage" WHERE "channel" = 'zalo' ORDER BY "dedupeKey"`,
    );
    expect(rows).toEqual([
      { dedupeKey: "dead:1", status: "pending" },
      { dedupeKey: "dead:2", status: "pending" },
      { dedupeKey: "live:1", status: "sending" },
    ]);
  });

  it("caches follow another process's writes (LISTEN/NOTIFY): people, chats, conversations, units, tasks", async () => {
    const [a, b] = [await client(), await client()];
    const until = async (check: () => Promise<boolean>) => {
      for (let i = 0; i < 100; i++) {
        if (await check()) return true;
        await new Promise((r) => setTimeout(r, 20));
      }
      return false;
    };
    const person = await a.repos.people.touch({ channel: "telegram", userId: "77", displayName: "Lan" });
    const unit = await a.repos.units.create({ code: "XA_N", name: "Xã N", kind: "xa", tags: ["xa"] });
    // A reads everything once: cached from now on.
    expect(await a.repos.people.find("telegram", "77")).toMatchObject({ role: "none" });
    expect(await a.repos.chats.find("telegram", "-77")).toBeNull();
    expect(await a.repos.conversations.get("telegram", "-77", "77", new Date(0))).toBeNull();
    expect(await a.repos.units.findById(unit.id)).toMatchObject({ name: "Xã N" });
    const active = (await a.repos.tasks.listActive()).length;
    // A's own caches answer without the database: a statement count that does not move.
    const counter = postgresOf(a.db)!;
    const before = counter.statements;
    await a.repos.people.find("telegram", "77");
    await a.repos.chats.find("telegram", "-77");
    expect(counter.statements).toBe(before);
    // B writes each of them.
    await b.repos.people.setRole(person.id, "officer");
    await b.repos.chats.bind({
      channel: "telegram",
      chatId: "-77",
      chatType: "group",
      title: "N",
      role: "unit",
      unitId: unit.id,
    });
    await b.repos.conversations.set("telegram", "-77", "77", {
      kind: "pick_task",
      data: { options: [1] },
      expiresAt: new Date("2031-01-01T00:00:00Z"),
    });
    await b.repos.units.update(unit.id, { name: "Xã Mới" });
    await b.repos.tasks.upsert({
      planId: null,
      code: "NV_N",
      title: "Báo cáo N",
      targets: ["xa"],
      schedule: { kind: "once", dueDate: "2021-03-15" },
      reminder: null,
      deadlineText: "15/03/2021",
      createdBy: "t",
      indicators: [],
    });
    // A sees every change soon after B's commits (notified, not after the caches' 5 minutes).
    expect(await until(async () => (await a.repos.people.find("telegram", "77"))?.role === "officer")).toBe(true);
    expect(await until(async () => (await a.repos.chats.find("telegram", "-77"))?.title === "N")).toBe(true);
    expect(await until(async () => !!(await a.repos.conversations.get("telegram", "-77", "77", new Date(0))))).toBe(
      true,
    );
    expect(await until(async () => (await a.repos.units.findById(unit.id))?.name === "Xã Mới")).toBe(true);
    expect(await until(async () => (await a.repos.tasks.listActive()).length === active + 1)).toBe(true);
    // B clearing the conversation reaches A too.
    await b.repos.conversations.clear("telegram", "-77", "77");
    expect(
      await until(async () => (await a.repos.conversations.get("telegram", "-77", "77", new Date(0))) === null),
    ).toBe(true);
  });

  it("a lost listening connection comes back: the instance lock is taken again and changes are heard again", async () => {
    const [a, b] = [await client(), await client()];
    const session = postgresOf(a.db)!.session!;
    const lockNumber = session.instanceId.split(":")[0];
    const admin = poolOf(b.db)!;
    const holder = async () =>
      (
        await admin.query(
          `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND objid::text = $2 AND granted`,
          [INSTANCE_LOCK_CLASS, lockNumber],
        )
      ).rows[0]?.pid as number | undefined;
    const before = await holder();
    expect(before).toBeGreaterThan(0);
    await a.repos.people.touch({ channel: "zalo", userId: "88", displayName: "Minh" });
    expect(await a.repos.people.find("zalo", "88")).toMatchObject({ role: "none" });
    // The server ends A's session connection (as a restart or a network cut would).
    await admin.query("SELECT pg_terminate_backend($1)", [before]);
    let after: number | undefined;
    for (let i = 0; i < 100 && (!after || after === before); i++) {
      await new Promise((r) => setTimeout(r, 50));
      after = await holder();
    }
    expect(after).toBeGreaterThan(0);
    expect(after).not.toBe(before);
    expect(session.instanceId.split(":")[0]).toBe(lockNumber);
    // Once back (LISTEN again, the caches forgotten), A caches the row again: only a notification can change it now.
    await new Promise((r) => setTimeout(r, 300));
    expect(await a.repos.people.find("zalo", "88")).toMatchObject({ role: "none" });
    const person = (await b.repos.people.find("zalo", "88"))!;
    await b.repos.people.setRole(person.id, "leader");
    let role: string | undefined;
    for (let i = 0; i < 100 && role !== "leader"; i++) {
      await new Promise((r) => setTimeout(r, 20));
      role = (await a.repos.people.find("zalo", "88"))?.role;
    }
    expect(role).toBe("leader");
  });
});
