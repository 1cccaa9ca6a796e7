import { localDateOf } from "../core/calendar/time.js";
import { Composer, type Context } from "../core/composer.js";
import { formatDateTime } from "../core/format.js";
import { applyCorrections, type CorrectionOutcome, parseCorrections } from "../core/plans/plan-draft/corrections.js";
import { draftPlan, isImportable } from "../core/plans/plan-draft/draft-plan.js";
import { reviewSummary, reviewTask } from "../core/plans/plan-draft/review.js";
import type { DraftContext, PlanDraft } from "../core/plans/plan-draft/types.js";
import { upcomingReminders } from "../core/plans/plan-draft/upcoming-reminders.js";
import { loadCalendar } from "../core/plans/tasks.js";
import { FileTooLargeError } from "../core/ports.js";
import { searchKey } from "../core/reports/text-key.js";
import type { IncomingFile, IndicatorDef } from "../core/types.js";
import { documentText, PLAN_DOCUMENT_MAX_BYTES, PLAN_TEXT_MAX_CHARS } from "../documents/document-text.js";
import { allow, type Feature } from "./deps.js";
import { importPlanFile } from "./plan-import.js";

const DRAFT = "plan_draft";
/** A draft waits this long for corrections and /xacnhan. */
const DRAFT_HOURS = 48;
/** Text pasted in several messages (Telegram splits long pastes): parts within this time join the draft. */
const PASTE_MINUTES = 3;
/** A pasted message is taken for a plan when it is at least this long and looks like one. */
const PASTE_MIN_CHARS = 400;
/** Tasks shown one per message up to this many (so a reply to a task's message corrects it); more go in groups. */
const TASK_MESSAGES = 15;

interface DraftState {
  draft: PlanDraft;
  fileName: string;
  /** The pasted text, kept so that the next part of a long paste can join it. */
  pasted?: string;
  parts: number;
  pastedAt?: string;
  /** Message id of each task's review message → task index (corrections by reply). */
  messages: Record<string, number>;
}

const looksLikePlan = (text: string) => {
  if (text.length < PASTE_MIN_CHARS) return false;
  const key = searchKey(text);
  return (
    text.split("\n").some((line) => searchKey(line) === "ke hoach") ||
    /\d+\s*\/\s*kh-/.test(key) ||
    /to chuc thuc hien/.test(key)
  );
};

/**
 * Drafting a plan from its document: an admin sends the Kế hoạch (.docx, a PDF with a text layer,
 * a .txt, or pasted text, with or without /duthao) in a private chat; the bot answers with the
 * draft (summary, one message per task with its source sentence, the YAML file), takes corrections
 * ("#2 hạn 15/7", "#3 bỏ", "#1 đơn vị: xa", or the same words as a reply to a task's message), and
 * imports it through the plan import only on /xacnhan (/huyduthao discards it).
 */
