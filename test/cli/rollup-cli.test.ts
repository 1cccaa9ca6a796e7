import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// The rollup tool on a plan file that ended years ago: imported as of its own date, so every
// period is there to roll up at the date asked for.
const dir = mkdtempSync(path.join(tmpdir(), "don-doc-rollup-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run rollup", () => {
  it("rolls up an ended plan's quarter at a past date", () => {
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", "src/cli/rollup.ts", "--plan", "plans/thach-thanh-cchc-2021.yaml", "--at", "2021-03-20"],
      { encoding: "utf8", env: { PATH: process.env.PATH ?? "", DATA_DIR: dir }, timeout: 60_000 },
    );
    expect(r.stderr).toContain("Đã nhập kế hoạch 20/KH-UBND");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("▶ Báo cáo quý kết quả tuyên truyền cải cách hành chính — Quý I/2021");
    expect(r.stdout).toContain("Hạn: Thứ Hai, 15/03/2021 (đã quá hạn 5 ngày)");
  });
});
