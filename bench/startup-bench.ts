import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startFakeTelegram } from "./fake-telegram-process.js";
import type { BenchRow } from "./fanout-bench.js";

/** A process and all its descendants (Linux /proc). */
function processTree(root: number): Set<number> {
  const parent = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended meanwhile.
    }
  }
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parent) if (tree.has(ppid) && !tree.has(pid)) tree.add(pid), (grew = true);
  }
  return tree;
}

/** Resident memory of a process tree, in MiB. */
function treeRssMiB(tree: Set<number>): number {
  let kb = 0;
  for (const pid of tree) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // Gone.
    }
  }
  return kb / 1024;
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** node's flags in deploy/don-doc.service's ExecStart (the Dockerfile and `npm start` use the same; a test keeps them in step). */
export function productionNodeFlags(): string[] {
  const exec = /^ExecStart=\S+ (.*) dist\/main\.js$/m.exec(readFileSync("deploy/don-doc.service", "utf8"));
  if (!exec) throw new Error("deploy/don-doc.service has no ExecStart=… dist/main.js line");
  return exec[1].split(" ");
}

/**
 * The service's Environment= lines (deploy/don-doc.service) that shape the process, such as
 * MALLOC_ARENA_MAX: the benches' bots run with them.
 * @example spawn(process.execPath, [...productionNodeFlags(), "dist/main.js"], { env: { ...productionEnvironment(), … } })
 */
export function productionEnvironment(): Record<string, string> {
  const unit = readFileSync("deploy/don-doc.service", "utf8");
  return Object.fromEntries([...unit.matchAll(/^Environment=(\w+)=(\S*)$/gm)].map((m) => [m[1]!, m[2]!]));
}

/**
 * The production start (`node <flags> dist/main.js`, as systemd and Docker run it)
 * and `npm start`: time from spawn to the first getUpdates, and the resident memory of the whole
 * process tree once idle (5 s after the first poll). dist/ is built beforehand.
 */
export async function benchStartup(): Promise<BenchRow[]> {
  buildIfStale();
  const fake = await startFakeTelegram("123456:TEST-TOKEN-bench-startup-0000000");
  const rows: BenchRow[] = [];
  try {
    for (const [label, args] of [
      ["node dist/main.js, as systemd runs it", [process.execPath, ...productionNodeFlags(), "dist/main.js"]],
      ["npm start", ["npm", "start", "--silent"]],
    ] as const) {
      const firsts: number[] = [];
      const rss: number[] = [];
      for (let run = 0; run < 3; run++) {
        const dataDir = mkdtempSync(path.join(tmpdir(), "don-doc-bench-start-"));
        const before = (await fake.control<unknown[]>("calls")).length;
        const t0 = performance.now();
        const child = spawn(args[0], args.slice(1), {
          env: {
            PATH: process.env.PATH ?? "",
            ...productionEnvironment(),
            DATA_DIR: dataDir,
            TELEGRAM_BOT_TOKEN: "123456:TEST-TOKEN-bench-startup-0000000",
            TELEGRAM_API_ROOT: fake.url,
            LOG_LEVEL: "silent",
            PORT: "0",
          },
          stdio: ["ignore", "ignore", "inherit"],
        });
        try {
          await until(
            async () =>
              (await fake.control<{ method: string }[]>("calls")).slice(before).some((c) => c.method === "getUpdates")
                ? true
                : undefined,
            30_000,
          );
          firsts.push(performance.now() - t0);
          await new Promise((r) => setTimeout(r, 5_000));
          rss.push(treeRssMiB(processTree(child.pid!)));
        } finally {
          // npm does not pass the signal on: stop every process of the tree.
          for (const pid of processTree(child.pid!)) process.kill(pid, "SIGTERM");
          await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
          rmSync(dataDir, { recursive: true, force: true });
        }
      }
      rows.push(
        ...minMedian(`start (${label}): spawn → first getUpdates`, firsts, "ms"),
        ...minMedian(`start (${label}): idle RSS, whole process tree`, rss, "MiB"),
      );
    }
  } finally {
    fake.stop();
  }
  return rows;
}

/** Builds dist/ (npm run build) when it is missing or older than src/. */
export function buildIfStale(): void {
  const result = spawnSync(
    process.execPath,
    ["--input-type=module", "-e", "const m = await import('./scripts/build.mjs'); if (m.buildIsStale()) m.build();"],
    { stdio: "inherit" },
  );
  if (result.status !== 0) throw new Error("npm run build failed");
}

/** "min / median of n" as two rows. */
export function minMedian(name: string, values: number[], unit: string, digits = 2): BenchRow[] {
  const sorted = [...values].sort((a, b) => a - b);
  const r = (n: number) => Math.round(n * 10 ** digits) / 10 ** digits;
  return [
    { name: `${name} (min of ${values.length})`, value: r(sorted[0]), unit },
    { name: `${name} (median of ${values.length})`, value: r(sorted[Math.floor(sorted.length / 2)]), unit },
  ];
}
