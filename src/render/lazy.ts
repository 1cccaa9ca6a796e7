/**
 * The renderers, loaded on first use (by the render worker, or inline by the CLI and the pool's
 * fallback): resvg and docx cost tens of MiB, which a bot that renders a file once a week should
 * not carry from start.
 */
type Chart = typeof import("./chart.js");
type Docx = typeof import("./docx.js");
type Xlsx = typeof import("./xlsx.js");

/** Chart PNG of a task rollup (see chart.ts). */
export const renderRollupChart = async (
  ...args: Parameters<Chart["renderRollupChart"]>
): ReturnType<Chart["renderRollupChart"]> => (await import("./chart.js")).renderRollupChart(...args);

/** Draft official report (see docx.ts). */
export const renderRollupDocx = async (
  ...args: Parameters<Docx["renderRollupDocx"]>
): ReturnType<Docx["renderRollupDocx"]> => (await import("./docx.js")).renderRollupDocx(...args);

/** Excel workbook (see xlsx.ts). */
export const renderRollupXlsx = async (
  ...args: Parameters<Xlsx["renderRollupXlsx"]>
): ReturnType<Xlsx["renderRollupXlsx"]> => (await import("./xlsx.js")).renderRollupXlsx(...args);
