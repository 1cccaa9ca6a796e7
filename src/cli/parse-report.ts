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
import { parsePlanFile } from "../core/plans/plan-file.js";
import { parseReport } from "../core/reports/report-parser.js";
import { setupCli } from "./setup.js";

const { t } = setupCli();
const USAGE = t("cli:usage", { usage: "npm run -s parse-report -- --plan FILE --task CODE < messages.txt" });

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const { values: args } = parseArgs({ options: { plan: { type: "string" }, task: { type: "string" } } });
if (!args.plan || !args.task) fail(t("cli:parse_report_missing"));
let text: string;
try {
  text = readFileSync(args.plan, "utf8");
} catch {
  fail(t("cli:cannot_read", { file: args.plan }));
}
const parsed = parsePlanFile(text, t);
if (!parsed.ok) fail(parsed.errors.join("\n"));
const code = normaliseCode(args.task);
const task = parsed.file.tasks.find((x) => x.code === code);
if (!task) fail(t("cli:parse_report_no_task", { task: args.task, codes: parsed.file.tasks.map((x) => x.code).join(", ") }));

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  const result = parseReport(line, task.indicators);
  process.stdout.write(`${JSON.stringify({ values: result.values, references: result.references, unclear: result.unclear })}\n`);
}
