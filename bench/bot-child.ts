import { type ChildProcess, spawn } from "node:child_process";
import { productionEnvironment, productionNodeFlags } from "./startup-bench.js";

/** A bench's bot in its own process (bench/bot-process.mjs or bench/baseline-bot.mjs), asked over IPC. */
export interface BotChild {
  child: ChildProcess;
  /** Sends `{ type }` and waits (bounded) for the answer with the same id. */
  ask<T = unknown>(type: string, extra?: Record<string, unknown>): Promise<T>;
  /** Asks it to stop, waits (bounded), then kills it. */
  stop(): Promise<void>;
}

/**
 * Starts `script` with the service's node flags and environment (deploy/don-doc.service) and `env`
 * only (plus PATH), waits for its "ready" message, and kills it when this process exits.
 * BENCH_CPU_PROF=<dir> adds a V8 CPU profile of it, to see what holds its event loop; BENCH_NODE_FLAGS
 * adds node flags (diagnosis, e.g. --perf-basic-prof).
 * @example const bot = await spawnBot("bench/bot-process.mjs", { DATA_DIR: dir, … }); await bot.ask("stats");
 */
export async function spawnBot(
  script: string,
  env: Record<string, string>,
  readyTimeoutMs = 60_000,
): Promise<BotChild> {
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  // Diagnosis only (e.g. --perf-basic-prof for `perf record`): added to every bot alike.
  profile.push(...(process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? []));
  const child = spawn(process.execPath, [...productionNodeFlags(), ...profile, script], {
    env: {
      PATH: process.env.PATH ?? "",
      ...productionEnvironment(),
      ...env,
      ...(process.env.BENCH_GC_LOG ? { BENCH_GC_LOG: "1" } : {}),
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const kill = () => void (child.exitCode === null && child.kill("SIGKILL"));
  process.once("exit", kill);
  let next = 1;
  const waiting = new Map<number, (body: unknown) => void>();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script}: not ready after ${readyTimeoutMs} ms`)),
      readyTimeoutMs,
    );
    child.on("message", (m: { type?: string; id?: number }) => {
      if (m.type === "ready") {
        clearTimeout(timer);
        resolve();
      } else if (m.id !== undefined) waiting.get(m.id)?.(m);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}`));
    });
  });
  const ask = <T>(type: string, extra: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(() => reject(new Error(`${script}: no answer to ${type}`)), 120_000);
      waiting.set(id, (body) => {
        clearTimeout(timer);
        waiting.delete(id);
        const error = (body as { error?: string }).error;
        if (error) reject(new Error(`${script}: ${type}: ${error}`));
        else resolve(body as T);
      });
      child.send({ type, id, ...extra });
    });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      await ask("stop").catch(() => undefined);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      kill();
    }
    process.off("exit", kill);
  };
  return { child, ask, stop };
}
