// Parses every development message run together into 4,000-character blocks (as the parser bench does) and
// prints how many: run in a child process by report-parser-bounded.test.ts, which kills it if it never ends.
import { readdirSync, readFileSync } from "node:fs";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { readCorpus } from "../../src/core/reports/corpus-score.js";
import { parseReport } from "../../src/core/reports/report-parser.js";

const dir = new URL("../fixtures/", import.meta.url);
const texts = readdirSync(dir)
  .filter((f) => f.startsWith("report-corpus") && !f.includes("heldout"))
  .sort()
  .flatMap((f) => readCorpus(readFileSync(new URL(f, dir), "utf8")).map((c) => c.text));
let blocks = 0;
let block = "";
for (const text of texts) {
  block += `${text}\n`;
  if (block.length < 4_000) continue;
  parseReport(block.slice(0, 4_000), SAMPLE_INDICATORS);
  blocks++;
  block = "";
}
console.log(`blocks: ${blocks}`);
