import { tmpdir } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionOf, type Db, postgresOf } from "../../src/db/database.js";
import { databases } from "../support/databases.js";
import { type Harness, seedThachBinhOfficer, startHarness } from "../support/harness.js";

const group = { id: -7001, type: "supergroup" as const, title: "Xã Thạch Bình" };
const lan = { id: 701, first_name: "Lan" };

/** The statement counter of either database (data statements, not BEGIN/COMMIT). */
const counterOf = (db: Db): { readonly statements: number; log?: string[] } => postgresOf(db) ?? connectionOf(db);

/** Most SQL statements a report (or a revision) may cost on each database. */
const BUDGET = { sqlite: 6, postgresql: 4 };

describe.each(databases)("the report hot path ($title)", ({ kind, skip, create }) => {
  let h: Harness;
  let drop: () => Promise<void> = async () => {};

  /**
   * Statements run while the core handles one message sent by Lan in the unit's group, without the
   * durable inbox's own bookkeeping of the message (InboxMessage rows: issue 13's delivery guarantee).
   */
  async function statementsFor(text: string): Promise<{ count: number; sql: string[]; replies: string[] }> {
    const connection = counterOf(h.app.db);
    const counts: number[] = [];
    const handle = h.app.core.handle.bind(h.app.core);
    h.app.core.handle = async (incoming, options) => {
      connection.log = [];
      const before = connection.statements;
      const outcome = await handle(incoming, options);
      counts.push(connection.statements - before);
      return outcome;
    };
    try {
      const replies = await h.say(lan, group, text);
      const inbox = (connection.log ?? []).filter((sql) => sql.includes("InboxMessage")).length;
      return {
        count: counts[0] - inbox,
        sql: (connection.log ?? []).filter((sql) => !sql.includes("InboxMessage")),
        replies,
      };
    } finally {
      h.app.core.handle = handle;
      connection.log = undefined;
    }
  }

  beforeAll(async () => {
    if (skip) return;
    const database = await create(tmpdir());
    drop = database.drop;
    h = await startHarness({ now: "2021-03-10T01:00:00Z", env: { DATABASE_URL: database.url } });
    await seedThachBinhOfficer(h, lan, group);
    // Any earlier message of Lan's in this group has read her person, the chat and her conversation state.
    await h.say(lan, group, "/nhiemvu");
    await h.app.repos.conversations.get("telegram", String(group.id), String(lan.id), h.clock.now());
  }, 60_000);

  afterAll(async () => {
    await h?.close();
    await drop();
  });

  it.skipIf(skip)(`a report costs at most ${BUDGET[kind]} SQL statements, and so does a revision`, async () => {
    const first = await statementsFor("Xã Thạch Bình báo cáo: đã treo 12 pa nô, 3 tin bài");
    expect(first.replies.join("\n")).toContain("Đã ghi nhận");
    expect(first.count, first.sql.join("\n")).toBeLessThanOrEqual(BUDGET[kind]);
    console.log(`${kind}: ${first.count} statements for a report`);
    const revision = await statementsFor("bao cao: pa no 15");
    expect(revision.replies.join("\n")).toMatch(/cập nhật|Đã ghi nhận/);
    // The task is submitted, so the revision finds it through the unit's latest report (read once,
    // under the unit's lock); one read gives the files sent just before and those the report has.
    expect(revision.count, revision.sql.join("\n")).toBeLessThanOrEqual(BUDGET[kind]);
    console.log(`${kind}: ${revision.count} statements for a revision`);
    for (const sql of [...first.sql, ...revision.sql]) expect(sql).not.toMatch(/IN \(NULL\)/i);
  });
});
