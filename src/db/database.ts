import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import type pg from "pg";
import { PrismaClient } from "../generated/prisma/client.js";
import { openPostgres, type PostgresConnection } from "./postgres-database.js";

/**
 * The Prisma client of either database. Typed as the SQLite client: the PostgreSQL client is
 * generated from the same models (prisma/postgresql/schema.prisma), so its model APIs are the
 * same; {@link openDatabase} casts it once so every caller keeps one type.
 */
export type Db = PrismaClient;

/** Which database a `DATABASE_URL` names. */
export type DatabaseKind = "sqlite" | "postgresql";

/**
 * The kind of database of a URL: `file:` is SQLite, `postgresql://` or `postgres://` PostgreSQL.
 * @example databaseKind("postgres://u:p@db/dondoc") // → "postgresql"
 */
export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got ${url.split(":")[0]}:`,
  );
}

const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
const BUSY_TIMEOUT_MS = 5_000;

/** A date as Prisma's better-sqlite3 adapter stores it (ISO 8601 with "+00:00"), for prepared statements. */
export const sqliteDate = (d: Date) => d.toISOString().replace("Z", "+00:00");

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
        .prepare(
          `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        )
        .all()
        .map((r) => (r as { migration_name: string }).migration_name),
    );
    const applied: string[] = [];
    const names = existsSync(migrationsDir)
      ? readdirSync(migrationsDir, { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => d.name)
          .sort()
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

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** A FIFO lock: whoever holds it owns the connection's transaction state. */
function createLock() {
  let tail = Promise.resolve();
  return {
    acquire(): Promise<() => void> {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const ready = tail.then(() => release);
      tail = tail.then(() => held);
      return ready;
    },
  };
}

/**
 * The one better-sqlite3 connection Prisma uses, shared with the prepared-statement repositories
 * (src/db/sqlite-repositories.ts). `exclusive` runs synchronous work between Prisma's
 * transactions, never inside one. `statements` counts data statements (not BEGIN/COMMIT) of both.
 */
export interface SqliteConnection {
  sqlite: Database.Database;
  exclusive<T>(work: (sqlite: Database.Database) => T): Promise<T>;
  /** Statements run so far (Prisma's and prepared ones); tests and the bench read it. */
  readonly statements: number;
  /** Milliseconds spent inside SQLite for those statements (the bench reads it). */
  readonly sqliteMs: number;
  /** Runs one statement's work, adding its time to `sqliteMs`. */
  timed<T>(work: () => T): T;
  /** Called by the prepared-statement layer for each statement it runs. */
  count(sql: string): void;
  /** When set, every counted statement's SQL is appended (tests print it on failure). */
  log?: string[];
}

const connections = new WeakMap<object, SqliteConnection>();
const postgres = new WeakMap<object, PostgresConnection>();

/** The shared connection of a SQLite client made by {@link openDatabase}. */
export function connectionOf(db: Db): SqliteConnection {
  const connection = connections.get(db);
  if (!connection)
    throw new Error(
      postgres.has(db) ? "a PostgreSQL client has no SQLite connection" : "not a client from openDatabase",
    );
  return connection;
}

/** The kind of database a client made by {@link openDatabase} runs on. */
export function kindOf(db: Db): DatabaseKind {
  return postgres.has(db) ? "postgresql" : "sqlite";
}

/** The pool and statement counters of a PostgreSQL client, or null for SQLite. */
export function postgresOf(db: Db): PostgresConnection | null {
  return postgres.get(db) ?? null;
}

/**
 * The pg.Pool of a PostgreSQL client (Prisma's adapter runs on it; direct queries may share it),
 * or null for SQLite.
 * @example const pool = poolOf(db); if (pool) await pool.query("SELECT 1");
 */
export function poolOf(db: Db): pg.Pool | null {
  return postgres.get(db)?.pool ?? null;
}

const isControl = (sql: string) => /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i.test(sql);

/**
 * Prisma's better-sqlite3 adapter, wrapped: its connection is handed out for prepared statements,
 * its transactions take the shared lock, and its statements are counted.
 */
function sharedAdapter(url: string) {
  const inner = new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS });
  const lock = createLock();
  let statements = 0;
  let sqliteMs = 0;
  let sqlite: Database.Database | undefined;
  // A COMMIT refused by a full disk leaves SQLite's transaction open while Prisma forgets it: every
  // later statement would run, uncommitted, inside it. Roll it back at once.
  const closeOnFailedCommit = <T>(sql: string, run: Promise<T>): Promise<T> =>
    /^\s*COMMIT\b/i.test(sql)
      ? run.catch((error: unknown) => {
          if (connection.sqlite.inTransaction) connection.sqlite.exec("ROLLBACK");
          throw error;
        })
      : run;
  const counted = <Q extends Pick<Adapter, "queryRaw" | "executeRaw">>(q: Q): Q => {
    // The adapter runs the statement synchronously inside the call, so timing the call times SQLite.
    const queryRaw: Adapter["queryRaw"] = (query) => {
      if (!isControl(query.sql)) connection.count(query.sql);
      return closeOnFailedCommit(
        query.sql,
        connection.timed(() => q.queryRaw(query)),
      );
    };
    const executeRaw: Adapter["executeRaw"] = (query) => {
      if (!isControl(query.sql)) connection.count(query.sql);
      return closeOnFailedCommit(
        query.sql,
        connection.timed(() => q.executeRaw(query)),
      );
    };
    return new Proxy(q, {
      get: (target, key) =>
        key === "queryRaw" ? queryRaw : key === "executeRaw" ? executeRaw : Reflect.get(target, key, target),
    });
  };
  const connection: SqliteConnection = {
    get sqlite() {
      if (!sqlite) throw new Error("database not connected");
      return sqlite;
    },
    async exclusive(work) {
      const release = await lock.acquire();
      try {
        return work(connection.sqlite);
      } finally {
        release();
      }
    },
    get statements() {
      return statements;
    },
    get sqliteMs() {
      return sqliteMs;
    },
    timed(work) {
      const t0 = performance.now();
      try {
        return work();
      } finally {
        sqliteMs += performance.now() - t0;
      }
    },
    count(sql) {
      statements++;
      connection.log?.push(sql);
    },
  };
  const factory = {
    provider: inner.provider as "sqlite",
    adapterName: inner.adapterName,
    async connect(): Promise<Adapter> {
      const adapter = await inner.connect();
      // The adapter keeps its better-sqlite3 handle in `client`; one connection means one writer.
      sqlite = (adapter as unknown as { client: Database.Database }).client;
      const startTransaction: Adapter["startTransaction"] = async (isolationLevel) => {
        const release = await lock.acquire();
        let tx: Transaction;
        try {
          tx = await adapter.startTransaction(isolationLevel);
        } catch (error) {
          release();
          throw error;
        }
        const end = (fn: () => Promise<void>) => () => fn().finally(release);
        const commit = () => closeOnFailedCommit("COMMIT", tx.commit());
        const wrapped = counted(tx);
        return new Proxy(wrapped, {
          get: (target, key) =>
            key === "commit"
              ? end(commit)
              : key === "rollback"
                ? end(() => tx.rollback())
                : Reflect.get(target, key, target),
        });
      };
      return new Proxy(counted(adapter), {
        get: (target, key) => (key === "startTransaction" ? startTransaction : Reflect.get(target, key, target)),
      });
    },
    connectToShadowDb: () => inner.connectToShadowDb(),
  };
  return { factory, connection };
}

