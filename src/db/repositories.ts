import type {
  AssignmentRecord,
  AssignmentView,
  AttachmentRecord,
  ChatRecord,
  OccurrenceRecord,
  OutboxInput,
  OutboxRecord,
  PersonRecord,
  PlanRecord,
  ReportRecord,
  Role,
  TaskRecord,
  UnitRecord,
} from "../core/ports.js";
import { messageSource } from "../core/ports.js";
import type { Repositories, RollupMentionKind } from "../core/repositories.js";
import { truncate } from "../core/text-limits.js";
import type { Channel } from "../core/types.js";
import { type Db, kindOf, postgresOf, sqliteDate } from "./database.js";
import { pgDate } from "./postgres-database.js";
import { NOT_LIVE_CLAIM } from "./postgres-session.js";

// Row → record mappers: JSON columns parsed here so the core sees plain typed objects.

const splitTags = (tags: string) =>
  tags
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);

export function toUnit(u: {
  id: number;
  code: string;
  name: string;
  kind: string;
  tags: string;
  active: boolean;
  retiredAt?: Date | string | null;
  retiredNote?: string;
}): UnitRecord {
  const retiredAt = u.retiredAt ? new Date(u.retiredAt) : null;
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind,
    tags: splitTags(u.tags),
    active: u.active,
    retiredAt,
    retiredNote: u.retiredNote ?? "",
  };
}

export function toChat(c: {
  id: number;
  channel: string;
  chatId: string;
  chatType: string;
  title: string | null;
  role: string;
  unitId: number | null;
  status: string;
}): ChatRecord {
  return {
    id: c.id,
    channel: c.channel as Channel,
    chatId: c.chatId,
    chatType: c.chatType,
    title: c.title,
    role: c.role as ChatRecord["role"],
    unitId: c.unitId,
    status: c.status as ChatRecord["status"],
  };
}

export function toPerson(p: {
  id: number;
  channel: string;
  userId: string;
  displayName: string;
  username: string | null;
  role: string;
  unitId: number | null;
  language: string | null;
}): PersonRecord {
  return {
    id: p.id,
    channel: p.channel as Channel,
    userId: p.userId,
    displayName: p.displayName,
    username: p.username,
    role: p.role as Role,
    unitId: p.unitId,
    language: p.language,
  };
}

/** Outbox kinds that remind a unit of its own assignment. */
/** Outbox kinds that are reminders (a rollup counts those delivered). */
export const REMINDER_KINDS = ["before", "due_day", "overdue", "manual"] as const;

function toPlan(p: {
  id: number;
  number: string;
  date: string;
  title: string;
  issuer: string;
  parentIssuer: string;
  place: string;
  leadUnitCode: string | null;
  rollupJson: string;
  unitGroupsJson: string;
  reportJson: string;
  endDate?: string | null;
}): PlanRecord {
  return {
    id: p.id,
    number: p.number,
    date: p.date,
    title: p.title,
    issuer: p.issuer,
    parentIssuer: p.parentIssuer,
    place: p.place,
    leadUnitCode: p.leadUnitCode,
    rollup: JSON.parse(p.rollupJson),
    unitGroups: JSON.parse(p.unitGroupsJson),
    report: JSON.parse(p.reportJson),
    endDate: p.endDate ?? null,
  };
}

export type TaskRow = {
  id: number;
  planId: number | null;
  code: string;
  title: string;
  targetsJson: string;
  scheduleJson: string;
  reminderJson: string;
  deadlineText: string;
  status: string;
  backfill: boolean;
  indicators: { code: string; label: string; measure: string; synonymsJson: string; position: number }[];
};

export function toTask(t: TaskRow): TaskRecord {
  return {
    id: t.id,
    planId: t.planId,
    code: t.code,
    title: t.title,
    targets: JSON.parse(t.targetsJson),
    schedule: JSON.parse(t.scheduleJson),
    reminder: JSON.parse(t.reminderJson),
    deadlineText: t.deadlineText,
    status: t.status as TaskRecord["status"],
    backfill: t.backfill,
    indicators: [...t.indicators]
      .sort((a, b) => a.position - b.position)
      .map((i) => ({ code: i.code, label: i.label, measure: i.measure, synonyms: JSON.parse(i.synonymsJson) })),
  };
}

function toOccurrence(o: {
  id: number;
  taskId: number;
  periodKey: string;
  label: string;
  periodStart: Date | null;
  dueAt: Date;
  statedDate?: string | null;
  closedAt?: Date | null;
}): OccurrenceRecord {
  return {
    id: o.id,
    taskId: o.taskId,
    periodKey: o.periodKey,
    label: o.label,
    periodStart: o.periodStart,
    dueAt: o.dueAt,
    statedDate: o.statedDate ?? null,
    closedAt: o.closedAt ?? null,
  };
}

export type AssignmentRow = {
  id: number;
  occurrenceId: number;
  unitId: number;
  dueAt: Date;
  status: string;
  submittedAt: Date | null;
  occurrence: Parameters<typeof toOccurrence>[0];
};

/**
 * Units, tasks and plans change rarely but are read on every message: they are kept briefly in
 * memory. Writes through these repositories clear them at once; a change made by another process
 * (a CLI import) shows within the time to live.
 */
const CACHE_TTL_MS = 30_000;

function createCache<K, V>(load: (key: K) => Promise<V | null>, loadMany: (keys: K[] | "all") => Promise<[K, V][]>) {
  const entries = new Map<K, { value: V; at: number }>();
  const fresh = (key: K) => {
    const hit = entries.get(key);
    return hit && Date.now() - hit.at < CACHE_TTL_MS ? hit : undefined;
  };
  return {
    async get(key: K): Promise<V | null> {
      const hit = fresh(key);
      if (hit) return hit.value;
      const value = await load(key);
      if (value) entries.set(key, { value, at: Date.now() });
      else entries.delete(key);
      return value;
    },
    /** Loads every missing key in one query (all rows when many are missing), so a list costs one read. */
    async preload(keys: Iterable<K>): Promise<void> {
      const missing = [...new Set(keys)].filter((k) => !fresh(k));
      if (!missing.length) return;
      const at = Date.now();
      for (const [key, value] of await loadMany(missing.length > 200 ? "all" : missing))
        entries.set(key, { value, at });
    },
    clear: () => entries.clear(),
  };
}

