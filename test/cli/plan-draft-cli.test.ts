// npm run plan:draft: a plan document in, the draft's review and plan file out; --score over the fixtures.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parsePlanFile } from "../../src/core/plans/plan-file.js";
import { createTranslator } from "../../src/i18n.js";

const dir = mkdtempSync(path.join(tmpdir(), "don-doc-plan-draft-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/plan-draft.ts", ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", DATA_DIR: dir },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("npm run plan:draft", () => {
  it("--help prints the usage with an example", () => {
    const r = run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "Cách dùng: npm run -s plan:draft -- FILE [--units FILE.yaml] [--out FILE.yaml] | --score DIR",
    );
    expect(r.out).toMatch(/Ví dụ: npm run -s plan:draft -- /);
  });

  it("drafts the seed with the sample plan's units: the review on stdout, a plan file the importer accepts", () => {
    const out = path.join(dir, "du-thao.yaml");
    const r = run([
      "test/fixtures/plan-drafts/thach-thanh-cchc-2021.ocr.txt",
      "--units",
      "plans/thach-thanh-cchc-2021.yaml",
      "--out",
      out,
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("Dự thảo kế hoạch 20/KH-UBND: 3 nhiệm vụ, 27 đơn vị, 0 chưa khớp.");
    expect(r.out).toContain(`Đã ghi dự thảo vào ${out}.`);
    const parsed = parsePlanFile(readFileSync(out, "utf8"), createTranslator().t("vi"));
    expect(parsed.ok).toBe(true);
  });

  it("without --out the YAML goes to stdout and the review to stderr; a file with no tasks exits 1", () => {
    const r = run(["test/fixtures/plan-drafts/xa-quang-phu-bau-cu-2026.txt"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# Dự thảo kế hoạch do Đôn Đốc đọc từ văn bản xa-quang-phu-bau-cu-2026.txt/);
    expect(r.err).toContain("Dự thảo kế hoạch 09/KH-UBND: 11 nhiệm vụ");
    const letter = path.join(dir, "giay-moi.txt");
    writeFileSync(
      letter,
      "GIẤY MỜI\nUBND xã kính mời các đồng chí dự họp giao ban lúc 8 giờ ngày 05/3/2026 tại hội trường.\n",
    );
    const none = run([letter]);
    expect(none.code).toBe(1);
    expect(none.err).toContain("không thấy nhiệm vụ nào");
  });

  it("--score scores every fixture field by field", () => {
    const r = run(["--score", "test/fixtures/plan-drafts"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("Tổng: 5 văn bản, nhiệm vụ khớp 37/37");
  });
});
