/**
 * The hot path without Prisma's per-query cost: the repository methods every report and every
 * scheduler tick call, as better-sqlite3 prepared statements on Prisma's own connection, plus
 * write-through caches of the sender, the chat binding and the conversation state. Everything else
 * stays on the Prisma repositories. Same ports, same rows: the repository tests run on both.
 */
import type Database from "better-sqlite3";
import type { AssignmentRecord, AssignmentView, AttachmentRecord, ReportRecord, TaskRecord } from "../core/ports.js";
import type { Repositories, RollupMentionKind } from "../core/repositories.js";
import { connectionOf, type Db, sqliteDate as iso, type SqliteConnection } from "./database.js";
import {
  type AssignmentRow,
  buildPrismaRepositories,
  type CacheLoaders,
  REMINDER_KINDS,
  type TaskRow,
  toChat,
  toOutboxRow,
  toPerson,
  toTask,
  toUnit,
  type ViewBuilder,
} from "./repositories.js";
import { withCaches } from "./repository-caches.js";

const date = (v: string) => new Date(v);
const dateOrNull = (v: string | null) => (v === null ? null : new Date(v));

type Row = Record<string, unknown>;

const ASSIGNMENT_VIEW_SQL = `SELECT a.id, a.occurrenceId, a.unitId, a.dueAt, a.status, a.submittedAt,
  o.id AS o_id, o.taskId AS o_taskId, o.periodKey AS o_periodKey, o.label AS o_label, o.periodStart AS o_periodStart, o.dueAt AS o_dueAt,
  o.statedDate AS o_statedDate, o.closedAt AS o_closedAt
  FROM "Assignment" a JOIN "Occurrence" o ON o.id = a.occurrenceId`;
// Built once: a statement's SQL is its key among the prepared ones, and a string made per call is hashed per call.
const VIEW_BY_ID_SQL = `${ASSIGNMENT_VIEW_SQL} WHERE a.id = ?`;
const OPEN_FOR_UNIT_SQL = `${ASSIGNMENT_VIEW_SQL} JOIN "Task" t ON t.id = o.taskId WHERE a.unitId = ? AND a.status = 'open' AND o.closedAt IS NULL AND t.status = 'active' ORDER BY a.dueAt, a.id`;

function toAssignmentRow(r: Row): AssignmentRow {
  return {
    id: r.id as number,
    occurrenceId: r.occurrenceId as number,
    unitId: r.unitId as number,
    dueAt: date(r.dueAt as string),
    status: r.status as string,
    submittedAt: dateOrNull(r.submittedAt as string | null),
    occurrence: {
      id: r.o_id as number,
      taskId: r.o_taskId as number,
      periodKey: r.o_periodKey as string,
      label: r.o_label as string,
      periodStart: dateOrNull(r.o_periodStart as string | null),
      dueAt: date(r.o_dueAt as string),
      statedDate: r.o_statedDate as string | null,
      closedAt: dateOrNull(r.o_closedAt as string | null),
    },
  };
}

function toReport(r: Row): ReportRecord {
  return {
    id: r.id as number,
    assignmentId: r.assignmentId as number,
    unitId: r.unitId as number,
    authorChannel: r.authorChannel as string,
    authorUserId: r.authorUserId as string,
    authorName: r.authorName as string,
    text: r.text as string,
    values: JSON.parse(r.valuesJson as string),
    references: JSON.parse(r.referencesJson as string),
    unclear: JSON.parse(r.unclearJson as string),
    late: r.late === 1,
    revision: r.revision as number,
    sourceChatId: r.sourceChatId as string,
    sourceMessageId: r.sourceMessageId as string,
    mediaGroupId: r.mediaGroupId as string | null,
    createdAt: date(r.createdAt as string),
    updatedAt: date(r.updatedAt as string),
  };
}

function toAttachment(a: Row): AttachmentRecord {
  return {
    id: a.id as number,
    reportId: a.reportId as number | null,
    sha256: a.sha256 as string,
    size: a.size as number,
    mime: a.mime as string,
    kind: a.kind as AttachmentRecord["kind"],
    fileName: a.fileName as string,
    capturedAt: dateOrNull(a.capturedAt as string | null),
    createdAt: date(a.createdAt as string),
  };
}

