import { Composer, type Context } from "../core/composer.js";
import { formatDateTime, formatDeadline } from "../core/format.js";
import { SAMPLE_INDICATORS } from "../core/plans/sample-indicators.js";
import { QUESTION_MINUTES } from "../core/reports/pending-question.js";
import { type ReportDeps, readingOf } from "../core/reports/reports.js";
import { searchKey } from "../core/reports/text-key.js";
import { saysSentByMistake, type Withdrawal, withdrawable, withdrawRevision } from "../core/reports/withdraw.js";
import { reportAccess } from "../core/units/access.js";
import { actorOf, type Feature } from "./deps.js";
import { NO, unitLockOf, valueLines, YES } from "./reports.js";
import { exampleForUnit } from "./tasks.js";

/** Conversation kind of "withdraw this report?". */
const WITHDRAW = "withdraw_report";
/** "Tin trên e gửi nhầm" is about a report written within this time; an older one is withdrawn by /rut. */
const SAID_AFTER_MS = 24 * 3_600_000;

interface WithdrawQuestion {
  reportId: number;
  /** The revision shown: a report revised since is not taken back on the old answer. */
  revision: number;
}

/**
 * "/rut", or "em gửi nhầm, đó là số của xã bên cạnh" with no figure: the unit's latest report is
 * shown and its last revision taken back on "có" (see core/reports/withdraw.ts).
 */
export const withdrawFeature: Feature = (deps) => {
  const composer = new Composer();
  const who = (ctx: Context) => [ctx.incoming.channel, ctx.incoming.chatId, ctx.incoming.userId] as const;

  // "có" / "không" to the question; other messages go on and the question waits
  composer.use(async (ctx, next) => {
    if (ctx.command || !ctx.unit) return next();
    const c = await deps.repos.conversations.get(...who(ctx), deps.clock.now());
    if (c?.kind !== WITHDRAW) return next();
    const key = searchKey(ctx.incoming.text);
    if (NO.test(key)) {
      await deps.repos.conversations.clear(...who(ctx));
      return ctx.reply(ctx.t("withdraw:kept"));
    }
    if (!YES.test(key)) return next();
    await deps.repos.conversations.clear(...who(ctx));
    const question = c.data as WithdrawQuestion;
    const unit = ctx.unit;
    const result = await unitLockOf(deps).run(unit.id, () =>
      withdrawRevision(deps, {
        ...question,
        actor: actorOf(ctx),
        authorName: ctx.person.displayName,
      }),
    );
    await ctx.reply(await doneText(ctx, result));
  });

  composer.command("rut", async (ctx) => ask(ctx, ctx.unit && (await withdrawable(deps, ctx.unit.id))));

  composer.use(async (ctx, next) => {
    const { incoming } = ctx;
    if (ctx.command || !ctx.unit || incoming.editedAt || incoming.files.length || !saysSentByMistake(incoming.text))
      return next();
    if (reportAccess(ctx.person, ctx.unit) !== "ok") return next();
    // "gửi nhầm, pa nô 3 cái mới đúng": figures (of the report's task or the usual ones) make it a
    // correction, recorded as a report
    const latest = await withdrawable(deps, ctx.unit.id);
    const { read } = readingOf(incoming, (deps as ReportDeps).parse);
    for (const indicators of [SAMPLE_INDICATORS, ...(latest ? [latest.assignment.task.indicators] : [])]) {
      const parsed = read(incoming.text, indicators);
      if (Object.keys(parsed.values).length || parsed.conflicts.length) return next();
    }
    // "em nhắn nhầm nhóm ạ" days after the last report is about another message: only /rut offers an old report
    // (with no report at all, the reply says there is nothing to withdraw)
    if (latest && deps.clock.now().getTime() - latest.report.updatedAt.getTime() > SAID_AFTER_MS) return next();
    return ask(ctx, latest);
  });

  /** Shows the report that would be taken back (`found`: the unit's, read by the caller) and waits for "có". */
  async function ask(ctx: Context, found: Awaited<ReturnType<typeof withdrawable>> | undefined): Promise<void> {
    const unit = ctx.unit;
    if (!unit) return ctx.reply(ctx.t("tasks:no_unit"));
    if (reportAccess(ctx.person, unit) !== "ok") return ctx.reply(ctx.t("access:not_registered", { unit: unit.name }));
    const now = deps.clock.now();
    const open = await deps.repos.conversations.get(...who(ctx), now);
    if (open && open.kind !== WITHDRAW) return ctx.reply(ctx.t("withdraw:busy"));
    if (!found) return ctx.reply(ctx.t("withdraw:nothing", { unit: unit.name }));
    const { report, assignment } = found;
    const question: WithdrawQuestion = { reportId: report.id, revision: report.revision };
    await deps.repos.conversations.set(...who(ctx), {
      kind: WITHDRAW,
      data: question,
      expiresAt: new Date(now.getTime() + QUESTION_MINUTES * 60_000),
    });
    await ctx.reply(
      [
        ctx.t("withdraw:ask", {
          unit: unit.name,
          id: assignment.task.id,
          title: assignment.task.title,
          period: assignment.occurrence.label,
          revision: report.revision,
          at: formatDateTime(report.updatedAt, deps.timezone),
        }),
        ...(Object.keys(report.values).length
          ? valueLines(report.values, assignment.task.indicators, ctx.t)
          : [ctx.t("withdraw:text_line", { text: report.text.replace(/\s+/g, " ").slice(0, 120) })]),
        ctx.t(report.revision > 1 ? "withdraw:ask_revert" : "withdraw:ask_remove", {
          revision: report.revision - 1,
          minutes: QUESTION_MINUTES,
        }),
      ].join("\n"),
      { quote: true },
    );
  }

  async function doneText(ctx: Context, result: Withdrawal): Promise<string> {
    if (result.kind === "changed") return ctx.t("withdraw:changed");
    const a = result.assignment;
    const head = { unit: a.unit.name, id: a.task.id, period: a.occurrence.label };
    if (result.kind === "reverted")
      return [
        ctx.t("withdraw:reverted", { ...head, revision: result.report.revision, to: result.to }),
        ...valueLines(result.report.values, a.task.indicators, ctx.t),
      ].join("\n");
    return [
      ctx.t("withdraw:withdrawn", {
        ...head,
        deadline: formatDeadline(a.dueAt, deps.timezone, ctx.t),
        count: result.files,
        files: result.files,
      }),
      ctx.t("withdraw:send_again", { example: await exampleForUnit(deps, ctx) }),
    ].join("\n");
  }
  return composer;
};
