/**
 * Reads one report message per line on stdin and prints what the parser understood, one JSON
 * object per line:
 *   npm run -s parse-report -- --plan plans/thach-thanh-cchc-2021.yaml --task BC_QUY_CCHC < messages.txt
 *   {"values":{"pano":12,"ap_phich":3},"references":[{"number":"15/KH-UBND","date":"2021-02-05"}],"unclear":[]}
 */
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { normaliseCode } from "../core/args.js";
import { parsePlanFile } from "../core/plan-file.js";
import { parseReport } from "../core/report-parser.js";

const USAGE = "Cách dùng / usage: npm run -s parse-report -- --plan FILE --task CODE < messages.txt";

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const { values: args } = parseArgs({ options: { plan: { type: "string" }, task: { type: "string" } } });
if (!args.plan || !args.task) fail("Thiếu --plan hoặc --task / missing --plan or --task");
let text: string;
try {
  text = readFileSync(args.plan, "utf8");
} catch {
  fail(`Không đọc được tệp / cannot read: ${args.plan}`);
}
const parsed = parsePlanFile(text);
if (!parsed.ok) fail(parsed.errors.join("\n"));
const code = normaliseCode(args.task);
const task = parsed.file.tasks.find((t) => t.code === code);
if (!task) fail(`Không có nhiệm vụ ${args.task}; có: ${parsed.file.tasks.map((t) => t.code).join(", ")}`);

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  const result = parseReport(line, task.indicators);
  process.stdout.write(`${JSON.stringify({ values: result.values, references: result.references, unclear: result.unclear })}\n`);
}
