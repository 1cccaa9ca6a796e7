import { spawn } from "node:child_process";
import type { UserFromGetMe } from "grammy/types";

/** The fake Bot API (test/support/fake-telegram-main.ts) in its own process, driven over HTTP. */
export interface FakeTelegramProcess {
  url: string;
  token: string;
  botInfo: UserFromGetMe;
  /** GET (no body) or POST (body) to /__control/<action>. */
  control<T = unknown>(action: string, body?: unknown): Promise<T>;
  /** Kills the process (also done on exit of this process). */
  stop(): void;
}

/**
 * Spawns the fake so none of its work runs in the measured process; killed by `stop()`, when
 * this process exits, and (its stdin lifeline) when this process is killed.
 */
export async function startFakeTelegram(token: string, readyTimeoutMs = 30_000): Promise<FakeTelegramProcess> {
  // The stdin pipe is its lifeline: it exits when this process dies, even from a signal.
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "test/support/fake-telegram-main.ts", "0", token, "--stdin-lifeline"],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const kill = () => void (child.exitCode === null && child.kill("SIGTERM"));
  process.once("exit", kill);
  const stop = () => (process.off("exit", kill), kill());
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error("fake Telegram: no READY line")), readyTimeoutMs);
      child.stdout!.on("data", (d: Buffer) => {
        const ready = /READY (\S+)/.exec((out += String(d)));
        if (ready) clearTimeout(timer), resolve(ready[1]);
      });
      child.once("exit", (code) => (clearTimeout(timer), reject(new Error(`fake Telegram exited with ${code}`))));
    });
    const control = async <T>(action: string, body?: unknown): Promise<T> => {
      const init =
        body === undefined
          ? {}
          : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
      // Bounded: the fake answers a wait (burst-replies) within 600 s at most.
      const call = () => fetch(`${url}/__control/${action}`, { ...init, signal: AbortSignal.timeout(660_000) });
      // A kept-alive connection the fake closed while idle (after a long setup) fails once: a GET is tried again.
      const response = await call().catch((error: { cause?: { code?: string } }) =>
        body === undefined && error.cause?.code === "UND_ERR_SOCKET" ? call() : Promise.reject(error),
      );
      if (!response.ok) throw new Error(`fake Telegram: ${action} → ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    };
    const me = (await (await fetch(`${url}/bot${token}/getMe`, { signal: AbortSignal.timeout(10_000) })).json()) as {
      result: UserFromGetMe;
    };
    return { url, token, botInfo: me.result, control, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
