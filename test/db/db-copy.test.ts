import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/database.js";
import { copyDatabase, modelsInDependencyOrder } from "../../src/db/db-copy.js";
import { createPostgresDatabase, postgresSkipReason, postgresTitle } from "../support/databases.js";
import { ADMIN, startHarness } from "../support/harness.js";

describe("db:copy's table order (no server needed)", () => {
  it("lists every model of the schema, each after the models it refers to", () => {
    const order = modelsInDependencyOrder();
    const schema = readFileSync("prisma/schema.prisma", "utf8");
    expect([...order].sort()).toEqual([...schema.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]).sort());
    const precedes = (a: string, b: string) => order.indexOf(a) < order.indexOf(b);
    expect(precedes("Unit", "Assignment")).toBe(true);
    expect(precedes("Occurrence", "Assignment")).toBe(true);
    expect(precedes("Assignment", "Report")).toBe(true);
    expect(precedes("Report", "ReportRevision")).toBe(true);
    expect(precedes("Report", "Attachment")).toBe(true);
    expect(precedes("Plan", "PlanUnit")).toBe(true);
  });
});

/** Runs the CLI as `npm run db:copy` does. */
function copy(args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/db-copy.ts", ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", DATA_DIR: path.join(tmpdir(), "don-doc-db-copy-cli") },
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe.skipIf(!!postgresSkipReason)(`npm run db:copy, SQLite → ${postgresTitle}`, () => {
  const dir = mkdtempSync(path.join(tmpdir(), "don-doc-db-copy-"));
  const sqliteUrl = `file:${path.join(dir, "don-doc.db")}`;
  let target: { url: string; drop(): Promise<void> };
  let counts: Record<string, number>;

  beforeAll(async () => {
    // A real bot's data: a plan imported, a unit registered, a report with its revision, outbox rows.
    const h = await startHarness({ now: "2021-03-10T01:00:00Z", env: { DATABASE_URL: sqliteUrl } });
    const admin = { id: ADMIN.id, type: "private" as const };
    const group = { id: -9001, type: "supergroup" as const, title: "Xã Thạch Bình" };
    const lan = { id: 901, first_name: "Lan" };
    await h.say(ADMIN, admin, "", {
      caption: "/nhapkehoach",
      document: { data: readFileSync("plans/thach-thanh-cchc-2021.yaml"), file_name: "p.yaml", mime_type: "text/yaml" },
    });
    const [invite] = await h.say(ADMIN, admin, "/moi XA_THACH_BINH");
    await h.say(lan, group, `/dangky ${/: ([2-9A-Z]{8})\n/.exec(invite)![1]}`);
    await h.say(lan, group, "Xã Thạch Bình báo cáo: đã treo 12 pa nô, 3 tin bài");
    await h.close();
    const db = await openDatabase(sqliteUrl);
    counts = {};
    for (const model of modelsInDependencyOrder())
      counts[model] = await (db as unknown as Record<string, { count(): Promise<number> }>)[
        model[0].toLowerCase() + model.slice(1)
      ].count();
    await db.$disconnect();
    target = await createPostgresDatabase();
  }, 120_000);

  afterAll(async () => {
    await target?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("copies every table with its ids, prints the counts, moves the sequences on, and the bot runs on the copy", async () => {
    expect(counts.Unit).toBeGreaterThan(10);
    expect(counts.Report).toBe(1);
    expect(counts.OutboxMessage).toBeGreaterThan(0);
    const r = copy(["--from", sqliteUrl, "--to", target.url]);
    expect(r.code, r.err).toBe(0);
    for (const [table, rows] of Object.entries(counts)) expect(r.out).toContain(`  ${table}: ${rows} dòng`);
    expect(r.out).toContain("số dòng từng bảng ở đích khớp với nguồn");
    // The password is not printed.
    expect(r.out).not.toContain(":dondoc@");

    const [from, to] = [await openDatabase(sqliteUrl), await openDatabase(target.url)];
    try {
      const pick = { orderBy: { id: "asc" as const } };
      expect(await to.unit.findMany(pick)).toEqual(await from.unit.findMany(pick));
      expect(await to.report.findMany(pick)).toEqual(await from.report.findMany(pick));
      expect(await to.assignment.findMany(pick)).toEqual(await from.assignment.findMany(pick));
      expect(await to.outboxMessage.findMany(pick)).toEqual(await from.outboxMessage.findMany(pick));
      // A new row gets the id after the copied ones, not 1.
      const unit = await to.unit.create({ data: { code: "XA_MOI", name: "Xã Mới" } });
      expect(unit.id).toBe(counts.Unit + 1);
    } finally {
      await from.$disconnect();
      await to.$disconnect();
    }
  }, 120_000);

  it("refuses a target that has rows (exit 1, nothing written); --force empties it and copies again", () => {
    const refused = copy(["--from", sqliteUrl, "--to", target.url]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("Cơ sở dữ liệu đích đã có dữ liệu");
    expect(refused.err).toContain(`Unit (${counts.Unit + 1})`);
    const forced = copy(["--from", sqliteUrl, "--to", target.url, "--force"]);
    expect(forced.code, forced.err).toBe(0);
    expect(forced.out).toContain(`  Unit: ${counts.Unit} dòng`);
  }, 120_000);

  it("pages through tables larger than a batch, and copies back to SQLite", async () => {
    const second = await createPostgresDatabase();
    const back = `file:${path.join(dir, "back.db")}`;
    try {
      const there = await copyDatabase({ from: sqliteUrl, to: second.url, batch: 7 });
      expect(there.ok).toBe(true);
      expect(there.tables.find((t) => t.table === "Unit")).toEqual({
        table: "Unit",
        source: counts.Unit,
        target: counts.Unit,
      });
      const home = await copyDatabase({ from: second.url, to: back, batch: 5 });
      expect(home.ok).toBe(true);
      const [a, b] = [await openDatabase(sqliteUrl), await openDatabase(back)];
      try {
        expect(await b.assignment.findMany({ orderBy: { id: "asc" } })).toEqual(
          await a.assignment.findMany({ orderBy: { id: "asc" } }),
        );
      } finally {
        await a.$disconnect();
        await b.$disconnect();
      }
    } finally {
      await second.drop();
    }
  }, 120_000);

  it("bad arguments: usage and exit 2", () => {
    const missing = copy(["--from", sqliteUrl]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("Cần cả --from và --to");
    const bad = copy(["--from", sqliteUrl, "--to", "mysql://x/y"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("mysql://x/y");
  });
});
