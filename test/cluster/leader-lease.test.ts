import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/cluster/leader-lease.js";
import { createSoleLeader } from "../../src/cluster/leader-lease.js";
import { createPostgresLease } from "../../src/cluster/postgres-lease.js";
import { createThrowawayDatabase, postgresSkipReason, query } from "./postgres.js";

const skip = await postgresSkipReason();
if (skip) console.warn(`[cluster] PostgreSQL lease tests skipped: ${skip}`);

const quiet = { info() {}, warn() {}, error() {}, debug() {} };

/** Polls `check` every 50 ms until it is true; the elapsed ms, or a failure after `ms`. */
async function until(check: () => boolean, ms: number): Promise<number> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - t0;
}

/** Records every role a lease passes through. */
function watch(lease: { onChange(listener: (role: Role) => void): void }): Role[] {
  const seen: Role[] = [];
  lease.onChange((role) => void seen.push(role));
  return seen;
}

describe("sole leader (SQLite)", () => {
  it("leads from start to stop", async () => {
    const lease = createSoleLeader("host-1");
    const seen = watch(lease);
    expect(lease.role()).toBe("standby");
    await lease.start();
    expect(lease.role()).toBe("leader");
    await lease.stop();
    expect(seen).toEqual(["leader", "standby"]);
  });
});

describe.skipIf(!!skip)("leader lease on PostgreSQL", () => {
  let db: Awaited<ReturnType<typeof createThrowawayDatabase>>;
  beforeAll(async () => {
    db = await createThrowawayDatabase("lease");
  });
  afterAll(async () => {
    await db?.drop();
  });

  // Every lease a test made is stopped after it, passed or failed, so none holds the lock into the next.
  const made: ReturnType<typeof createPostgresLease>[] = [];
  afterEach(async () => {
    for (const l of made.splice(0)) await l.stop();
  });
  const lease = (instanceId: string, url = db.url, more: object = {}) => {
    const l = createPostgresLease({ url, instanceId, logger: quiet, retryMs: 200, checkMs: 200, ...more });
    made.push(l);
    return l;
  };

  it("two instances on one database: exactly one leads; when it stops, the other leads", async () => {
    const a = lease("a");
    const b = lease("b");
    const seenB = watch(b);
    await a.start();
    await b.start();
    expect([a.role(), b.role()]).toEqual(["leader", "standby"]);
    // Still so after many rounds of trying.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect([a.role(), b.role()]).toEqual(["leader", "standby"]);
    await a.stop();
    expect(a.role()).toBe("standby");
    await until(() => b.role() === "leader", 2_000);
    expect(seenB).toEqual(["leader"]);
    await b.stop();
  });

  it("a leader whose connection is killed stops leading at once; the standby takes over", async () => {
    const a = lease("killed");
    const b = lease("survivor");
    const seenA = watch(a);
    await a.start();
    await b.start();
    expect(a.role()).toBe("leader");
    const [{ terminated }] = await query<{ terminated: boolean }>(
      db.url,
      "SELECT bool_and(pg_terminate_backend(pid)) AS terminated FROM pg_stat_activity WHERE application_name = $1",
      ["don-doc lease killed"],
    );
    expect(terminated).toBe(true);
    await until(() => a.role() === "standby", 1_000);
    // The one that lost its connection lets the standby try first.
    await until(() => b.role() === "leader", 2_000);
    // The killed one reconnects as a standby and does not take the lease back.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect([a.role(), b.role()]).toEqual(["standby", "leader"]);
    expect(seenA).toEqual(["leader", "standby"]);
    await a.stop();
    await b.stop();
  });

  it("a leader cut off by the network steps down before the server frees its lock", async () => {
    const target = new URL(db.url);
    const frozen: net.Socket[] = [];
    let freeze = false;
    // A TCP proxy that can go silent (no reset): what a network partition looks like.
    const proxy = net.createServer((inbound) => {
      const outbound = net.connect(Number(target.port || 5432), target.hostname);
      inbound.pipe(outbound).pipe(inbound);
      const drop = () => {
        inbound.destroy();
        outbound.destroy();
      };
      inbound.on("error", drop);
      outbound.on("error", drop);
      frozen.push(inbound, outbound);
      if (freeze) drop();
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const proxied = new URL(db.url);
    proxied.hostname = "127.0.0.1";
    proxied.port = String((proxy.address() as net.AddressInfo).port);
    const a = lease("cut-off", proxied.toString(), { stepDownMs: 1_000, idleSessionMs: 3_000 });
    const b = lease("other");
    await a.start();
    await b.start();
    expect(a.role()).toBe("leader");
    let steppedDownAt = 0;
    a.onChange((role) => void (role === "standby" && (steppedDownAt = Date.now())));
    const t0 = Date.now();
    freeze = true;
    for (const socket of frozen) socket.pause();
    for (const socket of frozen) socket.unpipe();
    await until(() => b.role() === "leader", 10_000);
    const takenAt = Date.now();
    expect(steppedDownAt).toBeGreaterThan(0);
    // Stepped down within its limit, and well before the other could lead.
    expect(steppedDownAt - t0).toBeLessThan(2_500);
    expect(takenAt - steppedDownAt).toBeGreaterThan(1_000);
    await a.stop();
    await b.stop();
    for (const socket of frozen) socket.destroy();
    await new Promise((resolve) => proxy.close(resolve));
  }, 20_000);

  it("a standby's signals reach the leader, and only the leader acts on them", async () => {
    const a = lease("signal-leader");
    const b = lease("signal-standby");
    const heard: string[] = [];
    a.listen({
      outboxQueued: (at) => heard.push(`a outbox ${at.toISOString()}`),
      scheduleChanged: () => heard.push("a schedule"),
    });
    b.listen({ outboxQueued: () => heard.push("b outbox"), scheduleChanged: () => heard.push("b schedule") });
    await a.start();
    await b.start();
    b.outboxQueued(new Date("2026-12-06T08:00:00Z"));
    b.scheduleChanged();
    await until(() => heard.length >= 2, 2_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toEqual(["a outbox 2026-12-06T08:00:00.000Z", "a schedule"]);
    await a.stop();
    await b.stop();
  });

  it("a new leader waits its takeover delay after taking the lock before it says leader", async () => {
    const a = lease("patient", db.url, { takeoverDelayMs: 600 });
    const seen = watch(a);
    const t0 = Date.now();
    await a.start();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(600);
    expect(seen).toEqual(["leader"]);
  });

  it("two leases started at the same instant: never two leaders", async () => {
    const leases = Array.from({ length: 5 }, (_, i) => lease(`race-${i}`));
    await Promise.all(leases.map((l) => l.start()));
    const leaders = () => leases.filter((l) => l.role() === "leader").length;
    expect(leaders()).toBe(1);
    for (let i = 0; i < 4; i++) {
      const current = leases.find((l) => l.role() === "leader")!;
      await current.stop();
      leases.splice(leases.indexOf(current), 1);
      await until(() => leaders() === 1, 2_000);
      expect(leaders()).toBe(1);
    }
    await leases[0].stop();
  });
});
