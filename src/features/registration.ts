import { splitArgs } from "../core/args.js";
import type { Context } from "../core/composer.js";
import { Composer } from "../core/composer.js";
import { formatDateTime } from "../core/format.js";
import type { UnitRecord } from "../core/ports.js";
import { truncate } from "../core/text-limits.js";
import { addMember } from "../core/units/access.js";
import {
  createInvite,
  createInvitesForTag,
  grantRole,
  INVITE_GUESS_LIMIT,
  redeemInvite,
} from "../core/units/registration.js";
import { findCurrentPlan } from "../core/units/units.js";
import { actorOf, allow, type Feature } from "./deps.js";

/**
 * /dangky CODE (anyone, 5 wrong codes an hour), /themnguoi (a unit's officer adds a colleague),
 * /moi UNIT|TAG [uses] [plan] (admin; a tag: the current or named plan's active units), /quyen USER ROLE (admin), /nhomtonghop (admin; a leader in a private chat).
 */
export const registrationFeature: Feature = (deps) => {
  const composer = new Composer();

  composer.command("dangky", async (ctx) => {
    const [code] = splitArgs(ctx.command!.args);
    if (!code) return ctx.reply(ctx.t("register:usage"));
    const result = await redeemInvite(deps.repos, deps.clock, {
      code,
      channel: ctx.incoming.channel,
      chatId: ctx.incoming.chatId,
      chatType: ctx.incoming.chatType,
      chatTitle: ctx.incoming.chatTitle,
      person: ctx.person,
    });
    if (!result.ok) {
      if (result.error === "locked")
        return ctx.reply(
          ctx.t("register:error_locked", {
            limit: INVITE_GUESS_LIMIT,
            time: formatDateTime(result.retryAt, deps.timezone),
          }),
        );
      if (result.error === "unknown") {
        if (result.guesses === INVITE_GUESS_LIMIT) await alertGuessing(ctx);
        return ctx.reply(ctx.t("register:error_unknown", { code: truncate(code, 40) }));
      }
      const key =
        result.error === "chat_taken" && ctx.incoming.chatType === "private"
          ? "error_chat_taken_private"
          : `error_${result.error}`;
      return ctx.reply(ctx.t(`register:${key}`, { code, unit: result.unit?.name ?? "" }));
    }
    deps.onScheduleChange();
    const where =
      ctx.incoming.chatType === "private" ? ctx.t("register:this_private_chat") : ctx.t("register:this_group");
    await ctx.reply(ctx.t("register:done", { unit: result.unit.name, where, name: ctx.person.displayName }));
  });

  /** Tells every admin, once per person and hour, that someone keeps sending wrong codes. */
  async function alertGuessing(ctx: Context): Promise<void> {
    const now = deps.clock.now();
    const who = ctx.person.username ? `@${ctx.person.username}` : ctx.incoming.userId;
    for (const admin of await deps.repos.people.listByRole("admin")) {
      const t = deps.translations.t(admin.language ?? deps.defaultLanguage);
      await deps.repos.outbox.enqueue({
        dedupeKey: `alert:invite-guess:${actorOf(ctx)}:${admin.channel}:${admin.userId}:${Math.floor(now.getTime() / 3_600_000)}`,
        channel: admin.channel,
        chatId: admin.userId,
        kind: "alert",
        message: {
          type: "text",
          text: t("register:guess_alert", { name: ctx.person.displayName || who, who, limit: INVITE_GUESS_LIMIT }),
        },
        notBefore: now,
      });
    }
    deps.onScheduleChange();
  }

  composer.command("themnguoi", async (ctx) => {
    if (!ctx.unit) return ctx.reply(ctx.t("register:member_no_unit", { context: ctx.incoming.channel }));
    const [who] = splitArgs(ctx.command!.args);
    const targetId = ctx.incoming.replyToUserId;
    if (!who && !targetId) return ctx.reply(ctx.t("register:member_usage"));
    const { channel } = ctx.incoming;
    // A replied-to colleague may never have written to the bot: the reply itself names them.
    const target = !who
      ? ((await deps.repos.people.find(channel, targetId!)) ??
        (await deps.repos.people.touch({ channel, userId: targetId!, displayName: "" })))
      : /^\d+$/.test(who)
        ? await deps.repos.people.find(channel, who)
        : await deps.repos.people.findByUsername(channel, who);
    const result = await addMember(deps.repos, deps.clock, { actor: ctx.person, unit: ctx.unit, target });
    if (!result.ok) {
      const name = result.person?.displayName || who || "";
      return ctx.reply(
        ctx.t(`register:member_error_${result.error}`, {
          unit: ctx.unit.name,
          other: result.unit?.name ?? "",
          name,
          who: who ?? "",
        }),
      );
    }
    deps.onScheduleChange();
    await ctx.reply(
      ctx.t("register:member_added", {
        name: result.person.displayName || who,
        unit: ctx.unit.name,
        context: ctx.incoming.channel,
      }),
    );
  });

  composer.command("moi", async (ctx) => {
    if (!(await allow(ctx, ["admin"]))) return;
    // "/moi xa [2] [45/KH-SVHTTDL]": a plan number has a slash, the uses are a number.
    const [unitCode, ...rest] = splitArgs(ctx.command!.args);
    if (!unitCode) return ctx.reply(await inviteUsage(ctx));
    const planNumber = rest.find((a) => a.includes("/"));
    const usesText = rest.find((a) => !a.includes("/"));
    const uses = usesText === undefined ? 1 : Number(usesText);
    const result = await createInvite(deps.repos, deps.clock, actorOf(ctx), unitCode, uses);
    if (!result.ok && result.error === "not_found") {
      // Not a unit code: a tag gives every unit with it in the plan a code at once ("/moi xa").
      const batch = await createInvitesForTag(deps.repos, deps.clock, actorOf(ctx), unitCode, uses, {
        timezone: deps.timezone,
        planNumber,
      });
      if (batch.ok) {
        const lines = batch.invites.map(({ unit, code }) =>
          ctx.t("register:invite_batch_line", { unit: unit.name, code }),
        );
        return ctx.reply(
          [
            ctx.t(batch.plan ? "register:invite_batch_plan" : "register:invite_batch", {
              count: batch.invites.length,
              tag: batch.tag,
              plan: batch.plan,
              uses: batch.maxUses,
              expires: formatDateTime(batch.expiresAt, deps.timezone),
            }),
            ...lines,
            ctx.t("register:invite_batch_how", { context: ctx.incoming.channel }),
          ].join("\n"),
        );
      }
      if (batch.error === "bad_uses") return ctx.reply(ctx.t("register:invite_error_bad_uses"));
      if (batch.error === "plan_not_found") {
        const plans = (await deps.repos.plans.list()).map((p) => p.number);
        return ctx.reply(
          ctx.t("register:invite_error_plan_not_found", {
            code: unitCode,
            plan: batch.detail,
            plans: plans.join(", ") || "—",
            example: plans.at(-1) ?? "",
          }),
        );
      }
      if (batch.error === "not_in_plan") {
        const example = await exampleUnit();
        return ctx.reply(
          ctx.t("register:invite_error_not_in_plan", {
            code: unitCode,
            plan: batch.plan,
            count: batch.outside,
            unit: example?.code ?? "",
          }),
        );
      }
    }
    if (!result.ok) return ctx.reply(ctx.t(`register:invite_error_${result.error}`, { code: unitCode }));
    await ctx.reply(
      ctx.t("register:invite_created", {
        unit: result.unit.name,
        code: result.code,
        uses: result.maxUses,
        count: result.maxUses,
        expires: formatDateTime(result.expiresAt, deps.timezone),
        context: ctx.incoming.channel,
      }),
    );
  });

  /** The first active unit of the current plan (else of all), for examples that name a real code. */
  async function exampleUnit() {
    const units = (await deps.repos.units.list()).filter((u) => u.active).sort((a, b) => a.id - b.id);
    const current = await findCurrentPlan(deps.repos, deps.clock.now(), deps.timezone);
    const listed = new Set(current ? await deps.repos.plans.unitIds(current.plan.id) : []);
    // The coordinating office itself (tag "lead") is not whom one invites.
    const invitable = (u: UnitRecord) => u.tags.length > 0 && !u.tags.includes("lead");
    return units.find((u) => listed.has(u.id) && invitable(u)) ?? units.find(invitable) ?? units[0];
  }

  /** /moi's usage, its example built from a unit and tag that exist. */
  async function inviteUsage(ctx: Context): Promise<string> {
    const unit = await exampleUnit();
    if (!unit) return ctx.t("register:invite_usage_no_units");
    return ctx.t("register:invite_usage", { unit: unit.code, tag: unit.tags[0] ?? unit.code });
  }

  composer.command("quyen", async (ctx) => {
    if (!(await allow(ctx, ["admin"]))) return;
    const [who, role] = splitArgs(ctx.command!.args);
    if (!who || !role) return ctx.reply(ctx.t("roles:usage"));
    const roleName =
      (
        {
          "quan-tri": "admin",
          quantri: "admin",
          "lanh-dao": "leader",
          lanhdao: "leader",
          "can-bo": "officer",
          canbo: "officer",
          xoa: "none",
          bo: "none",
        } as Record<string, string>
      )[role.toLowerCase()] ?? role.toLowerCase();
    const result = await grantRole(deps.repos, ctx.person, who, roleName);
    if (!result.ok) return ctx.reply(ctx.t(`roles:error_${result.error}`, { who }));
    const name = result.person.displayName || who;
    await ctx.reply(
      result.role === "none"
        ? ctx.t("roles:revoked", { name })
        : ctx.t("roles:done", { name, role: ctx.t(`roles:role_${result.role}`) }),
    );
  });

  composer.command("nhomtonghop", async (ctx) => {
    // A leader may receive rollups in their own private chat (on Zalo there are no groups).
    const privateChat = ctx.incoming.chatType === "private";
    if (!(await allow(ctx, privateChat ? ["admin", "leader"] : ["admin"]))) return;
    if (ctx.chat?.role === "unit" && ctx.chat.unitId)
      return ctx.reply(ctx.t("roles:rollup_is_unit_chat", { context: privateChat ? "private" : undefined }));
    await deps.repos.chats.bind({
      channel: ctx.incoming.channel,
      chatId: ctx.incoming.chatId,
      chatType: ctx.incoming.chatType,
      title: ctx.incoming.chatTitle,
      role: "rollup",
      unitId: null,
    });
    await deps.repos.audit.log({
      actor: actorOf(ctx),
      action: "chat.rollup",
      entity: "chat",
      entityId: `${ctx.incoming.channel}:${ctx.incoming.chatId}`,
    });
    await ctx.reply(
      privateChat
        ? ctx.t("roles:rollup_set_private")
        : ctx.t("roles:rollup_set", { title: ctx.incoming.chatTitle ?? ctx.t("roles:this_chat") }),
    );
  });

  return composer;
};
