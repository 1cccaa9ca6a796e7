/**
 * The renderers' worker thread (see render-pool.ts): takes one job at a time from the pool, draws
 * it, and gives the file back by transferring its memory (no copy).
 */
import { parentPort } from "node:worker_threads";
import { createTranslator } from "../i18n.js";
import { type RenderJob, runRenderJob } from "./render-jobs.js";

const translator = createTranslator();
const port = parentPort;
if (!port) throw new Error("render-worker.ts runs as a worker thread of the render pool");

port.on("message", async ({ id, job }: { id: number; job: RenderJob }) => {
  try {
    let data = await runRenderJob(job, (language) => translator.t(language));
    // Only a buffer of its own can be transferred (a pooled Buffer's memory is shared).
    if (data.byteOffset !== 0 || data.byteLength !== data.buffer.byteLength) data = data.slice();
    port.postMessage({ id, data }, [data.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({
      id,
      error: error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) },
    });
  }
});
