import { Composer, type Context } from "../core/composer.js";
import { exampleFigures } from "../core/format.js";
import type { AssignmentView } from "../core/ports.js";
import { askWhichTask } from "../core/reports/pending-question.js";
import { type ReportDeps, readingOf } from "../core/reports/reports.js";
import { previousFigures, saysSameAsBefore } from "../core/reports/same-as-before.js";
import { orderByDueNext } from "../core/reports/task-choice.js";
import type { IndicatorDef } from "../core/types.js";
import { reportAccess } from "../core/units/access.js";
import type { Feature } from "./deps.js";
import { valueLines } from "./reports.js";

/** The figures as a report text, one "Label: value" per line (what "có" records). */
const figuresText = (values: Record<string, number>, indicators: IndicatorDef[]): string =>
  Object.entries(values)
    .map(([code, value]) => `${indicators.find((i) => i.code === code)?.label ?? code}: ${value}`)
    .join("\n");

const sameValues = (a: Record<string, number>, b: Record<string, number>): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([code, v]) => b[code] === v);

/**
 * "Số liệu quý này như quý trước ạ" in a unit's chat, with no figure of its own: the task's previous
 * figures are shown and recorded for the open period on "có" (the "is this a report?" question);
 * without earlier figures the officer is asked for this period's.
 */
export const sameAsBeforeFeature: Feature = (deps) => {
  const composer = new Composer();
  composer.use(async (ctx, next) => {
    const { incoming } = ctx;
    if (ctx.command || !ctx.unit || incoming.editedAt || !saysSameAsBefore(incoming.text)) return next();
    if (reportAccess(ctx.person, ctx.unit) !== "ok") return next();
    const open = await deps.repos.assignments.listOpenForUnit(ctx.unit.id);
    const withFigures = orderByDueNext(
      open.filter((a) => a.task.indicators.length),
      deps.clock.now(),
    );
    const read = readingOf(incoming, (deps as ReportDeps).parse).read;
    // "pa nô 5, còn lại như quý trước": its own figures make it a report like any other
    if (
      !withFigures.length ||
      withFigures.some((a) => Object.keys(read(incoming.text, a.task.indicators).values).length)
    )
      return next();
    for (const a of withFigures) {
      const previous = await previousFigures(deps.repos, a);
      if (!previous) continue;
      const text = figuresText(previous.report.values, a.task.indicators);
      // offered only when the text "có" records reads back as these figures
      if (!sameValues(read(text, a.task.indicators).values, previous.report.values)) continue;
      await askWhichTask(deps as ReportDeps, incoming, {
        text,
        options: [a.id],
        purpose: "confirm",
        unitId: ctx.unit.id,
      });
      return ctx.reply(offer(ctx, a, previous.assignment, previous.report.values), { quote: true });
    }
    const [first] = withFigures;
    await ctx.reply(
      ctx.t("reports:same_as_before_none", {
        unit: ctx.unit.name,
        id: first.task.id,
        period: first.occurrence.label,
        example: exampleFigures(first.task.indicators),
      }),
      { quote: true },
    );
  });
  return composer;
};

function offer(ctx: Context, a: AssignmentView, before: AssignmentView, values: Record<string, number>): string {
  return [
    ctx.t("reports:same_as_before", { unit: a.unit.name, id: a.task.id, previous: before.occurrence.label }),
    ...valueLines(values, a.task.indicators, ctx.t),
    ctx.t("reports:same_as_before_hint", { period: a.occurrence.label }),
  ].join("\n");
}
