/**
 * Rendering off the event loop: the chart, the workbook and the draft report are drawn on a small
 * pool of worker threads (node:worker_threads), so officers' reports are answered while a leader's
 * /xuat or /baocaodocx is being drawn. A worker that cannot start or dies mid-job is replaced, and
 * that job is drawn on the main thread instead (slower for the others, but the leader gets the
 * file); after three failures in a row the pool stops trying workers. Idle workers end after a
 * while, so the memory a render used goes back to the system.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { extname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Logger } from "../core/ports.js";
import type { RollupView, TaskRollup } from "../core/rollups/rollup-types.js";
import type { Translate } from "../core/types.js";
import { type ChartJobOptions, type DocxJobOptions, type RenderJob, runRenderJob } from "./render-jobs.js";

export type { ChartJobOptions, DocxJobOptions } from "./render-jobs.js";

/** Draws the rollup's files; the pool and the inline renderer have the same face. */
export interface Renderer {
  /** The chart PNG of a task occurrence (see chart.ts). */
  chart(task: TaskRollup, options: ChartJobOptions): Promise<Uint8Array>;
  /** The Excel workbook of a view (see xlsx.ts). */
  xlsx(view: RollupView, options: { language: string }): Promise<Uint8Array>;
  /** The draft official report of a view (see docx.ts). */
  docx(view: RollupView, options: DocxJobOptions): Promise<Uint8Array>;
  /** Lets running jobs finish (up to `graceMs`, default the pool's closeTimeoutMs) and ends the workers; later jobs run inline. */
  close(graceMs?: number): Promise<void>;
}

/** What the renderers need to translate: a translate function per language. */
export interface Translations {
  t(language?: string): Translate;
}

function renderer(run: (job: RenderJob) => Promise<Uint8Array>, close: (graceMs?: number) => Promise<void>): Renderer {
  return {
    chart: (task, options) => run({ kind: "chart", task, options }),
    xlsx: (view, options) => run({ kind: "xlsx", view, options }),
    docx: (view, options) => run({ kind: "docx", view, options }),
    close,
  };
}

/**
 * Renders on the calling thread: for the command-line tool, for tests, and as the pool's fallback.
 * @example const png = await createInlineRenderer(translator).chart(task, { language: "vi", timezone });
 */
export function createInlineRenderer(translations: Translations): Renderer {
  return renderer(
    (job) => runRenderJob(job, (language) => translations.t(language)),
    async () => {},
  );
}

export interface RenderPoolOptions {
  translations: Translations;
  logger: Logger;
  /** Worker threads at most (default 1: files are asked for rarely, and each worker has its own heap). */
  size?: number;
  /** A worker idle this long ends, giving its memory back (default 30 s). */
  idleMs?: number;
  /** A job running longer is abandoned and its worker ended (default 120 s). */
  timeoutMs?: number;
  /** How long close() waits for running jobs (default 10 s). */
  closeTimeoutMs?: number;
  /** The worker's script (tests give one that fails); default render-worker.{js,ts} beside this file. */
  workerUrl?: URL;
}

/** What the pool has done, for tests and the bench. */
export interface RenderPoolStats {
  workers: number;
  started: number;
  rendered: number;
  fallbacks: number;
  broken: boolean;
}

interface Job {
  id: number;
  job: RenderJob;
  resolve(data: Uint8Array): void;
  reject(error: Error): void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  current?: Job;
  idle?: NodeJS.Timeout;
  /** Set once the pool itself ended the worker (idle, timeout, close): its exit is no failure. */
  retired: boolean;
}

/** Consecutive worker failures after which the pool renders inline only. */
const MAX_FAILURES = 3;

/**
 * Started from the sources (tsx, vitest) the worker is a .ts file Node cannot load by itself:
 * it registers tsx's loader first. From dist/ it is plain JavaScript with the process's flags.
 */
function startWorker(url: URL): Worker {
  if (extname(fileURLToPath(url)) !== ".ts") return new Worker(url);
  // tsx's ESM entry (require.resolve would give its CommonJS one, whose register() cannot load in a worker).
  const manifest = createRequire(import.meta.url).resolve("tsx/package.json");
  const entry = (
    JSON.parse(readFileSync(manifest, "utf8")) as { exports: Record<string, { import: { default: string } }> }
  ).exports["./esm/api"]!.import.default;
  const tsx = new URL(entry, pathToFileURL(manifest)).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true, execArgv: [] });
}

/**
 * A pool of up to `size` render workers, started on demand (see the module comment).
 * @example
 * const renderer = createRenderPool({ translations: translator, logger });
 * const data = await renderer.docx(view, { language: "vi", reportDate: now });
 * await renderer.close();
 */
