import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createFakeTelegramServer, type FakeTelegram } from "../support/fake-telegram-server.js";

interface Started {
  child: ChildProcess;
  out: () => string;
  dataDir: string;
}

const running: Started[] = [];
let fake: FakeTelegram | undefined;

/** `npm start`'s entry point as its own process, with only the given environment. */
function startMain(env: Record<string, string>): Started {
  const dataDir = mkdtempSync(path.join(tmpdir(), "don-doc-start-"));
  let out = "";
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir, LOG_LEVEL: "silent", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d: Buffer) => (out += d.toString("utf8")));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString("utf8")));
  const started = { child, out: () => out, dataDir };
  running.push(started);
  return started;
}

async function waitFor(started: Started, pattern: RegExp, timeoutMs = 60_000): Promise<RegExpExecArray> {
  const t0 = Date.now();
  for (;;) {
    const m = pattern.exec(started.out());
    if (m) return m;
    if (started.child.exitCode !== null || Date.now() - t0 > timeoutMs)
      throw new Error(`no ${pattern} in output:\n${started.out()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

afterEach(async () => {
  for (const s of running.splice(0)) {
    if (s.child.exitCode === null) {
      s.child.kill("SIGTERM");
      await new Promise((resolve) => s.child.once("exit", resolve));
    }
    rmSync(s.dataDir, { recursive: true, force: true });
  }
  await fake?.close();
  fake = undefined;
});

describe("npm start: the sandbox as the embedded default", () => {
  it("with nothing configured, prints the sandbox URL and how to connect a channel; the real database is never created", async () => {
    const s = startMain({ SANDBOX_PORT: "0" });
    const [, url] = await waitFor(s, /(http:\/\/127\.0\.0\.1:\d+\/)/);
    await waitFor(s, /Telegram hoặc Zalo/);
    const state = (await (await fetch(`${url}api/state`)).json()) as {
      sample: string;
      chats: { sample: string; title: string }[];
    };
    // Today's structure by default: the Sở plan's 16 units (communes, wards, the Sở's centres).
    expect(state.sample).toBe("so-2026");
    expect(state.chats.filter((c) => c.sample === "unit").length).toBe(16);
    expect(state.chats.some((c) => c.title === "Nhóm UBND xã Đồng Tâm")).toBe(true);
    expect(existsSync(path.join(s.dataDir, "sandbox.db"))).toBe(true);
    expect(existsSync(path.join(s.dataDir, "don-doc.db"))).toBe(false);
  }, 90_000);

  it("with Telegram configured, runs no sandbox: nothing answers on the sandbox port, so its clock cannot be moved", async () => {
    fake = await createFakeTelegramServer({ longPollMaxMs: 200 });
    const port = await freePort();
    const s = startMain({
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.url,
      SANDBOX_PORT: String(port),
      LOG_LEVEL: "info",
    });
    await waitFor(s, /telegram polling started/);
    const move = fetch(`http://127.0.0.1:${port}/api/clock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"to":"day"}',
    });
    await expect(move).rejects.toThrow();
    expect(s.out()).not.toMatch(/127\.0\.0\.1:\d+\//);
    expect(existsSync(path.join(s.dataDir, "sandbox.db"))).toBe(false);
  }, 90_000);

  it("with Telegram configured and SANDBOX=1, runs both, each on its own database", async () => {
    fake = await createFakeTelegramServer({ longPollMaxMs: 200 });
    const s = startMain({
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.url,
      SANDBOX: "1",
      SANDBOX_PORT: "0",
      LOG_LEVEL: "info",
    });
    const [, url] = await waitFor(s, /(http:\/\/127\.0\.0\.1:\d+\/)/);
    await waitFor(s, /telegram polling started/);
    const moved = await fetch(`${url}api/clock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"to":"hour"}',
    });
    expect(moved.status).toBe(200);
    expect(existsSync(path.join(s.dataDir, "don-doc.db"))).toBe(true);
    expect(existsSync(path.join(s.dataDir, "sandbox.db"))).toBe(true);
    expect(s.out()).not.toMatch(/Để chạy bot thật/);
  }, 90_000);

  it("says which port is busy and how to choose another, in both languages, without a stack trace", async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const s = startMain({ SANDBOX_PORT: String(port) });
      const code = await new Promise<number | null>((resolve) => s.child.once("exit", resolve));
      expect(code).toBe(1);
      expect(s.out()).toContain(`127.0.0.1:${port}`);
      expect(s.out()).toContain("SANDBOX_PORT=3001");
      expect(s.out()).toContain("Choose another port");
      expect(s.out()).not.toMatch(/\n\s+at /);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  }, 90_000);
});
