/**
 * Examples of a report for one task, so that every text showing how to report uses a task the
 * officer has and what that task asks: its own indicators ("12 pa nô, 3 tin bài"), or, for a task
 * asking for text, its work said as done ("đã xây dựng kế hoạch tuyên truyền …").
 */
import { exampleFigures } from "../format.js";
import type { TaskRecord } from "../ports.js";
import type { Translate } from "../types.js";

/** Words of the title kept in a text example: enough to recognise the task, short enough to type. */
const MAX_WORDS = 10;

/**
 * A report an officer of the task could send, without the command.
 * @example exampleReport({ title: "Xây dựng kế hoạch tuyên truyền", indicators: [] }, t) // "đã xây dựng kế hoạch tuyên truyền"
 * @example exampleReport({ title: "Báo cáo quý", indicators: [pano, tinBai] }, t) // "12 pa nô, 3 tin bài"
 */
export function exampleReport(task: Pick<TaskRecord, "title" | "indicators">, t: Translate): string {
  const figures = exampleFigures(task.indicators);
  if (figures) return figures;
  const words = task.title
    .normalize("NFC")
    .trim()
    .replace(/[.;:]+$/, "")
    .split(/\s+/)
    .slice(0, MAX_WORDS);
  // "Báo cáo kết quả hội nghị" asks for a result: "kết quả hội nghị: đã hoàn thành", not "đã báo cáo …".
  const isReport = /^báo$/i.test(words[0] ?? "") && /^cáo$/i.test(words[1] ?? "") && words.length > 2;
  const work = (isReport ? words.slice(2) : words).join(" ");
  const lower = work.charAt(0).toLocaleLowerCase("vi") + work.slice(1);
  return t(isReport ? "tasks:example_result" : "tasks:example_done", { work: lower });
}
