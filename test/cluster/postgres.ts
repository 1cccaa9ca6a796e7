import { randomBytes } from "node:crypto";
import pg from "pg";

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