export function createRenderPool(options: RenderPoolOptions): Renderer & { stats(): RenderPoolStats } {
  const size = Math.max(1, options.size ?? 1);
  const idleMs = options.idleMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const url =
    options.workerUrl ?? new URL(`./render-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);
  const inline = (job: RenderJob) => runRenderJob(job, (language) => options.translations.t(language));
  const slots: Slot[] = [];
  const queue: Job[] = [];
  const stats = { started: 0, rendered: 0, fallbacks: 0 };
  let nextId = 1;
  let failures = 0;
  let broken = false;
  let closed = false;

  /** The job's worker could not draw it: the main thread does. */
  const fallBack = (job: Job, error: unknown) => {
    stats.fallbacks++;
    options.logger.warn({ err: error, kind: job.job.kind }, "render worker failed; rendering on the main thread");
    inline(job.job).then(job.resolve, job.reject);
  };

  const retire = (slot: Slot) => {
    slot.retired = true;
    clearTimeout(slot.idle);
    slots.splice(slots.indexOf(slot), 1);
    void slot.worker.terminate();
  };

  const failed = (slot: Slot, error: unknown) => {
    if (slot.retired) return;
    retire(slot);
    failures++;
    if (failures >= MAX_FAILURES && !broken) {
      broken = true;
      options.logger.error({ err: error }, "render workers keep failing; rendering on the main thread from now on");
    }
    const job = slot.current;
    slot.current = undefined;
    if (job) {
      clearTimeout(job.timer);
      fallBack(job, error);
    }
    if (broken) for (const waiting of queue.splice(0)) fallBack(waiting, error);
    pump();
  };

  const spawn = (): Slot => {
    const slot: Slot = { worker: startWorker(url), retired: false };
    stats.started++;
    slot.worker.on(
      "message",
      (message: { id: number; data?: Uint8Array; error?: { message: string; stack?: string } }) => {
        const job = slot.current;
        if (!job || job.id !== message.id) return;
        clearTimeout(job.timer);
        slot.current = undefined;
        failures = 0;
        if (message.data) {
          stats.rendered++;
          job.resolve(message.data);
        } else {
          // The renderer itself threw: the same input would throw on the main thread too.
          const error = new Error(message.error?.message ?? "render failed");
          if (message.error?.stack) error.stack = message.error.stack;
          job.reject(error);
        }
        pump();
      },
    );
    slot.worker.on("error", (error) => failed(slot, error));
    slot.worker.on("exit", (code) => failed(slot, new Error(`render worker exited with code ${code}`)));
    slots.push(slot);
    return slot;
  };

  const assign = (slot: Slot, job: Job) => {
    clearTimeout(slot.idle);
    slot.idle = undefined;
    slot.current = job;
    // Busy, the worker keeps the process alive (a CLI waits for its file); idle, it does not.
    slot.worker.ref();
    job.timer = setTimeout(() => {
      if (slot.current !== job) return;
      slot.current = undefined;
      retire(slot);
      job.reject(new Error(`render timed out after ${timeoutMs} ms`));
      pump();
    }, timeoutMs);
    try {
      slot.worker.postMessage({ id: job.id, job: job.job });
    } catch (error) {
      // Not cloneable (a bug): the worker is fine, the job is drawn here.
      clearTimeout(job.timer);
      slot.current = undefined;
      fallBack(job, error);
      pump();
    }
  };

  function pump(): void {
    while (queue.length > 0 && !broken) {
      const slot = slots.find((s) => !s.current) ?? (slots.length < size && !closed ? spawn() : undefined);
      if (!slot) break;
      assign(slot, queue.shift()!);
    }
    for (const slot of slots) {
      if (slot.current || slot.idle) continue;
      slot.worker.unref();
      slot.idle = setTimeout(() => retire(slot), idleMs);
      slot.idle.unref();
    }
  }

  const run = (job: RenderJob): Promise<Uint8Array> => {
    if (closed || broken) return inline(job);
    return new Promise<Uint8Array>((resolve, reject) => {
      queue.push({ id: nextId++, job, resolve, reject });
      pump();
    });
  };

  async function close(graceMs = options.closeTimeoutMs ?? 10_000): Promise<void> {
    if (closed) return;
    closed = true;
    for (const job of queue.splice(0)) inline(job.job).then(job.resolve, job.reject);
    const deadline = Date.now() + graceMs;
    while (slots.some((s) => s.current) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    for (const slot of [...slots]) {
      const job = slot.current;
      slot.current = undefined;
      retire(slot);
      if (job) {
        clearTimeout(job.timer);
        job.reject(new Error("render pool closed"));
      }
    }
  }

  return {
    ...renderer(run, close),
    stats: () => ({ workers: slots.length, ...stats, broken }),
  };
}
