/**
 * Text normalisation for matching Vietnamese text typed with or without diacritics.
 * Pure functions, no I/O.
 */

const MARKS = /\p{M}+/gu;
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Unicode NFC form (the form stored and shown to users).
 * @example nfc("pa no\u0302") // "pa nô"
 */
export function nfc(text: string): string {
  return String(text ?? "").normalize("NFC");
}

/**
 * The search key of a text: NFC → NFD → combining marks stripped → đ/Đ → d → lowercase →
 * whitespace collapsed → trimmed. Two spellings of a word with or without diacritics share a key.
 * @example searchKey("  Báo cáo   ĐỢT 2 ") // "bao cao dot 2"
 * @example searchKey("Pa nô") === searchKey("pa no") // true
 */
export function searchKey(text: string): string {
  const s = String(text ?? "");
  // plain ASCII has nothing to compose, decompose or strip
  if (!NON_ASCII.test(s)) return s.toLowerCase().replace(/\s+/g, " ").trim();
  // "Σ" lowercases by its place in the word (final sigma): only the whole text says how
  if (s.includes("\u03a3")) return wholeTextKey(s).replace(/\s+/g, " ").trim();
  // Code point by code point from a cache: decomposing and stripping marks act on each code point alone
  // (the reordering of marks NFD does moves only marks, all stripped), and this is the parser's most
  // frequent call on long messages (each cell of a line read as a possible table row).
  let key = "";
  for (let at = 0; at < s.length; ) {
    const c = s.charCodeAt(at);
    const pair = c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(at + 1) & 0xfc00) === 0xdc00;
    const ch = pair ? s.slice(at, at + 2) : s[at]!;
    at += ch.length;
    key += c < 128 ? (ASCII_KEYS[c] ??= ch.toLowerCase()) : codePointKey(ch);
  }
  return key.replace(/\s+/g, " ").trim();
}

/** searchKey's steps before whitespace, on a whole text. */
const wholeTextKey = (s: string): string =>
  // (NFD of the NFC form is the NFD form: canonically equivalent texts decompose alike)
  s.normalize("NFD").replace(MARKS, "").replace(/[đĐ]/g, "d").toLowerCase().replace(MARKS, "");

const ASCII_KEYS: (string | undefined)[] = new Array(128);
const keyCache = new Map<string, string>();

function codePointKey(ch: string): string {
  const cached = keyCache.get(ch);
  if (cached !== undefined) return cached;
  const out = wholeTextKey(ch);
  if (keyCache.size < 4096) keyCache.set(ch, out);
  return out;
}

const foldCache = new Map<string, string>();

const SPECIAL_FOLD: Record<string, string> = {
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
  "\uff1a": ":",
  "\uff1d": "=",
  "\u2026": ".",
  "\u00a0": " ",
  "\u202f": " ",
  "\u3000": " ",
  "\r": "\n",
  "\u2028": "\n",
  "\u2029": "\n",
};

function foldCodePoint(ch: string): string {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let out: string;
  const special = SPECIAL_FOLD[ch];
  if (special !== undefined) out = special;
  else if (ch === "\n" || ch === "\t") out = ch === "\n" ? "\n" : " ";
  else if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(ch)) out = " ";
  else if (/\p{Zs}/u.test(ch)) out = " ";
  else {
    out = ch.normalize("NFD").replace(MARKS, "").replace(/[đĐ]/g, "d").toLowerCase().replace(MARKS, "");
  }
  if (foldCache.size < 4096) foldCache.set(ch, out);
  return out;
}

const ASCII_FOLDS: (string | undefined)[] = new Array(128);

/** A folded text with, for every folded UTF-16 unit, the span of the original it came from. */
export interface FoldedText {
  /** Lowercase, marks stripped, đ → d, dashes/colons unified; whitespace kept (not collapsed). */
  key: string;
  /** `start[i]`: offset in the original of the character that produced `key[i]`. */
  start: Int32Array;
  /** `end[i]`: end offset (exclusive) in the original of that character. */
  end: Int32Array;
}

/**
 * Folds a text character by character like {@link searchKey} (without collapsing whitespace),
 * keeping a map back to the original so matches on the key can quote the original.
 * Control and format characters become spaces; CR becomes a line break.
 * @example foldWithMap("Pa-nô").key // "pa-no"
 */
export function foldWithMap(text: string): FoldedText {
  let key = "";
  // typed arrays, not number[]: a 4,000-character message otherwise allocates ~270 KB of boxed offsets
  let start: Int32Array = new Int32Array(text.length + 16);
  let end: Int32Array = new Int32Array(text.length + 16);
  let n = 0;
  let offset = 0;
  // the run of characters folding to themselves since `same` is copied whole, not one by one
  let same = 0;
  for (let at = 0; at < text.length; ) {
    // code point by code point, as `for (const ch of text)`; ASCII from a table
    const c = text.charCodeAt(at);
    const pair = c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00;
    const ch = pair ? text.slice(at, at + 2) : text[at]!;
    at += ch.length;
    const f = c < 128 ? (ASCII_FOLDS[c] ??= foldCodePoint(ch)) : foldCodePoint(ch);
    if (n + f.length > start.length) [start, end] = [grown(start, n + f.length), grown(end, n + f.length)];
    for (let i = 0; i < f.length; i++, n++) {
      start[n] = offset;
      end[n] = offset + ch.length;
    }
    if (f !== ch) {
      key += text.slice(same, offset) + f;
      same = offset + ch.length;
    }
    offset += ch.length;
  }
  return { key: key + text.slice(same), start: start.subarray(0, n), end: end.subarray(0, n) };
}

/** A copy of `a` with room for at least `size` entries (folds longer than one character are rare). */
function grown(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

/** What telexFold's steps change: a word with none of these comes back as it is. */
const TELEX_LEFTOVER = /[sfrxj]$|w|dd|aa|ee|oo/;
const PLAIN_WORD = /^[a-z]+$/;

/**
 * Undoes common Telex leftovers on one lowercase ASCII word: a trailing tone key (s f r x j),
 * doubled vowels (aa ee oo → a e o), "dd" → "d" and "w" (aw ow uw → a o u, lone w → u).
 * Vietnamese syllables never end in s/f/r/x/j, so the word must be a typing leftover.
 * Returns the word unchanged when nothing applies.
 * @example telexFold("baos") // "bao"
 * @example telexFold("hooij") // "hoi"
 * @example telexFold("muowif") // "muoi"
 */
export function telexFold(word: string): string {
  // Vietnamese syllables are short; long words are not Telex (and are left alone cheaply).
  if (word.length < 2 || word.length > 12 || !PLAIN_WORD.test(word) || !TELEX_LEFTOVER.test(word)) return word;
  let w = word;
  if ("sfrxj".includes(w[w.length - 1]!) && /[aeiouy]/.test(w.slice(0, -1))) w = w.slice(0, -1);
  w = w.replace(/dd/g, "d");
  w = w.replace(/aa|aw/g, "a").replace(/ee/g, "e").replace(/oo|ow/g, "o").replace(/uw/g, "u");
  w = w.replace(/w/g, "u");
  return w;
}