export const planDraftFeature: Feature = (deps) => {
  const composer = new Composer();
  const who = (ctx: Context) => [ctx.incoming.channel, ctx.incoming.chatId, ctx.incoming.userId] as const;
  const load = async (ctx: Context): Promise<DraftState | null> => {
    const c = await deps.repos.conversations.get(...who(ctx), deps.clock.now());
    return c?.kind === DRAFT ? (c.data as DraftState) : null;
  };
  const save = (ctx: Context, state: DraftState) =>
    deps.repos.conversations.set(...who(ctx), {
      kind: DRAFT,
      data: state,
      expiresAt: new Date(deps.clock.now().getTime() + DRAFT_HOURS * 3_600_000),
    });

  /** What the bot knows: its units, the indicators of its tasks, its plans' group labels, today. */
  async function draftContext(): Promise<DraftContext> {
    const units = (await deps.repos.units.list()).map((u) => ({
      code: u.code,
      name: u.name,
      kind: u.kind,
      tags: u.tags,
    }));
    const indicators = new Map<string, IndicatorDef>();
    for (const task of await deps.repos.tasks.listActive())
      for (const i of task.indicators) if (!indicators.has(i.code)) indicators.set(i.code, i);
    const groupLabels: Record<string, string> = {};
    for (const plan of await deps.repos.plans.list()) for (const g of plan.unitGroups) groupLabels[g.tag] ??= g.label;
    return {
      units,
      indicators: [...indicators.values()],
      groupLabels,
      today: localDateOf(deps.clock.now(), deps.timezone),
    };
  }

  /** Summary, then each task's message (ids kept for replies), then the YAML file. */
  async function sendReview(ctx: Context, state: DraftState): Promise<void> {
    const { draft } = state;
    const to = { channel: ctx.incoming.channel, chatId: ctx.incoming.chatId };
    await ctx.reply(reviewSummary(draft, ctx.t));
    state.messages = {};
    if (draft.tasks.length <= TASK_MESSAGES) {
      for (const [i] of draft.tasks.entries()) {
        const sent = await ctx.send(to, { type: "text", text: reviewTask(draft, i, ctx.t) });
        state.messages[sent.messageId] = i;
      }
    } else {
      for (let i = 0; i < draft.tasks.length; i += 5) {
        await ctx.reply(
          draft.tasks
            .slice(i, i + 5)
            .map((_, k) => reviewTask(draft, i + k, ctx.t))
            .join("\n\n"),
        );
      }
    }
    // The YAML writer (the yaml package) loads with the first draft, not at start.
    const { draftToYaml } = await import("../core/plans/plan-draft/draft-yaml.js");
    const yaml = draftToYaml(draft, ctx.t, { fileName: state.fileName });
    const number = draft.header.number?.value.replace(/[^\p{L}\p{N}]+/gu, "-") ?? "ke-hoach";
    await ctx.send(to, {
      type: "document",
      file: { fileName: `du-thao-${number}.yaml`, mime: "application/x-yaml", data: new TextEncoder().encode(yaml) },
      caption: ctx.t("plandraft:yaml_caption"),
    });
    await save(ctx, state);
  }

  async function startDraft(ctx: Context, text: string, fileName: string, pasted: boolean): Promise<void> {
    if (text.length > PLAN_TEXT_MAX_CHARS)
      return ctx.reply(
        ctx.t("plandraft:error_too_long", { name: fileName, max: PLAN_TEXT_MAX_CHARS.toLocaleString("vi-VN") }),
      );
    const result = draftPlan(text, await draftContext());
    if (!result.ok && pasted && result.error === "no_tasks" && result.draft?.header.number)
      return waitForMore(ctx, {
        draft: result.draft,
        fileName,
        parts: 1,
        messages: {},
        pasted: text,
        pastedAt: deps.clock.now().toISOString(),
      });
    if (!result.ok)
      return ctx.reply(
        ctx.t(result.error === "empty" ? "plandraft:error_empty" : "plandraft:error_no_tasks", { name: fileName }),
      );
    const state: DraftState = {
      draft: result.draft,
      fileName,
      parts: 1,
      messages: {},
      ...(pasted ? { pasted: text, pastedAt: deps.clock.now().toISOString() } : {}),
    };
    await sendReview(ctx, state);
  }

  /** The first part of a long paste (the header, no task yet): kept for the next part. */
  async function waitForMore(ctx: Context, state: DraftState): Promise<void> {
    await save(ctx, state);
    await ctx.reply(
      ctx.t("plandraft:paste_waiting", {
        part: state.parts,
        number: state.draft.header.number?.value ?? "",
        minutes: PASTE_MINUTES,
      }),
    );
  }

  /**
   * A document sent without /duthao by an admin who also reports for a unit may be evidence, not a
   * plan: it is drafted only when its text reads like a plan; otherwise it goes on to the reports.
   */
  async function draftIfPlan(ctx: Context, file: IncomingFile, next: () => Promise<void>): Promise<void> {
    if ((file.size ?? 0) > PLAN_DOCUMENT_MAX_BYTES) return next();
    let bytes: Uint8Array;
    try {
      bytes = await deps.messenger.download(ctx.incoming.channel, file, PLAN_DOCUMENT_MAX_BYTES);
    } catch {
      return next();
    }
    const read = await documentText(bytes);
    if (!read.ok || !looksLikePlan(read.text)) return next();
    await startDraft(ctx, read.text, file.fileName ?? ctx.t("reports:document_word"), false);
  }

  async function draftFromFile(ctx: Context, file: IncomingFile): Promise<void> {
    const name = file.fileName ?? ctx.t(`reports:${file.kind === "photo" ? "photo" : "document"}_word`);
    if (file.kind === "photo") return ctx.reply(ctx.t("plandraft:error_image"));
    const tooLarge = () =>
      ctx.reply(ctx.t("plandraft:error_too_large", { name, max: PLAN_DOCUMENT_MAX_BYTES / 1048576 }));
    if ((file.size ?? 0) > PLAN_DOCUMENT_MAX_BYTES) return tooLarge();
    let bytes: Uint8Array;
    try {
      bytes = await deps.messenger.download(ctx.incoming.channel, file, PLAN_DOCUMENT_MAX_BYTES);
    } catch (error) {
      if (error instanceof FileTooLargeError) return tooLarge();
      deps.logger.warn({ err: error }, "plan document download failed");
      return ctx.reply(ctx.t("plandraft:error_download", { name }));
    }
    const read = await documentText(bytes);
    if (!read.ok)
      return ctx.reply(
        ctx.t(`plandraft:error_${read.error}`, {
          name,
          max:
            read.error === "too_long" ? PLAN_TEXT_MAX_CHARS.toLocaleString("vi-VN") : PLAN_DOCUMENT_MAX_BYTES / 1048576,
        }),
      );
    await startDraft(ctx, read.text, name, false);
  }

  const outcomeText = (ctx: Context, o: CorrectionOutcome, count: number) =>
    ctx.t(`plandraft:correction_${o.error}`, {
      n: o.correction.task ?? 1,
      count,
      text: o.correction.value,
      names: o.detail ?? o.correction.value,
    });

  async function correct(ctx: Context, state: DraftState, text: string): Promise<boolean> {
    const replyTo =
      ctx.incoming.replyToMessageId !== undefined ? state.messages[ctx.incoming.replyToMessageId] : undefined;
    const corrections = parseCorrections(text, replyTo === undefined ? undefined : replyTo + 1);
    if (!corrections) return false;
    const known = await draftContext();
    const { draft, outcomes } = applyCorrections(state.draft, corrections, known);
    state.draft = draft;
    const lines = outcomes.filter((o) => !o.ok).map((o) => outcomeText(ctx, o, draft.tasks.length));
    const changed = [
      ...new Set(outcomes.filter((o) => o.ok && o.correction.task !== null).map((o) => o.correction.task! - 1)),
    ];
    const planChanged = outcomes.some((o) => o.ok && o.correction.task === null);
    if (changed.length || planChanged) lines.push(ctx.t("plandraft:corrected"));
    await ctx.reply(lines.join("\n"));
    const to = { channel: ctx.incoming.channel, chatId: ctx.incoming.chatId };
    for (const i of changed) {
      const sent = await ctx.send(to, { type: "text", text: reviewTask(draft, i, ctx.t) });
      state.messages[sent.messageId] = i;
    }
    if (planChanged) await ctx.reply(`${ctx.t("plandraft:corrected_plan")}\n${reviewSummary(draft, ctx.t)}`);
    await save(ctx, state);
    return true;
  }

  async function confirm(ctx: Context): Promise<void> {
    const state = await load(ctx);
    if (!state) return ctx.reply(ctx.t("plandraft:confirm_none"));
    const { draft } = state;
    const live = draft.tasks.filter((t) => !t.dropped);
    if (!live.length) return ctx.reply(ctx.t("plandraft:confirm_no_tasks"));
    const blocked = live.filter((t) => !isImportable(t));
    if (blocked.length) {
      const list = blocked.map((t) => `#${draft.tasks.indexOf(t) + 1}`);
      return ctx.reply(
        ctx.t("plandraft:confirm_blocked", { count: blocked.length, list: list.join(", "), example: list[0] }),
      );
    }
    const missing = (["number", "date", "title"] as const)
      .filter((k) => !draft.header[k])
      .map((k) => ctx.t(`plandraft:field_${k}`));
    if (missing.length) return ctx.reply(ctx.t("plandraft:confirm_missing_header", { fields: missing.join(", ") }));
    const { parsePlanFile } = await import("../core/plans/plan-file.js");
    const { draftToYaml } = await import("../core/plans/plan-draft/draft-yaml.js");
    const parsed = parsePlanFile(draftToYaml(draft, ctx.t, { fileName: state.fileName }), ctx.t);
    if (!parsed.ok)
      return ctx.reply(
        [
          ctx.t("plandraft:confirm_invalid", { count: parsed.errors.length }),
          ...parsed.errors.map((e) => `• ${e}`),
        ].join("\n"),
      );
    // Cleared first: the import may ask its own question (past periods) in this conversation.
    await deps.repos.conversations.clear(...who(ctx));
    let lines: string[];
    try {
      lines = await importPlanFile(deps, ctx, parsed.file);
    } catch (error) {
      await save(ctx, state);
      throw error;
    }
    const upcoming = upcomingReminders(parsed.file, await loadCalendar(deps.repos), deps.clock.now(), deps.timezone);
    lines.push(upcoming.length ? ctx.t("plandraft:reminders_heading") : ctx.t("plandraft:reminders_none"));
    for (const r of upcoming) {
      const task = parsed.file.tasks[r.task];
      const n = draft.tasks.findIndex((t) => t.code === task.code) + 1;
      lines.push(
        ctx.t("plandraft:reminders_line", {
          at: formatDateTime(r.at, deps.timezone),
          n,
          title: task.title,
          units: r.units,
        }),
      );
    }
    await ctx.reply(lines.join("\n"));
  }

  composer.command("duthao", async (ctx) => {
    if (!(await allow(ctx, ["admin"]))) return;
    const file = ctx.incoming.files[0];
    if (file) return draftFromFile(ctx, file);
    const text = ctx.command!.args;
    if (text.trim().length >= 20) return startDraft(ctx, text, ctx.t("plandraft:pasted_name"), true);
    const state = await load(ctx);
    if (state) return sendReview(ctx, state);
    await ctx.reply(ctx.t("plandraft:usage"));
  });

  composer.command("xacnhan", async (ctx) => {
    if (!(await allow(ctx, ["admin"]))) return;
    await confirm(ctx);
  });

  composer.command("huyduthao", async (ctx) => {
    if (!(await allow(ctx, ["admin"]))) return;
    const state = await load(ctx);
    if (!state) return ctx.reply(ctx.t("plandraft:cancel_none"));
    await deps.repos.conversations.clear(...who(ctx));
    await ctx.reply(
      ctx.t("plandraft:cancelled", { number: state.draft.header.number?.value ?? ctx.t("plandraft:number_unknown") }),
    );
  });

  // An admin's private chat: a plan document or pasted plan starts a draft; while one waits,
  // corrections and the rest of a long paste go to it.
  composer.use(async (ctx, next) => {
    if (ctx.command || ctx.role !== "admin" || ctx.incoming.chatType !== "private") return next();
    const file = ctx.incoming.files[0];
    const text = ctx.incoming.text;
    if (file && file.kind === "document" && !/\.ya?ml$/i.test(file.fileName ?? ""))
      return ctx.unit || ctx.person.unitId !== null ? draftIfPlan(ctx, file, next) : draftFromFile(ctx, file);
    const state = await load(ctx);
    if (file && file.kind === "photo" && state) return ctx.reply(ctx.t("plandraft:error_image"));
    if (state && text.trim()) {
      if (await correct(ctx, state, text)) return;
      const recent =
        state.pasted !== undefined &&
        state.pastedAt !== undefined &&
        deps.clock.now().getTime() - Date.parse(state.pastedAt) <= PASTE_MINUTES * 60_000;
      if (recent && text.length >= 150) {
        const joined = `${state.pasted}\n${text}`;
        const result = draftPlan(joined, await draftContext());
        const next = {
          ...state,
          pasted: joined,
          parts: state.parts + 1,
          pastedAt: deps.clock.now().toISOString(),
          messages: {},
        };
        if (result.ok) {
          await ctx.reply(ctx.t("plandraft:paste_appended", { part: next.parts }));
          return sendReview(ctx, { ...next, draft: result.draft });
        }
        if (result.draft) return waitForMore(ctx, { ...next, draft: result.draft });
      }
    }
    if (!file && looksLikePlan(text)) return startDraft(ctx, text, ctx.t("plandraft:pasted_name"), true);
    return next();
  });
  return composer;
};
