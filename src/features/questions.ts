import { Composer, type Context } from "../core/composer.js";
import { formatDateTime, formatDeadline } from "../core/format.js";
import type { AssignmentView } from "../core/ports.js";
import { isQuestion } from "../core/reports/message-kind.js";
import { answerQuestion, type QuestionAnswer } from "../core/reports/questions.js";
import { exampleReport } from "../core/reports/report-example.js";
import { ATTACH_WINDOW_MS, type ReportDeps, readingOf } from "../core/reports/reports.js";
import type { IndicatorDef } from "../core/types.js";
import type { Feature, FeatureDeps } from "./deps.js";
import { namedPeriodText } from "./named-period-text.js";
import { describeAssignment } from "./tasks.js";

const MAX_LINES = 8;

function deadlineLine(a: AssignmentView, answer: QuestionAnswer, ctx: Context, deps: FeatureDeps): string {
  const report = answer.reports.get(a.id);
  const status = report
    ? ctx.t("questions:status_reported", {
        at: formatDateTime(report.updatedAt, deps.timezone),
        revision: report.revision,
      })
    : ctx.t("questions:status_open");
  // "#2 Báo cáo quý (Quý II/2021) — hạn …, còn 3 ngày" from the task list, with the unit's status after it.
  return `• ${describeAssignment(a, ctx, deps)} — ${status}`;
}

/** "Pa nô (cái); Băng rôn, khẩu hiệu (cái)": semicolons, as labels hold commas. */
function indicatorList(indicators: readonly IndicatorDef[]): string {
  return indicators.map((i) => (i.measure ? `${i.label} (${i.measure})` : i.label)).join("; ");
}

/** The answer as the officer reads it: what was asked about, then how to report. */
export function renderAnswer(answer: QuestionAnswer, ctx: Context, deps: FeatureDeps): string {
  const unit = ctx.unit!.name;
  // A deadline question gets one line on how to report; the other questions the whole way.
  // The example reports for the task asked about (else the first listed), with what that task asks.
  const task = answer.assignments[0]?.task ?? answer.future[0]?.task ?? answer.latest?.assignment.task;
  const minutes = ATTACH_WINDOW_MS / 60_000;
  const how =
    answer.topic === "deadline"
      ? ctx.t("questions:how_short")
      : task
        ? ctx.t("questions:how", { minutes, id: task.id, example: exampleReport(task, ctx.t) })
        : ctx.t("questions:how_no_task", { minutes });
  const lines: string[] = [];
  if (answer.topic === "deadline" && (answer.assignments.length || answer.future.length))
    lines.push(ctx.t("questions:deadline_header", { unit }));
  else if (answer.assignments.length)
    lines.push(ctx.t("tasks:open_header", { unit, count: answer.assignments.length }));
  lines.push(...answer.assignments.slice(0, MAX_LINES).map((a) => deadlineLine(a, answer, ctx, deps)));
  lines.push(
    ...answer.future.slice(0, MAX_LINES).map((f) =>
      ctx.t("questions:future_line", {
        id: f.task.id,
        title: f.task.title,
        label: f.label,
        deadline: formatDeadline(f.dueAt, deps.timezone, ctx.t, f.statedDate),
      }),
    ),
  );
  if (answer.assignments.length > MAX_LINES)
    lines.push(ctx.t("tasks:more", { count: answer.assignments.length - MAX_LINES }));
  if (answer.afterPlan.length) lines.push(ctx.t("questions:deadline_header", { unit }));
  // "Quý I/2027", or "năm 2027" when only the year was named.
  const asked = namedPeriodText(answer.asked, ctx.t) || ctx.t("questions:year", { year: answer.asked.years[0] });
  for (const ended of answer.afterPlan)
    lines.push(
      ctx.t("questions:after_plan_line", {
        id: ended.task.id,
        title: ended.task.title,
        label: ended.lastLabel,
        deadline: formatDeadline(ended.lastDueAt, deps.timezone, ctx.t),
        asked,
      }),
    );
  if (answer.afterPlan.length) lines.push(ctx.t("questions:after_plan_hint"));
  else if (!answer.assignments.length && !answer.future.length)
    lines.push(ctx.t(answer.named ? "questions:nothing_matches" : "tasks:none_open", { unit }));
  if (answer.latest) {
    const { assignment: a, report } = answer.latest;
    lines.push(
      ctx.t("questions:latest", {
        id: a.task.id,
        title: a.task.title,
        period: a.occurrence.label ? ` (${a.occurrence.label})` : "",
        at: formatDateTime(report.updatedAt, deps.timezone),
        revision: report.revision,
      }),
    );
    const { photoCount: photos, documentCount: documents } = answer.latest;
    lines.push(
      photos || documents ? ctx.t("questions:latest_files", { photos, documents }) : ctx.t("questions:latest_no_files"),
    );
    // "còn thiếu chỉ tiêu nào": the indicators the report has no figure for
    const missing = a.task.indicators.filter((i) => !(i.code in report.values));
    if (missing.length && missing.length < a.task.indicators.length)
      lines.push(ctx.t("questions:latest_missing", { list: indicatorList(missing) }));
  }
  // "báo cáo gồm những chỉ tiêu gì": the task's indicators, each with its measure
  if (answer.asksIndicators && task?.indicators.length)
    lines.push(ctx.t("questions:indicators", { id: task.id, list: indicatorList(task.indicators) }));
  lines.push("", how, ctx.t("questions:more_questions"));
  return lines.join("\n");
}

/** Questions in a unit's chat ("cho em hỏi hạn báo cáo quý 2 là ngày nào ạ"), answered from the unit's data. */
export const questionsFeature: Feature = (deps) => {
  const composer = new Composer();
  composer.use(async (ctx, next) => {
    if (ctx.command || !ctx.unit || ctx.incoming.files.length || !isQuestion(ctx.incoming.text)) return next();
    const answer = await answerQuestion(deps.repos, ctx.unit.id, {
      text: ctx.incoming.text,
      now: deps.clock.now(),
      timezone: deps.timezone,
      // The task hint reads no indicator: the parse made to classify the message gives it.
      readTaskHint: (text) => readingOf(ctx.incoming, (deps as ReportDeps).parse).any(text).taskHint,
    });
    await ctx.reply(renderAnswer(answer, ctx, deps), { quote: true });
  });
  return composer;
};
