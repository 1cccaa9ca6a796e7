import { CODE_PATTERN, normaliseCode, normaliseTag, TAG_PATTERN } from "../args.js";
import type { UnitRecord } from "../ports.js";
import type { Repositories } from "../repositories.js";
import { unbindPerson } from "./access.js";

export type UnitError = "bad_code" | "bad_name" | "bad_tag" | "exists" | "not_found";
export type UnitResult = { ok: true; unit: UnitRecord } | { ok: false; error: UnitError; detail?: string };

const KIND_BY_TAG: Record<string, string> = { xa: "xa", "thi-tran": "xa", "phong-ban": "phong_ban", "trung-tam": "trung_tam", "doan-the": "doan_the", lead: "lead" };

/** Parses "xa,thi-tran" into tags; returns the first bad tag when there is one. */
export function parseTags(text: string): { tags: string[]; bad?: string } {
  const tags = [...new Set(text.split(/[,;]/).map((t) => normaliseTag(t.trim())).filter(Boolean))];
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
  return name.trim().length >= 2 && name.length <= MAX_NAME && !/[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/u.test(name);
}

/**
 * Creates a unit (admin only; the caller checks the role). A soft-deleted unit with the same
 * code is brought back with the new name and tags.
 * @example await addUnit(repos, "telegram:1", { code: "XA_THACH_BINH", name: "UBND xã Thạch Bình", tags: "xa" })
 */
export async function addUnit(repos: Repositories, actor: string, input: { code: string; name: string; tags: string }): Promise<UnitResult> {
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
  await repos.audit.log({ actor, action: existing ? "unit.restore" : "unit.create", entity: "unit", entityId: code, detail: { name, tags } });
  return { ok: true, unit };
}

/**
 * Renames a unit and/or replaces its tags.
 * @example await editUnit(repos, actor, "XA_A", { name: "UBND xã A mới" })
 */
export async function editUnit(repos: Repositories, actor: string, codeText: string, patch: { name?: string; tags?: string }): Promise<UnitResult> {
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
  await repos.audit.log({ actor, action: "unit.update", entity: "unit", entityId: unit.code, detail: { before: { name: unit.name, tags: unit.tags }, after: update } });
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
  for (const chat of await repos.chats.listForUnit(unit.id)) if (chat.chatType === "private") await repos.chats.unbind(chat.channel, chat.chatId);
  await repos.audit.log({ actor, action: "unit.delete", entity: "unit", entityId: unit.code, detail: { cancelled } });
  return { ok: true, unit: { ...unit, active: false } };
}

/**
 * Resolves task targets (unit codes or tags, case- and diacritic-insensitive) to active units.
 * @example await resolveTargets(repos, ["xa", "PHONG_VHTT"]) // → { units: [...], unknown: [] }
 */
export async function resolveTargets(repos: Repositories, targets: string[]): Promise<{ units: UnitRecord[]; unknown: string[] }> {
  return matchTargets(await repos.units.list(), targets);
}

/**
 * The units a target list names (codes or tags; "tat-ca" means all), and the targets naming none.
 * @example matchTargets(units, ["xa"]).units.length // 23
 */
export function matchTargets<U extends Pick<UnitRecord, "code" | "tags">>(all: U[], targets: string[]): { units: U[]; unknown: string[] } {
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
