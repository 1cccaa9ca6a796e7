import { Composer } from "../core/composer.js";
import { parsePlanFile } from "../core/plans/plan-file.js";
import { importPlan } from "../core/plans/plan-import.js";
import { actorOf, allow, type Feature } from "./deps.js";

const MAX_PLAN_BYTES = 1024 * 1024;

/** /nhapkehoach with a YAML plan file attached (as the file's caption, or replying with the file). */
export const planImportFeature: Feature = (deps) => {
  const composer = new Composer();
  composer.command("nhapkehoach", async (ctx) => {
    if (!(await allow(ctx, ["admin"]))) return;
    const file = ctx.incoming.files.find((f) => f.kind === "document");
    if (!file) return ctx.reply(ctx.t("plan:usage"));
    if (!/\.ya?ml$/i.test(file.fileName ?? "")) return ctx.reply(ctx.t("plan:wrong_type", { name: file.fileName ?? "?" }));
    if ((file.size ?? 0) > MAX_PLAN_BYTES) return ctx.reply(ctx.t("plan:too_big"));
    const bytes = await deps.messenger.download(ctx.incoming.channel, file, MAX_PLAN_BYTES);
    const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
    const parsed = parsePlanFile(text, ctx.t);
    if (!parsed.ok) return ctx.reply([ctx.t("plan:invalid", { count: parsed.errors.length }), ...parsed.errors.map((e) => `• ${e}`)].join("\n"));
    const s = await importPlan(deps, actorOf(ctx), parsed.file);
    deps.onScheduleChange();
    await ctx.reply(
      ctx.t("plan:imported", {
        plan: s.plan,
        unitsCreated: s.units.created,
        unitsUpdated: s.units.updated,
        tasksCreated: s.tasks.created,
        tasksUpdated: s.tasks.updated,
        calendar: s.calendarEntries,
        assignments: s.assignmentsCreated,
      }),
    );
  });
  return composer;
};
