/** Bounded edit distance for typo-tolerant indicator matching ("ap phick", "phat thnah"). */

const histA = new Int32Array(128);

/** Lower bound of the edit distance from letter counts (cheap pre-filter). */
function histogramBound(a: string, b: string): number {
  histA.fill(0);
  for (let i = 0; i < a.length; i++) histA[a.charCodeAt(i) & 127]!++;
  for (let i = 0; i < b.length; i++) histA[b.charCodeAt(i) & 127]!--;
  let plus = 0;
  let minus = 0;
  for (let i = 0; i < 128; i++) {
    const v = histA[i]!;
    if (v > 0) plus += v;
    else minus -= v;
  }
  return Math.max(plus, minus);
}

/**
 * Optimal string alignment distance (edits and adjacent swaps), or `max + 1` as soon as it exceeds `max`.
 * @example osaDistance("apphick", "apphich", 1) // 1
 */
export function osaDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  if (histogramBound(a, b) > max) return max + 1;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}
