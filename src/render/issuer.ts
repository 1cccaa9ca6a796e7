/**
 * Who issued a plan, from the plan's data: the plan file names the coordinating office (`issuer`)
 * and its parent body (`parent_issuer`), and the plan's number says which of the two signed it
 * ("45/KH-SVHTTDL": the Sở itself; "20/KH-UBND": the district's People's Committee).
 */
import type { PlanInfo } from "../core/rollups/rollup-types.js";

/** Initials of the issuing office for "Số: /BC-VHTT": "Phòng Văn hóa và Thông tin" → "VHTT". */
export function issuerAbbreviation(issuer: string): string {
  const words = issuer
    .normalize("NFC")
    .split(/[\s,\-–]+/)
    .filter(Boolean);
  // "Phòng" names the kind of office and "và" is a conjunction: neither appears in the abbreviation.
  if (words[0]?.toLocaleLowerCase("vi") === "phòng") words.shift();
  return words
    .filter((w) => w.toLocaleLowerCase("vi") !== "và")
    .map((w) => w[0]!.normalize("NFD").replace(/\p{M}/gu, "").toLocaleUpperCase("vi"))
    .join("");
}

/** A People's Committee ("UBND huyện Thạch Thành", "Ủy ban nhân dân tỉnh Sơn Hà"). */
const PEOPLES_COMMITTEE = /^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\b/iu;

/**
 * The body that issued the plan: its parent body when the number's issuer code is the parent's
 * ("KH-UBND" for a UBND, or the parent's initials), else the office itself; "" when neither is known.
 * @example planIssuer({ number: "45/KH-SVHTTDL", issuer: "Sở Văn hóa, Thể thao và Du lịch", parentIssuer: "UBND tỉnh Sơn Hà", … }) // "Sở Văn hóa, Thể thao và Du lịch"
 * @example planIssuer({ number: "20/KH-UBND", issuer: "Phòng Văn hóa và Thông tin", parentIssuer: "UBND huyện Thạch Thành", … }) // "UBND huyện Thạch Thành"
 */
export function planIssuer(plan: Pick<PlanInfo, "number" | "issuer" | "parentIssuer">): string {
  const parent = plan.parentIssuer.trim();
  // The code after the document kind: "20/KH-UBND" → "UBND", "12/KH-UBND-VHTT" → "UBND-VHTT".
  const code = /^[^/]*\/[^-\s]+-(\S+)/u.exec(plan.number.normalize("NFC"))?.[1]?.toLocaleUpperCase("vi") ?? "";
  const ownCode = code.split("-")[0] ?? "";
  const parentSigned =
    parent !== "" &&
    ownCode !== "" &&
    ((ownCode === "UBND" && PEOPLES_COMMITTEE.test(parent)) || ownCode === issuerAbbreviation(parent));
  if (parentSigned && ownCode !== issuerAbbreviation(plan.issuer)) return parent;
  return plan.issuer.trim() || parent;
}
