import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { readCorpus, scoreCorpus } from "../../src/core/reports/corpus-score.js";

/**
 * The held-out parts of the real-style corpora: each written and committed before the parser stages
 * it measures, never read nor run by whoever works on the parser (this file is kept apart so the
 * parser's own test runs leave it out: `npx vitest run --exclude test/core/report-parser-real-heldout.test.ts`);
 * only scored. The floors guard against regressions; the goal is 98%. Scores so far:
 * - report-corpus-real-heldout.jsonl: 15/61 before the real-style stages, 46/61 after them,
 *   49/61 (80.3%) after tuning on the second development part;
 * - report-corpus-real-2-heldout.jsonl (written with the second development part): 61/70 (87.1%)
 *   before that tuning, 63/70 (90.0%) after;
 * - report-corpus-real-3-heldout.jsonl (written with the third development part): 55/70 (78.6%)
 *   before tuning on that part, 58/70 (82.9%) after;
 * - report-corpus-real-4-heldout.jsonl (written with the fourth development part): 61/70 (87.1%)
 *   before tuning on that part, 63/70 (90.0%) after;
 * - report-corpus-real-5-heldout.jsonl (written with the fifth development part): 52/70 (74.3%)
 *   before tuning on that part, 55/70 after;
 * - report-corpus-real-6-heldout.jsonl .. report-corpus-real-9-heldout.jsonl (written with the sixth
 *   to ninth development parts; the seventh from templates, the eighth short everyday messages):
 *   58/70, 66/70, 51/63 and 48/60 before tuning on those parts.
 * After the four tuning rounds of 6 Dec 2026 (sets 5 to 9): 52/61, 66/70, 59/70, 67/70, 60/70,
 * 62/70, 69/70, 55/63, 51/60 — 541/604 (89.6%).
 * - report-corpus-real-10-heldout.jsonl and report-corpus-real-11-heldout.jsonl (written with the
 *   tenth and eleventh development parts): 49/62 and 50/65 when written (the eleventh part, both
 *   halves, was kept outside the repository while the ninth and tenth rounds ran: 157/210 then,
 *   175/210 after those rounds, before any tuning on it).
 * After the rounds on sets 9, 10 and 11 (later on 6 Dec): 54/61, 66/70, 59/70, 66/70 (one lost to
 * the eleventh round), 63/70, 64/70, 69/70, 56/63, 53/60 — 550/604 (91.1%); 53/62 and 56/65.
 * - report-corpus-real-12-heldout.jsonl (written with the twelfth development part, both halves kept
 *   outside the repository until they were scored): the whole set read 177/210 with the parser of
 *   the morning, 184/210 after the rounds on sets 9–11; the held-out half 57/65 before the twelfth
 *   round, 59/65 after it. Then: 54/61, 67/70, 59/70, 66/70, 63/70, 64/70, 69/70, 56/63, 53/60 —
 *   551/604 (91.2%); 53/62, 57/65, 59/65.
 * - report-corpus-real-13-heldout.jsonl .. report-corpus-real-15-heldout.jsonl (written with the
 *   thirteenth to fifteenth development parts, every file kept outside the repository until scored):
 *   46/68, 59/67 and 53/61 when written. The fifteenth set, both halves, stayed outside through the
 *   rounds on sets 13 and 14: 172/210 before them, 177/210 after. After the rounds on sets 13–15:
 *   54/61, 67/70, 61/70, 66/70, 65/70, 66/70, 69/70, 58/63, 55/60, 53/62, 59/65, 59/65 — 732/796
 *   (92.0%); 51/68, 60/67, 53/61 — 896/992 (90.3%) over the fifteen parts.
 * - report-corpus-real-16-heldout.jsonl .. report-corpus-real-18-heldout.jsonl (written with the
 *   sixteenth to eighteenth development parts, kept outside the repository until the rounds on them
 *   were done): 44/69, 51/61, 50/59 before any round, 51/69, 54/61, 51/59 after them. The fifteen
 *   earlier parts after the rounds on sets 16–18 and a round on its own examples: 54/61, 67/70, 62/70,
 *   66/70, 65/70, 68/70, 69/70, 58/63, 55/60, 55/62, 60/65, 61/65 — 740/796 (93.0%); 53/68, 60/67,
 *   55/61 — 908/992 (91.5%); with the three new parts 1,064/1,181 (90.1%).
 * - report-corpus-real-20-heldout.jsonl (written with the twentieth development part, kept outside the
 *   repository until the rounds on that part were done): 38/60 before any round, 38/60 after two rounds
 *   on their own examples, 39/60 after two rounds on the development part (96/140 → 137/140). The
 *   eighteen earlier parts after them: 55/61, 67/70, 62/70, 66/70, 65/70, 68/70, 69/70, 59/63, 55/60,
 *   55/62, 60/65, 61/65, 54/68, 60/67, 57/61 — 913/992 (92.0%); 52/69, 54/61, 51/59.
 * - report-corpus-real-19-heldout.jsonl and report-corpus-real-22-heldout.jsonl (written with the
 *   nineteenth and twenty-second development parts, kept outside the repository until the rounds on
 *   them were done): 50/59 and 46/60 before, 50/59 and 48/60 after (the parts themselves 111 → 130/131
 *   and 98 → 127/140). The first fifteen parts then: 55/61, 67/70, 61/70, 66/70, 65/70, 68/70, 69/70,
 *   59/63, 57/60, 55/62, 61/65, 61/65, 55/68, 60/67, 57/61 — 916/992 (92.3%); 56/69, 54/61, 51/59; 39/60.
 * - report-corpus-real-21-heldout.jsonl (written with the twenty-first development part; the whole set
 *   was scored only as counts until its round): 48/60 with the parser of the session's start, 50/60 before
 *   the round on its part (103 → 111/140) and 50/60 after it. The first fifteen parts then 917/992 (92.4%).
 * - report-corpus-real-23-heldout.jsonl (written with the twenty-third development part; the whole set was
 *   scored only as counts, 137 → 141/200 over the session before): 40/60 before the two rounds on its part
 *   (101 → 133/140), 41/60 after them (40 after the first round on set 24, 41 after the second).
 * - report-corpus-real-24-heldout.jsonl (written with the twenty-fourth development part; the whole set was
 *   scored only as counts, 147 → 150/200 over the rounds on set 23): 44/60 before the two rounds on its
 *   part (106 → 130/140), 45/60 after them.
 * - report-corpus-real-26-heldout.jsonl (written with the twenty-sixth development part, by a writer given
 *   only the plan's indicators and the clerk's conventions): 29/60 before any round on its part (80/140), 31/60 after them, 34/60 after the rounds of the next session (118/140), 35/60 after the rounds on families of sets 21–29 (125/140).
 * - report-corpus-real-27-heldout.jsonl (a whole set of 200, written beside set 26 by another writer and
 *   never tuned beside: the unseen measure of the rounds on set 26): 104/200 with the parser before them,
 *   108/200 after them, 114/200 after the rounds on sets 26, 28, 29 and the tables set (never tuned beside), 120/200
 *   after the next session's rounds (stated zeros, parts that add up, corrections, over-asking, loanwords).
 * - report-corpus-real-28-heldout.jsonl (written with the twenty-eighth development part by another such
 *   writer, senders mostly a province's Sở VHTTDL, its centres and the communes; six of each category
 *   held out): 33/60 with the parser before any round on the set (its development part 84/140); 34/60 after
 *   the rounds on it (100/140).
 * - report-corpus-tables-heldout.jsonl (a set of 100 pasted tables only, written by a writer given the
 *   indicators, the clerk's conventions and a list of table shapes; 15 of each style held out): 15/30
 *   with the parser before any round on them (the development part report-corpus-tables.jsonl 34/70); 17/30
 *   after two rounds on the table stage (62/70).
 * - report-corpus-real-29-heldout.jsonl (written with the twenty-ninth development part by a writer given
 *   the indicators and the clerk's conventions, senders mostly a commune and its villages; six of each
 *   category held out): 32/60 with the parser before any round on the set (its development part 90/140); 34/60
 *   after the rounds on sets 26, 28 and 29 (the development part 103/140).
 * - report-corpus-real-30-heldout.jsonl (a whole set of 200 by another writer, senders from communes and
 *   their villages to the province's departments, North to South; never tuned beside: the unseen measure
 *   of the rounds after it): 102/200 with the parser before them, 109/200 after the five rounds of the same session
 *   (its writer was asked for English loanwords, "page, post, view, share, livestream, banner, standee"; the
 *   loanword round, on families of sets 28 and 29, lifted it 107 → 109).
 * - report-corpus-real-31-heldout.jsonl (a whole set of 200 by another writer: commune offices of merged
 *   communes and their villages' heads by voice typing, schools, health stations, border posts, companies,
 *   the province's departments; a third from the northern mountains; replies in a conversation and quoted
 *   requests): 98/200 with the parser before the rounds of the session it was written in, 107/200 after them
 *   (number forms typed on phones +2, the counted noun read as a phrase +7).
 * - report-corpus-real-32-heldout.jsonl (a whole set of 200 by another writer: commune offices of the
 *   two-level government pasting what they wrote for the Party committee, village heads, teachers and
 *   youth-union secretaries by chat, and provincial bodies — radio/TV station, library, museum, border
 *   guards; a third copied from Word/Excel; figures in words and digits, plans for next quarter, figures of
 *   bodies only supported): 121/200 with the parser before the rounds of the session it was written in, 124/200
   after them (tables, long formal reports, long chat reports, and the speed round).
 * - report-corpus-real-34-heldout.jsonl (a whole set of 200 by another writer: ward offices of the big cities
 *   and their residential groups pasting spreadsheet ranges, commune officers and village heads of the Mekong
 *   delta, the Central Highlands and the northern mountains by voice typing and Zalo bursts, and sectors —
 *   police, military, border posts, health stations, schools, libraries, companies; corrections of
 *   corrections, figures in words and digits): 109/200 with the parser before the rounds of the session it
 *   was written in, 111/200 after them (corrections and number words, periods and tables, background numbers),
 *   114/200 after the next session's (background sentences, long reports, multipliers).
 * - report-corpus-real-36-heldout.jsonl (a whole set of 200 by another writer: culture-social officers of the
 *   large merged communes writing Word-style reports with Roman-numeral sections and comparisons, older village
 *   heads and loudspeaker operators dictating by voice with regional words, mass organisations and cultural
 *   bodies — libraries, museums, cinemas, the provincial paper and radio): 110/200 with the parser before the
 *   rounds of the session it was written in, 118/200 after them (numbers in sentences naming no indicator left as
 *   background, officers' long chat reports and corrections, formal long reports and periods, multipliers).
 */
