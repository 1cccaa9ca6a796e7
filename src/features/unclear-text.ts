/**
 * The unclear fragments of a report as one list for its confirmation: fragments that overlap
 * (two numbers close together give "mới 2 cụm (1" and "2 cụm (1 cụm chưa lắp") are shown once,
 * joined ("mới 2 cụm (1 cụm chưa lắp"); one inside another is dropped.
 * @example joinOverlapping(["mới 2 cụm (1", "2 cụm (1 cụm chưa lắp"]) // ["mới 2 cụm (1 cụm chưa lắp"]
 */
export function joinOverlapping(fragments: readonly string[]): string[] {
  const out: string[] = [];
  for (const fragment of fragments) {
    const i = out.findIndex((kept) => kept.includes(fragment) || fragment.includes(kept) || overlap(kept, fragment));
    if (i < 0) out.push(fragment);
    else if (out[i].includes(fragment)) continue;
    else if (fragment.includes(out[i])) out[i] = fragment;
    else out[i] = out[i] + fragment.slice(overlap(out[i], fragment));
  }
  return out;
}

/** Length of the longest end of `a` that starts `b`, at a word's start and at least two words long; 0 when none. */
function overlap(a: string, b: string): number {
  for (let n = Math.min(a.length, b.length) - 1; n >= 3; n--)
    if (a.endsWith(b.slice(0, n)) && (n === a.length || a[a.length - n - 1] === " ") && b.slice(0, n).includes(" "))
      return n;
  return 0;
}
