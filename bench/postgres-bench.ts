/**
 * The same bot on SQLite and on PostgreSQL: inbound reports through the durable inbox (stored,
 * handled by the core, answered on a fake Bot API on 127.0.0.1, marked done), 20 units' groups,
 * each unit's first report then revisions. Per database: reports/s, database time and statements
 * per report (the inbox's own included). PostgreSQL from BENCH_POSTGRES_URL or TEST_POSTGRES_URL
 * (a throwaway database made and dropped there); without one its rows are skipped with a note.
 */
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import type { Incoming } from "../src/core/types.js";
import { connectionOf, postgresOf } from "../src/db/database.js";
import { ADMIN, startHarness } from "../test/support/harness.js";
import type { BenchRow } from "./fanout-bench.js";

const UNITS = 20;
const REPORTS_PER_UNIT = 10;

async function run(kind: "sqlite" | "postgresql", url: string): Promise<BenchRow[]> {
  const h = await startHarness({ now: "2021-03-10T01:00:00Z", env: { DATABASE_URL: url } });
  try {
    const admin = { id: ADMIN.id, type: "private" as const };
    await h.say(ADMIN, admin, "", {
      caption: "/nhapkehoach",
      document: { data: readFileSync("plans/thach-thanh-cchc-2021.yaml"), file_name: "p.yaml", mime_type: "text/yaml" },
    });
    const units = (await h.app.db.unit.findMany({ where: { kind: "xa" }, orderBy: { id: "asc" }, take: UNITS })).map(
      (u) => ({ ...u, chat: -5000 - u.id, officer: 5000 + u.id }),
    );
    for (const u of units) {
      const [invite] = await h.say(ADMIN, admin, `/moi ${u.code}`);
      const code = /: ([2-9A-Z]{8})\n/.exec(invite)![1];
      await h.say(
        { id: u.officer, first_name: "Cán bộ" },
        { id: u.chat, type: "supergroup", title: u.name },
        `/dangky ${code}`,
      );
      // Only the quarterly report stays open, so every report goes to it without a question.
      for (const a of await h.app.repos.assignments.listOpenForUnit(u.id))
        if (a.task.code !== "BC_QUY_CCHC" || a.occurrence.periodKey !== "2021-Q1")
          await h.app.repos.assignments.setStatus(a.id, "excused");
    }
    const counter = kind === "postgresql" ? postgresOf(h.app.db)! : connectionOf(h.app.db);
    const dbMs = () => ("dbMs" in counter ? counter.dbMs : counter.sqliteMs);
    const [statements0, ms0] = [counter.statements, dbMs()];
    const t0 = performance.now();
    let messageId = 100_000;
    for (let round = 0; round < REPORTS_PER_UNIT; round++)
      for (const u of units) {
        const incoming: Incoming = {
          channel: "telegram",
          chatId: String(u.chat),
          chatType: "supergroup",
          chatTitle: u.name,
          userId: String(u.officer),
          userName: "Cán bộ",
          messageId: String(++messageId),
          text: `${u.name} báo cáo: đã treo ${12 + round} pa nô, ${3 + round} tin bài`,
          files: [],
          date: h.clock.now(),
        };
        await h.app.inbox.accept(incoming);
      }
    await h.app.inbox.drain();
    const seconds = (performance.now() - t0) / 1000;
    const reports = UNITS * REPORTS_PER_UNIT;
    const stored = await h.app.db.reportRevision.count();
    if (stored !== reports) throw new Error(`${kind}: ${stored} report revisions stored, ${reports} sent`);
    const label = kind === "postgresql" ? "PostgreSQL" : "SQLite";
    return [
      {
        name: `db ${label}: inbound reports (inbox → core → reply), ${UNITS} groups`,
        value: Math.round(reports / seconds),
        unit: "reports/s",
      },
      {
        name: `db ${label}: database time per report`,
        value: Number(((dbMs() - ms0) / reports).toFixed(2)),
        unit: "ms",
      },
      {
        name: `db ${label}: statements per report (inbox's included)`,
        value: Number(((counter.statements - statements0) / reports).toFixed(1)),
        unit: "count",
      },
    ];
  } finally {
    await h.close();
  }
}

export async function benchPostgres(): Promise<BenchRow[]> {
  // The test suite's helper finds the server; the bench's own variable first.
  if (process.env.BENCH_POSTGRES_URL) process.env.TEST_POSTGRES_URL = process.env.BENCH_POSTGRES_URL;
  const { databases } = await import("../test/support/databases.js");
  const rows: BenchRow[] = [];
  for (const database of databases) {
    if (database.skip) {
      console.log(`bench: PostgreSQL rows skipped: ${database.title} (set BENCH_POSTGRES_URL or TEST_POSTGRES_URL)`);
      continue;
    }
    const made = await database.create(tmpdir());
    try {
      rows.push(...(await run(database.kind, made.url)));
    } finally {
      await made.drop();
    }
  }
  return rows;
}
