import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// A parse that never ends would hang the bot on one message (round 28h's correction walk once looped on a
// marker of no width, found by the bench). Run in a child process so that a loop fails the test instead of
// hanging the run.
describe("the parser ends on long dense text", () => {
  it("reads every 4,000-character block of the development messages run together", () => {
    const script = fileURLToPath(new URL("../support/parse-dense-blocks.ts", import.meta.url));
    const run = spawnSync(process.execPath, ["--import", "tsx", script], { encoding: "utf8", timeout: 120_000 });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    expect(Number(/blocks: (\d+)/.exec(run.stdout)?.[1])).toBeGreaterThan(100);
  }, 150_000);
});
