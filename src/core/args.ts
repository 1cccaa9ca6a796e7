/**
 * Splits command arguments into words, keeping quoted phrases together. Phones turn " into
 * “ ” or « », so those count as quotes too.
 * @example splitArgs('XA_A "UBND xã A" xa,thi-tran') // → ["XA_A", "UBND xã A", "xa,thi-tran"]
 */
export function splitArgs(text: string): string[] {
  const out: string[] = [];
  const re = /["“”„«]([^"“”„«»]*)["“”»]|(\S+)/g;
  for (const m of text.matchAll(re)) out.push((m[1] ?? m[2]).trim());
  return out.filter((s) => s.length > 0);
}

/**
 * Unit codes are upper-case ASCII: diacritics stripped, spaces and dashes become "_".
 * @example normaliseCode("xa-thạch bình") // → "XA_THACH_BINH"
 */
export function normaliseCode(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "D")
    .toUpperCase()
    .replace(/[\s-]+/g, "_");
}

export const CODE_PATTERN = /^[A-Z0-9][A-Z0-9_]{1,39}$/;

/** Tags are lower-case ASCII words joined by dashes, e.g. "xa", "phong-ban". */
export function normaliseTag(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
}

export const TAG_PATTERN = /^[a-z0-9][a-z0-9-]{0,29}$/;
