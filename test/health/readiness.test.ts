import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../support/harness.js";

let h: Harness;
let base: string;
const get = async (p: string) => {
  const res = await fetch(`${base}${p}`);
  return {
    status: res.status,
    body: (await res.json()) as {
      ok: boolean;
      role?: string;
      instanceId?: string;
      checks?: Record<string, { ok: boolean; detail: string }>;
      warnings?: string[];
    },
  };
};

beforeAll(async () => {
  h = await startHarness();
  base = `http://127.0.0.1:${h.app.http.port()}`;
});
afterAll(async () => {
  await h?.close();
});

describe("/healthz and /readyz", () => {
  it("answers both when all is well, bound to HEALTH_HOST, naming the instance and its role", async () => {
    const health = await get("/healthz");
    expect(health.status).toBe(200);
    // SQLite: one process, always the leader.
    expect(health.body).toMatchObject({ ok: true, role: "leader", instanceId: expect.stringMatching(/.+-\d+$/) });
    const ready = await get("/readyz");
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ role: "leader", instanceId: health.body.instanceId });
    expect(ready.body.checks).toMatchObject({
      database: { ok: true },
      channel_telegram: { ok: true },
      outbox: { ok: true },
    });
  });

  it("says while ready that alerts cannot reach an admin configured by id who never wrote to the bot, until they do", async () => {
    const before = await get("/readyz");
    expect(before.status).toBe(200);
    expect(before.body.warnings).toEqual([
      "alerts have nowhere to go: no admin has written to the bot yet (telegram:111 must send /start in a private chat with it)",
    ]);
    await h.say({ id: 111, first_name: "Hoa" }, { id: 111, type: "private" }, "/start");
    const after = await get("/readyz");
    expect(after.status).toBe(200);
    expect(after.body.warnings).toBeUndefined();
  });

  it("is not ready while the database refuses writes, and ready again once it takes them", async () => {
    await h.app.db.$executeRawUnsafe("PRAGMA query_only = 1");
    const refused = await get("/readyz");
    expect(refused.status).toBe(503);
    expect(refused.body.checks!.database).toMatchObject({ ok: false });
    expect(refused.body.checks!.database.detail).toMatch(/READONLY|readonly/i);
    expect(h.app.storage.problem()).not.toBeNull();
    expect((await get("/healthz")).status).toBe(200);
    await h.app.db.$executeRawUnsafe("PRAGMA query_only = 0");
    expect((await get("/readyz")).status).toBe(200);
    expect(h.app.storage.problem()).toBeNull();
  });

  it("is not ready when a due outbox message has waited ten minutes (the dispatcher stopped)", async () => {
    await h.app.dispatcher.stop(0);
    await h.app.repos.outbox.enqueue({
      dedupeKey: "stuck",
      channel: "telegram",
      chatId: "5",
      kind: "reminder",
      message: { type: "text", text: "x" },
      notBefore: new Date(h.clock.now().getTime() - 11 * 60_000),
    });
    const stuck = await get("/readyz");
    expect(stuck.status).toBe(503);
    expect(stuck.body.checks!.outbox).toMatchObject({ ok: false });
    expect(stuck.body.checks!.outbox.detail).toMatch(/waiting 660 s/);
  });
});
