import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// Issue 14 through the CLI: a 2021 plan imported today has every period past. The plan itself runs
// on (its end is far ahead): a plan that has ended assigns nothing at all (issue 20, last test).
const dir = mkdtempSync(path.join(tmpdir(), "don-doc-plan-import-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const plan = (code: string, end = "2099-12-31") => `
plan: { number: "${code}/KH-UBND", date: 2021-01-02, end: ${end}, title: "Kế hoạch tuyên truyền năm 2021 của UBND xã Yên Lạc" }
units:
  - { code: THON_1, name: "Thôn 1", kind: thon, tags: [thon] }
  - { code: THON_2, name: "Thôn 2", kind: thon, tags: [thon] }
tasks:
  - { code: BC_THANG_${code}, title: "Báo cáo tháng", targets: [thon], periodic: { every: month, days_after_end: 5, start: 2021-01-01, end: 2021-12-31 } }
`;

function importFile(code: string, ...args: string[]) {
  const file = path.join(dir, `${code}.yaml`);
  writeFileSync(file, plan(code, code === "03" ? "2021-12-31" : undefined));
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/plan-import.ts", file, ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", DATA_DIR: dir },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout };
}

describe("npm run plan:import", () => {
  it("skips the periods already past and says so", () => {
    const r = importFile("01");
    expect(r.code).toBe(0);
    expect(r.out).toContain("0 lượt giao mới");
    expect(r.out).toContain("Bỏ qua 12 kỳ đã qua hạn trước ngày nhập (24 lượt giao). Chạy lại với --backfill");
  });

  it("--backfill assigns them", () => {
    const r = importFile("02", "--backfill");
    expect(r.code).toBe(0);
    expect(r.out).toContain("24 lượt giao mới");
    expect(r.out).not.toContain("Bỏ qua");
  });

  it("a plan that has ended assigns nothing and says when it ended", () => {
    const r = importFile("03", "--backfill");
    expect(r.code).toBe(0);
    expect(r.out).toContain("0 lượt giao mới");
    expect(r.out).toContain("Kế hoạch đã kết thúc ngày 31/12/2021: không giao kỳ nào");
  });
});
