import { CODE_PATTERN, normaliseCode, normaliseTag, TAG_PATTERN } from "../args.js";
import { addDays, endOfLocalDay, localDateOf, parseDmy, zonedInstant } from "../calendar/time.js";
import { createWorkingCalendar } from "../calendar/working-calendar.js";
import { currentPlan, type PlanSpan, planSpans } from "../plans/periods.js";
import type { Clock, UnitRecord } from "../ports.js";
import type { Repositories } from "../repositories.js";
import { unbindPerson } from "./access.js";

export type UnitError = "bad_code" | "bad_name" | "bad_tag" | "exists" | "not_found";
export type UnitResult =
  | { ok: true; unit: UnitRecord /** The plan the unit joined (see addUnit). */; plan?: string }
  | { ok: false; error: UnitError; detail?: string };

const KIND_BY_TAG: Record<string, string> = {
  xa: "xa",
  "thi-tran": "xa",
  "phong-ban": "phong_ban",
  "trung-tam": "trung_tam",
  "doan-the": "doan_the",
  lead: "lead",
};

/** Parses "xa,thi-tran" into tags; returns the first bad tag when there is one. */
export function parseTags(text: string): { tags: string[]; bad?: string } {
  const tags = [
    ...new Set(
      text
        .split(/[,;]/)
        .map((t) => normaliseTag(t.trim()))
        .filter(Boolean),
    ),
  ];
  return { tags, bad: tags.find((t) => !TAG_PATTERN.test(t)) };
}

const MAX_NAME = 120;

/**
 * Whether a unit name is fit to show in every message and file: 2–120 characters, no control
 * characters (NUL, newlines) and no bidirectional overrides that would reorder what leaders read.
 * Plan files apply the same check.
 * @example isValidUnitName("UBND xã Thạch Bình") // true
 */