export function toReport(r: {
  id: number;
  assignmentId: number;
  unitId: number;
  authorChannel: string;
  authorUserId: string;
  authorName: string;
  text: string;
  valuesJson: string;
  referencesJson: string;
  unclearJson: string;
  late: boolean;
  revision: number;
  sourceChatId: string;
  sourceMessageId: string;
  mediaGroupId: string | null;
  createdAt: Date;
  updatedAt: Date;
}): ReportRecord {
  return {
    id: r.id,
    assignmentId: r.assignmentId,
    unitId: r.unitId,
    authorChannel: r.authorChannel,
    authorUserId: r.authorUserId,
    authorName: r.authorName,
    text: r.text,
    values: JSON.parse(r.valuesJson),
    references: JSON.parse(r.referencesJson),
    unclear: JSON.parse(r.unclearJson),
    late: r.late,
    revision: r.revision,
    sourceChatId: r.sourceChatId,
    sourceMessageId: r.sourceMessageId,
    mediaGroupId: r.mediaGroupId,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

function toAttachment(a: {
  id: number;
  reportId: number | null;
  sha256: string;
  size: number;
  mime: string;
  kind: string;
  fileName: string;
  capturedAt: Date | null;
  createdAt: Date;
}): AttachmentRecord {
  return { ...a, kind: a.kind as AttachmentRecord["kind"] };
}

function toOutbox(o: {
  id: number;
  dedupeKey: string;
  channel: string;
  chatId: string;
  kind: string;
  payloadJson: string;
  status: string;
  attempts: number;
  notBefore: Date;
  nextAttemptAt: Date;
  assignmentId: number | null;
  providerMessageId: string | null;
  lastError: string | null;
}): OutboxRecord {
  const message = JSON.parse(o.payloadJson);
  if (message.file?.data) message.file.data = Buffer.from(message.file.data, "base64");
  return {
    id: o.id,
    dedupeKey: o.dedupeKey,
    channel: o.channel as Channel,
    chatId: o.chatId,
    kind: o.kind,
    message,
    status: o.status as OutboxRecord["status"],
    attempts: o.attempts,
    notBefore: new Date(o.notBefore),
    nextAttemptAt: new Date(o.nextAttemptAt),
    assignmentId: o.assignmentId,
    providerMessageId: o.providerMessageId,
    lastError: o.lastError,
  };
}

/** The stored form of an outbox input: files as base64 in the JSON payload. */
export function toOutboxRow(input: OutboxInput) {
  const message =
    input.message.type === "text"
      ? input.message
      : {
          ...input.message,
          file: { ...input.message.file, data: Buffer.from(input.message.file.data).toString("base64") },
        };
  return {
    dedupeKey: input.dedupeKey,
    channel: input.channel,
    chatId: input.chatId,
    kind: input.kind,
    payloadJson: JSON.stringify(message),
    assignmentId: input.assignmentId ?? null,
    source: input.source ?? null,
    notBefore: input.notBefore,
    nextAttemptAt: input.notBefore,
  };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/**
 * Prisma-backed implementation of every repository port.
 * @example const repos = createPrismaRepositories(await openDatabase(url));
 */
export function createPrismaRepositories(db: Db): Repositories {
  return buildPrismaRepositories(db).repos;
}

/** Turns assignment rows (with their occurrence) into views, from the unit/task/plan caches. */
export type ViewBuilder = (rows: AssignmentRow[]) => Promise<AssignmentView[]>;

/** How the unit and task caches read their rows (the prepared-statement layer brings its own). */
export interface CacheLoaders {
  units(keys: number[] | "all"): Promise<UnitRecord[]>;
  tasks(keys: number[] | "all"): Promise<TaskRecord[]>;
}

/** The Prisma repositories and their view builder (the prepared-statement layer reuses both). */
export function buildPrismaRepositories(
  db: Db,
  loaders?: CacheLoaders,
): { repos: Repositories; toViews: ViewBuilder; forget(table: string): void } {
  const postgresql = kindOf(db) === "postgresql";
  const instance = postgresOf(db);
  const ids = (keys: number[] | "all") => (keys === "all" ? {} : { id: { in: keys } });
  const load =
    loaders ??
    ({
      units: async (keys) => (await db.unit.findMany({ where: ids(keys) })).map(toUnit),
      tasks: async (keys) => (await db.task.findMany({ where: ids(keys), include: { indicators: true } })).map(toTask),
    } satisfies CacheLoaders);
  const units = createCache(
    async (id: number) => (await load.units([id]))[0] ?? null,
    async (keys) => (await load.units(keys)).map((u) => [u.id, u]),
  );
  const tasks = createCache(
    async (id: number) => (await load.tasks([id]))[0] ?? null,
    async (keys) => (await load.tasks(keys)).map((t) => [t.id, t]),
  );
  const plans = createCache(
    async (id: number) => {
      const p = await db.plan.findUnique({ where: { id } });
      return p && toPlan(p);
    },
    async (keys) => (await db.plan.findMany({ where: ids(keys) })).map((p) => [p.id, toPlan(p)]),
  );

  async function toViews(rows: AssignmentRow[]): Promise<AssignmentView[]> {
    // One read per kind for the whole list, never one per row.
    await units.preload(rows.map((a) => a.unitId));
    await tasks.preload(rows.map((a) => a.occurrence.taskId));
    const out: AssignmentView[] = [];
    for (const a of rows) {
      const task = await tasks.get(a.occurrence.taskId);
      const unit = await units.get(a.unitId);
      if (!task || !unit) continue;
      out.push({
        id: a.id,
        occurrenceId: a.occurrenceId,
        unitId: a.unitId,
        dueAt: a.dueAt,
        status: a.status as AssignmentView["status"],
        submittedAt: a.submittedAt,
        unit,
        occurrence: toOccurrence(a.occurrence),
        task,
        plan: task.planId ? await plans.get(task.planId) : null,
      });
    }
    return out;
  }

  const repos: Repositories = {
    units: {
      async findByCode(code) {
        const u = await db.unit.findUnique({ where: { code } });
        return u && toUnit(u);
      },
      findById: (id) => units.get(id),
      async list(options) {
        const rows = await db.unit.findMany({
          where: options?.includeInactive ? {} : { active: true },
          orderBy: { code: "asc" },
        });
        return rows.map(toUnit);
      },
      async create(input) {
        return toUnit(await db.unit.create({ data: { ...input, tags: input.tags.join(",") } }));
      },
      async update(id, patch) {
        units.clear();
        const { tags, ...rest } = patch;
        const data = {
          ...rest,
          ...(tags ? { tags: tags.join(",") } : {}),
          ...(patch.active ? { deletedAt: null, retiredAt: null, retiredNote: "" } : {}),
        };
        return toUnit(await db.unit.update({ where: { id }, data }));
      },
      async deactivate(id) {
        units.clear();
        await db.unit.update({ where: { id }, data: { active: false, deletedAt: new Date() } });
      },
      async retire(id, at, note) {
        units.clear();
        await db.unit.update({ where: { id }, data: { active: false, retiredAt: at, retiredNote: note } });
      },
    },

    chats: {
      async find(channel, chatId) {
        const c = await db.chatBinding.findUnique({ where: { channel_chatId: { channel, chatId } } });
        return c && toChat(c);
      },
      async bind(input) {
        const data = {
          chatType: input.chatType,
          title: input.title ?? null,
          role: input.role,
          unitId: input.unitId,
          status: "active",
          statusReason: null,
        };
        const c = await db.chatBinding.upsert({
          where: { channel_chatId: { channel: input.channel, chatId: input.chatId } },
          create: { channel: input.channel, chatId: input.chatId, ...data },
          update: data,
        });
        return toChat(c);
      },
      async listForUnit(unitId) {
        return (await db.chatBinding.findMany({ where: { unitId, role: "unit" }, orderBy: { id: "asc" } })).map(toChat);
      },
      async listRollupChats() {
        return (await db.chatBinding.findMany({ where: { role: "rollup" }, orderBy: { id: "asc" } })).map(toChat);
      },
      async listActiveUnitChats() {
        return (
          await db.chatBinding.findMany({
            where: { role: "unit", status: "active", unitId: { not: null } },
            orderBy: { id: "asc" },
          })
        ).map(toChat);
      },
      async setStatus(channel, chatId, status, reason) {
        await db.chatBinding.updateMany({ where: { channel, chatId }, data: { status, statusReason: reason ?? null } });
      },
      async unbind(channel, chatId) {
        return (await db.chatBinding.deleteMany({ where: { channel, chatId } })).count > 0;
      },
    },

    people: {
      async find(channel, userId) {
        const p = await db.person.findUnique({ where: { channel_userId: { channel, userId } } });
        return p && toPerson(p);
      },
      async findByUsername(channel, username) {
        const p = await db.person.findFirst({ where: { channel, username: username.replace(/^@/, "") } });
        return p && toPerson(p);
      },
      async touch({ channel, userId, displayName, username }) {
        // Every message touches its sender: read first, write only when the name changed.
        const known = await db.person.findUnique({ where: { channel_userId: { channel, userId } } });
        if (known && known.displayName === displayName && known.username === (username ?? null)) return toPerson(known);
        const p = await db.person.upsert({
          where: { channel_userId: { channel, userId } },
          create: { channel, userId, displayName, username: username ?? null },
          update: { displayName, username: username ?? null },
        });
        return toPerson(p);
      },
      async setRole(id, role) {
        await db.person.update({ where: { id }, data: { role } });
      },
      async setUnit(id, unitId) {
        await db.person.update({ where: { id }, data: { unitId } });
      },
      async setLanguage(id, language) {
        await db.person.update({ where: { id }, data: { language } });
      },
      async listByRole(role) {
        return (await db.person.findMany({ where: { role }, orderBy: { id: "asc" } })).map(toPerson);
      },
      async listByUnit(unitId) {
        return (await db.person.findMany({ where: { unitId }, orderBy: { id: "asc" } })).map(toPerson);
      },
    },

    invites: {
      async create(input) {
        return db.invite.create({ data: input });
      },
      async findByCode(code) {
        return db.invite.findUnique({ where: { code } });
      },
      async consume(id) {
        // Conditional update: two officers racing for the last slot cannot both win.
        const n =
          await db.$executeRaw`UPDATE "Invite" SET "uses" = "uses" + 1 WHERE "id" = ${id} AND "uses" < "maxUses"`;
        return n === 1;
      },
    },

    plans: {
      async upsert(input) {
        plans.clear();
        const existing = await db.plan.findUnique({ where: { number: input.number } });
        const { rollup, unitGroups, report, ...rest } = input;
        const data = {
          ...rest,
          leadUnitCode: input.leadUnitCode ?? null,
          endDate: input.endDate ?? null,
          rollupJson: JSON.stringify(rollup ?? {}),
          unitGroupsJson: JSON.stringify(unitGroups ?? []),
          reportJson: JSON.stringify(report ?? {}),
        };
        const plan = existing
          ? await db.plan.update({ where: { id: existing.id }, data })
          : await db.plan.create({ data });
        return { plan: toPlan(plan), created: !existing };
      },
      findById: (id) => plans.get(id),
      async findByNumber(number) {
        const p = await db.plan.findUnique({ where: { number } });
        return p && toPlan(p);
      },
      async list() {
        return (await db.plan.findMany({ orderBy: { id: "asc" } })).map(toPlan);
      },
      async setRollup(id, rollup) {
        plans.clear();
        return toPlan(await db.plan.update({ where: { id }, data: { rollupJson: JSON.stringify(rollup) } }));
      },
      async setUnits(planId, unitIds) {
        // Ids as one JSON parameter: a province's thousands of units would exceed SQLite's bound-variable limit.
        const wanted = JSON.stringify([...new Set(unitIds)]);
        await db.$transaction(
          postgresql
            ? [
                db.$executeRawUnsafe(
                  `DELETE FROM "PlanUnit" WHERE "planId" = $1 AND "unitId" NOT IN (SELECT value::int FROM json_array_elements_text($2::json))`,
                  planId,
                  wanted,
                ),
                db.$executeRawUnsafe(
                  `INSERT INTO "PlanUnit" ("planId", "unitId") SELECT $1, value::int FROM json_array_elements_text($2::json) ON CONFLICT DO NOTHING`,
                  planId,
                  wanted,
                ),
              ]
            : [
                db.$executeRawUnsafe(
                  `DELETE FROM "PlanUnit" WHERE "planId" = ? AND "unitId" NOT IN (SELECT value FROM json_each(?))`,
                  planId,
                  wanted,
                ),
                db.$executeRawUnsafe(
                  `INSERT OR IGNORE INTO "PlanUnit" ("planId", "unitId") SELECT ?, value FROM json_each(?)`,
                  planId,
                  wanted,
                ),
              ],
        );
      },
      async unitIds(planId) {
        return (
          await db.planUnit.findMany({ where: { planId }, select: { unitId: true }, orderBy: { unitId: "asc" } })
        ).map((r) => r.unitId);
      },
    },

    tasks: {
      async upsert(input) {
        const data = {
          planId: input.planId,
          title: input.title,
          targetsJson: JSON.stringify(input.targets),
          scheduleJson: JSON.stringify(input.schedule),
          reminderJson: JSON.stringify(input.reminder),
          deadlineText: input.deadlineText,
          createdBy: input.createdBy,
          status: "active",
          backfill: input.backfill ?? false,
        };
        const indicators = input.indicators.map((i, position) => ({
          code: i.code,
          label: i.label,
          measure: i.measure,
          synonymsJson: JSON.stringify(i.synonyms),
          position,
        }));
        tasks.clear();
        return db.$transaction(async (tx) => {
          const existing = await tx.task.findUnique({ where: { code: input.code } });
          const task = existing
            ? await tx.task.update({ where: { id: existing.id }, data })
            : await tx.task.create({ data: { code: input.code, ...data } });
          await tx.indicator.deleteMany({ where: { taskId: task.id } });
          if (indicators.length)
            await tx.indicator.createMany({ data: indicators.map((i) => ({ ...i, taskId: task.id })) });
          const full = await tx.task.findUniqueOrThrow({ where: { id: task.id }, include: { indicators: true } });
          return { task: toTask(full), created: !existing };
        });
      },
      findById: (id) => tasks.get(id),
      async findByCode(code) {
        const t = await db.task.findUnique({ where: { code }, include: { indicators: true } });
        return t && toTask(t);
      },
      async listActive() {
        return (
          await db.task.findMany({ where: { status: "active" }, include: { indicators: true }, orderBy: { id: "asc" } })
        ).map(toTask);
      },
      async setStatus(id, status) {
        tasks.clear();
        await db.task.update({ where: { id }, data: { status } });
      },
      async setReminder(id, policy) {
        tasks.clear();
        await db.task.update({ where: { id }, data: { reminderJson: JSON.stringify(policy) } });
      },
      async count() {
        return db.task.count();
      },
    },

    assignments: {
      async ensureOccurrence(input) {
        const o = await db.occurrence.upsert({
          where: { taskId_periodKey: { taskId: input.taskId, periodKey: input.periodKey } },
          create: { ...input, statedDate: input.statedDate ?? null },
          update: {},
        });
        return toOccurrence(o);
      },
      async moveOccurrenceDue(occurrenceId, dueAt, statedDate) {
        const rows = await db.assignment.findMany({
          where: { occurrenceId },
          select: { id: true, status: true, submittedAt: true },
        });
        const late = (at: Date | null) => at !== null && at.getTime() > dueAt.getTime();
        const restatus = rows.filter(
          (a) => (a.status === "submitted" || a.status === "late") && a.submittedAt !== null,
        );
        const reports = await db.report.findMany({
          where: { assignment: { occurrenceId } },
          select: { id: true, createdAt: true, late: true },
        });
        await db.$transaction([
          db.occurrence.update({ where: { id: occurrenceId }, data: { dueAt, statedDate } }),
          db.assignment.updateMany({ where: { occurrenceId }, data: { dueAt } }),
          ...restatus
            .filter((a) => (a.status === "late") !== late(a.submittedAt))
            .map((a) =>
              db.assignment.update({
                where: { id: a.id },
                data: { status: late(a.submittedAt) ? "late" : "submitted" },
              }),
            ),
          ...reports
            .filter((r) => r.late !== late(r.createdAt))
            .map((r) => db.report.update({ where: { id: r.id }, data: { late: late(r.createdAt) } })),
        ]);
      },
      async closeOccurrences(ids, at, by) {
        let closed = 0;
        for (const chunk of chunks(ids, 500))
          closed += (
            await db.occurrence.updateMany({
              where: { id: { in: chunk }, closedAt: null },
              data: { closedAt: at, closedBy: by },
            })
          ).count;
        return closed;
      },
      async listOccurrences(taskId) {
        return (await db.occurrence.findMany({ where: { taskId }, orderBy: { dueAt: "asc" } })).map(toOccurrence);
      },
      async isAssigned(occurrenceId) {
        const row = await db.assignment.findFirst({
          where: { occurrenceId, status: { notIn: ["untracked", "cancelled"] } },
          select: { id: true },
        });
        return row !== null;
      },
      async unitIdsForOccurrence(occurrenceId) {
        const rows = await db.assignment.findMany({ where: { occurrenceId }, select: { unitId: true } });
        return new Set(rows.map((r) => r.unitId));
      },
      async ensure(input) {
        try {
          return (await db.assignment.create({ data: input, select: { id: true } })).id;
        } catch (error) {
          if (isUniqueViolation(error)) return null;
          throw error;
        }
      },
      async findView(id) {
        const a = await db.assignment.findUnique({ where: { id }, include: { occurrence: true } });
        return a ? ((await toViews([a]))[0] ?? null) : null;
      },
      async listOpenForUnit(unitId) {
        const rows = await db.assignment.findMany({
          where: { unitId, status: "open", occurrence: { closedAt: null, task: { status: "active" } } },
          include: { occurrence: true },
          orderBy: [{ dueAt: "asc" }, { id: "asc" }],
        });
        return toViews(rows);
      },
      async listClosedUnreportedForUnit(unitId) {
        const rows = await db.assignment.findMany({
          where: { unitId, status: "open", occurrence: { closedAt: { not: null }, task: { status: "active" } } },
          include: { occurrence: true },
          orderBy: [{ dueAt: "desc" }, { id: "desc" }],
          take: 50,
        });
        return toViews(rows);
      },
      async listOpen() {
        const rows = await db.assignment.findMany({
          where: { status: "open", unit: { active: true }, occurrence: { closedAt: null, task: { status: "active" } } },
          include: { occurrence: true },
          orderBy: [{ dueAt: "asc" }, { id: "asc" }],
        });
        return toViews(rows);
      },
      async listForOccurrence(occurrenceId) {
        const rows = await db.assignment.findMany({
          where: { occurrenceId, status: { not: "cancelled" } },
          include: { occurrence: true },
          orderBy: { id: "asc" },
        });
        return toViews(rows);
      },
      async findOccurrence(id) {
        const o = await db.occurrence.findUnique({ where: { id } });
        return o && toOccurrence(o);
      },
      async listForOccurrences(occurrenceIds) {
        if (!occurrenceIds.length) return [];
        const rows = await db.assignment.findMany({
          where: { occurrenceId: { in: occurrenceIds }, status: { not: "cancelled" } },
          select: { id: true, occurrenceId: true, unitId: true, dueAt: true, status: true, submittedAt: true },
          orderBy: { id: "asc" },
        });
        return rows.map((a) => ({ ...a, status: a.status as AssignmentRecord["status"] }));
      },
      async setStatus(id, status, submittedAt) {
        await db.assignment.update({
          where: { id },
          data: { status, ...(submittedAt !== undefined ? { submittedAt } : {}) },
        });
      },
      async moveStatus(ids, from, to) {
        let moved = 0;
        for (const chunk of chunks(ids, 500))
          moved += (
            await db.assignment.updateMany({ where: { id: { in: chunk }, status: from }, data: { status: to } })
          ).count;
        return moved;
      },
      async listOpenAssignedAfterDeadline(now) {
        const rows = await db.assignment.findMany({
          where: { status: "open", dueAt: { lt: now } },
          select: {
            id: true,
            occurrenceId: true,
            unitId: true,
            dueAt: true,
            status: true,
            submittedAt: true,
            createdAt: true,
          },
          orderBy: { id: "asc" },
        });
        return rows
          .filter((a) => a.createdAt >= a.dueAt)
          .map(({ createdAt: _, ...a }) => ({ ...a, status: a.status as AssignmentRecord["status"] }));
      },
      async cancelForTask(taskId) {
        const r = await db.assignment.updateMany({
          where: { status: "open", occurrence: { taskId } },
          data: { status: "cancelled" },
        });
        return r.count;
      },
      async cancelForUnit(unitId, options) {
        const after = options?.dueAfter ? { dueAt: { gt: options.dueAfter } } : {};
        const r = await db.assignment.updateMany({
          where: { status: "open", unitId, ...after },
          data: { status: "cancelled" },
        });
        return r.count;
      },
      async cancelOutside(taskId, unitIds) {
        if (postgresql)
          return db.$executeRawUnsafe(
            `UPDATE "Assignment" SET "status" = 'cancelled', "updatedAt" = CAST($1 AS timestamp(3)) WHERE "status" = 'open' AND "occurrenceId" IN (SELECT "id" FROM "Occurrence" WHERE "taskId" = $2)
               AND "unitId" NOT IN (SELECT value::int FROM json_array_elements_text($3::json))`,
            pgDate(new Date()),
            taskId,
            JSON.stringify(unitIds),
          );
        return db.$executeRawUnsafe(
          `UPDATE "Assignment" SET "status" = 'cancelled', "updatedAt" = ? WHERE "status" = 'open' AND "occurrenceId" IN (SELECT "id" FROM "Occurrence" WHERE "taskId" = ?)
             AND "unitId" NOT IN (SELECT value FROM json_each(?))`,
          sqliteDate(new Date()),
          taskId,
          JSON.stringify(unitIds),
        );
      },
    },

    reports: {
      async create(input, mark) {
        const create = db.report.create({
          data: {
            assignmentId: input.assignmentId,
            unitId: input.unitId,
            authorChannel: input.authorChannel,
            authorUserId: input.authorUserId,
            authorName: input.authorName,
            text: input.text,
            valuesJson: JSON.stringify(input.values),
            referencesJson: JSON.stringify(input.references),
            unclearJson: JSON.stringify(input.unclear),
            late: input.late,
            sourceChatId: input.sourceChatId,
            sourceMessageId: input.sourceMessageId,
            mediaGroupId: input.mediaGroupId,
            // The core clock's time, as revisions write it: "sent within 10 minutes" is measured on it.
            createdAt: input.createdAt,
            updatedAt: input.createdAt,
            lastSource: input.source ?? "",
            revisions: {
              create: {
                revision: 1,
                text: input.text,
                valuesJson: JSON.stringify(input.values),
                authorName: input.authorName,
                createdAt: input.createdAt,
              },
            },
          },
        });
        if (!mark) return toReport(await create);
        const [r] = await db.$transaction([
          create,
          db.assignment.update({
            where: { id: input.assignmentId },
            data: { status: mark.status, submittedAt: mark.at },
          }),
        ]);
        return toReport(r);
      },
      async revise(id, input) {
        // Reports of one chat are handled one at a time, so a read then a short batch is enough;
        // an interactive transaction would hold SQLite's single writer across awaits.
        const current = await db.report.findUniqueOrThrow({ where: { id } });
        if (input.source && current.lastSource === input.source) return toReport(current);
        const revision = current.revision + 1;
        const valuesJson = JSON.stringify(input.values);
        const [r] = await db.$transaction([
          db.report.update({
            where: { id },
            data: {
              text: input.text,
              valuesJson,
              referencesJson: JSON.stringify(input.references),
              unclearJson: JSON.stringify(input.unclear),
              revision,
              updatedAt: input.at,
              lastSource: input.source ?? "",
            },
          }),
          db.reportRevision.create({
            data: {
              reportId: id,
              revision,
              text: input.text,
              valuesJson,
              authorName: input.authorName,
              createdAt: input.at,
            },
          }),
        ]);
        return toReport(r);
      },
      async findById(id) {
        const r = await db.report.findUnique({ where: { id } });
        return r && toReport(r);
      },
      async findForAssignment(assignmentId) {
        const r = await db.report.findFirst({
          where: { assignmentId },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        });
        return r && toReport(r);
      },
      async findWrittenBy(unitId, message) {
        // the message as first sent (an edit passed in names the message it edits)
        const source = messageSource({
          channel: message.channel,
          chatId: message.chatId,
          messageId: message.messageId,
        });
        const r = await db.report.findFirst({
          where: {
            unitId,
            OR: [
              { lastSource: source },
              { lastSource: { startsWith: `${source}~` } },
              { authorChannel: message.channel, sourceChatId: message.chatId, sourceMessageId: message.messageId },
            ],
          },
          orderBy: { id: "desc" },
        });
        if (!r) return null;
        return { report: toReport(r), current: r.lastSource === source || r.lastSource.startsWith(`${source}~`) };
      },
      async latestInChat(channel, chatId, authorUserId, since) {
        const r = await db.report.findFirst({
          where: { authorChannel: channel, sourceChatId: chatId, authorUserId, updatedAt: { gte: since } },
          orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
        });
        return r && toReport(r);
      },
      async latestForUnit(unitId) {
        const r = await db.report.findFirst({ where: { unitId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
        return r && toReport(r);
      },
      async listForUnit(unitId, options) {
        const rows = await db.report.findMany({
          where: { unitId, ...(options?.assignmentIds ? { assignmentId: { in: options.assignmentIds } } : {}) },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: options?.limit,
        });
        return rows.map(toReport);
      },
      async listForAssignments(assignmentIds) {
        const out: ReportRecord[] = [];
        for (const ids of chunks(assignmentIds, 500)) {
          out.push(...(await db.report.findMany({ where: { assignmentId: { in: ids } } })).map(toReport));
        }
        return out.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
      },
      async listForOccurrences(occurrenceIds) {
        if (!occurrenceIds.length) return [];
        const rows = await db.report.findMany({
          where: { assignment: { occurrenceId: { in: occurrenceIds } } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        });
        return rows.map(toReport);
      },
      async revisions(reportId) {
        const rows = await db.reportRevision.findMany({ where: { reportId }, orderBy: { revision: "asc" } });
        return rows.map((r) => ({
          revision: r.revision,
          text: r.text,
          values: JSON.parse(r.valuesJson),
          authorName: r.authorName,
          createdAt: r.createdAt,
        }));
      },
      async withdraw(id) {
        const report = await db.report.findUnique({ where: { id }, select: { assignmentId: true } });
        if (!report) return [];
        const files = await db.attachment.findMany({ where: { reportId: id }, select: { sha256: true } });
        await db.$transaction([
          db.attachment.deleteMany({ where: { reportId: id } }),
          db.report.delete({ where: { id } }),
          db.assignment.update({ where: { id: report.assignmentId }, data: { status: "open", submittedAt: null } }),
        ]);
        return files.map((f) => f.sha256);
      },
    },

    attachments: {
      async add(input) {
        const existing =
          input.reportId !== null
            ? await db.attachment.findUnique({
                where: { reportId_sha256: { reportId: input.reportId, sha256: input.sha256 } },
              })
            : // A pending file stored again by the same message (handled again after a crash) is the same file.
              await db.attachment.findFirst({
                where: {
                  reportId: null,
                  sha256: input.sha256,
                  sourceChannel: input.sourceChannel,
                  sourceChatId: input.sourceChatId,
                  sourceMessageId: input.sourceMessageId,
                },
              });
        if (existing) return { attachment: toAttachment(existing), duplicate: true };
        return { attachment: toAttachment(await db.attachment.create({ data: input })), duplicate: false };
      },
      async listPending(channel, chatId, since) {
        const rows = await db.attachment.findMany({
          where: { reportId: null, sourceChannel: channel, sourceChatId: chatId, createdAt: { gte: since } },
          orderBy: { id: "asc" },
        });
        return rows.map(toAttachment);
      },
      async listForReportAndPending(reportId, channel, chatId, since) {
        const rows = await db.attachment.findMany({
          where: {
            OR: [
              { reportId },
              { reportId: null, sourceChannel: channel, sourceChatId: chatId, createdAt: { gte: since } },
            ],
          },
          orderBy: { id: "asc" },
        });
        return rows.map(toAttachment);
      },
      async assign(attachmentIds, reportId) {
        let moved = 0;
        for (const id of attachmentIds) {
          const a = await db.attachment.findUnique({ where: { id } });
          if (!a || a.reportId !== null) continue;
          const dup = await db.attachment.findUnique({ where: { reportId_sha256: { reportId, sha256: a.sha256 } } });
          if (dup) await db.attachment.delete({ where: { id } });
          else {
            await db.attachment.update({ where: { id }, data: { reportId } });
            moved++;
          }
        }
        return moved;
      },
      async removePending(attachmentIds) {
        const rows = await db.attachment.findMany({
          where: { id: { in: attachmentIds }, reportId: null },
          select: { id: true, sha256: true },
        });
        await db.attachment.deleteMany({ where: { id: { in: rows.map((r) => r.id) }, reportId: null } });
        return rows.map((r) => r.sha256);
      },
      async isReferenced(sha256) {
        return (await db.attachment.count({ where: { sha256 } })) > 0;
      },
      async findOnUnitReports(unitId, sha256, except) {
        const row = await db.attachment.findFirst({
          where: {
            sha256,
            report: { unitId },
            NOT: { sourceChannel: except.channel, sourceChatId: except.chatId, sourceMessageId: except.messageId },
          },
          orderBy: { id: "desc" },
          include: { report: { select: { assignmentId: true } } },
        });
        if (!row?.report) return null;
        const { report, ...attachment } = row;
        return { attachment: toAttachment(attachment), assignmentId: report.assignmentId };
      },
      async listForReports(reportIds) {
        const out: AttachmentRecord[] = [];
        for (const ids of chunks(reportIds, 500))
          out.push(...(await db.attachment.findMany({ where: { reportId: { in: ids } } })).map(toAttachment));
        return out.sort((a, b) => a.id - b.id);
      },
      async listForOccurrences(occurrenceIds) {
        if (!occurrenceIds.length) return [];
        const rows = await db.attachment.findMany({
          where: { report: { assignment: { occurrenceId: { in: occurrenceIds } } } },
          orderBy: { id: "asc" },
        });
        return rows.map(toAttachment);
      },
    },

    outbox: {
      async enqueue(input) {
        try {
          await db.outboxMessage.create({ data: toOutboxRow(input) });
          return true;
        } catch (error) {
          if (isUniqueViolation(error)) return false;
          throw error;
        }
      },
      async enqueueMany(inputs) {
        const unique = [...new Map(inputs.map((i) => [i.dedupeKey, i])).values()];
        return db.$transaction(async (tx) => {
          const existing = new Map<string, string | null>();
          for (const keys of chunks(
            unique.map((i) => i.dedupeKey),
            500,
          )) {
            for (const r of await tx.outboxMessage.findMany({
              where: { dedupeKey: { in: keys } },
              select: { dedupeKey: true, source: true },
            }))
              existing.set(r.dedupeKey, r.source);
          }
          const fresh = unique.filter((i) => !existing.has(i.dedupeKey));
          for (const batch of chunks(fresh, 500)) await tx.outboxMessage.createMany({ data: batch.map(toOutboxRow) });
          const own = unique.filter((i) => i.source && existing.get(i.dedupeKey) === i.source);
          return new Set([...fresh, ...own].map((i) => i.dedupeKey));
        });
      },
      async replacePending(group, input) {
        const row = toOutboxRow(input);
        const { count } = await db.outboxMessage.updateMany({
          where: { dedupeKey: { gte: group, lt: `${group}\uffff` }, status: "pending" },
          data: { payloadJson: row.payloadJson, notBefore: row.notBefore, nextAttemptAt: row.nextAttemptAt },
        });
        if (!count) await repos.outbox.enqueue(input);
      },
      async keysWithPrefix(prefix) {
        const rows = await db.outboxMessage.findMany({
          where: { dedupeKey: { gte: prefix, lt: `${prefix}\uffff` } },
          select: { dedupeKey: true },
        });
        return rows.map((r) => r.dedupeKey);
      },
      async exists(dedupeKey) {
        return (await db.outboxMessage.count({ where: { dedupeKey } })) > 0;
      },
      async claimDue(now, limit, skipChannels = []) {
        if (instance) {
          // PostgreSQL, maybe several instances: rows locked by another claim are skipped, never
          // claimed twice; each row names its claimer, and rows of an instance that is gone (its
          // session's advisory lock released) are claimed again with the pending ones.
          const rows = await db.$queryRawUnsafe<Parameters<typeof toOutbox>[0][]>(
            `UPDATE "OutboxMessage" SET "status" = 'sending', "claimedBy" = $1, "claimedAt" = CAST($2 AS timestamp(3))
             WHERE "id" IN (SELECT "id" FROM "OutboxMessage"
                            WHERE ("status" = 'pending' OR ("status" = 'sending' AND ${NOT_LIVE_CLAIM}))
                              AND "nextAttemptAt" <= CAST($2 AS timestamp(3))
                              AND "channel" NOT IN (SELECT value FROM json_array_elements_text($3::json))
                            ORDER BY "nextAttemptAt" ASC, "id" ASC LIMIT $4 FOR UPDATE SKIP LOCKED)
             RETURNING "id", "dedupeKey", "channel", "chatId", "kind", "payloadJson", "status", "attempts", "notBefore", "nextAttemptAt", "assignmentId", "providerMessageId", "lastError"`,
            instance.instanceId,
            pgDate(now),
            JSON.stringify(skipChannels),
            limit,
          );
          return rows
            .map(toOutbox)
            .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id - b.id);
        }
        // One statement: the rows picked are the rows marked, even with another process claiming.
        const rows = await db.$queryRaw<Parameters<typeof toOutbox>[0][]>`
          UPDATE "OutboxMessage" SET "status" = 'sending'
          WHERE "id" IN (SELECT "id" FROM "OutboxMessage" WHERE "status" = 'pending' AND "nextAttemptAt" <= ${now}
                         AND "channel" NOT IN (SELECT value FROM json_each(${JSON.stringify(skipChannels)}))
                         ORDER BY "nextAttemptAt" ASC, "id" ASC LIMIT ${limit})
          RETURNING "id", "dedupeKey", "channel", "chatId", "kind", "payloadJson", "status", "attempts", "notBefore", "nextAttemptAt", "assignmentId", "providerMessageId", "lastError"`;
        return rows.map(toOutbox).sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id - b.id);
      },
      async release(ids) {
        if (!ids.length) return 0;
        return (
          await db.outboxMessage.updateMany({
            where: { id: { in: ids }, status: "sending" },
            data: { status: "pending" },
          })
        ).count;
      },
      async markSent(id, providerMessageId, at) {
        await db.outboxMessage.update({
          where: { id },
          data: { status: "sent", providerMessageId, sentAt: at, attempts: { increment: 1 }, lastError: null },
        });
      },
      async retryLater(id, at, error) {
        await db.outboxMessage.update({
          where: { id },
          data: { status: "pending", nextAttemptAt: at, attempts: { increment: 1 }, lastError: truncate(error, 500) },
        });
      },
      async markFailed(id, error) {
        await db.outboxMessage.update({
          where: { id },
          data: { status: "failed", attempts: { increment: 1 }, lastError: truncate(error, 500) },
        });
      },
      async recoverInFlight() {
        // PostgreSQL: only the rows of instances that are gone; a live instance keeps its own.
        if (instance)
          return db.$executeRawUnsafe(
            `UPDATE "OutboxMessage" SET "status" = 'pending', "claimedBy" = NULL WHERE "status" = 'sending' AND ${NOT_LIVE_CLAIM}`,
          );
        return (await db.outboxMessage.updateMany({ where: { status: "sending" }, data: { status: "pending" } })).count;
      },
      async findByProviderMessage(channel, chatId, messageId) {
        const o = await db.outboxMessage.findFirst({ where: { channel, chatId, providerMessageId: messageId } });
        return o && toOutbox(o);
      },
      async keysForAssignments(assignmentIds) {
        const out = new Map<number, string[]>();
        for (const ids of chunks(assignmentIds, 500)) {
          const rows = await db.outboxMessage.findMany({
            where: { assignmentId: { in: ids } },
            select: { dedupeKey: true, assignmentId: true },
          });
          for (const r of rows) out.set(r.assignmentId!, [...(out.get(r.assignmentId!) ?? []), r.dedupeKey]);
        }
        return out;
      },
      async deliveredReminders(assignmentIds) {
        const out = new Map<number, Date[]>();
        for (const ids of chunks(assignmentIds, 500)) {
          const rows = await db.outboxMessage.findMany({
            where: { assignmentId: { in: ids }, status: "sent", kind: { in: [...REMINDER_KINDS] } },
            select: { assignmentId: true, sentAt: true },
          });
          for (const r of rows) if (r.sentAt) out.set(r.assignmentId!, [...(out.get(r.assignmentId!) ?? []), r.sentAt]);
        }
        return out;
      },
      async existingKeys(dedupeKeys) {
        const out = new Set<string>();
        for (const keys of chunks(dedupeKeys, 500)) {
          const rows = await db.outboxMessage.findMany({
            where: { dedupeKey: { in: keys } },
            select: { dedupeKey: true },
          });
          for (const r of rows) out.add(r.dedupeKey);
        }
        return out;
      },
      async nextAttemptAt(skipChannels = []) {
        const row = await db.outboxMessage.findFirst({
          where: { status: "pending", ...(skipChannels.length ? { channel: { notIn: skipChannels } } : {}) },
          orderBy: { nextAttemptAt: "asc" },
          select: { nextAttemptAt: true },
        });
        return row?.nextAttemptAt ?? null;
      },
      async countByStatus() {
        const rows = await db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });
        return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
      },
    },

    calendar: {
      async list() {
        const rows = await db.calendarEntry.findMany({ orderBy: { date: "asc" } });
        return rows.map((r) => ({
          date: r.date,
          kind: r.kind as "holiday" | "workday",
          name: r.name,
          source: r.source,
        }));
      },
      async upsert(entries, source) {
        for (const e of entries) {
          await db.calendarEntry.upsert({
            where: { date_kind: { date: e.date, kind: e.kind } },
            create: { ...e, source },
            update: { name: e.name, source },
          });
          // A day cannot be both a holiday and a swapped working day.
          await db.calendarEntry.deleteMany({
            where: { date: e.date, kind: e.kind === "holiday" ? "workday" : "holiday" },
          });
        }
        return entries.length;
      },
    },

    conversations: {
      async get(channel, chatId, userId, now) {
        const c = await db.conversation.findUnique({ where: { channel_chatId_userId: { channel, chatId, userId } } });
        if (!c || c.expiresAt <= now) return null;
        return { kind: c.kind, data: JSON.parse(c.dataJson), expiresAt: c.expiresAt };
      },
      async set(channel, chatId, userId, record) {
        const data = { kind: record.kind, dataJson: JSON.stringify(record.data), expiresAt: record.expiresAt };
        await db.conversation.upsert({
          where: { channel_chatId_userId: { channel, chatId, userId } },
          create: { channel, chatId, userId, ...data },
          update: data,
        });
      },
      async clear(channel, chatId, userId) {
        await db.conversation.deleteMany({ where: { channel, chatId, userId } });
      },
      async listExpired(kind, now) {
        const rows = await db.conversation.findMany({
          where: { kind, expiresAt: { lte: now } },
          orderBy: { expiresAt: "asc" },
          take: 500,
        });
        return rows.map((c) => ({
          channel: c.channel as Channel,
          chatId: c.chatId,
          userId: c.userId,
          kind: c.kind,
          data: JSON.parse(c.dataJson),
          expiresAt: c.expiresAt,
        }));
      },
      async nextExpiry(kind) {
        const row = await db.conversation.findFirst({
          where: { kind },
          orderBy: { expiresAt: "asc" },
          select: { expiresAt: true },
        });
        return row?.expiresAt ?? null;
      },
    },

    audit: {
      async log(entry) {
        await db.auditLog.create({
          data: {
            actor: entry.actor,
            action: entry.action,
            entity: entry.entity,
            entityId: entry.entityId ?? "",
            detailJson: JSON.stringify(entry.detail ?? {}),
            ...(entry.at ? { createdAt: entry.at } : {}),
          },
        });
      },
      async timesSince(actor, action, since) {
        const rows = await db.auditLog.findMany({
          where: { actor, action, createdAt: { gte: since } },
          orderBy: { createdAt: "asc" },
          select: { createdAt: true },
        });
        return rows.map((r) => r.createdAt);
      },
      async list(limit) {
        return db.auditLog.findMany({
          orderBy: { id: "desc" },
          take: limit,
          select: { actor: true, action: true, entity: true, entityId: true, createdAt: true },
        });
      },
    },
    rollupMentions: {
      async list(occurrenceIds) {
        const out: { occurrenceId: number; unitId: number; kind: RollupMentionKind }[] = [];
        for (const part of chunks(occurrenceIds, 500)) {
          const rows = await db.rollupMention.findMany({
            where: { occurrenceId: { in: part } },
            select: { occurrenceId: true, unitId: true, kind: true },
          });
          for (const r of rows) out.push({ ...r, kind: r.kind as RollupMentionKind });
        }
        return out;
      },
      async record(entries, at) {
        if (entries.length === 0) return;
        const key = (e: { occurrenceId: number; unitId: number; kind: string }) =>
          `${e.occurrenceId}:${e.unitId}:${e.kind}`;
        const known = new Set<string>();
        for (const part of chunks([...new Set(entries.map((e) => e.occurrenceId))], 500))
          for (const r of await db.rollupMention.findMany({ where: { occurrenceId: { in: part } } })) known.add(key(r));
        const fresh = [...new Map(entries.filter((e) => !known.has(key(e))).map((e) => [key(e), e])).values()];
        // Small batches with a turn of the event loop between them: at the country's size a post
        // names thousands of units, and one insert of them all held the loop for tens of ms.
        for (const [i, part] of chunks(fresh, 100).entries()) {
          if (i > 0) await new Promise((resolve) => setImmediate(resolve));
          const data = part.map((e) => ({ ...e, createdAt: at }));
          try {
            await db.rollupMention.createMany({ data });
          } catch (error) {
            if (!isUniqueViolation(error)) throw error;
            // Another post recorded some of them meanwhile: the rest one by one.
            for (const row of data)
              await db.rollupMention.create({ data: row }).catch((e: unknown) => {
                if (!isUniqueViolation(e)) throw e;
              });
          }
        }
      },
    },
  };
  /** Forgets what the caches hold of a table another process changed (PostgreSQL's change notifications). */
  function forget(table: string): void {
    if (table === "Unit" || table === "*") units.clear();
    if (table === "Task" || table === "Indicator" || table === "*") tasks.clear();
    if (table === "Plan" || table === "*") plans.clear();
  }

  return { repos, toViews, forget };
}
