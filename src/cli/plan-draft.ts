/**
 * Drafts a plan file from a plan document, without importing anything:
 *   npm run -s plan:draft -- ke-hoach.docx [--units plans/thach-thanh-cchc-2021.yaml] [--out du-thao.yaml]
 * The draft's review (summary, each task with its source sentence) goes to stderr and the YAML to
 * stdout, or the YAML to --out and the review to stdout. Units and indicators come from --units (a
 * plan file), else from the configured database when it exists. With --score DIR, scores the
 * drafts of DIR/NAME.txt against DIR/NAME.expected.yaml (see test/fixtures/plan-drafts).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { localDateOf } from "../core/calendar/time.js";
import { draftPlan } from "../core/plans/plan-draft/draft-plan.js";
import { type ExpectedDraft, scoreDraft } from "../core/plans/plan-draft/draft-score.js";
import { draftToYaml } from "../core/plans/plan-draft/draft-yaml.js";
import { reviewSummary, reviewTask } from "../core/plans/plan-draft/review.js";
import type { DraftContext } from "../core/plans/plan-draft/types.js";
import { parsePlanFile } from "../core/plans/plan-file.js";
import { SAMPLE_INDICATORS } from "../core/plans/sample-indicators.js";
import type { IndicatorDef } from "../core/types.js";
import { documentText } from "../documents/document-text.js";
import { setupCli } from "./setup.js";

const cli = setupCli({
  script: "plan:draft",
  synopsis: "FILE [--units FILE.yaml] [--out FILE.yaml] | --score DIR",
  help: "plandraft:cli_help",
  options: { out: { type: "string" }, units: { type: "string" }, score: { type: "string" } },
  allowPositionals: true,
});
const { config, t, values, positionals } = cli;
/** Declared, not destructured: TypeScript narrows only after a declared `never` call. */
function fail(message: string): never {
  return cli.fail(message);
}
const today = localDateOf(new Date(), config.timezone);

/** The bot's units and indicators: from a plan file, else from the configured database if it exists. */
async function knownContext(): Promise<DraftContext> {
  if (values.units) {
    let text = "";
    try {
      text = readFileSync(values.units, "utf8");
    } catch {
      fail(t("plandraft:cli_cannot_read", { file: values.units }));
    }
    const parsed = parsePlanFile(text, t);
    if (!parsed.ok)
      fail(
        `${t("plandraft:cli_units_invalid", { file: values.units })}\n${parsed.errors.map((e) => `  ${e}`).join("\n")}`,
      );
    const indicators = new Map<string, IndicatorDef>();
    for (const task of parsed.file.tasks) for (const i of task.indicators) indicators.set(i.code, i);
    return {
      units: parsed.file.units,
      indicators: [...indicators.values()],
      groupLabels: Object.fromEntries(parsed.file.plan.unitGroups.map((g) => [g.tag, g.label])),
      today,
    };
  }
  const dbFile = config.databaseUrl.startsWith("file:") ? config.databaseUrl.slice(5) : undefined;
  if (!dbFile || !existsSync(dbFile)) return { units: [], indicators: [], today };
  const { openDatabase } = await import("../db/database.js");
  const { createPrismaRepositories } = await import("../db/repositories.js");
  const db = await openDatabase(config.databaseUrl);
  try {
    const repos = createPrismaRepositories(db);
    const units = (await repos.units.list()).map((u) => ({ code: u.code, name: u.name, kind: u.kind, tags: u.tags }));
    const indicators = new Map<string, IndicatorDef>();
    for (const task of await repos.tasks.listActive())
      for (const i of task.indicators) if (!indicators.has(i.code)) indicators.set(i.code, i);
    const groupLabels: Record<string, string> = {};
    for (const plan of await repos.plans.list()) for (const g of plan.unitGroups) groupLabels[g.tag] ??= g.label;
    return { units, indicators: [...indicators.values()], groupLabels, today };
  } finally {
    await db.$disconnect();
  }
}

async function score(dir: string): Promise<void> {
  let files: string[] = [];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith(".txt") && existsSync(path.join(dir, f.replace(/\.txt$/, ".expected.yaml"))))
      .sort();
  } catch {
    fail(t("plandraft:cli_cannot_read", { file: dir }));
  }
  const total = {
    files: files.length,
    expected: 0,
    matched: 0,
    extra: 0,
    deadline: 0,
    cycle: 0,
    targets: 0,
    indicators: 0,
  };
  for (const file of files) {
    const expected = parse(
      readFileSync(path.join(dir, file.replace(/\.txt$/, ".expected.yaml")), "utf8"),
    ) as ExpectedDraft;
    const units = expected.known_units ?? parse(readFileSync(expected.known_units_from!, "utf8")).units;
    const result = draftPlan(readFileSync(path.join(dir, file), "utf8"), {
      units,
      indicators: SAMPLE_INDICATORS,
      today,
    });
    if (!result.draft) {
      console.log(`${file}: ${result.ok ? "" : result.error}`);
      total.expected += expected.tasks.length;
      continue;
    }
    const s = scoreDraft(result.draft, expected);
    const yesNo = (b: boolean) => t(b ? "plandraft:yes" : "plandraft:no");
    console.log(
      t("plandraft:cli_score_file", {
        file,
        ...s.tasks,
        extra: s.extra.length,
        ...s.fields,
        header: s.header.matched,
        headerTotal: s.header.total,
        lead: yesNo(s.lead),
        unmatched: yesNo(s.unmatched.matched),
      }),
    );
    for (const c of s.comparisons.filter((x) => x.differences.length))
      console.log(`  ${c.expected.title}: ${c.differences.join("; ")}`);
    for (const x of s.extra) console.log(`  + ${x.title.value}`);
    total.expected += s.tasks.expected;
    total.matched += s.tasks.matched;
    total.extra += s.extra.length;
    for (const k of ["deadline", "cycle", "targets", "indicators"] as const) total[k] += s.fields[k];
  }
  console.log(t("plandraft:cli_score_total", total));
}

if (values.score) {
  if (positionals.length) fail(t("plandraft:cli_one_file"));
  await score(values.score);
} else {
  if (positionals.length !== 1) fail(t("plandraft:cli_one_file"));
  const file = positionals[0];
  let bytes: Uint8Array = new Uint8Array();
  try {
    bytes = readFileSync(file);
  } catch {
    fail(t("plandraft:cli_cannot_read", { file }));
  }
  const name = path.basename(file);
  const read = await documentText(bytes);
  if (!read.ok) {
    console.error(t(`plandraft:error_${read.error}`, { name, max: 4 }));
    process.exit(1);
  }
  const result = draftPlan(read.text, await knownContext());
  if (!result.ok) {
    console.error(t(result.error === "empty" ? "plandraft:error_empty" : "plandraft:error_no_tasks", { name }));
    process.exit(1);
  }
  const review = [
    reviewSummary(result.draft, t),
    ...result.draft.tasks.map((_, i) => reviewTask(result.draft, i, t)),
  ].join("\n\n");
  const yaml = draftToYaml(result.draft, t, { fileName: name });
  if (values.out) {
    writeFileSync(values.out, yaml);
    console.log(`${review}\n\n${t("plandraft:cli_written", { file: values.out })}`);
  } else {
    console.error(review);
    process.stdout.write(yaml);
  }
}