/**
 * Opens the database the URL names, migrations first. `file:` → a Prisma client over
 * better-sqlite3 with a busy timeout, its connection available to prepared statements through
 * {@link connectionOf}; `postgresql://` → Prisma over `@prisma/adapter-pg` on a pool of its own
 * ({@link poolOf}).
 * @example const db = await openDatabase("file:/tmp/test.db"); await db.unit.count(); await db.$disconnect();
 */
export async function openDatabase(url: string): Promise<Db> {
  if (databaseKind(url) === "postgresql") {
    const { prisma, connection } = await openPostgres(url);
    // The one cast: same models, another provider's generated client (see Db).
    const db = prisma as unknown as Db;
    postgres.set(db, connection);
    return db;
  }
  applyMigrations(url);
  const { factory, connection } = sharedAdapter(url);
  const prisma = new PrismaClient({
    adapter: factory,
    // Under a burst, transactions queue for SQLite's single writer; Prisma's 2 s default is too tight.
    transactionOptions: { maxWait: 15_000, timeout: 30_000 },
  });
  await prisma.$connect();
  // WAL with NORMAL: a commit waits for the disk only at checkpoints, not on every write (FULL cost
  // ~0.25 ms per commit here). A process crash loses nothing; a power cut can lose the last
  // commits, so the inbox writes the one commit the platform's acknowledgement rests on at FULL.
  connection.sqlite.pragma("synchronous = NORMAL");
  connections.set(prisma, connection);
  return prisma;
}
