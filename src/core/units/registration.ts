import { randomInt } from "node:crypto";
import { normaliseCode, normaliseTag } from "../args.js";
import type { Clock, PersonRecord, Role, UnitRecord } from "../ports.js";
import type { Repositories } from "../repositories.js";
import type { Channel } from "../types.js";
import { unbindPerson } from "./access.js";
import { findCurrentPlan } from "./units.js";

const INVITE_DAYS = 7;
// No 0/O/1/I/L: codes are read aloud and retyped on phones.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A random 8-character invite code from an unambiguous alphabet. */
export function newInviteCode(): string {
  return Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

export type InviteResult =
  | { ok: true; code: string; unit: UnitRecord; expiresAt: Date; maxUses: number }
  | { ok: false; error: "not_found" | "bad_uses"; detail?: string };

/**
 * Creates an invite code for a unit, valid 7 days, single use unless `maxUses` says otherwise.
 * @example await createInvite(repos, clock, "telegram:1", "XA_THACH_BINH", 1)
 */
export async function createInvite(
  repos: Repositories,
  clock: Clock,
  actor: string,
  unitCode: string,
  maxUses = 1,
): Promise<InviteResult> {
  const unit = await repos.units.findByCode(normaliseCode(unitCode));
  if (!unit?.active) return { ok: false, error: "not_found", detail: unitCode };
  if (!Number.isInteger(maxUses) || maxUses < 1 || maxUses > 100) return { ok: false, error: "bad_uses" };
  const expiresAt = new Date(clock.now().getTime() + INVITE_DAYS * 86_400_000);
  const code = newInviteCode();
  await repos.invites.create({ code, unitId: unit.id, maxUses, expiresAt, createdBy: actor });
  await repos.audit.log({
    actor,
    action: "invite.create",
    entity: "unit",
    entityId: unit.code,
    detail: { maxUses, expiresAt },
  });
  return { ok: true, code, unit, expiresAt, maxUses };
}

/** Wrong codes a person may send per hour; the next is refused without being checked. */
export const INVITE_GUESS_LIMIT = 5;
const GUESS_WINDOW_MS = 3_600_000;

export type InviteBatchResult =
  | {
      ok: true;
      tag: string;
      invites: { unit: UnitRecord; code: string }[];
      expiresAt: Date;
      maxUses: number;
      /** The plan whose units were invited; absent when no plan was imported. */
      plan?: string;
    }
  | { ok: false; error: "not_found" | "bad_uses"; detail?: string }
  /** The plan named does not exist. */
  | { ok: false; error: "plan_not_found"; detail: string }
  /** Active units carry the tag, but the plan lists none of them. */
  | { ok: false; error: "not_in_plan"; detail: string; plan: string; outside: number };

/**
 * `/moi xa`: an invite code for every active unit with the tag that the current plan lists (the one
 * in force today, see findCurrentPlan), or the plan named by `planNumber`, at once (same validity
 * and uses as {@link createInvite}), in the units' order. Units of an ended plan and retired units
 * get none; a plan without a list (imported before lists existed) covers every active unit.
 * @example await createInvitesForTag(repos, clock, "telegram:1", "xa", 1, { timezone }) // → { ok: true, plan: "45/KH-SVHTTDL", invites: [10 codes] }
 */
export async function createInvitesForTag(
  repos: Repositories,
  clock: Clock,
  actor: string,
  tagText: string,
  maxUses = 1,
  scope: { timezone: string; planNumber?: string },
): Promise<InviteBatchResult> {
  const tag = normaliseTag(tagText);
  if (!Number.isInteger(maxUses) || maxUses < 1 || maxUses > 100) return { ok: false, error: "bad_uses" };
  const plan = scope.planNumber
    ? await repos.plans.findByNumber(scope.planNumber.trim().toUpperCase())
    : (await findCurrentPlan(repos, clock.now(), scope.timezone))?.plan;
  if (scope.planNumber && !plan) return { ok: false, error: "plan_not_found", detail: scope.planNumber };
  const tagged = (await repos.units.list()).filter((u) => u.active && u.tags.includes(tag)).sort((a, b) => a.id - b.id);
  if (tagged.length === 0) return { ok: false, error: "not_found", detail: tagText };
  const listed = plan ? new Set(await repos.plans.unitIds(plan.id)) : new Set<number>();
  const units = listed.size ? tagged.filter((u) => listed.has(u.id)) : tagged;
  if (units.length === 0)
    return { ok: false, error: "not_in_plan", detail: tagText, plan: plan!.number, outside: tagged.length };
  const expiresAt = new Date(clock.now().getTime() + INVITE_DAYS * 86_400_000);
  const invites: { unit: UnitRecord; code: string }[] = [];
  for (const unit of units) {
    const code = newInviteCode();
    await repos.invites.create({ code, unitId: unit.id, maxUses, expiresAt, createdBy: actor });
    invites.push({ unit, code });
  }
  await repos.audit.log({
    actor,
    action: "invite.create_tag",
    entity: "tag",
    entityId: tag,
    detail: { units: units.length, maxUses, expiresAt, plan: plan?.number },
  });
  return { ok: true, tag, invites, expiresAt, maxUses, ...(plan ? { plan: plan.number } : {}) };
}

export type RedeemResult =
  | { ok: true; unit: UnitRecord }
  | { ok: false; error: "expired" | "used" | "chat_taken" | "other_unit"; unit?: UnitRecord }
  /** `guesses`: wrong codes in the last hour, this one included. */
  | { ok: false; error: "unknown"; guesses: number }
  /** Too many wrong codes: try again at `retryAt`. */
  | { ok: false; error: "locked"; retryAt: Date };

/**
 * Binds the chat and the sender to the invite's unit. A group already bound to another unit,
 * or the rollup group, is refused rather than silently moved. After {@link INVITE_GUESS_LIMIT}
 * unknown codes in an hour, codes are refused unchecked until the oldest wrong one is an hour old.
 */
export async function redeemInvite(
  repos: Repositories,
  clock: Clock,
  input: { code: string; channel: Channel; chatId: string; chatType: string; chatTitle?: string; person: PersonRecord },
): Promise<RedeemResult> {
  const actor = `${input.channel}:${input.person.userId}`;
  const now = clock.now();
  const wrong = await repos.audit.timesSince(actor, "invite.wrong", new Date(now.getTime() - GUESS_WINDOW_MS));
  if (wrong.length >= INVITE_GUESS_LIMIT) {
    return {
      ok: false,
      error: "locked",
      retryAt: new Date(wrong[wrong.length - INVITE_GUESS_LIMIT].getTime() + GUESS_WINDOW_MS),
    };
  }
  const invite = await repos.invites.findByCode(input.code.trim().toUpperCase());
  const unit = invite && (await repos.units.findById(invite.unitId));
  if (!invite || !unit?.active) {
    await repos.audit.log({
      actor,
      action: "invite.wrong",
      entity: "invite",
      detail: { code: input.code.slice(0, 40) },
      at: now,
    });
    return { ok: false, error: "unknown", guesses: wrong.length + 1 };
  }
  if (invite.expiresAt <= now) return { ok: false, error: "expired", unit };
  const chat = await repos.chats.find(input.channel, input.chatId);
  if (chat?.role === "rollup" || (chat?.unitId && chat.unitId !== unit.id)) {
    const other = chat.unitId ? await repos.units.findById(chat.unitId) : null;
    return { ok: false, error: "chat_taken", unit: other ?? undefined };
  }
  if (input.person.role === "officer" && input.person.unitId && input.person.unitId !== unit.id) {
    const other = await repos.units.findById(input.person.unitId);
    if (other?.active) return { ok: false, error: "other_unit", unit: other };
  }
  if (!(await repos.invites.consume(invite.id))) return { ok: false, error: "used", unit };
  await repos.chats.bind({
    channel: input.channel,
    chatId: input.chatId,
    chatType: input.chatType,
    title: input.chatTitle,
    role: "unit",
    unitId: unit.id,
  });
  await repos.people.setUnit(input.person.id, unit.id);
  if (input.person.role === "none") await repos.people.setRole(input.person.id, "officer");
  await repos.audit.log({
    actor,
    action: "chat.register",
    entity: "unit",
    entityId: unit.code,
    detail: { chatId: input.chatId, invite: invite.code },
    at: now,
  });
  return { ok: true, unit };
}

export type GrantResult =
  | { ok: true; person: PersonRecord; role: Role }
  | { ok: false; error: "not_found" | "bad_role" | "self" };

/**
 * Who `/quyen` names: "zalo:8f3a…" or "telegram:123" on that channel, else an id or @username on
 * the admin's own channel. Ids are opaque strings (Zalo's are hex), so an id is tried before a username.
 */
async function findPerson(repos: Repositories, channel: Channel, who: string): Promise<PersonRecord | null> {
  const prefixed = /^(telegram|zalo|sandbox):(.+)$/i.exec(who);
  if (prefixed) return repos.people.find(prefixed[1].toLowerCase() as Channel, prefixed[2]);
  if (who.startsWith("@")) return repos.people.findByUsername(channel, who);
  return (
    (await repos.people.find(channel, who)) ?? (/^-?\d+$/.test(who) ? null : repos.people.findByUsername(channel, who))
  );
}

/**
 * Grants or revokes a role. `who` is a user id or @username the bot has seen, on the admin's channel
 * or prefixed with another channel ("zalo:8f3a1c2b9d0e4f56").
 * Revoking ("none") also ends the person's registration with their unit and unbinds their
 * private chat ({@link unbindPerson}).
 * @example await grantRole(repos, admin, "zalo:8f3a1c2b9d0e4f56", "leader")
 */
export async function grantRole(
  repos: Repositories,
  actor: PersonRecord,
  who: string,
  role: string,
): Promise<GrantResult> {
  if (!["admin", "leader", "officer", "none"].includes(role)) return { ok: false, error: "bad_role" };
  const target = await findPerson(repos, actor.channel, who);
  if (!target) return { ok: false, error: "not_found" };
  if (target.id === actor.id && role !== "admin") return { ok: false, error: "self" };
  await repos.people.setRole(target.id, role as Role);
  if (role === "none") await unbindPerson(repos, target);
  await repos.audit.log({
    actor: `${actor.channel}:${actor.userId}`,
    action: "role.set",
    entity: "person",
    entityId: `${target.channel}:${target.userId}`,
    detail: { from: target.role, to: role },
  });
  return {
    ok: true,
    person: { ...target, role: role as Role, unitId: role === "none" ? null : target.unitId },
    role: role as Role,
  };
}
