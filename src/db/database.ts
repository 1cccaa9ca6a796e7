import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";

export type Db = PrismaClient;

const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
const BUSY_TIMEOUT_MS = 5_000;

/** The file of a `file:` SQLite URL. */
export function sqlitePath(url: string): string {
  return url.replace(/^file:/, "");
}

/**
 * Applies the committed migrations in prisma/migrations that are not applied yet, recording them
 * in Prisma's own `_prisma_migrations` table so `prisma migrate deploy` agrees. Also turns on WAL.
 * Done in-process (no CLI spawn) so start-up and tests stay fast and offline.
 * @example applyMigrations("file:./data/don-doc.db") // → ["20261126000000_init"] on a new file
 */
export function applyMigrations(url: string, migrationsDir = MIGRATIONS_DIR): string[] {
  const file = sqlitePath(url);
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
    const done = new Set(
      sqlite
        .prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
        .all()
        .map((r) => (r as { migration_name: string }).migration_name),
    );
    const applied: string[] = [];
    const names = existsSync(migrationsDir)
      ? readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
      : [];
    for (const name of names) {
      if (done.has(name)) continue;
      const sql = readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      sqlite.transaction(() => {
        sqlite.exec(sql);
        sqlite
          .prepare(
            `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
             VALUES (?, ?, ?, ?, ?, 1)`,
          )
          .run(randomUUID(), checksum, Date.now(), name, Date.now());
      })();
      applied.push(name);
    }
    return applied;
  } finally {
    sqlite.close();
  }
}

/**
 * Opens the database: migrations first, then a Prisma client over better-sqlite3 with a busy timeout.
 * @example const db = await openDatabase("file:/tmp/test.db"); await db.unit.count(); await db.$disconnect();
 */
export async function openDatabase(url: string): Promise<Db> {
  applyMigrations(url);
  const prisma = new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS }),
    // Under a burst, transactions queue for SQLite's single writer; Prisma's 2 s default is too tight.
    transactionOptions: { maxWait: 15_000, timeout: 30_000 },
  });
  await prisma.$connect();
  return prisma;
}
