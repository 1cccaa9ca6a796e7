import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every key of a namespace file, nested keys joined with ".", with its text. */
function flatten(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") out.set(prefix, value);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value))
      for (const [key, text] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(key, text);
  }
  return out;
}

const load = (lang: string) => {
  const all = new Map<string, string>();
  for (const file of readdirSync(path.join("locales", lang)).filter((f) => f.endsWith(".json"))) {
    const ns = file.replace(/\.json$/, "");
    for (const [key, text] of flatten(JSON.parse(readFileSync(path.join("locales", lang, file), "utf8"))))
      all.set(`${ns}:${key}`, text);
  }
  return all;
};

/** English plural forms (key_one, key_other) are one key; Vietnamese has no plural forms. */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const merge = (texts: Map<string, string>) => {
  const out = new Map<string, string>();
  for (const [key, text] of texts) out.set(key.replace(PLURAL, ""), `${out.get(key.replace(PLURAL, "")) ?? ""}${text}`);
  return out;
};
const vi = merge(load("vi"));
const en = merge(load("en"));
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]))].sort();

/** Words locales/README.md excludes from Vietnamese texts (whole words). */
const EXCLUDED = ["bạn", "hãy", "vui lòng", "xin lỗi", "tôi", "sai?", "nhé"];

describe("locale files (locales/README.md)", () => {
  it("vi and en have the same keys", () => {
    expect([...en.keys()].filter((k) => !vi.has(k))).toEqual([]);
    expect([...vi.keys()].filter((k) => !en.has(k))).toEqual([]);
  });

  it("every key has the same placeholders in both languages", () => {
    const differ = [...vi]
      .filter(([k, text]) => en.has(k) && placeholders(text).join() !== placeholders(en.get(k)!).join())
      .map(([k]) => k);
    expect(differ).toEqual([]);
  });

  it("Vietnamese texts keep the formal register and name no office", () => {
    const offending = [...vi]
      .filter(([, text]) => {
        const lower = text.toLowerCase();
        return (
          EXCLUDED.some((w) => new RegExp(`(^|[^\\p{L}])${w.replace("?", "\\?")}($|[^\\p{L}])`, "u").test(lower)) ||
          /Phòng Văn hóa và Thông tin/.test(text)
        );
      })
      .map(([k, text]) => `${k}: ${text.slice(0, 80)}`);
    expect(offending).toEqual([]);
  });
});
