import { addDays, formatDmy, parseDmy } from "../core/calendar/time.js";
import { Composer } from "../core/composer.js";
import { addCalendarEntries } from "../core/plans/tasks.js";
import { truncate } from "../core/text-limits.js";
import type { CalendarEntryInput } from "../core/types.js";
import { actorOf, allow, type Feature } from "./deps.js";

const MAX_RANGE_DAYS = 31;

/** Parses "10/02/2021-16/02/2021 Nghỉ Tết" or "09/01/2027 Làm bù" into days. */
export function parseCalendarArgs(
  args: string,
  kind: "holiday" | "workday",
): CalendarEntryInput[] | "usage" | "bad_date" | "too_long" {
  const m = /^(\S+?)(?:\s*(?:-|–|đến|den)\s*(\S+))?\s+([\s\S]+)$/u.exec(args.trim());
  if (!m) return "usage";
  const from = parseDmy(m[1]);
  const to = m[2] ? parseDmy(m[2]) : from;
  // Calendar entries are for real years; past 9999 date strings stop sorting.
  if (!from || !to || to < from || to > "2199-12-31" || from < "1900-01-01") return "bad_date";
  const name = truncate(m[3].trim(), 100);
  const out: CalendarEntryInput[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (out.length >= MAX_RANGE_DAYS) return "too_long";
    out.push({ date: d, kind, name });
  }
  return out;
}

/** /ngaynghi (holidays) and /ngaylam (swapped working days), admin only. */
export const calendarFeature: Feature = (deps) => {
  const composer = new Composer();
  for (const [command, kind] of [
    ["ngaynghi", "holiday"],
    ["ngaylam", "workday"],
  ] as const) {
    composer.command(command, async (ctx) => {
      if (!(await allow(ctx, ["admin"]))) return;
      const parsed = parseCalendarArgs(ctx.command!.args, kind);
      if (typeof parsed === "string")
        return ctx.reply(`${ctx.t(`calendar:error_${parsed}`)}\n${ctx.t(`calendar:usage_${kind}`)}`);
      await addCalendarEntries(deps, actorOf(ctx), parsed);
      deps.onScheduleChange();
      const range =
        parsed.length > 1
          ? `${formatDmy(parsed[0].date)}–${formatDmy(parsed[parsed.length - 1].date)}`
          : formatDmy(parsed[0].date);
      await ctx.reply(ctx.t(`calendar:added_${kind}`, { range, name: parsed[0].name, count: parsed.length }));
    });
  }
  return composer;
};