/** Prepared statements, compiled once, on Prisma's connection; every run is counted. */
function createStatements(connection: SqliteConnection) {
  const cache = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let s = cache.get(sql);
    if (!s) {
      // Prisma's adapter turns on safe integers for the connection; these rows hold plain numbers.
      s = connection.sqlite.prepare(sql).safeIntegers(false);
      cache.set(sql, s);
    }
    connection.count(sql);
    return s;
  };
  return {
    /** Runs `work` holding the connection (never inside a Prisma transaction). */
    exclusive: <T>(work: () => T) => connection.exclusive(work),
    all: (sql: string, ...params: unknown[]) => connection.timed(() => statement(sql).all(...params) as Row[]),
    get: (sql: string, ...params: unknown[]) =>
      connection.timed(() => statement(sql).get(...params) as Row | undefined),
    run: (sql: string, ...params: unknown[]) => connection.timed(() => statement(sql).run(...params)),
  };
}

/**
 * The repositories the app uses: Prisma's, with the hot-path methods as prepared statements and
 * the per-message reads cached.
 * @example const repos = createRepositories(await openDatabase(url));
 */
export function createRepositories(db: Db): Repositories {
  const connection = connectionOf(db);
  const sql = createStatements(connection);
  const { repos, toViews } = buildPrismaRepositories(db, preparedLoaders(sql));
  return withCaches(withPreparedHotPath(repos, connection, sql, toViews)).repos;
}

type Statements = ReturnType<typeof createStatements>;

/** Rows of a table by id (all of them for "all"), in one statement. */
const byIds = (sql: Statements, table: string, keys: number[] | "all") =>
  keys === "all"
    ? sql.all(`SELECT * FROM "${table}" ORDER BY id`)
    : sql.all(
        `SELECT * FROM "${table}" WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`,
        JSON.stringify(keys),
      );

/** Tasks with their indicators: two statements for any number of tasks. */
function readTasks(sql: Statements, taskRows: Row[]): TaskRecord[] {
  if (!taskRows.length) return [];
  const indicators = sql.all(
    `SELECT * FROM "Indicator" WHERE taskId IN (SELECT value FROM json_each(?))`,
    JSON.stringify(taskRows.map((t) => t.id)),
  );
  return taskRows.map((t) =>
    toTask({
      ...(t as TaskRow),
      backfill: t.backfill === 1,
      indicators: indicators.filter((i) => i.taskId === t.id) as TaskRow["indicators"],
    }),
  );
}

/** The unit and task caches' reads (a message's first view of its unit and task) as prepared statements. */
function preparedLoaders(sql: Statements): CacheLoaders {
  const run = sql.exclusive;
  return {
    units: (keys) =>
      run(() =>
        byIds(sql, "Unit", keys).map((u) => toUnit({ ...(u as Parameters<typeof toUnit>[0]), active: u.active === 1 })),
      ),
    tasks: (keys) => run(() => readTasks(sql, byIds(sql, "Task", keys))),
  };
}

/** Rows per page of a long list (see `paged`). */
const PAGE = 1000;

const PERSON_SQL = `SELECT * FROM "Person" WHERE channel = ? AND userId = ?`;
const toPersonRow = (p: Row) => toPerson(p as Parameters<typeof toPerson>[0]);
const toChatRow = (c: Row) => toChat(c as Parameters<typeof toChat>[0]);