export function isValidUnitName(name: string): boolean {
  return (
    name.trim().length >= 2 && name.length <= MAX_NAME && !/[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/u.test(name)
  );
}

/**
 * Creates a unit (admin only; the caller checks the role). A soft-deleted or retired unit with the
 * same code is brought back with the new name and tags. With `at`, the unit joins the current plan
 * (the one running on that day, else the latest; see currentPlan), so that plan's tasks reach it
 * by its tags; other plans never do.
 * @example await addUnit(repos, "telegram:1", { code: "XA_THACH_BINH", name: "UBND xã Thạch Bình", tags: "xa" }, { now, timezone })
 */
export async function addUnit(
  repos: Repositories,
  actor: string,
  input: { code: string; name: string; tags: string },
  at?: { now: Date; timezone: string },
): Promise<UnitResult> {
  const code = normaliseCode(input.code);
  if (!CODE_PATTERN.test(code)) return { ok: false, error: "bad_code", detail: input.code };
  const name = input.name.normalize("NFC").trim();
  if (!isValidUnitName(name)) return { ok: false, error: "bad_name" };
  const { tags, bad } = parseTags(input.tags);
  if (bad) return { ok: false, error: "bad_tag", detail: bad };
  const kind = KIND_BY_TAG[tags[0] ?? ""] ?? "khac";
  const existing = await repos.units.findByCode(code);
  if (existing?.active) return { ok: false, error: "exists", detail: existing.name };
  const unit = existing
    ? await repos.units.update(existing.id, { name, tags, kind, active: true })
    : await repos.units.create({ code, name, kind, tags });
  const plan = at ? await joinCurrentPlan(repos, unit.id, at.now, at.timezone) : undefined;
  await repos.audit.log({
    actor,
    action: existing ? "unit.restore" : "unit.create",
    entity: "unit",
    entityId: code,
    detail: { name, tags, plan },
  });
  return { ok: true, unit, ...(plan ? { plan } : {}) };
}

/**
 * The plan in force at `now` (the one running that day, else the latest by date; see currentPlan),
 * with its span; undefined when no plan was imported.
 * @example (await findCurrentPlan(repos, new Date("2026-12-20"), "Asia/Ho_Chi_Minh"))?.plan.number // "45/KH-SVHTTDL", even with the 2027 plan imported
 */
export async function findCurrentPlan(repos: Repositories, now: Date, timezone: string): Promise<PlanSpan | undefined> {
  const calendar = createWorkingCalendar(await repos.calendar.list());
  return currentPlan(await planSpans(repos, calendar, timezone), localDateOf(now, timezone));
}

/** Adds the unit to the units of the plan current at `now`; returns that plan's number. */
async function joinCurrentPlan(
  repos: Repositories,
  unitId: number,
  now: Date,
  timezone: string,
): Promise<string | undefined> {
  const current = await findCurrentPlan(repos, now, timezone);
  if (!current) return undefined;
  const ids = await repos.plans.unitIds(current.plan.id);
  // A plan without a list (imported before lists existed) reaches every active unit already.
  if (ids.length && !ids.includes(unitId)) await repos.plans.setUnits(current.plan.id, [...ids, unitId]);
  return current.plan.number;
}

/**
 * Renames a unit and/or replaces its tags.
 * @example await editUnit(repos, actor, "XA_A", { name: "UBND xã A mới" })
 */
export async function editUnit(
  repos: Repositories,
  actor: string,
  codeText: string,
  patch: { name?: string; tags?: string },
): Promise<UnitResult> {
  const unit = await repos.units.findByCode(normaliseCode(codeText));
  if (!unit?.active) return { ok: false, error: "not_found", detail: codeText };
  const update: { name?: string; tags?: string[]; kind?: string } = {};
  if (patch.name !== undefined) {
    const name = patch.name.normalize("NFC").trim();
    if (!isValidUnitName(name)) return { ok: false, error: "bad_name" };
    update.name = name;
  }
  if (patch.tags !== undefined) {
    const { tags, bad } = parseTags(patch.tags);
    if (bad) return { ok: false, error: "bad_tag", detail: bad };
    update.tags = tags;
    update.kind = KIND_BY_TAG[tags[0] ?? ""] ?? "khac";
  }
  const updated = await repos.units.update(unit.id, update);
  await repos.audit.log({
    actor,
    action: "unit.update",
    entity: "unit",
    entityId: unit.code,
    detail: { before: { name: unit.name, tags: unit.tags }, after: update },
  });
  return { ok: true, unit: updated };
}

/**
 * Soft-deletes a unit: it stops receiving reminders, its open assignments are cancelled,
 * reports and history stay.
 */
export async function removeUnit(repos: Repositories, actor: string, codeText: string): Promise<UnitResult> {
  const unit = await repos.units.findByCode(normaliseCode(codeText));
  if (!unit?.active) return { ok: false, error: "not_found", detail: codeText };
  await repos.units.deactivate(unit.id);
  const cancelled = await repos.assignments.cancelForUnit(unit.id);
  // Its people are no longer registered anywhere; their private chats stop receiving reminders.
  for (const person of await repos.people.listByUnit(unit.id)) await unbindPerson(repos, person);
  for (const chat of await repos.chats.listForUnit(unit.id))
    if (chat.chatType === "private") await repos.chats.unbind(chat.channel, chat.chatId);
  await repos.audit.log({ actor, action: "unit.delete", entity: "unit", entityId: unit.code, detail: { cancelled } });
  return { ok: true, unit: { ...unit, active: false } };
}

export type RetireResult =
  | {
      ok: true;
      /** The units retired (or, on a preview, that would be). */
      units: UnitRecord[];
      /** The first day they no longer exist, "YYYY-MM-DD". */
      date: string;
      /** Open assignments due from that day on, cancelled. */
      cancelled: number;
      /** A plan's units listed for confirmation: nothing was changed. */
      preview: boolean;
      /** The plan named instead of unit codes. */
      plan?: string;
    }
  | { ok: false; error: "not_found" | "bad_date" | "future_date" | "no_units"; detail?: string };

/**
 * Retires units that were merged or abolished (as districts and many communes were on 1/7/2025):
 * from `date` (default today) they no longer exist. They are never reminded nor assigned again and
 * a plan re-import does not bring them back (only /donvi_them does); their open assignments due
 * from that day on are cancelled, earlier ones stay as they are (a period they had to report for);
 * their reports and rollups are kept. Their people are unregistered and their chats unbound, so
 * the officers and groups can register for the unit that took over. `target` is unit codes
 * separated by commas, or a plan number: every unit only that plan lists (a preview until `confirm`).
 * @example await retireUnits(deps, "telegram:111", { target: "XA_THACH_BINH,XA_THACH_LAM", date: "01/07/2025", note: "Sáp nhập", confirm: true })
 */
export async function retireUnits(
  deps: { repos: Repositories; clock: Clock; timezone: string },
  actor: string,
  input: { target: string; date?: string; note: string; confirm: boolean },
): Promise<RetireResult> {
  const { repos } = deps;
  const today = localDateOf(deps.clock.now(), deps.timezone);
  const date = input.date ? parseDmy(input.date) : today;
  if (!date) return { ok: false, error: "bad_date", detail: input.date };
  if (date > today) return { ok: false, error: "future_date", detail: input.date };
  const plan = input.target.includes("/") ? await repos.plans.findByNumber(input.target.trim().toUpperCase()) : null;
  let units: UnitRecord[];
  if (input.target.includes("/")) {
    if (!plan) return { ok: false, error: "not_found", detail: input.target };
    // Only units no other plan lists: a unit two plans share is still someone's.
    const others = new Set<number>();
    for (const p of await repos.plans.list())
      if (p.id !== plan.id) for (const id of await repos.plans.unitIds(p.id)) others.add(id);
    const own = new Set((await repos.plans.unitIds(plan.id)).filter((id) => !others.has(id)));
    units = (await repos.units.list()).filter((u) => own.has(u.id));
    if (!units.length) return { ok: false, error: "no_units", detail: plan.number };
  } else {
    units = [];
    for (const code of input.target
      .split(/[,;]/)
      .map((c) => normaliseCode(c.trim()))
      .filter(Boolean)) {
      const unit = await repos.units.findByCode(code);
      if (!unit?.active) return { ok: false, error: "not_found", detail: code };
      if (!units.some((u) => u.id === unit.id)) units.push(unit);
    }
    if (!units.length) return { ok: false, error: "not_found", detail: input.target };
  }
  if (plan && !input.confirm) return { ok: true, units, date, cancelled: 0, preview: true, plan: plan.number };
  const at = zonedInstant(date, "00:00", deps.timezone);
  const dueAfter = endOfLocalDay(addDays(date, -1), deps.timezone);
  let cancelled = 0;
  for (const unit of units) {
    await repos.units.retire(unit.id, at, input.note.normalize("NFC").trim().slice(0, 200));
    cancelled += await repos.assignments.cancelForUnit(unit.id, { dueAfter });
    for (const person of await repos.people.listByUnit(unit.id)) await unbindPerson(repos, person);
    for (const chat of await repos.chats.listForUnit(unit.id)) await repos.chats.unbind(chat.channel, chat.chatId);
    await repos.audit.log({
      actor,
      action: "unit.retire",
      entity: "unit",
      entityId: unit.code,
      detail: { date, note: input.note, plan: plan?.number },
      at: deps.clock.now(),
    });
  }
  return {
    ok: true,
    units: units.map((u) => ({ ...u, active: false, retiredAt: at, retiredNote: input.note })),
    date,
    cancelled,
    preview: false,
    ...(plan ? { plan: plan.number } : {}),
  };
}

/**
 * Resolves task targets (unit codes or tags, case- and diacritic-insensitive) to active units;
 * with `within` (the ids of the units a plan lists), only among those: a tag shared by two plans
 * (`xa`) never reaches the other plan's units. An empty `within` is a plan without a list.
 * @example await resolveTargets(repos, ["xa", "PHONG_VHTT"], planUnitIds) // → { units: [...], unknown: [] }
 */
export async function resolveTargets(
  repos: Repositories,
  targets: string[],
  within?: readonly number[],
): Promise<{ units: UnitRecord[]; unknown: string[] }> {
  const active = await repos.units.list();
  const scope = within?.length ? new Set(within) : null;
  return matchTargets(scope ? active.filter((u) => scope.has(u.id)) : active, targets);
}

/**
 * The units a target list names (codes or tags; "tat-ca" means all), and the targets naming none.
 * @example matchTargets(units, ["xa"]).units.length // 23
 */
export function matchTargets<U extends Pick<UnitRecord, "code" | "tags">>(
  all: U[],
  targets: string[],
): { units: U[]; unknown: string[] } {
  const chosen = new Map<string, U>();
  const unknown: string[] = [];
  for (const target of targets) {
    const code = normaliseCode(target);
    const tag = normaliseTag(target);
    const matches = all.filter((u) => u.code === code || u.tags.includes(tag) || tag === "tat-ca" || tag === "all");
    if (!matches.length) unknown.push(target);
    for (const u of matches) chosen.set(u.code, u);
  }
  return { units: [...chosen.values()].sort((a, b) => a.code.localeCompare(b.code)), unknown };
}
