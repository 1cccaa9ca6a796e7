import { splitArgs } from "../core/args.js";
import { truncate } from "../core/text-limits.js";
import { Composer, type Context } from "../core/composer.js";
import { addUnit, editUnit, removeUnit, type UnitResult } from "../core/units/units.js";
import { actorOf, allow, type Feature } from "./deps.js";

async function replyUnitError(ctx: Context, result: Exclude<UnitResult, { ok: true }>, usageKey: string): Promise<void> {
  await ctx.reply(`${ctx.t(`units:error_${result.error}`, { detail: result.detail ?? "" })}\n${ctx.t(usageKey)}`);
}

/** /donvi, /donvi_them, /donvi_sua, /donvi_xoa (admin; leaders may list). */
export const unitsFeature: Feature = (deps) => {
  const composer = new Composer();

  composer.command("donvi", async (ctx) => {
    if (!(await allow(ctx, ["admin", "leader"]))) return;
    const filter = ctx.command!.args.trim().toLowerCase();
    const all = await deps.repos.units.list();
    if (!all.length) return ctx.reply(ctx.t("units:empty"));
    const units = all
      .filter((u) => !filter || u.tags.includes(filter) || u.code.toLowerCase().includes(filter))
      .sort((a, b) => a.name.localeCompare(b.name, "vi"));
    if (!units.length) return ctx.reply(ctx.t("units:no_match", { filter: truncate(ctx.command!.args.trim(), 40), count: all.length }));
    const lines = await Promise.all(
      units.map(async (u) => {
        const chats = (await deps.repos.chats.listForUnit(u.id)).filter((c) => c.status === "active").length;
        return ctx.t("units:line", { code: u.code, name: u.name, tags: u.tags.join(", ") || "—", chats });
      }),
    );
    await ctx.reply([ctx.t("units:header", { count: units.length }), ...lines].join("\n"));
  });

  composer.command("donvi_them", async (ctx) => {
    if (!(await allow(ctx, ["admin"]))) return;
    const [code, name, tags = ""] = splitArgs(ctx.command!.args);
    if (!code || !name) return ctx.reply(ctx.t("units:add_usage"));
    const result = await addUnit(deps.repos, actorOf(ctx), { code, name, tags });
    if (!result.ok) return replyUnitError(ctx, result, "units:add_usage");
    deps.onScheduleChange();
    await ctx.reply(ctx.t("units:added", { code: result.unit.code, name: result.unit.name, tags: result.unit.tags.join(", ") || "—" }));
  });

  composer.command("donvi_sua", async (ctx) => {
    if (!(await allow(ctx, ["admin"]))) return;
    const [code, field, ...rest] = splitArgs(ctx.command!.args);
    const value = rest.join(" ");
    const key = field?.toLowerCase();
    if (!code || !value || (key !== "ten" && key !== "tên" && key !== "nhan" && key !== "nhãn")) return ctx.reply(ctx.t("units:edit_usage"));
    const patch = key.startsWith("t") ? { name: value } : { tags: value };
    const result = await editUnit(deps.repos, actorOf(ctx), code, patch);
    if (!result.ok) return replyUnitError(ctx, result, "units:edit_usage");
    deps.onScheduleChange();
    await ctx.reply(ctx.t("units:edited", { code: result.unit.code, name: result.unit.name, tags: result.unit.tags.join(", ") || "—" }));
  });

  composer.command("donvi_xoa", async (ctx) => {
    if (!(await allow(ctx, ["admin"]))) return;
    const [code] = splitArgs(ctx.command!.args);
    if (!code) return ctx.reply(ctx.t("units:delete_usage"));
    const result = await removeUnit(deps.repos, actorOf(ctx), code);
    if (!result.ok) return replyUnitError(ctx, result, "units:delete_usage");
    deps.onScheduleChange();
    await ctx.reply(ctx.t("units:deleted", { code: result.unit.code, name: result.unit.name }));
  });

  return composer;
};
