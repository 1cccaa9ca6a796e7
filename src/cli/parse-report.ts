/**
 * Reads one report message per line on stdin and prints what the parser understood, one JSON
 * object per line:
 *   npm run -s parse-report -- --plan plans/thach-thanh-cchc-2021.yaml --task BC_QUY_CCHC < messages.txt
 *   {"values":{"pano":12,"ap_phich":3},"references":[{"number":"15/KH-UBND","date":"2021-02-05"}],"unclear":[]}
 * With --score FILE it reads a report corpus (JSONL, see test/fixtures/) and prints its exact-match
 * score against the sample indicators (or the task's, with --plan and --task); --misses lists the misses:
 *   npm run -s parse-report -- --score test/fixtures/report-corpus-heldout.jsonl
 */
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { normaliseCode } from "../core/args.js";
import { parsePlanFile } from "../core/plans/plan-file.js";
import { SAMPLE_INDICATORS } from "../core/plans/sample-indicators.js";
import { CorpusLineError, readCorpus, scoreCorpus } from "../core/reports/corpus-score.js";
import { parseReport } from "../core/reports/report-parser.js";
import type { IndicatorDef } from "../core/types.js";
import { setupCli } from "./setup.js";

const cli = setupCli({
  script: "parse-report",
  synopsis: "--plan FILE --task CODE < messages.txt | --score CORPUS.jsonl [--misses]",
  help: "cli:help_parse_report",
  options: {
    plan: { type: "string" },
    task: { type: "string" },
    score: { type: "string" },
    misses: { type: "boolean" },
  },
});
const { t, values: args } = cli;
/** Declared, not destructured: TypeScript narrows only after a declared `never` call. */
function fail(message: string): never {
  return cli.fail(message);
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    fail(t("cli:cannot_read", { file }));
  }
}

function taskIndicators(plan: string, taskCode: string): IndicatorDef[] {
  const parsed = parsePlanFile(readText(plan), t);
  if (!parsed.ok) fail(parsed.errors.join("\n"));
  const code = normaliseCode(taskCode);
  const task = parsed.file.tasks.find((x) => x.code === code);
  if (!task)
    fail(t("cli:parse_report_no_task", { task: taskCode, codes: parsed.file.tasks.map((x) => x.code).join(", ") }));
  return task.indicators;
}

if (args.score) {
  let cases: ReturnType<typeof readCorpus>;
  try {
    cases = readCorpus(readText(args.score));
  } catch (error) {
    if (!(error instanceof CorpusLineError)) throw error;
    fail(t(`cli:corpus_${error.reason}`, { file: args.score, line: error.line }));
  }
  const indicators = args.plan && args.task ? taskIndicators(args.plan, args.task) : SAMPLE_INDICATORS;
  const score = scoreCorpus(cases, indicators);
  const percent = score.total ? ((100 * score.exact) / score.total).toFixed(1) : "0.0";
  console.log(t("cli:corpus_score", { file: args.score, exact: score.exact, total: score.total, percent }));
  if (args.misses)
    for (const miss of score.misses) console.log(`${miss.line}\t${miss.text}\t${JSON.stringify(miss.got)}`);
  process.exit(0);
}

if (!args.plan || !args.task) fail(t("cli:parse_report_missing"));
const indicators = taskIndicators(args.plan, args.task);

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  const result = parseReport(line, indicators);
  process.stdout.write(
    `${JSON.stringify({ values: result.values, references: result.references, unclear: result.unclear })}\n`,
  );
}
