import pg from "pg";
import { syncAllTasks } from "../../src/core/plans/tasks.js";
import { openDatabase } from "../../src/db/database.js";
import { createPrismaRepositories } from "../../src/db/repositories.js";
import { createPostgresDatabase, postgresSkipReason as skipReason } from "../support/databases.js";
import { seedFanOutUnits } from "../support/fan-out.js";
import { NOW } from "../support/real-bot.js";

/** Why PostgreSQL tests are skipped (TEST_POSTGRES_URL unset or unreachable, see test/support/databases.ts), or undefined. */
export async function postgresSkipReason(): Promise<string | undefined> {
  return skipReason ?? undefined;
}

/**
 * A throwaway database on TEST_POSTGRES_URL's server; `drop` ends its sessions and removes it.
 * @example const db = await createThrowawayDatabase("lease"); … await db.drop();
 */
export const createThrowawayDatabase = (prefix: string) => createPostgresDatabase(`dd_${prefix}`);

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
  await seedFanOutUnits(repos, { units });
  await syncAllTasks({ repos, clock: { now: () => new Date(NOW) }, timezone: "Asia/Ho_Chi_Minh" });
  await db.$disconnect();
}
