/**
 * Copies a whole database to another, e.g. an existing SQLite file to a new PostgreSQL database:
 *   npm run db:copy -- --from file:./data/don-doc.db --to postgresql://user:pass@host/db [--force]
 * Every table in dependency order, ids kept, PostgreSQL sequences moved past them; a target with
 * rows is refused unless --force (which empties it first). Prints each table's rows and checks the
 * counts again at the end. Stop the bot first. Exit 0 copied, 1 failed or counts differ, 2 bad arguments.
 */
import { databaseKind } from "../db/database.js";
import { copyDatabase, TargetNotEmptyError } from "../db/db-copy.js";
import { setupCli } from "./setup.js";

const cli = setupCli({
  script: "db:copy",
  synopsis: "--from URL --to URL [--force]",
  help: "cli:help_db_copy",
  options: { from: { type: "string" }, to: { type: "string" }, force: { type: "boolean" } },
});
const { t, values } = cli;
/** Declared, not destructured: TypeScript narrows only after a declared `never` call. */
function fail(message: string): never {
  return cli.fail(message);
}
const { from, to } = values;
if (!from || !to) fail(t("cli:db_copy_needs_urls"));
for (const url of [from, to])
  try {
    databaseKind(url);
  } catch {
    fail(t("cli:db_copy_bad_url", { url }));
  }
if (from === to) fail(t("cli:db_copy_same"));
const hidden = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
console.log(t("cli:db_copy_start", { from: hidden(from), to: hidden(to) }));
try {
  const { tables, ok } = await copyDatabase({
    from,
    to,
    force: values.force,
    onTable: (table, rows) => console.log(t("cli:db_copy_table", { table, rows })),
  });
  for (const row of tables.filter((r) => r.source !== r.target))
    console.error(t("cli:db_copy_mismatch", { table: row.table, source: row.source, target: row.target }));
  if (!ok) process.exit(1);
  console.log(t("cli:db_copy_done", { tables: tables.length, rows: tables.reduce((sum, r) => sum + r.target, 0) }));
} catch (error) {
  if (!(error instanceof TargetNotEmptyError)) throw error;
  console.error(t("cli:db_copy_not_empty", { tables: error.tables.map((r) => `${r.table} (${r.rows})`).join(", ") }));
  process.exit(1);
}
