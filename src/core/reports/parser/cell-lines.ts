/**
 * Stage 2a': a table pasted from Word with one cell per line ("STT / Chỉ tiêu / Số lượng / 1 / Băng rôn
 * / 14 / 2 / Tờ rơi / 900"). A line that is only an indicator's name, then a line that is only a
 * number, is one row: the line break between them joins them like a colon, and a bare row number on the
 * line before the name (1, 2, 3 …) is no figure. Only when at least two such rows follow one another,
 * so a report written line by line keeps its own reading. A unit cell on its own line may stand between a
 * name and its figure ("Pa nô / cái / 2", a table with a ĐVT column).
 * Runs after the look-alikes, before the multipliers and the tables.
 */

import type { CompiledIndicators } from "./indicators.js";
import { createNameMatcher } from "./mentions.js";
import type { NonValues, TokenMarks } from "./non-values.js";
import type { Tokenised } from "./tokens.js";

/** A line's token range [start, end) and the line break after it (or −1 at the text's end). */
interface Line {
  start: number;
  end: number;
  nl: number;
}

/**
 * Marks the line breaks inside one-cell-per-line rows as fillers and their row numbers as no figures.
 * @example markCellLines(normaliseAndTokenise("1\nBăng rôn\n14\n2\nTờ rơi\n900"), nv, compiled).transparent // [4, 11]
 */
export function markCellLines(tk: Tokenised, nv: NonValues, compiled: CompiledIndicators): TokenMarks {
  const { toks } = tk;
  if (!toks.some((t) => t.type === "nl")) return {};
  const lines: Line[] = [];
  let s = 0;
  for (let i = 0; i <= toks.length; i++) {
    if (i === toks.length || toks[i]!.type === "nl") {
      if (i > s) lines.push({ start: s, end: i, nl: i < toks.length ? i : -1 });
      s = i + 1;
    }
  }
  const bareNumber = (l: Line | undefined): boolean =>
    !!l && l.end - l.start === 1 && toks[l.start]!.type === "n" && !nv.blocked[l.start];
  // "1.450" is three tokens: a number line holds digits and the separators between them only
  const numberLine = (l: Line | undefined): boolean =>
    !!l &&
    toks[l.start]!.type === "n" &&
    toks[l.end - 1]!.type === "n" &&
    toks
      .slice(l.start, l.end)
      .every((t, k) => !nv.blocked[l.start + k] && (t.type === "n" || t.k === "." || t.k === ","));
  let nameAt: ReturnType<typeof createNameMatcher> | null = null;
  const nameLine = (l: Line | undefined): boolean => {
    if (!l || toks.slice(l.start, l.end).some((t) => t.type === "n")) return false;
    nameAt ??= createNameMatcher(toks, nv.blocked, compiled);
    return !!nameAt(l.start);
  };
  // a unit cell may stand between the name and its figure ("Pa nô / cái / 2": a table with a ĐVT column)
  const unitLine = (l: Line | undefined): boolean =>
    !!l && l.end - l.start <= 2 && toks.slice(l.start, l.end).every((t) => t.type === "w") && !nameLine(l);
  const valueLine = (k: number): number =>
    numberLine(lines[k + 1]) ? k + 1 : unitLine(lines[k + 1]) && numberLine(lines[k + 2]) ? k + 2 : -1;
  const rows: { k: number; v: number }[] = [];
  for (let k = 0; k + 1 < lines.length; k++) {
    const v = nameLine(lines[k]) ? valueLine(k) : -1;
    if (v >= 0) rows.push({ k, v });
  }
  if (rows.length < 2) return {};
  // rows must follow one another: name, (unit,) number, and at most a row number between
  const kept = rows.filter((r, idx) => {
    const near = (a: { v: number } | undefined, b: { k: number } | undefined): boolean =>
      a !== undefined && b !== undefined && b.k - a.v >= 1 && b.k - a.v <= 2;
    return near(rows[idx - 1], r) || near(r, rows[idx + 1]);
  });
  if (kept.length < 2) return {};
  const transparent: number[] = [];
  const blocked: number[] = [];
  for (const { k, v } of kept) {
    for (let x = k; x < v; x++) transparent.push(lines[x]!.nl);
    const before = lines[k - 1];
    // (not the figure of the row before: "Băng rôn / 14 / Tờ rơi / 900" has no row numbers)
    if (bareNumber(before) && /^\d{1,2}$/.test(toks[before!.start]!.k) && !kept.some((r) => r.v === k - 1))
      blocked.push(before!.start);
  }
  return { transparent, blocked };
}
