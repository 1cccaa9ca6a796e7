import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deflateSync } from "node:zlib";
import { type Sandbox, startSandbox } from "../../src/channels/sandbox/sandbox.js";
import type { SandboxMessage } from "../../src/channels/sandbox/sandbox-transcript.js";
import { type Config, loadConfig } from "../../src/config.js";
import { createTranslator } from "../../src/i18n.js";
import { createTestLogger } from "./harness.js";

export interface SandboxPerson {
  userId: string;
  name: string;
  role: string;
  unit: string | null;
  language: string | null;
}

export interface SandboxChatView {
  chatId: string;
  title: string;
  sample: string;
  role: string | null;
  unit: string | null;
  count: number;
}

/**
 * A sandbox on a temp DATA_DIR and a free port, with a small client for its HTTP API. Give the
 * `dataDir` of a stopped one to start it again on the same state (a restart).
 */
export async function startTestSandbox(env: Record<string, string> = {}, reuse: { dataDir?: string } = {}) {
  const dataDir = reuse.dataDir ?? mkdtempSync(path.join(tmpdir(), "don-doc-sandbox-"));
  const config: Config = loadConfig({ DATA_DIR: dataDir, SANDBOX_PORT: "0", LOG_LEVEL: "silent", ...env });
  const logger = createTestLogger();
  const sandbox: Sandbox = await startSandbox({ config, logger, t: createTranslator().t("vi") });
  await sandbox.started();
  const base = sandbox.url.replace(/\/$/, "");
  const post = async (route: string, body: unknown) => {
    const response = await fetch(base + route, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const state = async () =>
    (await (await fetch(`${base}/api/state`)).json()) as {
      now: string;
      chats: SandboxChatView[];
      people: SandboxPerson[];
    };
  const messages = async (chatId: string) =>
    ((await (await fetch(`${base}/api/chats/${chatId}/messages`)).json()) as { messages: SandboxMessage[] }).messages;
  const client = {
    config,
    dataDir,
    logger,
    sandbox,
    base,
    post,
    state,
    messages,
    async person(match: (p: SandboxPerson) => boolean): Promise<SandboxPerson> {
      const found = (await state()).people.find(match);
      if (!found) throw new Error("no such sandbox person");
      return found;
    },
    async chat(match: (c: SandboxChatView) => boolean): Promise<SandboxChatView> {
      const found = (await state()).chats.find(match);
      if (!found) throw new Error("no such sandbox chat");
      return found;
    },
    /** Sends as a person and waits until the bot has answered (or `timeoutMs` passed); gives the bot's new messages. */
    async say(
      chatId: string,
      userId: string,
      text: string,
      extra: { replyTo?: string; files?: { name: string; mime: string; data: Uint8Array }[] } = {},
    ) {
      const before = (await messages(chatId)).length;
      const result = await post(`/api/chats/${chatId}/messages`, {
        userId,
        text,
        replyTo: extra.replyTo,
        files: (extra.files ?? []).map((f) => ({
          name: f.name,
          mime: f.mime,
          data: Buffer.from(f.data).toString("base64"),
        })),
      });
      if (result.status !== 202)
        return { status: result.status, error: result.body.error as string, replies: [] as SandboxMessage[] };
      const replies = await waitForBot(() => messages(chatId), before + 1);
      return { status: result.status, error: undefined, replies };
    },
    /** Edits message `messageId` as `userId` and waits until the bot has answered the edit. */
    async edit(chatId: string, messageId: string, userId: string, text: string) {
      const before = (await messages(chatId)).length;
      const result = await post(`/api/chats/${chatId}/messages/${messageId}/edit`, { userId, text });
      if (result.status !== 200)
        return { status: result.status, error: result.body.error as string, replies: [] as SandboxMessage[] };
      const replies = await waitForBot(() => messages(chatId), before);
      return { status: result.status, error: undefined, replies };
    },
    async close() {
      await sandbox.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return client;
}

export type TestSandbox = Awaited<ReturnType<typeof startTestSandbox>>;

/** Waits for the bot's messages after index `from`, until none arrive for a while (a chart takes time). */
async function waitForBot(
  read: () => Promise<SandboxMessage[]>,
  from: number,
  timeoutMs = 15_000,
): Promise<SandboxMessage[]> {
  const t0 = Date.now();
  let seen = -1;
  for (;;) {
    const list = (await read()).slice(from).filter((m) => m.from.bot);
    if (list.length && list.length === seen) return list;
    if (Date.now() - t0 > timeoutMs) return list;
    seen = list.length;
    await new Promise((r) => setTimeout(r, list.length ? 1500 : 50));
  }
}

/** A small valid PNG (solid colour), as a phone photo would be for the file checks. */
export function samplePng(size = 48): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(body));
    return Buffer.concat([head, body, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([40, 120, 200]))]);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
