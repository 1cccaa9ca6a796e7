import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe } from "vitest";

/**
 * The PostgreSQL server tests may use: TEST_POSTGRES_URL (e.g.
 * postgresql://dondoc:dondoc@127.0.0.1:5432/postgres, a role allowed to CREATE DATABASE). Each test
 * file makes its own throwaway database there and drops it at the end.
 */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "";

async function reachable(url: string): Promise<string | null> {
  if (!url) return "TEST_POSTGRES_URL is not set";
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return `TEST_POSTGRES_URL (${url.replace(/\/\/[^@]*@/, "//…@")}) is not reachable: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Why the PostgreSQL runs are skipped, or null when they run. */
export const postgresSkipReason = await reachable(TEST_POSTGRES_URL);
if (postgresSkipReason)
  console.warn(`PostgreSQL tests skipped: ${postgresSkipReason} (see README, PostgreSQL: how tests find it)`);

/** The title suffix of a PostgreSQL suite: says why it is skipped, visible in the test output. */
export const postgresTitle = postgresSkipReason ? `PostgreSQL — SKIPPED: ${postgresSkipReason}` : "PostgreSQL";

/** A URL with another database name on the same server. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A throwaway PostgreSQL database on TEST_POSTGRES_URL's server; `drop` ends its sessions and removes it. */
export async function createPostgresDatabase(prefix = "dondoc_test"): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(TEST_POSTGRES_URL, name),
    async drop() {
      const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await c.connect();
      try {
        // FORCE may meet an autovacuum worker (a superuser's backend) in the database just used: a
        // role without pg_signal_backend cannot end it, so wait for it to finish and try again.
        for (let attempt = 1; ; attempt++) {
          try {
            await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
            return;
          } catch (error) {
            if (attempt >= 10 || !/pg_signal_backend/.test(String(error))) throw error;
            await new Promise((resolve) => setTimeout(resolve, 300));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}

/** A database a test runs on: its kind, and how to make a fresh one (a URL and how to remove it). */
export interface TestDatabase {
  kind: "sqlite" | "postgresql";
  /** Title for describe.each: "SQLite", or "PostgreSQL" (with the reason it is skipped). */
  title: string;
  skip: boolean;
  /** A new empty database: a file under `dir` for SQLite, a throwaway PostgreSQL database. */
  create(dir: string): Promise<{ url: string; drop(): Promise<void> }>;
}

/**
 * Both databases, for `describe.each(databases)`; the PostgreSQL one skipped (with its reason in
 * the title) when TEST_POSTGRES_URL is unset or unreachable.
 * @example describe.each(databases)("reports ($title)", ({ skip, create }) => { … })
 */
export const databases: TestDatabase[] = [
  {
    kind: "sqlite",
    title: "SQLite",
    skip: false,
    create: async (parent) => {
      const dir = mkdtempSync(path.join(parent, "don-doc-db-"));
      return {
        url: `file:${path.join(dir, "don-doc.db")}`,
        drop: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    kind: "postgresql",
    title: postgresTitle,
    skip: !!postgresSkipReason,
    create: () => createPostgresDatabase(),
  },
];

/**
 * Declares `suite` once per database: SQLite, then PostgreSQL (skipped, its reason in the title,
 * when TEST_POSTGRES_URL is unset or unreachable). `fresh()` makes an empty database for it
 * (its URL, for DATABASE_URL), removed after the suite.
 * @example eachDatabase("reports", ({ fresh }) => { beforeAll(async () => { h = await startHarness({ env: { DATABASE_URL: await fresh() } }); }); … });
 */
export function eachDatabase(
  name: string,
  suite: (database: { kind: TestDatabase["kind"]; fresh(): Promise<string> }) => void,
) {
  for (const database of databases)
    describe.skipIf(database.skip)(`${name} (${database.title})`, () => {
      const drops: (() => Promise<void>)[] = [];
      // Registered first, so it runs after the suite's own afterAll (which stops the app).
      afterAll(async () => {
        for (const drop of drops) await drop();
      });
      suite({
        kind: database.kind,
        async fresh() {
          const made = await database.create(tmpdir());
          drops.push(made.drop);
          return made.url;
        },
      });
    });
}
