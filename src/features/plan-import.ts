import { Composer, type Context } from "../core/composer.js";
import { backfillAssignments, repairPastAssignments } from "../core/plans/past-periods.js";
import type { PlanFile } from "../core/plans/plan-file.js";
import { importNotes, importPlan } from "../core/plans/plan-import.js";
import { FileTooLargeError } from "../core/ports.js";
import { searchKey } from "../core/reports/text-key.js";
import { resolveOrgName } from "../core/units/org-name.js";
import { actorOf, allow, type Feature, type FeatureDeps } from "./deps.js";

const BACKFILL_QUESTION = "plan_backfill";
const BACKFILL_MINUTES = 30;

interface BackfillState {
  assignmentIds: number[];
  periods: number;
}

/**
 * /nhapkehoach with a YAML plan file attached (as the file's caption, or replying with the file);
 * periods already past are skipped and the admin is asked whether to assign them after all.
 * /boquakycu repairs a database imported before that rule (preview, then "xacnhan").
 */
export const planImportFeature: Feature = (deps) => {
  const composer = new Composer();
  const conversation = (ctx: Context) => [ctx.incoming.channel, ctx.incoming.chatId, ctx.incoming.userId] as const;

  // The answer to "assign the past periods too?": "bổ sung" opens them; any other text leaves them skipped.
  composer.use(async (ctx, next) => {
    if (ctx.command || ctx.role !== "admin") return next();
    const c = await deps.repos.conversations.get(...conversation(ctx), deps.clock.now());
    if (c?.kind !== BACKFILL_QUESTION) return next();
    await deps.repos.conversations.clear(...conversation(ctx));
    if (!/^(bo sung|co|dong y)$/.test(searchKey(ctx.incoming.text).replace(/[.!]+$/, ""))) {
      return ctx.reply(ctx.t("plan:backfill_declined", { periods: (c.data as BackfillState).periods }));
    }
    const state = c.data as BackfillState;
    const opened = await backfillAssignments(deps, actorOf(ctx), state.assignmentIds);
    deps.onScheduleChange();
    await ctx.reply(ctx.t("plan:backfilled", { periods: state.periods, assignments: opened }));
  });

  composer.command("nhapkehoach", async (ctx) => {
    if (!(await allow(ctx, ["admin"]))) return;
    const file = ctx.incoming.files.find((f) => f.kind === "document");
    if (!file) return ctx.reply(ctx.t("plan:usage"));
    if (!/\.ya?ml$/i.test(file.fileName ?? ""))
      return ctx.reply(ctx.t("plan:wrong_type", { name: file.fileName ?? "?" }));
    // The plan reader (YAML and its schema, ~100 ms to load) is loaded on first use, not at start.
    const { parsePlanFile, PLAN_LIMITS } = await import("../core/plans/plan-file.js");
    const tooBig = () => ctx.reply(ctx.t("plan:too_big", { max: PLAN_LIMITS.bytes / 1048576 }));
    if ((file.size ?? 0) > PLAN_LIMITS.bytes) return tooBig();
    let bytes: Uint8Array;
    try {
      bytes = await deps.messenger.download(ctx.incoming.channel, file, PLAN_LIMITS.bytes);
    } catch (error) {
      // The platform may not say the size up front: the download itself stops at the limit.
      if (error instanceof FileTooLargeError) return tooBig();
      throw error;
    }
    const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
    const parsed = parsePlanFile(text, ctx.t);
    if (!parsed.ok)
      return ctx.reply(
        [ctx.t("plan:invalid", { count: parsed.errors.length }), ...parsed.errors.map((e) => `• ${e}`)].join("\n"),
      );
    await ctx.reply((await importPlanFile(deps, ctx, parsed.file)).join("\n"));
  });

  composer.command("boquakycu", async (ctx) => {
    if (!(await allow(ctx, ["admin"]))) return;
    const arg = searchKey(ctx.command!.args);
    if (arg && arg !== "xacnhan" && arg !== "xac nhan") return ctx.reply(ctx.t("plan:repair_usage"));
    const apply = arg !== "";
    const r = await repairPastAssignments(deps, actorOf(ctx), { apply });
    if (!r.found) return ctx.reply(ctx.t("plan:repair_none"));
    if (!apply) return ctx.reply(ctx.t("plan:repair_preview", { count: r.found, units: r.units }));
    deps.onScheduleChange();
    await ctx.reply(ctx.t("plan:repaired", { count: r.marked, units: r.units }));
  });
  return composer;
};

/**
 * Imports a validated plan file for an admin in chat (with progress for large plans) and returns
 * the answer's lines; when periods already past were skipped, it asks whether to assign them too
 * (the answer is handled above). Shared by /nhapkehoach and the plan draft's /xacnhan.
 * @example await ctx.reply((await importPlanFile(deps, ctx, parsed.file)).join("\n"))
 */
export async function importPlanFile(deps: FeatureDeps, ctx: Context, file: PlanFile): Promise<string[]> {
  const conversation = [ctx.incoming.channel, ctx.incoming.chatId, ctx.incoming.userId] as const;
  const s = await importPlan(deps, actorOf(ctx), file, {
    onProgress: ({ unitsDone, unitsTotal }) =>
      ctx.reply(
        ctx.t("plan:progress", { done: unitsDone.toLocaleString("vi-VN"), total: unitsTotal.toLocaleString("vi-VN") }),
      ),
  });
  // Messages name the office of the plan now in force (next year's plan takes over when it starts).
  deps.translations.setOrgName(
    await resolveOrgName(deps.repos, deps.orgName, { now: deps.clock.now(), timezone: deps.timezone }),
  );
  deps.onScheduleChange();
  const lines = [
    ctx.t("plan:imported", {
      plan: s.plan,
      unitsCreated: s.units.created,
      unitsUpdated: s.units.updated,
      tasksCreated: s.tasks.created,
      tasksUpdated: s.tasks.updated,
      calendar: s.calendarEntries,
      assignments: s.assignmentsCreated,
    }),
    ...importNotes(s).map((n) => ctx.t(n.key, n.vars)),
  ];
  if (s.skipped.periods) {
    lines.push(ctx.t("plan:skipped", { periods: s.skipped.periods, assignments: s.skipped.assignments }));
    lines.push(
      ctx.t("plan:backfill_question", {
        periods: s.skipped.periods,
        assignments: s.skipped.assignments,
        minutes: BACKFILL_MINUTES,
      }),
    );
    const state: BackfillState = { assignmentIds: s.skipped.assignmentIds, periods: s.skipped.periods };
    await deps.repos.conversations.set(...conversation, {
      kind: BACKFILL_QUESTION,
      data: state,
      expiresAt: new Date(deps.clock.now().getTime() + BACKFILL_MINUTES * 60_000),
    });
  }
  return lines;
}
