import { readFileSync } from "node:fs";
import { SAMPLE_INDICATORS } from "../src/core/plans/sample-indicators.js";
import { readCorpus } from "../src/core/reports/corpus-score.js";
import { parseReport } from "../src/core/reports/report-parser.js";
import { round, type BenchRow } from "./fanout-bench.js";

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * Report parsing over the whole corpus (development and held-out messages), with the indicator
 * list built afresh for every message as the report feature does (open tasks' indicators,
 * flattened): the compiled-indicator cache must still hit. Bounded: `rounds` passes.
 */
export function benchParser(rounds = 20): BenchRow[] {
  const texts = ["report-corpus.jsonl", "report-corpus-heldout.jsonl"].flatMap((name) =>
    readCorpus(readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), "utf8")).map((c) => c.text),
  );
  for (const text of texts) parseReport(text, [...SAMPLE_INDICATORS]); // warm up
  const times: number[] = [];
  const cpu: number[] = [];
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const text of texts) {
      const cpu0 = process.cpuUsage();
      const started = performance.now();
      parseReport(text, SAMPLE_INDICATORS.map((x) => ({ ...x })));
      times.push(performance.now() - started);
      const used = process.cpuUsage(cpu0);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return [
    { name: `parser: messages parsed (${texts.length} corpus messages × ${rounds})`, value: times.length, unit: "messages" },
    { name: "parser: throughput, fresh indicator list per message", value: round(times.length / seconds), unit: "messages/s" },
    { name: "parser: time per message p50", value: round(percentile(times, 50) * 1000), unit: "µs" },
    { name: "parser: time per message p99", value: round(percentile(times, 99) * 1000), unit: "µs" },
    // on a shared machine wall-clock tails are other processes' time slices; CPU time is the parser's
    { name: "parser: CPU time per message p50", value: round(percentile(cpu, 50) * 1000), unit: "µs" },
    { name: "parser: CPU time per message p99", value: round(percentile(cpu, 99) * 1000), unit: "µs" },
  ];
}
