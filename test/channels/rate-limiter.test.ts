import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createRateLimiter, type RateLimiter, RECOVERY_PERIOD_MS } from "../../src/channels/rate-limiter.js";

const T0 = Date.parse("2026-12-01T08:00:00Z");

describe("rate limiter (fake clock)", () => {
  beforeEach(() => void vi.useFakeTimers({ now: T0 }));
  afterEach(() => void vi.useRealTimers());

  /** Queues a send and records when (ms after T0) it was released. */
  function queue(limiter: RateLimiter, chatId: string, released: number[], isGroup = false): void {
    void limiter.acquire(chatId, isGroup).then(() => released.push(Date.now() - T0));
  }

  it("spaces sends by the overall rate", async () => {
    const limiter = createRateLimiter({ globalPerSecond: 10, perChatPerSecond: 1, perGroupPerMinute: 20 });
    const released: number[] = [];
    for (let i = 0; i < 5; i++) queue(limiter, String(i), released);
    await vi.advanceTimersByTimeAsync(1000);
    expect(released).toEqual([0, 100, 200, 300, 400]);
  });

  it("a chat waiting for its own limit does not hold up the other chats", async () => {
    const limiter = createRateLimiter({ globalPerSecond: 10, perChatPerSecond: 1, perGroupPerMinute: 20 });
    const toA: number[] = [];
    const others: number[] = [];
    queue(limiter, "a", toA);
    queue(limiter, "a", toA);
    for (let i = 0; i < 3; i++) queue(limiter, `b${i}`, others);
    await vi.advanceTimersByTimeAsync(2000);
    expect(toA).toEqual([0, 1000]);
    expect(others).toEqual([100, 200, 300]);
  });

  it("after a 429 nothing goes out before retry_after, and the rate drops to just under what was accepted", async () => {
    const limiter = createRateLimiter({ globalPerSecond: 40, perChatPerSecond: 3, perGroupPerMinute: 60 });
    const released: number[] = [];
    for (let i = 0; i < 31; i++) queue(limiter, String(i), released);
    await vi.advanceTimersByTimeAsync(750);
    expect(released).toHaveLength(31); // 40/s: one every 25 ms
    // The platform took 30 in its second and refused the 31st; two more senders are already queued.
    limiter.rateLimited("30", false, 1000);
    queue(limiter, "x", released);
    queue(limiter, "y", released);
    await vi.advanceTimersByTimeAsync(999);
    expect(released).toHaveLength(31);
    await vi.advanceTimersByTimeAsync(1000);
    // Timers fire on whole milliseconds.
    expect(released.slice(31)).toEqual([1750, Math.ceil(1750 + 1000 / 28.5)]);
    expect(limiter.current().globalPerSecond).toBeCloseTo(30 * 0.95);
    expect(limiter.current().perChatPerSecond).toBe(3);
  });

  it("429s for sends already in flight lower the rate once, and the wait is not added up", async () => {
    const limiter = createRateLimiter({ globalPerSecond: 40, perChatPerSecond: 3, perGroupPerMinute: 60 });
    const released: number[] = [];
    for (let i = 0; i < 33; i++) queue(limiter, String(i), released);
    await vi.advanceTimersByTimeAsync(800);
    // The platform took 30 in its second and refused the three that followed.
    for (const chat of ["30", "31", "32"]) limiter.rateLimited(chat, false, 1000);
    expect(limiter.current().globalPerSecond).toBeCloseTo(28.5);
    queue(limiter, "x", released);
    await vi.advanceTimersByTimeAsync(1000);
    expect(released.at(-1)).toBe(1800);
  });

  it("climbs back towards the configured rate while no 429 comes", async () => {
    const limiter = createRateLimiter({ globalPerSecond: 40, perChatPerSecond: 3, perGroupPerMinute: 60 });
    const released: number[] = [];
    for (let i = 0; i < 31; i++) queue(limiter, String(i), released);
    await vi.advanceTimersByTimeAsync(750);
    limiter.rateLimited("30", false, 1000);
    await vi.advanceTimersByTimeAsync(RECOVERY_PERIOD_MS - 1);
    expect(limiter.current().globalPerSecond).toBeCloseTo(28.5);
    await vi.advanceTimersByTimeAsync(1);
    expect(limiter.current().globalPerSecond).toBeCloseTo(28.5 + 2); // 5% of 40 per quiet minute
    await vi.advanceTimersByTimeAsync(10 * RECOVERY_PERIOD_MS);
    expect(limiter.current().globalPerSecond).toBe(40);
  });

  it("a 429 after climbing back returns to the pace that went a whole quiet period without one", async () => {
    const limiter = createRateLimiter({ globalPerSecond: 40, perChatPerSecond: 3, perGroupPerMinute: 60 });
    const released: number[] = [];
    const burst = async (from: number, count: number, ms: number) => {
      for (let i = from; i < from + count; i++) queue(limiter, String(i), released);
      await vi.advanceTimersByTimeAsync(ms);
    };
    await burst(0, 31, 750);
    limiter.rateLimited("30", false, 1000);
    await vi.advanceTimersByTimeAsync(RECOVERY_PERIOD_MS);
    expect(limiter.current().globalPerSecond).toBeCloseTo(30.5);
    // At 30.5/s the platform refuses the 30th of a second (the 29 before it were taken).
    await burst(100, 30, 1000);
    limiter.rateLimited("129", false, 1000);
    expect(limiter.current().globalPerSecond).toBeCloseTo(28.5); // not 29 × 0.95
    // Refused again within the period: now the count decides.
    await vi.advanceTimersByTimeAsync(1000);
    await burst(200, 28, 1000);
    limiter.rateLimited("227", false, 1000);
    expect(limiter.current().globalPerSecond).toBeCloseTo(27 * 0.95);
  });

  it("a 429 to a chat that just had a message lowers the per-chat rate, not the overall one", async () => {
    const limiter = createRateLimiter({ globalPerSecond: 40, perChatPerSecond: 3, perGroupPerMinute: 60 });
    const toA: number[] = [];
    queue(limiter, "a", toA);
    queue(limiter, "a", toA);
    await vi.advanceTimersByTimeAsync(400);
    expect(toA).toEqual([0, Math.ceil(1000 / 3)]);
    limiter.rateLimited("a", false, 1000);
    // The chat's second within a second was refused: just under one a second.
    expect(limiter.current()).toEqual({ globalPerSecond: 40, perChatPerSecond: 0.95, perGroupPerMinute: 60 });
    queue(limiter, "a", toA);
    queue(limiter, "a", toA);
    await vi.advanceTimersByTimeAsync(3000);
    // The third waits out retry_after (0.95/s alone would allow it at 1387), the fourth 1/0.95 s more.
    expect(toA.slice(2)).toEqual([1400, 1400 + Math.ceil(1000 / 0.95)]);
  });

  it("a group's 429 lowers the per-group rate", async () => {
    const limiter = createRateLimiter({ globalPerSecond: 40, perChatPerSecond: 3, perGroupPerMinute: 60 });
    const toGroup: number[] = [];
    for (let i = 0; i < 21; i++) queue(limiter, "-100", toGroup, true);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(toGroup).toHaveLength(21); // one a second
    limiter.rateLimited("-100", true, 3000);
    expect(limiter.current().perGroupPerMinute).toBeCloseTo(20 * 0.95);
    expect(limiter.current().globalPerSecond).toBe(40);
  });

  it("a lone 429 halves the rate at most and never drops it below a fifth", async () => {
    const limiter = createRateLimiter({ globalPerSecond: 20, perChatPerSecond: 1, perGroupPerMinute: 20 });
    const released: number[] = [];
    queue(limiter, "a", released);
    await vi.advanceTimersByTimeAsync(10);
    limiter.rateLimited("a", false, 1000);
    expect(limiter.current().globalPerSecond).toBe(10);
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(1000);
      limiter.rateLimited("a", false, 1000);
    }
    expect(limiter.current().globalPerSecond).toBe(4);
  });
});