const PARTS = [
  // 91 (57 → 56/61): one message expects a number asked about that stands in a sentence naming no indicator, beside
  // figures read; later writers, and the clerk's rule they were given, leave such numbers out (combine.ts)
  { file: "report-corpus-real-heldout.jsonl", floor: 91 },
  { file: "report-corpus-real-2-heldout.jsonl", floor: 100 },
  // 87: one message expects a count beside its figures asked about that is now context (other-things.ts)
  { file: "report-corpus-real-3-heldout.jsonl", floor: 90 },
  { file: "report-corpus-real-4-heldout.jsonl", floor: 94 },
  { file: "report-corpus-real-5-heldout.jsonl", floor: 97 },
  { file: "report-corpus-real-6-heldout.jsonl", floor: 100 },
  { file: "report-corpus-real-7-heldout.jsonl", floor: 98 },
  { file: "report-corpus-real-8-heldout.jsonl", floor: 96 },
  { file: "report-corpus-real-9-heldout.jsonl", floor: 95 },
  { file: "report-corpus-real-10-heldout.jsonl", floor: 90 },
  { file: "report-corpus-real-11-heldout.jsonl", floor: 96 },
  { file: "report-corpus-real-12-heldout.jsonl", floor: 95 },
  { file: "report-corpus-real-13-heldout.jsonl", floor: 88 },
  { file: "report-corpus-real-14-heldout.jsonl", floor: 94 },
  { file: "report-corpus-real-15-heldout.jsonl", floor: 98 },
  { file: "report-corpus-real-16-heldout.jsonl", floor: 88 },
  { file: "report-corpus-real-17-heldout.jsonl", floor: 95 },
  { file: "report-corpus-real-18-heldout.jsonl", floor: 89 },
  { file: "report-corpus-real-20-heldout.jsonl", floor: 81 },
  { file: "report-corpus-real-19-heldout.jsonl", floor: 89 },
  { file: "report-corpus-real-22-heldout.jsonl", floor: 88 },
  { file: "report-corpus-real-21-heldout.jsonl", floor: 90 },
  { file: "report-corpus-real-23-heldout.jsonl", floor: 78 },
  { file: "report-corpus-real-24-heldout.jsonl", floor: 81 },
  { file: "report-corpus-real-26-heldout.jsonl", floor: 70 },
  { file: "report-corpus-real-27-heldout.jsonl", floor: 66 },
  { file: "report-corpus-real-28-heldout.jsonl", floor: 60 },
  { file: "report-corpus-real-29-heldout.jsonl", floor: 65 },
  { file: "report-corpus-tables-heldout.jsonl", floor: 60 },
  { file: "report-corpus-real-30-heldout.jsonl", floor: 62 },
  { file: "report-corpus-real-31-heldout.jsonl", floor: 59 },
  { file: "report-corpus-real-32-heldout.jsonl", floor: 64 },
  { file: "report-corpus-real-34-heldout.jsonl", floor: 57 },
  { file: "report-corpus-real-36-heldout.jsonl", floor: 59 },
];

describe("real-style report corpora (held-out parts)", () => {
  it.each(PARTS)("scores $file (floor: $floor% exact)", ({ file, floor }) => {
    const cases = readCorpus(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), "utf8"));
    const score = scoreCorpus(cases, SAMPLE_INDICATORS);
    const percent = (100 * score.exact) / score.total;
    console.log(`${file} exact match: ${score.exact}/${score.total} (${percent.toFixed(1)}%)`);
    expect(score.total).toBe(cases.length);
    expect(score.total).toBeGreaterThan(0);
    expect(percent).toBeGreaterThanOrEqual(floor);
  });
});
