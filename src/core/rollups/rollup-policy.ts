/**
 * `/lichtonghop`: when a plan's rollups are posted — the weekly digest's day and time (or none:
 * only after deadlines) and the time of the post after each deadline.
 */
import type { PlanRecord } from "../ports.js";
import { searchKey } from "../reports/text-key.js";
import type { Repositories } from "../repositories.js";
import { DEFAULT_ROLLUP_POLICY, type RollupPolicy } from "./rollup-schedule.js";

export type RollupPolicyResult =
  | { ok: true; plan: PlanRecord; policy: RollupPolicy; changed: boolean }
  | { ok: false; error: "no_plan" | "bad_setting"; detail?: string };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "thu=6" is Friday (Vietnamese weekdays count from Sunday = Chủ nhật = 1), "cn" is Sunday. */
function weekday(value: string): number | undefined {
  if (value === "cn") return 0;
  const n = Number(value);
  return Number.isInteger(n) && n >= 2 && n <= 7 ? n - 1 : undefined;
}

/** A plan's effective policy: its own settings over the defaults. */
export function rollupPolicyOf(plan: Pick<PlanRecord, "rollup">): RollupPolicy {
  const own = Object.fromEntries(Object.entries(plan.rollup).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_ROLLUP_POLICY, ...own };
}

/**
 * Shows or changes a plan's rollup schedule. `args`: an optional plan number first (default: the
 * newest plan), then settings `thu=2..7|cn`, `gio=HH:MM`, `tuan=co|khong` (weekly digest on/off),
 * `sauhan=HH:MM` (the post after each deadline) or `macdinh`. Keys are read without diacritics.
 * @example await setRollupPolicy(repos, "telegram:1", ["tuan=khong"]) // only after deadlines
 */
export async function setRollupPolicy(repos: Repositories, actor: string, args: string[]): Promise<RollupPolicyResult> {
  let rest = args;
  let plan: PlanRecord | null = null;
  if (args[0] && !args[0].includes("=") && searchKey(args[0]) !== "macdinh") {
    plan = await repos.plans.findByNumber(args[0].toUpperCase());
    if (!plan) return { ok: false, error: "no_plan", detail: args[0] };
    rest = args.slice(1);
  } else {
    const plans = await repos.plans.list();
    plan = plans.reduce<PlanRecord | null>((a, p) => (!a || p.id > a.id ? p : a), null);
    if (!plan) return { ok: false, error: "no_plan" };
  }
  if (rest.length === 0) return { ok: true, plan, policy: rollupPolicyOf(plan), changed: false };
  let next: PlanRecord["rollup"] = { ...plan.rollup };
  for (const setting of rest) {
    const [rawKey = "", value = ""] = searchKey(setting).split("=");
    const key = rawKey.replace(/\s/g, "");
    if (key === "macdinh") next = {};
    else if (key === "thu" && weekday(value) !== undefined) next = { ...next, weeklyDay: weekday(value), weekly: true };
    else if (key === "gio" && TIME.test(value)) next = { ...next, weeklyTime: value, weekly: true };
    else if (key === "tuan" && /^(co|khong)$/.test(value)) next = { ...next, weekly: value === "co" };
    else if (key === "sauhan" && TIME.test(value)) next = { ...next, afterDeadlineTime: value };
    else return { ok: false, error: "bad_setting", detail: setting };
  }
  const saved = await repos.plans.setRollup(plan.id, next);
  await repos.audit.log({ actor, action: "plan.rollup", entity: "plan", entityId: plan.number, detail: next });
  return { ok: true, plan: saved, policy: rollupPolicyOf(saved), changed: true };
}
