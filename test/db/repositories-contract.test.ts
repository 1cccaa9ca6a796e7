import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it as vitestIt } from "vitest";
import type { Repositories } from "../../src/core/repositories.js";
import { type Db, openDatabase } from "../../src/db/database.js";
import { createPostgresRepositories } from "../../src/db/postgres-repositories.js";
import { createPrismaRepositories } from "../../src/db/repositories.js";
import { createRepositories } from "../../src/db/sqlite-repositories.js";
import { databases } from "../support/databases.js";

const AT = new Date("2021-03-10T03:00:00.000Z");
const [sqlite, postgres] = databases;

/**
 * The same checks on every layer and database: Prisma alone, and the app's layer (SQLite:
 * prepared statements + caches; PostgreSQL: direct queries + caches kept by change notifications).
 */
describe.each([
  { name: "SQLite, Prisma", database: sqlite, create: createPrismaRepositories },
  { name: "SQLite, prepared statements + caches", database: sqlite, create: createRepositories },
  { name: `${postgres.title}, Prisma`, database: postgres, create: createPrismaRepositories },
  { name: `${postgres.title}, direct queries + caches`, database: postgres, create: createPostgresRepositories },
] as const)("repositories ($name)", ({ database, create: createLayer }) => {
  const it = database.skip ? vitestIt.skip : vitestIt;
  const create = async (db: Db): Promise<Repositories> => createLayer(db);
  const dir = mkdtempSync(path.join(tmpdir(), "don-doc-repos-"));
  let db: Db;
  let repos: Repositories;
  let drop = async () => {};

  afterAll(async () => {
    await db?.$disconnect();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function setUp() {
    const made = await database.create(dir);
    drop = made.drop;
    db = await openDatabase(made.url);
    repos = await create(db);
    const unit = await repos.units.create({ code: "XA_1", name: "UBND xã Một", kind: "xa", tags: ["xa"] });
    const { task } = await repos.tasks.upsert({
      planId: null,
      code: "NV",
      title: "Báo cáo",
      targets: ["xa"],
      schedule: { kind: "once", dueDate: "2021-03-15" },
      reminder: null,
      deadlineText: "15/03/2021",
      createdBy: "t",
      indicators: [{ code: "pano", label: "Pa nô", measure: "cái", synonyms: ["pa nô"] }],
    });
    const occurrence = await repos.assignments.ensureOccurrence({
      taskId: task.id,
      periodKey: "once",
      label: "",
      dueAt: new Date("2021-03-15T16:59:59Z"),
    });
    await repos.assignments.ensure({ occurrenceId: occurrence.id, unitId: unit.id, dueAt: occurrence.dueAt });
    return { unit, task };
  }

  it("open assignments, a report with its assignment marked, a revision, pending files", async () => {
    const { unit, task } = await setUp();
    const [open] = await repos.assignments.listOpenForUnit(unit.id);
    expect(open).toMatchObject({
      unitId: unit.id,
      status: "open",
      task: { id: task.id, code: "NV" },
      unit: { code: "XA_1" },
      occurrence: { periodKey: "once" },
    });
    expect((await repos.assignments.listOpen()).map((a) => a.id)).toEqual([open.id]);
    expect(await repos.assignments.isAssigned(open.occurrence.id)).toBe(true);
    expect(await repos.assignments.isAssigned(open.occurrence.id + 1000)).toBe(false);
    expect(await repos.assignments.findView(open.id)).toEqual(open);

    const report = await repos.reports.create(
      {
        assignmentId: open.id,
        unitId: unit.id,
        authorChannel: "telegram",
        authorUserId: "7",
        authorName: "Lan",
        text: "12 pa nô",
        values: { pano: 12 },
        references: [],
        unclear: [],
        late: false,
        sourceChatId: "-1",
        sourceMessageId: "5",
        mediaGroupId: null,
        createdAt: AT,
        source: "telegram:-1:5",
      },
      { status: "submitted", at: AT },
    );
    expect(report).toMatchObject({ revision: 1, values: { pano: 12 }, late: false, createdAt: AT });
    expect(await repos.reports.findForAssignment(open.id)).toEqual(report);
    expect(await repos.assignments.findView(open.id)).toMatchObject({ status: "submitted", submittedAt: AT });
    expect(await repos.assignments.listOpenForUnit(unit.id)).toEqual([]);

    const later = new Date(AT.getTime() + 60_000);
    const revised = await repos.reports.revise(report.id, {
      text: "15 pa nô",
      values: { pano: 15 },
      references: [],
      unclear: [],
      authorName: "Lan",
      at: later,
      source: "telegram:-1:6",
    });
    expect(revised).toMatchObject({ revision: 2, values: { pano: 15 }, updatedAt: later });
    // The same message handled again writes nothing.
    expect(
      await repos.reports.revise(report.id, {
        text: "15 pa nô",
        values: { pano: 15 },
        references: [],
        unclear: [],
        authorName: "Lan",
        at: later,
        source: "telegram:-1:6",
      }),
    ).toMatchObject({ revision: 2 });
    expect((await repos.reports.revisions(report.id)).map((r) => r.revision)).toEqual([1, 2]);
    // The message that wrote the current revision, or an edit of it, finds the report as current;
    // the message that created it (revised since) finds it as not current; others find nothing.
    const message = (messageId: string) => ({ channel: "telegram", chatId: "-1", messageId });
    expect(await repos.reports.findWrittenBy(unit.id, message("6"))).toMatchObject({
      report: { id: report.id, revision: 2 },
      current: true,
    });
    expect(await repos.reports.findWrittenBy(unit.id, message("5"))).toMatchObject({ current: false });
    expect(await repos.reports.findWrittenBy(unit.id, message("60"))).toBeNull();
    expect(await repos.reports.findWrittenBy(unit.id + 1000, message("6"))).toBeNull();
    await repos.reports.revise(report.id, {
      text: "16 pa nô",
      values: { pano: 16 },
      references: [],
      unclear: [],
      authorName: "Lan",
      at: later,
      source: "telegram:-1:6~1767225600000",
    });
    expect(await repos.reports.findWrittenBy(unit.id, message("6"))).toMatchObject({
      report: { revision: 3, values: { pano: 16 } },
      current: true,
    });

    await repos.attachments.add({
      reportId: null,
      sha256: "a".repeat(64),
      size: 3,
      mime: "image/jpeg",
      kind: "photo",
      fileName: "a.jpg",
      capturedAt: null,
      createdAt: AT,
      sourceChannel: "telegram",
      sourceChatId: "-1",
      sourceMessageId: "9",
    });
    expect(
      (await repos.attachments.listPending("telegram", "-1", new Date(AT.getTime() - 1000))).map((a) => a.fileName),
    ).toEqual(["a.jpg"]);
    expect(await repos.attachments.listPending("telegram", "-1", later)).toEqual([]);

    expect(await repos.reports.latestForUnit(unit.id)).toMatchObject({
      id: report.id,
      revision: 3,
      values: { pano: 16 },
    });
    expect(await repos.reports.latestForUnit(unit.id + 1000)).toBeNull();
    const [pending] = await repos.attachments.listPending("telegram", "-1", new Date(0));
    await repos.attachments.assign([pending.id], report.id);
    await repos.attachments.add({
      reportId: report.id,
      sha256: "b".repeat(64),
      size: 4,
      mime: "application/pdf",
      kind: "document",
      fileName: "b.pdf",
      capturedAt: AT,
      sourceChannel: "telegram",
      sourceChatId: "-1",
      sourceMessageId: "10",
    });
    expect(
      (await repos.attachments.listForReports([report.id, report.id + 1000])).map((a) => [
        a.fileName,
        a.kind,
        a.reportId,
        a.capturedAt,
      ]),
    ).toEqual([
      ["a.jpg", "photo", report.id, null],
      ["b.pdf", "document", report.id, AT],
    ]);
    expect(await repos.attachments.listForReports([])).toEqual([]);
    // The report's files and the chat's pending ones since `since`, not another chat's.
    await repos.attachments.add({
      reportId: null,
      sha256: "c".repeat(64),
      size: 5,
      mime: "image/jpeg",
      kind: "photo",
      fileName: "c.jpg",
      capturedAt: null,
      createdAt: later,
      sourceChannel: "telegram",
      sourceChatId: "-1",
      sourceMessageId: "11",
    });
    await repos.attachments.add({
      reportId: null,
      sha256: "d".repeat(64),
      size: 6,
      mime: "image/jpeg",
      kind: "photo",
      fileName: "d.jpg",
      capturedAt: null,
      createdAt: later,
      sourceChannel: "telegram",
      sourceChatId: "-2",
      sourceMessageId: "12",
    });
    expect(
      (await repos.attachments.listForReportAndPending(report.id, "telegram", "-1", AT)).map((a) => [
        a.fileName,
        a.reportId,
      ]),
    ).toEqual([
      ["a.jpg", report.id],
      ["b.pdf", report.id],
      ["c.jpg", null],
    ]);
    expect(
      (await repos.attachments.listForReportAndPending(report.id, "telegram", "-1", new Date(later.getTime() + 1))).map(
        (a) => a.fileName,
      ),
    ).toEqual(["a.jpg", "b.pdf"]);

    // Withdrawn: the report, its revisions and its files' rows go, the assignment is open again;
    // the chat's pending files stay.
    expect((await repos.reports.withdraw(report.id)).sort()).toEqual(["a".repeat(64), "b".repeat(64)]);
    expect(await repos.reports.findById(report.id)).toBeNull();
    expect(await repos.reports.revisions(report.id)).toEqual([]);
    expect(await repos.attachments.listForReports([report.id])).toEqual([]);
    expect(await repos.attachments.isReferenced("a".repeat(64))).toBe(false);
    expect((await repos.attachments.listPending("telegram", "-1", new Date(0))).map((a) => a.fileName)).toEqual([
      "c.jpg",
    ]);
    expect(await repos.assignments.findView(open.id)).toMatchObject({ status: "open", submittedAt: null });
    expect((await repos.assignments.listOpenForUnit(unit.id)).map((a) => a.id)).toEqual([open.id]);
    expect(await repos.reports.withdraw(report.id)).toEqual([]);
  });

  it("outbox batches skip known keys; keys per assignment; cached people, chats and conversations follow writes", async () => {
    const [open] = await repos.assignments
      .listOpen()
      .then((l) => (l.length ? l : repos.assignments.listForOccurrence(1)));
    const input = (key: string) => ({
      dedupeKey: key,
      channel: "telegram" as const,
      chatId: "-1",
      kind: "reminder",
      message: { type: "text" as const, text: key },
      notBefore: AT,
      assignmentId: open.id,
    });
    expect([...(await repos.outbox.enqueueMany([input("k1"), input("k2")]))].sort()).toEqual(["k1", "k2"]);
    expect([...(await repos.outbox.enqueueMany([input("k2"), input("k3")]))]).toEqual(["k3"]);
    expect((await repos.outbox.keysForAssignments([open.id])).get(open.id)?.sort()).toEqual(["k1", "k2", "k3"]);
    expect((await repos.outbox.keysForAssignments([])).size).toBe(0);

    const person = await repos.people.touch({ channel: "telegram", userId: "7", displayName: "Lan" });
    await repos.people.setRole(person.id, "admin");
    expect(await repos.people.touch({ channel: "telegram", userId: "7", displayName: "Lan" })).toMatchObject({
      role: "admin",
    });
    await repos.people.setUnit(person.id, open.unitId);
    expect(await repos.people.find("telegram", "7")).toMatchObject({ role: "admin", unitId: open.unitId });

    expect(await repos.chats.find("telegram", "-1")).toBeNull();
    await repos.chats.bind({ channel: "telegram", chatId: "-1", chatType: "group", role: "unit", unitId: open.unitId });
    expect(await repos.chats.find("telegram", "-1")).toMatchObject({ unitId: open.unitId, status: "active" });
    await repos.chats.setStatus("telegram", "-1", "unreachable", "blocked");
    expect(await repos.chats.find("telegram", "-1")).toMatchObject({ status: "unreachable" });
    expect(await repos.chats.unbind("telegram", "-1")).toBe(true);
    expect(await repos.chats.find("telegram", "-1")).toBeNull();

    expect(await repos.conversations.get("telegram", "-1", "7", AT)).toBeNull();
    await repos.conversations.set("telegram", "-1", "7", {
      kind: "pick_task",
      data: { options: [1] },
      expiresAt: new Date(AT.getTime() + 60_000),
    });
    expect(await repos.conversations.get("telegram", "-1", "7", AT)).toMatchObject({
      kind: "pick_task",
      data: { options: [1] },
    });
    expect(await repos.conversations.get("telegram", "-1", "7", new Date(AT.getTime() + 120_000))).toBeNull();
    await repos.conversations.clear("telegram", "-1", "7");
    expect(await repos.conversations.get("telegram", "-1", "7", AT)).toBeNull();
  });

  it("outbox: a source finds its own rows again; a pending row replaced and postponed; keys by prefix; held channels skipped", async () => {
    const row = (
      key: string,
      extra: { source?: string; channel?: "telegram" | "zalo"; at?: Date; text?: string } = {},
    ) => ({
      dedupeKey: key,
      channel: extra.channel ?? ("telegram" as const),
      chatId: "-1",
      kind: "manual",
      message: { type: "text" as const, text: extra.text ?? key },
      notBefore: extra.at ?? AT,
      source: extra.source,
    });
    // /nhacnho handled again after a crash: its first run's rows count as queued by it, not another's.
    expect(
      [
        ...(await repos.outbox.enqueueMany([
          row("m1", { source: "telegram:111:5" }),
          row("m2", { source: "telegram:111:5" }),
        ])),
      ].sort(),
    ).toEqual(["m1", "m2"]);
    expect(
      [
        ...(await repos.outbox.enqueueMany([
          row("m1", { source: "telegram:111:5" }),
          row("m2", { source: "telegram:111:5" }),
        ])),
      ].sort(),
    ).toEqual(["m1", "m2"]);
    expect([
      ...(await repos.outbox.enqueueMany([
        row("m1", { source: "telegram:111:6" }),
        row("m3", { source: "telegram:111:6" }),
      ])),
    ]).toEqual(["m3"]);
    expect([...(await repos.outbox.enqueueMany([row("m3")]))]).toEqual([]);
    // Out of the way of what follows: every row queued so far is claimed.
    expect((await repos.outbox.claimDue(AT, 100)).length).toBeGreaterThanOrEqual(3);

    // An album's summary: one pending row, which each later file takes over and postpones.
    const later = (n: number) => new Date(AT.getTime() + n * 1000);
    await repos.outbox.replacePending("later:a:", row("later:a:1", { at: later(1), text: "1 ảnh" }));
    await repos.outbox.replacePending("later:a:", row("later:a:2", { at: later(2), text: "2 ảnh" }));
    expect(await repos.outbox.keysWithPrefix("later:a:")).toEqual(["later:a:1"]);
    expect(await repos.outbox.claimDue(later(1), 10)).toEqual([]);
    const [summary] = await repos.outbox.claimDue(later(2), 10);
    expect(summary).toMatchObject({ dedupeKey: "later:a:1", message: { text: "2 ảnh" }, nextAttemptAt: later(2) });
    // Claimed already: the next file's summary is a row of its own; the same message again adds nothing.
    await repos.outbox.replacePending("later:a:", row("later:a:3", { at: later(3), text: "3 ảnh" }));
    await repos.outbox.replacePending("later:a:", row("later:a:3", { at: later(3), text: "3 ảnh" }));
    await repos.outbox.markSent(summary.id, "77", later(2));
    expect((await repos.outbox.keysWithPrefix("later:a:")).sort()).toEqual(["later:a:1", "later:a:3"]);
    expect(await repos.outbox.keysWithPrefix("later:")).toHaveLength(2);

    // A channel whose platform does not answer is skipped by claims and by the next due time.
    await repos.outbox.enqueue(row("z1", { channel: "zalo", at: later(-10) }));
    expect(await repos.outbox.nextAttemptAt(["telegram"])).toEqual(later(-10));
    const claimed = await repos.outbox.claimDue(later(60), 50, ["zalo"]);
    expect(claimed.length).toBeGreaterThan(0);
    expect(claimed.every((c) => c.channel === "telegram")).toBe(true);
    expect(await repos.outbox.nextAttemptAt(["zalo"])).toBeNull();
    expect((await repos.outbox.claimDue(later(60), 50)).map((c) => c.dedupeKey)).toEqual(["z1"]);
  });

  it("a fresh repositories object (cold caches) reads the same people, chats, conversations, units and tasks", async () => {
    const [open] = await repos.assignments.listForOccurrence(1);
    await repos.chats.bind({
      channel: "zalo",
      chatId: "z1",
      chatType: "private",
      title: "Lan",
      role: "unit",
      unitId: open.unitId,
    });
    await repos.conversations.set("zalo", "z1", "7", {
      kind: "pick_task",
      data: { options: [2, 3] },
      expiresAt: new Date(AT.getTime() + 60_000),
    });
    const cold = await create(db);
    expect(await cold.people.find("telegram", "7")).toEqual(await repos.people.find("telegram", "7"));
    expect(await cold.people.find("telegram", "404")).toBeNull();
    expect(
      await cold.people.touch({ channel: "telegram", userId: "7", displayName: "Lan Nguyễn", username: "lan" }),
    ).toMatchObject({ displayName: "Lan Nguyễn", username: "lan", role: "admin" });
    expect(await (await create(db)).people.find("telegram", "7")).toMatchObject({
      displayName: "Lan Nguyễn",
      username: "lan",
    });
    expect(await cold.people.touch({ channel: "zalo", userId: "99", displayName: "Hà" })).toMatchObject({
      channel: "zalo",
      userId: "99",
      role: "none",
      unitId: null,
      language: null,
    });
    expect(await cold.chats.find("zalo", "z1")).toEqual({
      id: expect.any(Number),
      channel: "zalo",
      chatId: "z1",
      chatType: "private",
      title: "Lan",
      role: "unit",
      unitId: open.unitId,
      status: "active",
    });
    await repos.chats.bind({ channel: "telegram", chatId: "-9", chatType: "group", role: "rollup", unitId: null });
    await repos.chats.bind({ channel: "telegram", chatId: "-8", chatType: "group", role: "unit", unitId: open.unitId });
    await repos.chats.setStatus("telegram", "-8", "unreachable", "blocked");
    expect((await cold.chats.listActiveUnitChats()).map((c) => c.chatId)).toEqual(["z1"]);
    expect(await cold.chats.listRollupChats()).toEqual([
      {
        id: expect.any(Number),
        channel: "telegram",
        chatId: "-9",
        chatType: "group",
        title: null,
        role: "rollup",
        unitId: null,
        status: "active",
      },
    ]);
    expect(await cold.conversations.get("zalo", "z1", "7", AT)).toEqual({
      kind: "pick_task",
      data: { options: [2, 3] },
      expiresAt: new Date(AT.getTime() + 60_000),
    });
    expect(await cold.conversations.get("zalo", "z1", "7", new Date(AT.getTime() + 60_000))).toBeNull();
    expect(await cold.units.findById(open.unitId)).toEqual({
      id: open.unitId,
      code: "XA_1",
      name: "UBND xã Một",
      kind: "xa",
      tags: ["xa"],
      active: true,
      retiredAt: null,
      retiredNote: "",
    });
    expect(await cold.units.findById(open.unitId + 1000)).toBeNull();
    const [task] = await cold.tasks.listActive();
    expect(task).toEqual(await repos.tasks.findById(task.id));
    expect(task).toMatchObject({
      code: "NV",
      backfill: false,
      indicators: [{ code: "pano", label: "Pa nô", measure: "cái", synonyms: ["pa nô"] }],
    });
    expect(await cold.tasks.findById(task.id)).toEqual(task);
    // Active tasks follow task writes at once.
    await cold.tasks.setStatus(task.id, "cancelled");
    expect(await cold.tasks.listActive()).toEqual([]);
    await cold.tasks.setStatus(task.id, "active");
    expect((await cold.tasks.listActive()).map((t) => t.id)).toEqual([task.id]);
    const { task: added } = await cold.tasks.upsert({
      planId: null,
      code: "NV2",
      title: "Báo cáo nhanh",
      targets: ["xa"],
      schedule: { kind: "once", dueDate: "2021-03-20" },
      reminder: null,
      deadlineText: "20/03/2021",
      createdBy: "t",
      indicators: [],
    });
    expect((await cold.tasks.listActive()).map((t) => t.code)).toEqual(["NV", "NV2"]);
    await cold.tasks.setStatus(added.id, "cancelled");
  });

  it("plans list their units; deadlines move with their assignments; periods close; units retire (issue 20)", async () => {
    const { plan } = await repos.plans.upsert({
      number: "45/KH-SVHTTDL",
      date: "2026-01-15",
      title: "Kế hoạch 2026",
      issuer: "",
      parentIssuer: "",
      place: "",
      endDate: "2026-12-31",
    });
    expect(plan.endDate).toBe("2026-12-31");
    const a = await repos.units.create({ code: "X_A", name: "UBND xã A", kind: "xa", tags: ["xa"] });
    const b = await repos.units.create({ code: "X_B", name: "UBND xã B", kind: "xa", tags: ["xa"] });
    await repos.plans.setUnits(plan.id, [a.id, b.id, a.id]);
    expect(await repos.plans.unitIds(plan.id)).toEqual([a.id, b.id]);
    await repos.plans.setUnits(plan.id, [b.id]);
    expect(await repos.plans.unitIds(plan.id)).toEqual([b.id]);

    const { task } = await repos.tasks.upsert({
      planId: plan.id,
      code: "BC_Q",
      title: "Báo cáo quý",
      targets: ["xa"],
      schedule: {
        kind: "periodic",
        period: "quarter",
        rule: { type: "day_of_last_month", day: 15 },
        start: "2026-01-01",
      },
      reminder: null,
      deadlineText: "",
      createdBy: "t",
      indicators: [],
    });
    // Stated Sunday 15/03/2026; first stored at the stated day (a database from before the rule).
    const q1 = await repos.assignments.ensureOccurrence({
      taskId: task.id,
      periodKey: "2026-Q1",
      label: "Quý I/2026",
      dueAt: new Date("2026-03-15T16:59:00Z"),
    });
    expect(q1).toMatchObject({ statedDate: null, closedAt: null });
    const ida = (await repos.assignments.ensure({ occurrenceId: q1.id, unitId: a.id, dueAt: q1.dueAt }))!;
    const idb = (await repos.assignments.ensure({ occurrenceId: q1.id, unitId: b.id, dueAt: q1.dueAt }))!;
    // A reports on Monday 16/03 at 10:00: late against Sunday, in time against Monday.
    const monday = new Date("2026-03-16T03:00:00Z");
    await repos.reports.create(
      {
        assignmentId: ida,
        unitId: a.id,
        authorChannel: "telegram",
        authorUserId: "7",
        authorName: "Lan",
        text: "12 pa nô",
        values: { pano: 12 },
        references: [],
        unclear: [],
        late: true,
        sourceChatId: "-1",
        sourceMessageId: "50",
        mediaGroupId: null,
        createdAt: monday,
      },
      { status: "late", at: monday },
    );
    await repos.assignments.moveOccurrenceDue(q1.id, new Date("2026-03-16T16:59:00Z"), "2026-03-15");
    expect(await repos.assignments.findView(ida)).toMatchObject({
      status: "submitted",
      dueAt: new Date("2026-03-16T16:59:00Z"),
      occurrence: { statedDate: "2026-03-15" },
    });
    expect((await repos.reports.findForAssignment(ida))?.late).toBe(false);
    expect((await repos.assignments.listOpen()).filter((v) => v.occurrenceId === q1.id).map((v) => v.id)).toEqual([
      idb,
    ]);

    // Closed: out of listOpen and listOpenForUnit, still in the rollup's reads.
    expect(await repos.assignments.closeOccurrences([q1.id], AT, "telegram:111")).toBe(1);
    expect(await repos.assignments.closeOccurrences([q1.id], AT, "telegram:111")).toBe(0);
    expect((await repos.assignments.listOpen()).some((v) => v.occurrenceId === q1.id)).toBe(false);
    expect(await repos.assignments.listOpenForUnit(b.id)).toEqual([]);
    // …and a report sent later still finds the unreported one there (the reported unit's is not listed)
    expect((await repos.assignments.listClosedUnreportedForUnit(b.id)).map((v) => v.id)).toEqual([idb]);
    expect(await repos.assignments.listClosedUnreportedForUnit(a.id)).toEqual([]);
    expect((await repos.assignments.listForOccurrences([q1.id])).map((x) => x.status).sort()).toEqual([
      "open",
      "submitted",
    ]);
    expect(await repos.assignments.findOccurrence(q1.id)).toMatchObject({ closedAt: AT });

    // Outside the plan's units: cancelled; a retired unit's later assignments only.
    const q2 = await repos.assignments.ensureOccurrence({
      taskId: task.id,
      periodKey: "2026-Q2",
      label: "Quý II/2026",
      dueAt: new Date("2026-06-15T16:59:00Z"),
    });
    await repos.assignments.ensure({ occurrenceId: q2.id, unitId: a.id, dueAt: q2.dueAt });
    await repos.assignments.ensure({ occurrenceId: q2.id, unitId: b.id, dueAt: q2.dueAt });
    expect(await repos.assignments.cancelOutside(task.id, [b.id])).toBe(1);
    await repos.units.retire(b.id, new Date("2026-04-01T00:00:00Z"), "Sáp nhập");
    expect(await repos.assignments.cancelForUnit(b.id, { dueAfter: new Date("2026-03-31T16:59:00Z") })).toBe(1);
    expect(await repos.units.findById(b.id)).toMatchObject({
      active: false,
      retiredAt: new Date("2026-04-01T00:00:00Z"),
      retiredNote: "Sáp nhập",
    });
    expect(await (await create(db)).units.findById(b.id)).toMatchObject({ active: false, retiredNote: "Sáp nhập" });
    expect((await repos.units.list()).map((u) => u.code)).not.toContain("X_B");
    // Brought back only by /donvi_them (an update to active).
    expect(await repos.units.update(b.id, { active: true })).toMatchObject({
      active: true,
      retiredAt: null,
      retiredNote: "",
    });
  });

  it("rollup mentions: each unit and kind recorded once, listed by period, in batches", async () => {
    const overdue = (occurrenceId: number, unitId: number) => ({ occurrenceId, unitId, kind: "overdue" as const });
    await repos.rollupMentions.record(
      [overdue(9001, 1), overdue(9001, 2), { occurrenceId: 9002, unitId: 1, kind: "closed" }],
      AT,
    );
    await repos.rollupMentions.record([overdue(9001, 1)], AT);
    const byUnit = (a: { unitId: number; kind: string }, b: { unitId: number; kind: string }) =>
      a.unitId - b.unitId || a.kind.localeCompare(b.kind);
    expect((await repos.rollupMentions.list([9001])).sort(byUnit)).toEqual([overdue(9001, 1), overdue(9001, 2)]);
    expect(await repos.rollupMentions.list([9001, 9002])).toHaveLength(3);
    expect(await repos.rollupMentions.list([])).toEqual([]);
    // More than one batch of 100 at once.
    await repos.rollupMentions.record(
      Array.from({ length: 250 }, (_, i) => overdue(9003, i + 1)),
      AT,
    );
    expect(await repos.rollupMentions.list([9003])).toHaveLength(250);
  });

  it("long lists come whole and in order (the app's layer reads them in pages of 1,000)", async () => {
    const { task } = await repos.tasks.upsert({
      planId: null,
      code: "NV_PAGES",
      title: "Báo cáo dài",
      targets: ["trang"],
      schedule: { kind: "once", dueDate: "2021-03-15" },
      reminder: null,
      deadlineText: "15/03/2021",
      createdBy: "t",
      indicators: [],
    });
    const occurrence = await repos.assignments.ensureOccurrence({
      taskId: task.id,
      periodKey: "once",
      label: "",
      dueAt: new Date("2021-03-15T16:59:59Z"),
    });
    const count = 1_100;
    const chatsBefore = (await repos.chats.listActiveUnitChats()).length;
    for (let i = 0; i < count; i++) {
      const unit = await repos.units.create({ code: `TRANG_${i}`, name: `Trang ${i}`, kind: "xa", tags: ["trang"] });
      const assignmentId = (await repos.assignments.ensure({
        occurrenceId: occurrence.id,
        unitId: unit.id,
        dueAt: occurrence.dueAt,
      }))!;
      await repos.chats.bind({
        channel: "telegram",
        chatId: String(-70_000 - i),
        chatType: "group",
        role: "unit",
        unitId: unit.id,
      });
      // Two reports share each second (the 1,000th and the 1,001st too): the order falls back to the id.
      await repos.reports.create(
        {
          assignmentId,
          unitId: unit.id,
          authorChannel: "telegram",
          authorUserId: "7",
          authorName: "Lan",
          text: `${i} pa nô`,
          values: {},
          references: [],
          unclear: [],
          late: false,
          sourceChatId: String(-70_000 - i),
          sourceMessageId: "1",
          mediaGroupId: null,
          createdAt: new Date(AT.getTime() + Math.floor((i + 1) / 2) * 1_000),
        },
        { status: "submitted", at: AT },
      );
    }
    const assignments = await repos.assignments.listForOccurrences([occurrence.id]);
    expect(assignments).toHaveLength(count);
    expect(assignments.map((a) => a.id)).toEqual([...assignments.map((a) => a.id)].sort((x, y) => x - y));
    const reports = await repos.reports.listForOccurrences([occurrence.id]);
    expect(reports.map((r) => r.text)).toEqual(Array.from({ length: count }, (_, i) => `${i} pa nô`));
    expect((await repos.chats.listActiveUnitChats()).length - chatsBefore).toBe(count);
  }, 120_000);
});
