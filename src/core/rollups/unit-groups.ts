/**
 * Unit groups: how rollups sort units into kinds a leader recognises ("Xã, thị trấn", "Phòng, ban",
 * "Đoàn thể"). A plan names its groups by tag; units matching none fall back to their kind.
 */
import type { UnitRecord } from "../ports.js";
import type { Translate } from "../types.js";

/** One group of a plan: units carrying `tag`, shown as `label`. */
export interface UnitGroupDef {
  tag: string;
  label: string;
}

/** A unit's group label and rank: the plan's groups in its order, then other kinds (rank Infinity). */
export type UnitGrouper = (unit: Pick<UnitRecord, "tags" | "kind">) => { label: string; rank: number };

/**
 * Builds the grouping function of a plan: the first of the plan's groups whose tag the unit has;
 * otherwise the human label of the unit's kind (locale "rollup:kind.<kind>"), else its kind.
 * @example unitGrouper([{ tag: "xa", label: "Xã, thị trấn" }], t)({ tags: ["xa"], kind: "xa" }) // { label: "Xã, thị trấn", rank: 0 }
 */
export function unitGrouper(defs: readonly UnitGroupDef[], t?: Translate): UnitGrouper {
  return (unit) => {
    const index = defs.findIndex((def) => unit.tags.includes(def.tag));
    if (index >= 0) return { label: defs[index]!.label, rank: index };
    if (!t) return { label: unit.tags[0] ?? unit.kind, rank: Infinity };
    const label = t(`rollup:kind.${unit.kind}`);
    // i18next answers a missing key with the key itself.
    return { label: label.includes(`kind.${unit.kind}`) ? t("rollup:kind.khac") : label, rank: Infinity };
  };
}
