import { readdirSync, readFileSync } from "node:fs";
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { createTranslator } from "../src/i18n.js";

describe("translator", () => {
  it("texts kept in memory still follow the variables, the language and the office name", () => {
    const tr = createTranslator();
    const vi = tr.t("vi");
    const en = tr.t("en");
    expect(en("common:days_left", { count: 1 })).toBe("1 day left");
    expect(en("common:days_left", { count: 3 })).toBe("3 days left");
    expect(vi("common:days_left", { count: 3 })).toBe("còn 3 ngày");
    expect(en("common:days_left", { count: 3 })).toBe("3 days left");

    const before = vi("help:greeting", { name: "Lan" });
    expect(before).toContain(vi("common:org_default"));
    tr.setOrgName("Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn Hà");
    expect(vi("help:greeting", { name: "Lan" })).toBe(
      before.replace(vi("common:org_default"), "Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn Hà"),
    );
    tr.setOrgName(undefined);
    expect(vi("help:greeting", { name: "Lan" })).toBe(before);
    // A long variable is translated each time, not kept: the result is still right.
    const many = Array.from({ length: 300 }, (_, i) => `Xã ${i}`).join(", ");
    expect(vi("help:greeting", { name: many })).toContain("Xã 299");
  });
});

describe("compiled texts", () => {
  /** i18next itself on the same files, as the translator configures it. */
  function plainI18next() {
    const resources: Record<string, Record<string, unknown>> = {};
    for (const lng of ["vi", "en"]) {
      resources[lng] = {};
      for (const file of readdirSync(`locales/${lng}`))
        resources[lng][file.replace(/\.json$/, "")] = JSON.parse(readFileSync(`locales/${lng}/${file}`, "utf8"));
    }
    const instance = i18next.createInstance();
    void instance.init({
      resources: resources as never,
      lng: "vi",
      fallbackLng: "vi",
      ns: Object.keys(resources.vi),
      defaultNS: "common",
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    });
    return { instance, resources };
  }

  /** Every text key of a namespace, nested ones as a.b. */
  const keysOf = (node: Record<string, unknown>, prefix = ""): string[] =>
    Object.entries(node).flatMap(([k, v]) =>
      typeof v === "string"
        ? [prefix + k]
        : v && typeof v === "object"
          ? keysOf(v as Record<string, unknown>, `${prefix}${k}.`)
          : [],
    );

  it("give what i18next gives for every key of both languages, with and without their variables", () => {
    const { instance, resources } = plainI18next();
    const tr = createTranslator();
    let compared = 0;
    for (const lng of ["vi", "en"]) {
      const ours = tr.t(lng);
      const theirs = instance.getFixedT(lng);
      const org = String(theirs("common:org_default"));
      for (const [ns, tree] of Object.entries(resources[lng])) {
        for (const key of keysOf(tree as Record<string, unknown>)) {
          const text = String(theirs(`${ns}:${key}`, { returnObjects: false } as never));
          const names = [...new Set([...text.matchAll(/\{\{([^{}]*)\}\}/g)].map((m) => m[1]))];
          const vars = Object.fromEntries(names.map((name, i) => [name, i % 2 ? `«${name} – Đắk Lắk»` : i * 7]));
          for (const given of [vars, {}, undefined]) {
            expect(ours(`${ns}:${key}`, given), `${lng} ${ns}:${key}`).toBe(
              String(theirs(`${ns}:${key}`, { org, ...given } as never)),
            );
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1500);
  });

  it("the office name, contexts and plurals still follow i18next's rules", () => {
    const tr = createTranslator();
    const vi = tr.t("vi");
    tr.setOrgName("UBND xã Tân Lập");
    expect(vi("help:greeting", { name: "Lan" })).toContain("UBND xã Tân Lập");
    expect(vi("help:greeting", { name: "Lan", org: "Phòng Văn hóa" })).toContain("Phòng Văn hóa");
    expect(vi("reports:usage", { context: "zalo" })).not.toBe(vi("reports:usage"));
    expect(tr.t("en")("common:days_left", { count: 1 })).toBe("1 day left");
    // A key that does not exist comes back as i18next returns it.
    expect(vi("reports:no_such_key")).toBe("no_such_key");
  });
});
