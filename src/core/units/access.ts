/**
 * Who may speak for a unit: report, correct (/sua) and read its history (/lichsu). Being in the
 * unit's group is not enough; the person must be registered for the unit (an invite code, or a
 * colleague's /themnguoi). Leaders and admins read any unit's history.
 */
import type { Clock, PersonRecord, UnitRecord } from "../ports.js";
import type { Repositories } from "../repositories.js";

export type UnitAccess = "ok" | "not_registered" | "other_unit";

/**
 * Whether the person may report for or correct the unit's reports.
 * @example reportAccess({ ...lan, role: "officer", unitId: 3 }, unit3) // "ok"
 */
export function reportAccess(person: Pick<PersonRecord, "role" | "unitId">, unit: Pick<UnitRecord, "id">): UnitAccess {
  if (person.role !== "none" && person.unitId === unit.id) return "ok";
  return person.role !== "none" && person.unitId !== null ? "other_unit" : "not_registered";
}

/**
 * Whether the person may read the unit's report history: its own people, leaders and admins.
 * @example historyAccess({ role: "leader", unitId: null }, unit3) // "ok"
 */
export function historyAccess(person: Pick<PersonRecord, "role" | "unitId">, unit: Pick<UnitRecord, "id">): UnitAccess {
  return person.role === "leader" || person.role === "admin" ? "ok" : reportAccess(person, unit);
}

/**
 * Ends a person's registration with their unit: the unit is cleared and their private chat is
 * unbound, so no reminder reaches it and nothing they send speaks for the unit. A private chat's
 * id is its person's user id on every channel.
 * @example await unbindPerson(repos, person) // true when a private chat was bound
 */
export async function unbindPerson(
  repos: Repositories,
  person: Pick<PersonRecord, "id" | "channel" | "userId" | "unitId">,
): Promise<boolean> {
  if (person.unitId !== null) await repos.people.setUnit(person.id, null);
  const chat = await repos.chats.find(person.channel, person.userId);
  return chat?.chatType === "private" && chat.role === "unit"
    ? repos.chats.unbind(person.channel, person.userId)
    : false;
}

export type AddMemberResult =
  | { ok: true; person: PersonRecord }
  | {
      ok: false;
      error: "not_allowed" | "not_found" | "already_member" | "other_unit";
      unit?: UnitRecord;
      person?: PersonRecord;
    };

/**
 * An officer registers a colleague for their own unit (`/themnguoi`); admins may add anyone to any
 * active unit. A person registered for another unit is refused, not moved.
 * @example await addMember(repos, clock, { actor: lan, unit, target: minh })
 */
export async function addMember(
  repos: Repositories,
  clock: Clock,
  input: { actor: PersonRecord; unit: UnitRecord; target: PersonRecord | null },
): Promise<AddMemberResult> {
  const { actor, unit, target } = input;
  if (actor.role !== "admin" && reportAccess(actor, unit) !== "ok") return { ok: false, error: "not_allowed" };
  if (!target) return { ok: false, error: "not_found" };
  if (target.unitId === unit.id && target.role !== "none")
    return { ok: false, error: "already_member", person: target };
  if (target.unitId !== null && target.unitId !== unit.id) {
    const other = await repos.units.findById(target.unitId);
    if (other?.active) return { ok: false, error: "other_unit", unit: other, person: target };
  }
  await repos.people.setUnit(target.id, unit.id);
  const role = target.role === "none" ? "officer" : target.role;
  if (role !== target.role) await repos.people.setRole(target.id, role);
  await repos.audit.log({
    actor: `${actor.channel}:${actor.userId}`,
    action: "unit.member_add",
    entity: "person",
    entityId: `${target.channel}:${target.userId}`,
    detail: { unit: unit.code },
    at: clock.now(),
  });
  return { ok: true, person: { ...target, unitId: unit.id, role } };
}
