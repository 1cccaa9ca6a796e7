/** Word sequences looked up by their first word: a token is checked against a few, not a whole list. */

const indexes = new WeakMap<readonly string[][], Map<string, string[][]>>();
const NONE: readonly string[][] = [];

/**
 * The sequences of `list` whose first word is `first`, in list order (an index built once per list).
 * @example startingWith([["to", "dan", "pho"], ["tdp"], ["to", "trinh"]], "to") // [["to", "dan", "pho"], ["to", "trinh"]]
 */
export function startingWith(list: readonly string[][], first: string): readonly string[][] {
  let index = indexes.get(list);
  if (!index) {
    index = new Map();
    for (const seq of list) {
      const bucket = index.get(seq[0]!) ?? [];
      bucket.push(seq);
      index.set(seq[0]!, bucket);
    }
    indexes.set(list, index);
  }
  return index.get(first) ?? NONE;
}

const heads = new WeakMap<ReadonlySet<string>, Set<string>>();

/**
 * Whether `phrases` holds "`first` `second`": the first word is looked up first, as most words open no
 * phrase and the two-word key need not be built.
 * @example hasPhrase(new Set(["kho khan"]), "kho", "khan") // true
 */
export function hasPhrase(phrases: ReadonlySet<string>, first: string, second: string): boolean {
  let firsts = heads.get(phrases);
  if (!firsts) {
    firsts = new Set([...phrases].map((p) => p.split(" ")[0]!));
    heads.set(phrases, firsts);
  }
  return (firsts.has(first) || first.includes(" ")) && phrases.has(`${first} ${second}`);
}
