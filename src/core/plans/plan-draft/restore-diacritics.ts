/**
 * Puts diacritics back on text that lost them (OCR, typing without marks), for what the admin
 * reads in a draft: task titles, the plan's title and place, names of units. Longest phrase first
 * from the lexicon (vietnamese-lexicon.ts) and the bot's own names (units, places, indicators);
 * a long phrase may differ by OCR errors ("Trung tim Vin héa" → "Trung tâm Văn hóa"). A word
 * nothing knows is left as written: the source sentence is always shown next to it.
 */

import { searchKey } from "../../reports/text-key.js";
import { editDistance, ocrWordKey } from "./ocr-text.js";
import { LEXICON_PHRASES, LEXICON_SYLLABLES } from "./vietnamese-lexicon.js";

const MAX_WORDS = 12;
/** Words of a header in capitals that are restored alone ("HUYEN", "XA"): administrative levels and bodies. */
const LEVELS = new Set([
  "huyen",
  "xa",
  "phuong",
  "tinh",
  "quan",
  "thi",
  "tran",
  "so",
  "phong",
  "ban",
  "uy",
  "nhan",
  "dan",
]);

interface Entry {
  words: string[];
  keys: string[];
}

/** Restores diacritics with a fixed vocabulary plus names given at creation. */
export interface Restorer {
  /**
   * The text with diacritics restored where a phrase or syllable is known. `name`: a proper name
   * (a place): only phrases, never a lone syllable's usual reading ("Dong Ha" stays, not "Động Ha").
   */
  restore(text: string, options?: { name?: boolean }): string;
}

const splitPhrases = (list: string) =>
  list
    .split(/[|\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

function entryOf(phrase: string): Entry | null {
  const words = phrase
    .normalize("NFC")
    .split(/[\s,]+/)
    .filter(Boolean);
  const keys = words.map((w) => ocrWordKey(w));
  if (!keys.length || keys.some((k) => !k)) return null;
  return { words, keys };
}

/** Applies the case of `original` ("HUYEN", "Huyen", "huyen") to `word`. */
function withCase(word: string, original: string): string {
  const letters = original.replace(/[^\p{L}]/gu, "");
  if (letters.length > 1 && letters === letters.toUpperCase()) return word.toUpperCase();
  if (/^\p{Lu}/u.test(original)) return word[0].toUpperCase() + word.slice(1);
  return word.toLowerCase();
}

/**
 * Builds a restorer. `names` are phrases of the bot's own data (unit names, places, indicator
 * labels); they win over the general lexicon.
 * @example createRestorer(["Thạch Thành"]).restore("UBND huyen Thach Thanh") // "UBND huyện Thạch Thành"
 */
export function createRestorer(names: readonly string[] = []): Restorer {
  const exact = new Map<string, Entry>();
  const byFirst = new Map<string, Entry[]>();
  const add = (phrase: string, override: boolean) => {
    const e = entryOf(phrase);
    if (!e) return;
    const key = e.keys.join(" ");
    if (override || !exact.has(key)) exact.set(key, e);
    if (e.keys.length >= 2) {
      const list = byFirst.get(e.keys[0]) ?? [];
      list.push(e);
      byFirst.set(e.keys[0], list);
    }
  };
  for (const s of splitPhrases(LEXICON_SYLLABLES)) add(s, false);
  for (const p of splitPhrases(LEXICON_PHRASES)) add(p, true);
  for (const n of names) for (const part of n.split(/\s*[;()]\s*/)) if (part.trim()) add(part.trim(), true);

  return {
    restore(text, options = {}) {
      const tokens = [...text.normalize("NFC").matchAll(/[\p{L}\p{N}@&¥]+|[^\p{L}\p{N}@&¥]+/gu)].map((m) => m[0]);
      const wordIdx = tokens.map((t, i) => (/[\p{L}\p{N}]/u.test(t) ? i : -1)).filter((i) => i >= 0);
      const keys = wordIdx.map((i) => ocrWordKey(tokens[i]));
      const out = [...tokens];
      // Only separators made of spaces (and commas inside names) may lie inside a phrase.
      const joinable = (a: number, b: number) =>
        tokens.slice(wordIdx[a] + 1, wordIdx[b]).every((s) => /^[\s,]+$/.test(s));
      let i = 0;
      while (i < wordIdx.length) {
        let done = 0;
        for (let n = Math.min(MAX_WORDS, wordIdx.length - i); n >= 1 && !done; n--) {
          if (n > 1 && ![...Array(n - 1).keys()].every((k) => joinable(i + k, i + k + 1))) continue;
          const slice = keys.slice(i, i + n);
          let entry = exact.get(slice.join(" "));
          if (!entry && n >= 2) {
            // A phrase may carry OCR errors, one per word at most: in a short phrase only in words OCR
            // visibly garbled (odd marks, digits, symbols: "céo", "B4o"), in a long one in any word.
            const allowed = n >= 5 ? Math.floor(n / 3) + 1 : Math.floor(n / 2);
            const garbled = (j: number) => n >= 5 || /[^a-zA-Z]/.test(tokens[wordIdx[i + j]]);
            entry = byFirst
              .get(slice[0])
              ?.find(
                (e) =>
                  e.keys.length === n &&
                  e.keys.reduce(
                    (sum, k, j) =>
                      sum +
                      (k === slice[j]
                        ? 0
                        : garbled(j) && editDistance(k, slice[j], 2) <= 1 && k.length >= (n === 2 ? 3 : 2)
                          ? 1
                          : 99),
                    0,
                  ) <= allowed,
              );
          }
          // A lone syllable says little: a capitalised word in the middle of a text is a name ("Dong Ha"), left as written.
          if (entry && n === 1 && options.name) entry = undefined;
          if (entry && n === 1) {
            const original = tokens[wordIdx[i]];
            const before = tokens.slice(0, wordIdx[i]).join("");
            const sentenceStart = !/\S/.test(before) || /[.:;!?(\n]\s*$/.test(before);
            if (
              /^\p{Lu}/u.test(original) &&
              !sentenceStart &&
              !(original === original.toUpperCase() && LEVELS.has(slice[0]))
            )
              entry = undefined;
          }
          if (entry) {
            for (let j = 0; j < n; j++) {
              const t = wordIdx[i + j];
              // Numbers stay as written; a word already carrying the same marks stays too.
              if (/^\d+$/.test(tokens[t])) continue;
              out[t] = withCase(entry.words[j], tokens[t]);
            }
            done = n;
          }
        }
        if (!done) {
          // "nim 2021", "ndm 2021": the word before a year is "năm".
          if (
            /^n\p{L}{1,3}$/u.test(tokens[wordIdx[i]]) &&
            /^(?:19|20)\d\d$/.test(tokens[wordIdx[i + 1]] ?? "") &&
            searchKey(tokens[wordIdx[i]]) !== "nay"
          ) {
            out[wordIdx[i]] = withCase("năm", tokens[wordIdx[i]]);
          }
          done = 1;
        }
        i += done;
      }
      return out.join("");
    },
  };
}
