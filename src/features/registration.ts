import { splitArgs } from "../core/args.js";
import { Composer } from "../core/composer.js";
import { createInvite, grantRole, redeemInvite } from "../core/units/registration.js";
import { formatDateTime } from "../core/format.js";
import { actorOf, allow, type Feature } from "./deps.js";

/** /dangky CODE (anyone), /moi UNIT [uses] (admin), /quyen USER ROLE (admin), /nhomtonghop (admin). */
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
    if (!result.ok) return ctx.reply(ctx.t(`register:error_${result.error}`, { code, unit: result.unit?.name ?? "" }));
    deps.onScheduleChange();
    const where = ctx.incoming.chatType === "private" ? ctx.t("register:this_private_chat") : ctx.t("register:this_group");
    await ctx.reply(ctx.t("register:done", { unit: result.unit.name, where, name: ctx.person.displayName }));
  });

  composer.command("moi", async (ctx) => {
    if (!(await allow(ctx, ["admin"]))) return;
    const [unitCode, usesText] = splitArgs(ctx.command!.args);
    if (!unitCode) return ctx.reply(ctx.t("register:invite_usage"));
    const uses = usesText === undefined ? 1 : Number(usesText);
    const result = await createInvite(deps.repos, deps.clock, actorOf(ctx), unitCode, uses);
    if (!result.ok) return ctx.reply(ctx.t(`register:invite_error_${result.error}`, { code: unitCode }));
    await ctx.reply(
      ctx.t("register:invite_created", {
        unit: result.unit.name,
        code: result.code,
        uses: result.maxUses,
        expires: formatDateTime(result.expiresAt, deps.timezone),
      }),
    );
  });

  composer.command("quyen", async (ctx) => {
    if (!(await allow(ctx, ["admin"]))) return;
    const [who, role] = splitArgs(ctx.command!.args);
    if (!who || !role) return ctx.reply(ctx.t("roles:usage"));
    const roleName = ({ "quan-tri": "admin", quantri: "admin", "lanh-dao": "leader", lanhdao: "leader", "can-bo": "officer", canbo: "officer", xoa: "none", bo: "none" } as Record<string, string>)[role.toLowerCase()] ?? role.toLowerCase();
    const result = await grantRole(deps.repos, ctx.person, who, roleName);
    if (!result.ok) return ctx.reply(ctx.t(`roles:error_${result.error}`, { who }));
    await ctx.reply(ctx.t("roles:done", { name: result.person.displayName || who, role: ctx.t(`roles:role_${result.role}`) }));
  });

  composer.command("nhomtonghop", async (ctx) => {
    if (!(await allow(ctx, ["admin"]))) return;
    if (ctx.chat?.role === "unit" && ctx.chat.unitId) return ctx.reply(ctx.t("roles:rollup_is_unit_chat"));
    await deps.repos.chats.bind({
      channel: ctx.incoming.channel,
      chatId: ctx.incoming.chatId,
      chatType: ctx.incoming.chatType,
      title: ctx.incoming.chatTitle,
      role: "rollup",
      unitId: null,
    });
    await deps.repos.audit.log({ actor: actorOf(ctx), action: "chat.rollup", entity: "chat", entityId: `${ctx.incoming.channel}:${ctx.incoming.chatId}` });
    await ctx.reply(ctx.t("roles:rollup_set", { title: ctx.incoming.chatTitle ?? ctx.t("roles:this_chat") }));
  });

  return composer;
};
