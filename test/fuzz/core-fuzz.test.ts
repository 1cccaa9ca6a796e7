/**
 * Fuzz test of the channel-neutral core: at least 10,000 random and hostile messages (Unicode of
 * every plane, RTL and zero-width marks, combining stacks, 10,000+ character texts, control
 * characters, command garbage, huge and negative numbers, realistic reports, replies to random
 * messages, files of every size and kind, albums, several chats at once) through createBotCore +
 * createFeatures with a temp SQLite database, the real file store and translations, a manual
 * clock and a recording messenger. The engine is test/support/core-fuzz-engine.ts.
 *
 * The messages run in SHARDS processes at once (2, one per core; 0 = in this process), shard i
 * with seed SEED + i. Every shard is deterministic for its seed: to rerun a failure, set SEED to
 * the failing shard's seed, SHARDS to 0 and MESSAGES to that shard's count below.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type FuzzOptions,
  type FuzzReport,
  PROBLEM_KINDS,
  runCoreFuzz,
  summarizeProblems,
} from "../support/core-fuzz-engine.js";

const SEED = 20210310;
const MESSAGES = 10_000;
const SHARDS = 2;
const ENGINE = fileURLToPath(new URL("../support/core-fuzz-engine.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Runs one shard in its own Node process, so two shards use two cores. */
function runShard(options: FuzzOptions): Promise<FuzzReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ENGINE, JSON.stringify(options)], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("FUZZ_REPORT "));
      if (code === 0 && line) resolve(JSON.parse(line.slice("FUZZ_REPORT ".length)) as FuzzReport);
      else
        reject(
          new Error(`fuzz shard (seed ${options.seed}) exited ${code}:\n${err.slice(-4000)}\n${out.slice(-2000)}`),
        );
    });
  });
}

const seeds = SHARDS > 0 ? Array.from({ length: SHARDS }, (_, i) => SEED + i) : [SEED];
const perShard = Math.ceil(MESSAGES / seeds.length);

describe(`core fuzz: ${MESSAGES} messages, seed${seeds.length > 1 ? "s" : ""} ${seeds.join(", ")}`, () => {
  let reports: FuzzReport[] = [];
  const problems = (kinds: string[]) =>
    reports
      .map((r) =>
        r.problems.some((p) => kinds.includes(p.kind))
          ? `seed ${r.seed}:\n${summarizeProblems(r.problems, kinds)}`
          : "",
      )
      .filter(Boolean)
      .join("\n");

  beforeAll(async () => {
    reports =
      SHARDS > 0
        ? await Promise.all(seeds.map((seed) => runShard({ seed, messages: perShard })))
        : [await runCoreFuzz({ seed: SEED, messages: MESSAGES })];
    for (const r of reports) {
      console.log(
        `fuzz seed ${r.seed}: ${r.handled} messages in ${(r.runtimeMs / 1000).toFixed(1)} s; ${r.sends} sends, ${r.downloads} downloads, ${r.warnings} warnings; ` +
          `expensive ${JSON.stringify(r.expensive)}; ${JSON.stringify(r.counts)}; ${r.problems.length} problems, ${r.dbIssues.length} database issues`,
      );
    }
  }, 900_000);

  it("handles every message and reaches reports, files and the audit log", () => {
    expect(reports.reduce((n, r) => n + r.handled, 0)).toBeGreaterThanOrEqual(MESSAGES);
    for (const r of reports) {
      expect(r.counts.reports, `seed ${r.seed}`).toBeGreaterThan(0);
      expect(r.counts.revisions, `seed ${r.seed}`).toBeGreaterThan(r.counts.reports);
      expect(r.counts.attachments, `seed ${r.seed}`).toBeGreaterThan(0);
      expect(r.counts.tasks, `seed ${r.seed}: /giao and /yeucau created tasks`).toBeGreaterThan(3);
      expect(r.invitesSeen, `seed ${r.seed}: /moi gave invite codes`).toBeGreaterThan(0);
      expect(r.counts.lateReports, `seed ${r.seed}: late reports`).toBeGreaterThan(0);
      expect(Object.keys(r.counts.auditActions), `seed ${r.seed}: admin actions`).toEqual(
        expect.arrayContaining(["plan.import", "invite.create", "role.set", "calendar.add", "task.create"]),
      );
    }
  });

  it("handle() never rejects and nothing is left unhandled", () => {
    expect(problems([PROBLEM_KINDS.rejected, PROBLEM_KINDS.unhandled])).toBe("");
  });

  it("logs no error", () => {
    expect(problems([PROBLEM_KINDS.errorLogged])).toBe("");
  });

  it("sends only non-blank, well-formed text within the channel's limit, without internals", () => {
    expect(
      problems([
        PROBLEM_KINDS.overLimit,
        PROBLEM_KINDS.blank,
        PROBLEM_KINDS.stackTrace,
        PROBLEM_KINDS.leak,
        PROBLEM_KINDS.rawKey,
        PROBLEM_KINDS.surrogate,
      ]),
    ).toBe("");
  });

  it("answers every message in a private chat", () => {
    expect(problems([PROBLEM_KINDS.silence])).toBe("");
  });

  it("leaves the database consistent", () => {
    expect(reports.map((r) => r.dbIssues.map((i) => `seed ${r.seed}: ${i}`)).flat()).toEqual([]);
  });

  it("found nothing else", () => {
    const known = new Set<string>(Object.values(PROBLEM_KINDS));
    expect(reports.flatMap((r) => r.problems.filter((p) => !known.has(p.kind)))).toEqual([]);
  });
});
