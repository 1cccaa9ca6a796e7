/**
 * Imports a plan file into the configured database:
 *   npm run plan:import -- plans/thach-thanh-cchc-2021.yaml
 * Idempotent: running it again updates units and tasks and creates nothing twice.
 */
import { readFileSync } from "node:fs";
import { loadConfig, loadDotEnv } from "../config.js";
import { parsePlanFile } from "../core/plan-file.js";
import { importPlan } from "../core/plan-import.js";
import { openDatabase } from "../db/database.js";
import { createPrismaRepositories } from "../db/repositories.js";

const file = process.argv[2];
if (!file) {
  console.error("Cách dùng / usage: npm run plan:import -- FILE.yaml");
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(file, "utf8");
} catch {
  console.error(`Không đọc được tệp / cannot read: ${file}`);
  process.exit(2);
}
const parsed = parsePlanFile(text);
if (!parsed.ok) {
  console.error(`Tệp kế hoạch có lỗi / the plan file has errors:\n${parsed.errors.map((e) => `  ${e}`).join("\n")}`);
  process.exit(1);
}
loadDotEnv();
const config = loadConfig();
const db = await openDatabase(config.databaseUrl);
try {
  const summary = await importPlan({ repos: createPrismaRepositories(db), clock: { now: () => new Date() }, timezone: config.timezone }, "cli", parsed.file);
  console.log(
    `Đã nhập kế hoạch ${summary.plan}: đơn vị +${summary.units.created} mới, ${summary.units.updated} cập nhật; ` +
      `nhiệm vụ +${summary.tasks.created} mới, ${summary.tasks.updated} cập nhật; ${summary.calendarEntries} ngày lịch; ${summary.assignmentsCreated} lượt giao mới.`,
  );
} finally {
  await db.$disconnect();
}
