import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BenchRow } from "./fanout-bench.js";

interface StartTimes {
  urlMs: number;
  readyMs: number;
}

/** `npm start` with nothing configured, once: time until the URL is printed and until the sample answers. */
async function startOnce(dataDir: string): Promise<StartTimes> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir, SANDBOX_PORT: "0", LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    let out = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on("data", (d: Buffer) => {
        out += d.toString("utf8");
        const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.once("exit", () => reject(new Error(`npm start exited before printing a URL:\n${out}`)));
    });
    const urlMs = performance.now() - t0;
    // /api/state answers once the sample plan, people and chats are in place.
    const state = await fetch(`${url}api/state`);
    if (!state.ok) throw new Error(`sandbox state: HTTP ${state.status}`);
    return { urlMs, readyMs: performance.now() - t0 };
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
  }
}

/**
 * The embedded default's start-up (target: a URL within 10 s on a fresh clone): a first start on
 * an empty DATA_DIR (imports the sample) and a restart on the same one. dist/ is built beforehand,
 * as `npm ci` does, so compiling is not counted.
 */
export async function benchSandboxStart(): Promise<BenchRow[]> {
  spawnSync(
    process.execPath,
    ["-e", "const m = await import('./scripts/build.mjs'); if (m.buildIsStale()) m.build();", "--input-type=module"],
    { stdio: "inherit" },
  );
  const dataDir = mkdtempSync(path.join(tmpdir(), "don-doc-bench-sandbox-"));
  try {
    const first = await startOnce(dataDir);
    const again = await startOnce(dataDir);
    return [
      { name: "sandbox: npm start → URL printed (empty DATA_DIR)", value: Math.round(first.urlMs), unit: "ms" },
      { name: "sandbox: npm start → sample ready (plan, people, chats)", value: Math.round(first.readyMs), unit: "ms" },
      { name: "sandbox: restart → URL printed", value: Math.round(again.urlMs), unit: "ms" },
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
