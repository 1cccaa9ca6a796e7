import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import i18next, { type i18n } from "i18next";
import type { Translate } from "./core/types.js";

export const SUPPORTED_LANGUAGES = ["vi", "en"] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** Texts kept in memory at most (one confirmation or reminder text is a few hundred bytes). */
const MEMO_ENTRIES = 5_000;
const MEMO_MAX_KEY = 600;
const DEFAULT_LOCALES_DIR = fileURLToPath(new URL("../locales", import.meta.url));

/** Loaded translations; `t(lng)` gives a {@link Translate} bound to one language. */
export interface Translator {
  t(lng?: string): Translate;
  languages: readonly Language[];
  /**
   * The coordinating office's name, available to every text as {{org}} (default: the locale's
   * "common:org_default"). Set from the plan file or ORG_NAME, never written into the locales.
   */
  setOrgName(name: string | undefined): void;
}

/**
 * Loads every `locales/<lng>/<namespace>.json` synchronously into a private i18next instance.
 * Keys are used as "namespace:key", e.g. `t("common:greeting", { name })`.
 * @example const tr = createTranslator({ defaultLanguage: "vi" }); tr.t("en")("common:unknown_command")
 */
export function createTranslator(options: { defaultLanguage?: string; localesDir?: string } = {}): Translator {
  const dir = options.localesDir ?? DEFAULT_LOCALES_DIR;
  const resources: Record<string, Record<string, unknown>> = {};
  const namespaces = new Set<string>();
  for (const lng of SUPPORTED_LANGUAGES) {
    resources[lng] = {};
    for (const file of readdirSync(path.join(dir, lng))
      .filter((f) => f.endsWith(".json"))
      .sort()) {
      const ns = file.slice(0, -".json".length);
      namespaces.add(ns);
      resources[lng][ns] = JSON.parse(readFileSync(path.join(dir, lng, file), "utf8"));
    }
  }
  const instance: i18n = i18next.createInstance();
  void instance.init({
    resources: resources as never,
    lng: options.defaultLanguage ?? "vi",
    fallbackLng: "vi",
    ns: [...namespaces],
    defaultNS: "common",
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  const fixed = new Map<string, Translate>();
  // Most texts only fill in {{variables}}: those are compiled once and filled here, since
  // i18next's own lookup and interpolation cost ~20 µs a call (several calls per message).
  // Plurals (count), contexts, and a variable left out (i18next's own handling) go to i18next,
  // its results kept by key and variables.
  const memo = new Map<string, string>();
  let orgName: string | undefined;
  return {
    languages: SUPPORTED_LANGUAGES,
    setOrgName(name) {
      orgName = name?.trim() || undefined;
      memo.clear();
    },
    t(lng) {
      const language =
        lng && (SUPPORTED_LANGUAGES as readonly string[]).includes(lng) ? lng : (options.defaultLanguage ?? "vi");
      let translate = fixed.get(language);
      if (!translate) {
        const bound = instance.getFixedT(language);
        const orgDefault = String(bound("common:org_default") as unknown);
        const templates = new Map<string, Template | null>();
        const templateOf = (key: string) => {
          let template = templates.get(key);
          if (template === undefined)
            templates.set(
              key,
              (template = compileTemplate(lookUp(resources, language, key) ?? lookUp(resources, "vi", key))),
            );
          return template;
        };
        translate = (key, vars) => {
          if (!vars || (vars.count === undefined && vars.context === undefined)) {
            const filled = templateOf(key)?.((name) =>
              name === "org" ? (vars?.org ?? orgName ?? orgDefault) : vars?.[name],
            );
            if (filled !== undefined) return filled;
          }
          const id = `${language}\u0000${key}\u0000${vars ? JSON.stringify(vars) : ""}`;
          const kept = memo.get(id);
          if (kept !== undefined) return kept;
          const text = String(bound(key, { org: orgName ?? orgDefault, ...vars } as never) as unknown);
          // Long lists (a digest's units) are rare and big: not kept.
          if (id.length <= MEMO_MAX_KEY) {
            if (memo.size >= MEMO_ENTRIES) memo.clear();
            memo.set(id, text);
          }
          return text;
        };
        fixed.set(language, translate);
      }
      return translate;
    },
  };
}

/** A text with its {{variables}} filled in, or undefined when one of them has no value. */
type Template = (value: (name: string) => unknown) => string | undefined;

/** The text of "namespace:key" (a.b.c inside the namespace) in one language's resources. */
function lookUp(resources: Record<string, Record<string, unknown>>, language: string, key: string): string | undefined {
  const colon = key.indexOf(":");
  let node: unknown = colon < 0 ? resources[language]?.common : resources[language]?.[key.slice(0, colon)];
  for (const part of (colon < 0 ? key : key.slice(colon + 1)).split("."))
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

/** Plain text and {{name}} only; anything else (nesting, formats, paths) is left to i18next (null). */
function compileTemplate(text: string | undefined): Template | null {
  if (text === undefined || text.includes("$t(")) return null;
  const parts = text.split(/\{\{([^{}]*)\}\}/);
  const names = parts.filter((_, i) => i % 2 === 1);
  if (names.some((name) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))) return null;
  if (!names.length) return () => text;
  return (value) => {
    let out = parts[0];
    for (let i = 1; i < parts.length; i += 2) {
      const v = value(parts[i]);
      if (v === undefined || v === null || typeof v === "object") return undefined;
      out += String(v) + parts[i + 1];
    }
    return out;
  };
}