function withPreparedHotPath(
  repos: Repositories,
  connection: SqliteConnection,
  sql: Statements,
  toViews: ViewBuilder,
): Repositories {
  const run = sql.exclusive;
  const views = async (rows: Row[]): Promise<AssignmentView[]> => toViews(rows.map(toAssignmentRow));
  /**
   * A long list read PAGE rows at a time (`page` gets the last row read, to continue after it),
   * the event loop let through between pages: at the country's size one read of 3,321–6,642 rows
   * held it 20–40 ms, and two such reads of different callers could land in the same turn.
   */
  const paged = async (page: (after: Row | undefined) => Row[]): Promise<Row[]> => {
    const out: Row[] = [];
    for (let after: Row | undefined; ; ) {
      const rows = await run(() => page(after));
      for (const row of rows) out.push(row);
      if (rows.length < PAGE) return out;
      after = rows[rows.length - 1];
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  return {
    ...repos,
    // A rollup reads every unit, assignment, report and delivered reminder of an occurrence (3,321
    // each at the country's size): Prisma's row mapping took 50–200 ms a read on the event loop.
    units: {
      ...repos.units,
      list: (options) =>
        run(() =>
          sql
            .all(`SELECT * FROM "Unit"${options?.includeInactive ? "" : " WHERE active = 1"} ORDER BY code`)
            .map((u) => toUnit({ ...(u as Parameters<typeof toUnit>[0]), active: u.active === 1 })),
        ),
    },
    people: {
      ...repos.people,
      async find(channel, userId) {
        const p = await run(() => sql.get(PERSON_SQL, channel, userId));
        return p ? toPersonRow(p) : null;
      },
      async touch({ channel, userId, displayName, username }) {
        return run(() => {
          // Every message touches its sender: read first, write only when the name changed.
          const known = sql.get(PERSON_SQL, channel, userId);
          if (known && known.displayName === displayName && known.username === (username ?? null))
            return toPersonRow(known);
          const now = iso(new Date());
          const p = sql.get(
            `INSERT INTO "Person" (channel, userId, displayName, username, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (channel, userId) DO UPDATE SET displayName = excluded.displayName, username = excluded.username, updatedAt = excluded.updatedAt RETURNING *`,
            channel,
            userId,
            displayName,
            username ?? null,
            now,
            now,
          )!;
          return toPersonRow(p);
        });
      },
    },
    chats: {
      ...repos.chats,
      async find(channel, chatId) {
        const c = await run(() =>
          sql.get(`SELECT * FROM "ChatBinding" WHERE channel = ? AND chatId = ?`, channel, chatId),
        );
        return c ? toChatRow(c) : null;
      },
      // Every scheduler tick reads these (3,321 rows at a province's size).
      listActiveUnitChats: async () =>
        (
          await paged((after) =>
            sql.all(
              `SELECT * FROM "ChatBinding" WHERE role = 'unit' AND status = 'active' AND unitId IS NOT NULL AND id > ? ORDER BY id LIMIT ${PAGE}`,
              after?.id ?? 0,
            ),
          )
        ).map(toChatRow),
      listRollupChats: () =>
        run(() => sql.all(`SELECT * FROM "ChatBinding" WHERE role = 'rollup' ORDER BY id`).map(toChatRow)),
    },
    conversations: {
      ...repos.conversations,
      async get(channel, chatId, userId, now) {
        const c = await run(() =>
          sql.get(
            `SELECT * FROM "Conversation" WHERE channel = ? AND chatId = ? AND userId = ?`,
            channel,
            chatId,
            userId,
          ),
        );
        if (!c || date(c.expiresAt as string) <= now) return null;
        return {
          kind: c.kind as string,
          data: JSON.parse(c.dataJson as string),
          expiresAt: date(c.expiresAt as string),
        };
      },
    },
    tasks: {
      ...repos.tasks,
      listActive: () => run(() => readTasks(sql, sql.all(`SELECT * FROM "Task" WHERE status = 'active' ORDER BY id`))),
    },
    assignments: {
      ...repos.assignments,
      async listForOccurrences(occurrenceIds) {
        if (!occurrenceIds.length) return [];
        const rows = await paged((after) =>
          sql.all(
            `SELECT id, occurrenceId, unitId, dueAt, status, submittedAt FROM "Assignment" WHERE occurrenceId IN (SELECT value FROM json_each(?)) AND status <> 'cancelled' AND id > ? ORDER BY id LIMIT ${PAGE}`,
            JSON.stringify(occurrenceIds),
            after?.id ?? 0,
          ),
        );
        return rows.map((a) => ({
          id: a.id as number,
          occurrenceId: a.occurrenceId as number,
          unitId: a.unitId as number,
          dueAt: date(a.dueAt as string),
          status: a.status as AssignmentRecord["status"],
          submittedAt: dateOrNull(a.submittedAt as string | null),
        }));
      },
      async findView(id) {
        const rows = await run(() => sql.all(VIEW_BY_ID_SQL, id));
        return (await views(rows))[0] ?? null;
      },
      async listOpenForUnit(unitId) {
        const rows = await run(() => sql.all(OPEN_FOR_UNIT_SQL, unitId));
        return views(rows);
      },
      async listOpen() {
        const rows = await run(() =>
          sql.all(
            `${ASSIGNMENT_VIEW_SQL} JOIN "Task" t ON t.id = o.taskId JOIN "Unit" u ON u.id = a.unitId
             WHERE a.status = 'open' AND o.closedAt IS NULL AND u.active = 1 AND t.status = 'active' ORDER BY a.dueAt, a.id`,
          ),
        );
        return views(rows);
      },
      async setStatus(id, status, submittedAt) {
        await run(() =>
          submittedAt === undefined
            ? sql.run(`UPDATE "Assignment" SET status = ?, updatedAt = ? WHERE id = ?`, status, iso(new Date()), id)
            : sql.run(
                `UPDATE "Assignment" SET status = ?, submittedAt = ?, updatedAt = ? WHERE id = ?`,
                status,
                submittedAt && iso(submittedAt),
                iso(new Date()),
                id,
              ),
        );
      },
    },
    reports: {
      ...repos.reports,
      async listForOccurrences(occurrenceIds) {
        if (!occurrenceIds.length) return [];
        const of = `SELECT r.* FROM "Report" r JOIN "Assignment" a ON a.id = r.assignmentId WHERE a.occurrenceId IN (SELECT value FROM json_each(?))`;
        const rows = await paged((after) =>
          after
            ? sql.all(
                `${of} AND (r.createdAt, r.id) > (?, ?) ORDER BY r.createdAt, r.id LIMIT ${PAGE}`,
                JSON.stringify(occurrenceIds),
                after.createdAt,
                after.id,
              )
            : sql.all(`${of} ORDER BY r.createdAt, r.id LIMIT ${PAGE}`, JSON.stringify(occurrenceIds)),
        );
        return rows.map(toReport);
      },
      async latestForUnit(unitId) {
        const r = await run(() =>
          sql.get(`SELECT * FROM "Report" WHERE unitId = ? ORDER BY createdAt DESC, id DESC LIMIT 1`, unitId),
        );
        return r ? toReport(r) : null;
      },
      async findForAssignment(assignmentId) {
        const r = await run(() =>
          sql.get(
            `SELECT * FROM "Report" WHERE assignmentId = ? ORDER BY createdAt DESC, id DESC LIMIT 1`,
            assignmentId,
          ),
        );
        return r ? toReport(r) : null;
      },
      async create(input, mark) {
        const valuesJson = JSON.stringify(input.values);
        const at = iso(input.createdAt);
        return run(() =>
          connection.sqlite.transaction(() => {
            const r = sql.get(
              `INSERT INTO "Report" (assignmentId, unitId, authorChannel, authorUserId, authorName, text, valuesJson, referencesJson, unclearJson,
                 late, revision, sourceChatId, sourceMessageId, mediaGroupId, createdAt, updatedAt, lastSource)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?) RETURNING *`,
              input.assignmentId,
              input.unitId,
              input.authorChannel,
              input.authorUserId,
              input.authorName,
              input.text,
              valuesJson,
              JSON.stringify(input.references),
              JSON.stringify(input.unclear),
              input.late ? 1 : 0,
              input.sourceChatId,
              input.sourceMessageId,
              // updatedAt is the core clock's time, as revisions write it: "sent within 10 minutes" is measured on it.
              input.mediaGroupId,
              at,
              at,
              input.source ?? "",
            )!;
            sql.run(
              `INSERT INTO "ReportRevision" (reportId, revision, text, valuesJson, authorName, createdAt) VALUES (?, 1, ?, ?, ?, ?)`,
              r.id,
              input.text,
              valuesJson,
              input.authorName,
              at,
            );
            if (mark)
              sql.run(
                `UPDATE "Assignment" SET status = ?, submittedAt = ?, updatedAt = ? WHERE id = ?`,
                mark.status,
                iso(mark.at),
                iso(new Date()),
                input.assignmentId,
              );
            return toReport(r);
          })(),
        );
      },
      async revise(id, input) {
        const valuesJson = JSON.stringify(input.values);
        const at = iso(input.at);
        return run(() =>
          connection.sqlite.transaction(() => {
            const source = input.source ?? "";
            // A message handled again (after a crash) that already wrote this revision writes nothing.
            const r = sql.get(
              `UPDATE "Report" SET text = ?, valuesJson = ?, referencesJson = ?, unclearJson = ?, revision = revision + 1, updatedAt = ?, lastSource = ?
               WHERE id = ? AND (? = '' OR lastSource <> ?) RETURNING *`,
              input.text,
              valuesJson,
              JSON.stringify(input.references),
              JSON.stringify(input.unclear),
              at,
              source,
              id,
              source,
              source,
            );
            if (!r) {
              const current = sql.get(`SELECT * FROM "Report" WHERE id = ?`, id);
              if (!current) throw new Error(`Report ${id} not found`);
              return toReport(current);
            }
            sql.run(
              `INSERT INTO "ReportRevision" (reportId, revision, text, valuesJson, authorName, createdAt) VALUES (?, ?, ?, ?, ?, ?)`,
              id,
              r.revision,
              input.text,
              valuesJson,
              input.authorName,
              at,
            );
            return toReport(r);
          })(),
        );
      },
    },
    attachments: {
      ...repos.attachments,
      async listPending(channel, chatId, since) {
        const rows = await run(() =>
          sql.all(
            `SELECT * FROM "Attachment" WHERE reportId IS NULL AND sourceChannel = ? AND sourceChatId = ? AND createdAt >= ? ORDER BY id`,
            channel,
            chatId,
            iso(since),
          ),
        );
        return rows.map(toAttachment);
      },
      async listForReportAndPending(reportId, channel, chatId, since) {
        const rows = await run(() =>
          sql.all(
            `SELECT * FROM "Attachment" WHERE reportId = ? OR (reportId IS NULL AND sourceChannel = ? AND sourceChatId = ? AND createdAt >= ?) ORDER BY id`,
            reportId,
            channel,
            chatId,
            iso(since),
          ),
        );
        return rows.map(toAttachment);
      },
      async listForReports(reportIds) {
        if (!reportIds.length) return [];
        const rows = await run(() =>
          sql.all(
            `SELECT * FROM "Attachment" WHERE reportId IN (SELECT value FROM json_each(?)) ORDER BY id`,
            JSON.stringify(reportIds),
          ),
        );
        return rows.map(toAttachment);
      },
    },
    rollupMentions: {
      ...repos.rollupMentions,
      // Every rollup reads what the group was told of its period (thousands of rows at the
      // country's size): through Prisma it held the event loop ~60 ms.
      async list(occurrenceIds) {
        if (!occurrenceIds.length) return [];
        const rows = await run(() =>
          sql.all(
            `SELECT occurrenceId, unitId, kind FROM "RollupMention" WHERE occurrenceId IN (SELECT value FROM json_each(?)) ORDER BY id`,
            JSON.stringify(occurrenceIds),
          ),
        );
        return rows.map((r) => ({
          occurrenceId: r.occurrenceId as number,
          unitId: r.unitId as number,
          kind: r.kind as RollupMentionKind,
        }));
      },
    },
    outbox: {
      ...repos.outbox,
      async deliveredReminders(assignmentIds) {
        const out = new Map<number, Date[]>();
        if (!assignmentIds.length) return out;
        const rows = await run(() =>
          sql.all(
            `SELECT assignmentId, sentAt FROM "OutboxMessage" WHERE assignmentId IN (SELECT value FROM json_each(?)) AND status = 'sent' AND kind IN (SELECT value FROM json_each(?)) AND sentAt IS NOT NULL ORDER BY id`,
            JSON.stringify(assignmentIds),
            JSON.stringify(REMINDER_KINDS),
          ),
        );
        for (const r of rows) {
          const id = r.assignmentId as number;
          out.set(id, [...(out.get(id) ?? []), date(r.sentAt as string)]);
        }
        return out;
      },
      async enqueueMany(inputs) {
        const inserted = new Set<string>();
        if (!inputs.length) return inserted;
        const now = iso(new Date());
        return run(() =>
          connection.sqlite.transaction(() => {
            for (const input of inputs) {
              const r = toOutboxRow(input);
              // A key already queued by the same source counts as queued (an unchanged update, so it
              // is counted in `changes`): that message is being handled again after a crash.
              const { changes } = sql.run(
                `INSERT INTO "OutboxMessage" (dedupeKey, channel, chatId, kind, payloadJson, assignmentId, source, notBefore, nextAttemptAt, createdAt, updatedAt)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupeKey) DO UPDATE SET source = excluded.source
                 WHERE "OutboxMessage".source = excluded.source`,
                r.dedupeKey,
                r.channel,
                r.chatId,
                r.kind,
                r.payloadJson,
                r.assignmentId,
                r.source,
                iso(r.notBefore),
                iso(r.nextAttemptAt),
                now,
                now,
              );
              if (changes) inserted.add(r.dedupeKey);
            }
            return inserted;
          })(),
        );
      },
      async keysForAssignments(assignmentIds) {
        const out = new Map<number, string[]>();
        if (!assignmentIds.length) return out;
        // One statement for any number of ids: the list travels as one JSON parameter.
        const rows = await run(() =>
          sql.all(
            `SELECT assignmentId, dedupeKey FROM "OutboxMessage" WHERE assignmentId IN (SELECT value FROM json_each(?))`,
            JSON.stringify(assignmentIds),
          ),
        );
        for (const r of rows) {
          const id = r.assignmentId as number;
          const keys = out.get(id);
          if (keys) keys.push(r.dedupeKey as string);
          else out.set(id, [r.dedupeKey as string]);
        }
        return out;
      },
    },
  } satisfies Repositories;
}
