import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const run = (...args: string[]) =>
  spawnSync("npx", ["tsx", "src/cli/parse-report.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: "/nonexistent-don-doc", DEFAULT_LANGUAGE: "vi" },
  });

describe("npm run parse-report -- --score", () => {
  it("prints the exact-match score of a corpus and, with --misses, what was missed", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "don-doc-corpus-"));
    const file = path.join(dir, "corpus.jsonl");
    const expected = { values: { pano: 12 }, references: [] };
    writeFileSync(
      file,
      `${JSON.stringify({ text: "đã treo 12 pa nô", expected })}\n${JSON.stringify({ text: "pano 13", expected })}\n`,
    );
    const r = run("--score", file, "--misses");
    expect(r.status).toBe(0);
    const [score, miss] = r.stdout.trim().split("\n");
    expect(score).toBe(`${file}: khớp chính xác 1/2 tin nhắn (50.0%)`);
    expect(miss).toMatch(/^2\tpano 13\t\{"values":\{"pano":13\}/);
  });

  it("names the bad line of a malformed corpus and exits 2 with the usage", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "don-doc-corpus-"));
    const file = path.join(dir, "bad.jsonl");
    writeFileSync(file, '{"text":"pano 3","expected":{"values":{},"references":[]}}\n{oops\n');
    const r = run("--score", file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file}, dòng 2: không phải JSON`);
    expect(r.stderr).toContain("--score CORPUS.jsonl");
  });
});
