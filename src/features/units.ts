import { splitArgs } from "../core/args.js";
import { formatDmy, localDateOf, parseDmy } from "../core/calendar/time.js";
import { Composer, type Context } from "../core/composer.js";
import { nameList } from "../core/format.js";
import { searchKey } from "../core/reports/text-key.js";
import { truncate } from "../core/text-limits.js";
import { addUnit, editUnit, removeUnit, retireUnits, type UnitResult } from "../core/units/units.js";
import { actorOf, allow, type Feature } from "./deps.js";

async function replyUnitError(
  ctx: Context,
  result: Exclude<UnitResult, { ok: true }>,
  usageKey: string,
): Promise<void> {
  await ctx.reply(`${ctx.t(`units:error_${result.error}`, { detail: result.detail ?? "" })}\n${ctx.t(usageKey)}`);
}

/** Names listed in a /donvi_nghi answer before "… và N đơn vị khác". */
const MAX_RETIRED_NAMES = 40;

/** /donvi, /donvi_them, /donvi_sua, /donvi_xoa, /donvi_nghi (admin; leaders may list). */
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
    if (!units.length)
      return ctx.reply(ctx.t("units:no_match", { filter: truncate(ctx.command!.args.trim(), 40), count: all.length }));
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
    const result = await addUnit(
      deps.repos,
      actorOf(ctx),
      { code, name, tags },
      { now: deps.clock.now(), timezone: deps.timezone },
    );
    if (!result.ok) return replyUnitError(ctx, result, "units:add_usage");
    deps.onScheduleChange();
    const lines = [
      ctx.t("units:added", {
        code: result.unit.code,
        name: result.unit.name,
        tags: result.unit.tags.join(", ") || "—",
      }),
    ];
    if (result.plan) lines.push(ctx.t("units:added_to_plan", { plan: result.plan }));
    await ctx.reply(lines.join("\n"));
  });

  composer.command("donvi_sua", async (ctx) => {
    if (!(await allow(ctx, ["admin"]))) return;
    const [code, field, ...rest] = splitArgs(ctx.command!.args);
    const value = rest.join(" ");
    const key = field?.toLowerCase();
    if (!code || !value || (key !== "ten" && key !== "tên" && key !== "nhan" && key !== "nhãn"))
      return ctx.reply(ctx.t("units:edit_usage"));
    const patch = key.startsWith("t") ? { name: value } : { tags: value };
    const result = await editUnit(deps.repos, actorOf(ctx), code, patch);
    if (!result.ok) return replyUnitError(ctx, result, "units:edit_usage");
    deps.onScheduleChange();
    await ctx.reply(
      ctx.t("units:edited", {
        code: result.unit.code,
        name: result.unit.name,
        tags: result.unit.tags.join(", ") || "—",
      }),
    );
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

  composer.command("donvi_nghi", async (ctx) => {
    if (!(await allow(ctx, ["admin"]))) return;
    const [target, ...rest] = splitArgs(ctx.command!.args);
    if (!target) {
      // No argument: the units retired so far, then how to retire one.
      const retired = (await deps.repos.units.list({ includeInactive: true })).filter((u) => u.retiredAt);
      const lines = retired
        .sort((a, b) => a.name.localeCompare(b.name, "vi"))
        .map((u) =>
          ctx.t("units:retired_line", {
            code: u.code,
            name: u.name,
            date: formatDmy(localDateOf(u.retiredAt!, deps.timezone)),
            note: u.retiredNote ? ` — ${u.retiredNote}` : "",
          }),
        );
      return ctx.reply(
        [ctx.t("units:retired_header", { count: retired.length }), ...lines, ctx.t("units:retire_usage")].join("\n"),
      );
    }
    const date = rest.find((w) => parseDmy(w) !== undefined || /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(w));
    const confirm = rest.some((w) => searchKey(w) === "xacnhan" || searchKey(w) === "xac nhan");
    const note = rest.filter((w) => w !== date && searchKey(w) !== "xacnhan" && searchKey(w) !== "xac nhan").join(" ");
    const result = await retireUnits(deps, actorOf(ctx), { target, date, note, confirm });
    if (!result.ok)
      return ctx.reply(
        `${ctx.t(`units:retire_error_${result.error}`, { detail: truncate(result.detail ?? "", 40) })}\n${ctx.t("units:retire_usage")}`,
      );
    const names = nameList(
      result.units.map((u) => u.name),
      MAX_RETIRED_NAMES,
      ctx.t,
    );
    const vars = {
      count: result.units.length,
      names,
      date: formatDmy(result.date),
      plan: result.plan ?? "",
      cancelled: result.cancelled,
    };
    if (result.preview)
      return ctx.reply(
        ctx.t("units:retire_preview", {
          ...vars,
          command: `/donvi_nghi ${[target, date, note].filter(Boolean).join(" ")} xacnhan`,
        }),
      );
    deps.onScheduleChange();
    await ctx.reply(ctx.t("units:retired", vars));
  });

  return composer;
};
