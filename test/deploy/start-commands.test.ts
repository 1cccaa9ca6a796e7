import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { productionNodeFlags } from "../../bench/startup-bench.js";

const startScript = () => JSON.parse(readFileSync("package.json", "utf8")).scripts.start as string;

describe("production start commands", () => {
  it("systemd, Docker and npm start run node with the same flags", () => {
    const flags = productionNodeFlags();
    expect(flags).toEqual(
      expect.arrayContaining(["--conditions=production", "--max-semi-space-size=4", "--liftoff-only"]),
    );
    const docker = /^CMD (\[.*\])$/m.exec(readFileSync("deploy/Dockerfile", "utf8"))![1];
    expect(JSON.parse(docker)).toEqual(["node", ...flags, "dist/main.js"]);
    // exec: node replaces npm's shell, so the stop signal npm forwards reaches the bot itself.
    expect(startScript()).toBe(`exec node ${flags.join(" ")} scripts/start.mjs`);
  });

  it("SIGTERM sent to npm's own process reaches the node it started (npm start's script, with a stand-in for the bot)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "don-doc-npm-start-"));
    try {
      // The project's start script as it is, with its entry point replaced by a stand-in that
      // says when it started and when SIGTERM reached it.
      const marker = path.join(dir, "stopped");
      writeFileSync(
        path.join(dir, "stand-in.mjs"),
        `import { writeFileSync } from "node:fs";\nprocess.on("SIGTERM", () => { writeFileSync(${JSON.stringify(marker)}, "SIGTERM"); process.exit(0); });\nconsole.log("READY");\nsetInterval(() => {}, 1000);\n`,
      );
      const script = startScript().replace("scripts/start.mjs", "stand-in.mjs");
      writeFileSync(
        path.join(dir, "package.json"),
        JSON.stringify({ name: "start-check", version: "1.0.0", private: true, scripts: { start: script } }),
      );
      const npm = spawn("npm", ["start", "--silent"], {
        cwd: dir,
        stdio: ["ignore", "pipe", "pipe"],
        env: { PATH: process.env.PATH ?? "" },
      });
      await new Promise<void>((resolve, reject) => {
        npm.stdout!.on("data", (d) => String(d).includes("READY") && resolve());
        npm.once("exit", (code) => reject(new Error(`npm exited ${code} before the stand-in started`)));
      });
      npm.kill("SIGTERM");
      await new Promise((resolve) => npm.once("exit", resolve));
      for (let i = 0; i < 50 && !existsSync(marker); i++) await new Promise((r) => setTimeout(r, 100));
      expect(existsSync(marker)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
