import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** Runs a CLI as `npm run` does (tsx), with a clean, valid environment. */
function run(script: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ["--import", "tsx", `src/cli/${script}.ts`, ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", DATA_DIR: "/tmp/don-doc-cli-usage-test", ...env },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const TOOLS: [string, string][] = [
  ["parse-report", "npm run -s parse-report -- --plan FILE"],
  ["calendar", "npm run -s calendar -- YEAR"],
  ["reminders-plan", "npm run -s reminders:plan -- --plan FILE"],
  ["rollup", "npm run -s rollup -- [--plan FILE]"],
  ["plan-import", "npm run -s plan:import -- FILE.yaml"],
  ["backup", "npm run -s backup -- --out DIR"],
  ["restore", "npm run -s restore -- BACKUP_DIR"],
];

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe("every command-line tool", () => {
  it.each(TOOLS)("%s --help prints its usage and exits 0", (script, usage) => {
    const r = run(script, ["--help"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`Cách dùng: ${usage}`);
    expect(r.out).toMatch(/Ví dụ: .*npm run -s /);
  });

  it.each(TOOLS)("%s with an unknown option prints the usage and exits 2, no stack trace", (script, usage) => {
    const r = run(script, ["--no-such-option"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Không có tùy chọn --no-such-option");
    expect(r.err).toContain(usage);
    noStack(r.err);
  });

  it("a missing file prints the usage and exits 2", () => {
    for (const [script, args] of [
      ["plan-import", ["/nonexistent/plan.yaml"]],
      ["calendar", ["2021", "--plan", "/nonexistent/plan.yaml"]],
      ["reminders-plan", ["--plan", "/nonexistent/plan.yaml", "--from", "2021-01-01", "--to", "2021-02-01"]],
    ] as const) {
      const r = run(script, [...args]);
      expect(r.code, script).toBe(2);
      expect(r.err).toContain("/nonexistent/plan.yaml");
      expect(r.err).toContain("Cách dùng:");
      noStack(r.err);
    }
  });

  it("a bad environment stops with a Vietnamese and an English line, exit 1; --help still works", () => {
    const r = run("calendar", ["2021"], { TIMEZONE: "Mars/Base" });
    expect(r.code).toBe(1);
    expect(r.err).toContain("Cấu hình không hợp lệ: TIMEZONE không phải múi giờ IANA");
    expect(r.err).toContain("Invalid configuration: TIMEZONE is not an IANA time zone");
    noStack(r.err);
    expect(run("calendar", ["--help"], { TIMEZONE: "Mars/Base" }).code).toBe(0);
  });
});
