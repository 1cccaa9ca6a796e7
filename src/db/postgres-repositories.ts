/**
 * The repositories on PostgreSQL: the Prisma ones (src/db/repositories.ts), with write-through
 * caches of the three reads every message makes (sender, chat binding, conversation state) and of
 * the active tasks, like the SQLite layer's. Another instance's writes reach them through
 * PostgreSQL's change notifications (src/db/postgres-changes.ts): the table's cached rows are
 * forgotten, as the Prisma layer's unit, task and plan caches are.
 */
import type pg from "pg";
import type { AssignmentView } from "../core/ports.js";
import type { Repositories } from "../core/repositories.js";
import { type Db, postgresOf } from "./database.js";
import { watchChanges } from "./postgres-changes.js";
import { pgDate } from "./postgres-database.js";
import { type AssignmentRow, buildPrismaRepositories, toReport, type ViewBuilder } from "./repositories.js";
import { withCaches } from "./repository-caches.js";

/**
 * The repositories the app uses on PostgreSQL: Prisma's with caches, kept in step with other
 * instances by change notifications.
 * @example const repos = await createPostgresRepositories(await openDatabase("postgresql://…"));
 */
export async function createPostgresRepositories(db: Db): Promise<Repositories> {
  const connection = postgresOf(db);
  if (!connection) throw new Error("not a PostgreSQL client");
  const inner = buildPrismaRepositories(db);
  const cached = withCaches(withPostgresHotPath(inner.repos, connection.pool, inner.toViews));
  await watchChanges(db, (table) => {
    inner.forget(table);
    cached.forget(table);
  });
  return cached.repos;
}

type Row = Record<string, unknown>;

const ASSIGNMENT_VIEW_SQL = `SELECT a."id", a."occurrenceId", a."unitId", a."dueAt", a."status", a."submittedAt",
  o."id" AS "o_id", o."taskId" AS "o_taskId", o."periodKey" AS "o_periodKey", o."label" AS "o_label",
  o."periodStart" AS "o_periodStart", o."dueAt" AS "o_dueAt", o."statedDate" AS "o_statedDate", o."closedAt" AS "o_closedAt"
  FROM "Assignment" a JOIN "Occurrence" o ON o."id" = a."occurrenceId"`;

function toAssignmentRow(r: Row): AssignmentRow {
  return {
    id: r.id as number,
    occurrenceId: r.occurrenceId as number,
    unitId: r.unitId as number,
    dueAt: r.dueAt as Date,
    status: r.status as string,
    submittedAt: r.submittedAt as Date | null,
    occurrence: {
      id: r.o_id as number,
      taskId: r.o_taskId as number,
      periodKey: r.o_periodKey as string,
      label: r.o_label as string,
      periodStart: r.o_periodStart as Date | null,
      dueAt: r.o_dueAt as Date,
      statedDate: r.o_statedDate as string | null,
      closedAt: r.o_closedAt as Date | null,
    },
  };
}

const asReport = (r: Row) => toReport(r as Parameters<typeof toReport>[0]);

/**
 * The report's path in fewer round trips than Prisma's: an assignment list with its occurrence
 * in one JOIN (Prisma: two queries), a report with its first revision and its assignment's mark
 * in one statement (Prisma: a transaction of four), a revision with its history row in one.
 */
function withPostgresHotPath(repos: Repositories, pool: pg.Pool, toViews: ViewBuilder): Repositories {
  const query = async (sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as Row[];
  const views = async (rows: Row[]): Promise<AssignmentView[]> => toViews(rows.map(toAssignmentRow));
  return {
    ...repos,
    assignments: {
      ...repos.assignments,
      async findView(id) {
        return (await views(await query(`${ASSIGNMENT_VIEW_SQL} WHERE a."id" = $1`, [id])))[0] ?? null;
      },
      async listOpenForUnit(unitId) {
        return views(
          await query(
            `${ASSIGNMENT_VIEW_SQL} JOIN "Task" t ON t."id" = o."taskId"
             WHERE a."unitId" = $1 AND a."status" = 'open' AND o."closedAt" IS NULL AND t."status" = 'active' ORDER BY a."dueAt", a."id"`,
            [unitId],
          ),
        );
      },
      async listOpen() {
        return views(
          await query(
            `${ASSIGNMENT_VIEW_SQL} JOIN "Task" t ON t."id" = o."taskId" JOIN "Unit" u ON u."id" = a."unitId"
             WHERE a."status" = 'open' AND o."closedAt" IS NULL AND u."active" AND t."status" = 'active' ORDER BY a."dueAt", a."id"`,
          ),
        );
      },
    },
    reports: {
      ...repos.reports,
      async create(input, mark) {
        const valuesJson = JSON.stringify(input.values);
        const at = pgDate(input.createdAt);
        // One statement, so one implicit transaction: the report, its first revision and the mark.
        const [r] = await query(
          `WITH r AS (
             INSERT INTO "Report" ("assignmentId", "unitId", "authorChannel", "authorUserId", "authorName", "text", "valuesJson",
               "referencesJson", "unclearJson", "late", "revision", "sourceChatId", "sourceMessageId", "mediaGroupId", "createdAt", "updatedAt", "lastSource")
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $12, $13, $14::timestamp(3), $14::timestamp(3), $15) RETURNING *),
           rev AS (
             INSERT INTO "ReportRevision" ("reportId", "revision", "text", "valuesJson", "authorName", "createdAt")
             SELECT "id", 1, "text", "valuesJson", "authorName", "createdAt" FROM r),
           marked AS (
             UPDATE "Assignment" SET "status" = $16, "submittedAt" = $17::timestamp(3), "updatedAt" = $18::timestamp(3)
             WHERE "id" = $1 AND $16::text IS NOT NULL)
           SELECT * FROM r`,
          [
            input.assignmentId,
            input.unitId,
            input.authorChannel,
            input.authorUserId,
            input.authorName,
            input.text,
            valuesJson,
            JSON.stringify(input.references),
            JSON.stringify(input.unclear),
            input.late,
            input.sourceChatId,
            input.sourceMessageId,
            input.mediaGroupId,
            at,
            input.source ?? "",
            mark?.status ?? null,
            mark ? pgDate(mark.at) : null,
            pgDate(new Date()),
          ],
        );
        return asReport(r);
      },
      async revise(id, input) {
        const source = input.source ?? "";
        // A message handled again (after a crash) that already wrote this revision writes nothing:
        // the current row comes back instead (the snapshot's, the update not having matched).
        const [r] = await query(
          `WITH r AS (
             UPDATE "Report" SET "text" = $1, "valuesJson" = $2, "referencesJson" = $3, "unclearJson" = $4,
               "revision" = "revision" + 1, "updatedAt" = $5::timestamp(3), "lastSource" = $6
             WHERE "id" = $7 AND ($6 = '' OR "lastSource" <> $6) RETURNING *),
           rev AS (
             INSERT INTO "ReportRevision" ("reportId", "revision", "text", "valuesJson", "authorName", "createdAt")
             SELECT "id", "revision", "text", "valuesJson", $8, "updatedAt" FROM r)
           SELECT * FROM r
           UNION ALL SELECT * FROM "Report" WHERE "id" = $7 AND NOT EXISTS (SELECT 1 FROM r)`,
          [
            input.text,
            JSON.stringify(input.values),
            JSON.stringify(input.references),
            JSON.stringify(input.unclear),
            pgDate(input.at),
            source,
            id,
            input.authorName,
          ],
        );
        if (!r) throw new Error(`Report ${id} not found`);
        return asReport(r);
      },
    },
  };
}
