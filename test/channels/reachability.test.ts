import { describe, expect, it } from "vitest";
import { createReachability } from "../../src/channels/reachability.js";

function recordingLogger() {
  const lines: { level: string; obj: unknown; msg?: string }[] = [];
  const log = (level: string) => (obj: object | string, msg?: string) => void lines.push({ level, obj, msg });
  return { lines, info: log("info"), warn: log("warn"), error: log("error"), debug: log("debug") };
}

describe("platform reachability", () => {
  it("warns once a minute while the platform does not answer, then once that it is back", () => {
    let now = 0;
    const logger = recordingLogger();
    const reach = createReachability("telegram", logger, () => now);
    // A failed call every second for three minutes.
    for (; now <= 180_000; now += 1_000) reach.failed(new Error("connect ECONNREFUSED"));
    const warnings = logger.lines.filter((l) => l.level === "warn");
    expect(warnings).toHaveLength(4); // at 0, 60, 120 and 180 s
    expect(warnings[3].obj).toMatchObject({ channel: "telegram", downForS: 180, error: "connect ECONNREFUSED" });
    expect(reach.downSince()).toBe(0);
    reach.ok();
    reach.ok();
    expect(logger.lines.filter((l) => l.level === "info")).toHaveLength(1);
    expect(reach.downSince()).toBeUndefined();
  });
});
