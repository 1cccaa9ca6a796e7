/**
 * What a renderer is asked to draw, as plain data that crosses to a worker thread (structured
 * clone: the rollup with its Dates, a language code instead of a translate function), and the one
 * function that draws it, on whichever thread runs it.
 */
import type { RollupView, TaskRollup } from "../core/rollups/rollup-types.js";
import type { Translate } from "../core/types.js";
import { renderRollupChart, renderRollupDocx, renderRollupXlsx } from "./lazy.js";

/** Chart options: the language of its texts and the time zone of its dates. */
export interface ChartJobOptions {
  language: string;
  timezone: string;
}

/** Draft report options (see renderRollupDocx), with the language of its texts. */
export interface DocxJobOptions {
  language: string;
  reportDate?: Date;
  includePhotos?: boolean;
  maxPhotosPerUnit?: number;
  orgName?: string;
}

/** One rendering: the chart PNG of a task, or the workbook or draft report of a view. */
export type RenderJob =
  | { kind: "chart"; task: TaskRollup; options: ChartJobOptions }
  | { kind: "xlsx"; view: RollupView; options: { language: string } }
  | { kind: "docx"; view: RollupView; options: DocxJobOptions };

/**
 * Draws `job` with the texts of `translate(language)`; the renderer modules load on first use.
 * @example const png = await runRenderJob({ kind: "chart", task, options: { language: "vi", timezone } }, (lng) => translator.t(lng));
 */
export async function runRenderJob(job: RenderJob, translate: (language: string) => Translate): Promise<Uint8Array> {
  const t = translate(job.options.language);
  switch (job.kind) {
    case "chart":
      return renderRollupChart(job.task, t, { timezone: job.options.timezone });
    case "xlsx":
      return renderRollupXlsx(job.view, t);
    case "docx": {
      const { language: _language, ...options } = job.options;
      return renderRollupDocx(job.view, t, options);
    }
  }
}
