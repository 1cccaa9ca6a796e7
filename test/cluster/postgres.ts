import { randomBytes } from "node:crypto";
import pg from "pg";
import { syncAllTasks } from "../../src/core/plans/tasks.js";
import { openDatabase } from "../../src/db/database.js";
import { createPrismaRepositories } from "../../src/db/repositories.js";
import { NOW } from "../support/real-bot.js";

/** TEST_POSTGRES_URL (a database the test role may connect to, e.g. .../postgres), if set. */
export const testPostgresUrl = process.env.TEST_POSTGRES_URL;

/** Why PostgreSQL tests are skipped, or undefined when they can run. */
export async function postgresSkipReason(): Promise<string | undefined> {
  if (!testPostgresUrl) return "TEST_POSTGRES_URL is not set";
  const client = new pg.Client({ connectionString: testPostgresUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return undefined;
  } catch (error) {
    return `PostgreSQL at TEST_POSTGRES_URL is not reachable (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The URL of `base` with another database name. */
export function withDatabase(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Creates a throwaway database; `drop` ends its connections and drops it.
 * @example const db = await createThrowawayDatabase("lease"); … await db.drop();
 */
export async function createThrowawayDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `dd_${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: testPostgresUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(testPostgresUrl!, name),
    async drop() {
      const c = new pg.Client({ connectionString: testPostgresUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Runs one query on a fresh connection. */
export async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, values)).rows;
  } finally {
    await c.end();
  }
}

/** Units 1…n, each with a private chat 5000+i, and one task due today whose due-day reminder is due now. */
export async function seedFanOut(url: string, units: number): Promise<void> {
  const db = await openDatabase(url);
  const repos = createPrismaRepositories(db);
  for (let i = 1; i <= units; i++) {
    const unit = await repos.units.create({ code: `XA_${i}`, name: `UBND xã Số ${i}`, kind: "xa", tags: ["xa"] });
    await repos.chats.bind({
      channel: "telegram",
      chatId: String(5000 + i),
      chatType: "private",
      role: "unit",
      unitId: unit.id,
    });
  }
  await repos.tasks.upsert({
    planId: null,
    code: "NV_1",
    title: "Xây dựng kế hoạch tuyên truyền",
    targets: ["xa"],
    schedule: { kind: "once", dueDate: "2021-02-09" },
    reminder: null,
    deadlineText: "09/02/2021",
    createdBy: "test",
    indicators: [],
  });
  await syncAllTasks({ repos, clock: { now: () => new Date(NOW) }, timezone: "Asia/Ho_Chi_Minh" });
  await db.$disconnect();
}
