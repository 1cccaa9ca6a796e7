import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { productionNodeFlags } from "../../bench/startup-bench.js";

describe("production start commands", () => {
  it("systemd, Docker and npm start run node with the same flags", () => {
    const flags = productionNodeFlags();
    expect(flags).toEqual(expect.arrayContaining(["--conditions=production", "--max-semi-space-size=4", "--liftoff-only"]));
    const docker = /^CMD (\[.*\])$/m.exec(readFileSync("deploy/Dockerfile", "utf8"))![1];
    expect(JSON.parse(docker)).toEqual(["node", ...flags, "dist/main.js"]);
    const start = JSON.parse(readFileSync("package.json", "utf8")).scripts.start as string;
    expect(start).toBe(`node ${flags.join(" ")} scripts/start.mjs`);
  });
});
