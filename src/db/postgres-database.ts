import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma-postgres/client.js";
import { openSession, type PostgresSession } from "./postgres-session.js";

const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/postgresql/migrations", import.meta.url));
/** Key of the advisory lock held while migrating: two instances starting at once migrate one after the other. */
const MIGRATION_LOCK_KEY = 0x646f6e64; // "dond"
const POOL_SIZE = 10;

/** PostgreSQL's timestamp (without time zone) holds UTC wall time, as Prisma writes it. */
const TIMESTAMP_OID = 1114;
const parseUtc = (v: string) => new Date(`${v.replace(" ", "T")}Z`);
/** Our own queries' type parsers: timestamps read as UTC whatever the process's time zone. */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID ? parseUtc : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** A date as a parameter for a timestamp column: UTC wall time (the literal's "Z" is ignored by PostgreSQL). */
export const pgDate = (d: Date) => d.toISOString();

const isControl = (sql: string) => /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|START TRANSACTION)\b/i.test(sql);

/**
 * The pool a PostgreSQL client runs on (Prisma's adapter and the direct queries share it), with
 * every statement counted and timed: the hot-path test and the bench read the figures.
 */
export interface PostgresConnection {
  pool: pg.Pool;
  /** This process's id in claims (outbox rows it is sending); "" before the session opens. */
  readonly instanceId: string;
  /** The dedicated connection (instance lock, LISTEN); set by {@link openPostgres}. */
  session?: PostgresSession;
  /** Data statements run so far (not BEGIN/COMMIT), Prisma's and direct ones. */
  readonly statements: number;
  /** Every query sent, control statements included (each is a round trip). */
  readonly roundTrips: number;
  /** Milliseconds with at least one statement waiting for its result (server and network; overlaps counted once). */
  readonly dbMs: number;
  /** When set, every counted statement's SQL is appended (tests print it on failure). */
  log?: string[];
  /** Backend process ids of this pool's connections: notifications they sent are this process's own. */
  readonly backends: ReadonlySet<number>;
}

/**
 * A pg.Pool whose clients count and time their queries. Counted at the client (not `pool.query`)
 * because Prisma's transactions run on a checked-out client.
 */
export function createCountedPool(url: string): PostgresConnection {
  // synchronous_commit off, like SQLite's synchronous NORMAL here: a commit does not wait for the
  // WAL's flush (~3 ms each on this disk, most of a report's time). A crash of the bot loses
  // nothing; a crash of the server can lose its last fraction of a second of commits, never
  // corrupts. The inbox's store, what the platform's acknowledgement rests on, commits durably.
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, types, options: "-c synchronous_commit=off" });
  let statements = 0;
  let roundTrips = 0;
  let dbMs = 0;
  const backends = new Set<number>();
  // Time with at least one query waiting: queries in flight together are counted once.
  let inFlight = 0;
  let busySince = 0;
  const begin = () => {
    if (inFlight++ === 0) busySince = performance.now();
  };
  const end = () => {
    if (--inFlight === 0) dbMs += performance.now() - busySince;
  };
  const connection: PostgresConnection = {
    pool,
    get instanceId() {
      return connection.session?.instanceId ?? "";
    },
    get statements() {
      return statements;
    },
    get roundTrips() {
      return roundTrips;
    },
    get dbMs() {
      return dbMs;
    },
    backends,
  };
  pool.on("connect", (client) => {
    const pid = (client as unknown as { processID: number }).processID;
    backends.add(pid);
    client.on("end", () => backends.delete(pid));
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
      const first = args[0];
      const sql = typeof first === "string" ? first : ((first as { text?: string } | undefined)?.text ?? "");
      roundTrips++;
      if (!isControl(sql)) {
        statements++;
        connection.log?.push(sql);
      }
      begin();
      // pool.query passes a callback (no promise comes back): its query ends when it is called.
      const last = args.length - 1;
      if (typeof args[last] === "function") {
        const callback = args[last] as (...a: unknown[]) => unknown;
        args[last] = (...a: unknown[]) => {
          end();
          return callback(...a);
        };
        return query(...args);
      }
      const result = query(...args);
      if (result && typeof (result as Promise<unknown>).then === "function")
        return (result as Promise<unknown>).finally(end);
      end();
      return result;
    };
  });
  // An idle client's connection lost (server restart) must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  return connection;
}

/**
 * Applies prisma/postgresql/migrations not applied yet, each in its own transaction, recorded in
 * `_prisma_migrations` like `prisma migrate deploy` does, under an advisory lock so two
 * instances starting at once do not both migrate (the second waits, then finds nothing to do).
 * @example await applyPostgresMigrations(pool) // → ["20261206140000_init"] on an empty database
 */
export async function applyPostgresMigrations(pool: pg.Pool, migrationsDir = MIGRATIONS_DIR): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
        "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
        "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
      const done = new Set(
        (
          await client.query<{ migration_name: string }>(
            `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
          )
        ).rows.map((r) => r.migration_name),
      );
      const names = existsSync(migrationsDir)
        ? readdirSync(migrationsDir, { withFileTypes: true })
            .filter((d) => d.isDirectory())
            .map((d) => d.name)
            .sort()
        : [];
      const applied: string[] = [];
      for (const name of names) {
        if (done.has(name)) continue;
        const sql = readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
        const checksum = createHash("sha256").update(sql).digest("hex");
        await client.query("BEGIN");
        try {
          await client.query(sql);
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
             VALUES ($1, $2, now(), $3, now(), 1)`,
            [randomUUID(), checksum, name],
          );
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw new Error(`PostgreSQL migration ${name} failed: ${(error as Error).message}`, { cause: error });
        }
        applied.push(name);
      }
      return applied;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

/**
 * Opens a PostgreSQL database: migrations first, then Prisma over `@prisma/adapter-pg` on a pool
 * created here, so direct queries (inbox, outbox claims, change notifications) share it.
 */
export async function openPostgres(url: string): Promise<{ prisma: PrismaClient; connection: PostgresConnection }> {
  const connection = createCountedPool(url);
  try {
    await applyPostgresMigrations(connection.pool);
    connection.session = await openSession(url);
  } catch (error) {
    await connection.pool.end();
    throw error;
  }
  const prisma = new PrismaClient({
    adapter: new PrismaPg(connection.pool),
    transactionOptions: { maxWait: 15_000, timeout: 30_000 },
  });
  await prisma.$connect();
  // The adapter does not end a pool it was given: $disconnect ends it here.
  const disconnect = prisma.$disconnect.bind(prisma);
  let ended: Promise<void> | undefined;
  Object.defineProperty(prisma, "$disconnect", {
    value: async () => {
      await disconnect();
      ended ??= Promise.all([connection.pool.end(), connection.session?.close()]).then(() => {});
      await ended;
    },
  });
  return { prisma, connection };
}
