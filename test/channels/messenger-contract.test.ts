import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSandboxChannel } from "../../src/channels/sandbox/sandbox-channel.js";
import { sampleDirectory } from "../../src/channels/sandbox/sandbox-directory.js";
import { createSandboxTranscript, type SandboxTranscript } from "../../src/channels/sandbox/sandbox-transcript.js";
import { createTelegramChannel } from "../../src/channels/telegram/telegram-channel.js";
import { createZaloChannel } from "../../src/channels/zalo/zalo-channel.js";
import { createFileLinks } from "../../src/http/file-links.js";
import { createHttpServer } from "../../src/http/http-server.js";
import { createTranslator } from "../../src/i18n.js";
import { createFileStore } from "../../src/storage/file-store.js";
import { createFakeTelegramServer, type FakeFilePart } from "../support/fake-telegram-server.js";
import { createFakeZaloServer } from "../support/fake-zalo-server.js";
import { createTestLogger } from "../support/harness.js";
import { messengerContract, type Received } from "../support/messenger-contract.js";

const FAST = { globalPerSecond: 1000, perChatPerSecond: 1000, perGroupPerMinute: 60_000 };

messengerContract("Telegram", async () => {
  const fake = await createFakeTelegramServer();
  const telegram = createTelegramChannel({
    token: fake.token,
    apiRoot: fake.url,
    botInfo: fake.botInfo,
    logger: createTestLogger(),
    limits: FAST,
    retries: 0,
  });
  fake.blockChat(-1009);
  const bytesOf = (file: FakeFilePart | string | undefined) => (typeof file === "object" ? file.data : Buffer.alloc(0));
  return {
    messenger: telegram.messenger,
    channel: "telegram",
    chatId: "-1001",
    unreachableChatId: "-1009",
    async received(chatId) {
      return fake.sent(Number(chatId)).map((s): Received => {
        if (s.method === "sendPhoto") return { kind: "photo", bytes: bytesOf(s.file), caption: s.caption };
        if (s.method === "sendDocument") return { kind: "document", bytes: bytesOf(s.file), caption: s.caption };
        return { kind: "text", text: s.text ?? "" };
      });
    },
    failNextSend(kind) {
      if (kind === "server") fake.failNext("sendMessage", { error_code: 502 });
      if (kind === "rate") fake.failNext("sendMessage", { error_code: 429, retry_after: 2 });
      if (kind === "bad")
        fake.failNext("sendMessage", { error_code: 400, description: "Bad Request: message text is empty" });
    },
    close: () => fake.close(),
  };
});

messengerContract("Zalo", async () => {
  const fake = await createFakeZaloServer();
  const logger = createTestLogger();
  const dataDir = mkdtempSync(path.join(tmpdir(), "don-doc-links-"));
  const http = createHttpServer({ logger });
  await http.listen(0, "127.0.0.1");
  const fileLinks = createFileLinks({
    baseUrl: `http://127.0.0.1:${http.port()}`,
    dir: dataDir,
    http,
    clock: { now: () => new Date() },
    logger,
    goneText: "gone",
  });
  const t = createTranslator({ defaultLanguage: "vi" }).t("vi");
  const zalo = createZaloChannel({
    token: fake.token,
    apiRoot: fake.url,
    logger,
    limits: FAST,
    fileLinks,
    t,
    retries: 0,
  });
  fake.blockChat("b10c4ed0000000ff");
  return {
    messenger: zalo.messenger,
    channel: "zalo",
    chatId: "5a7e0c31d2f94b86",
    unreachableChatId: "b10c4ed0000000ff",
    async received(chatId) {
      const out: Received[] = [];
      for (const s of fake.sent(chatId)) {
        if (s.method === "sendPhoto") {
          out.push({ kind: "photo", bytes: s.photoBytes!, caption: s.caption });
          continue;
        }
        out.push({ kind: "text", text: s.text ?? "" });
        // Zalo takes no uploads: a document arrives as a link in the text.
        const link = /https?:\/\/\S+\/files\/\S+/.exec(s.text ?? "")?.[0];
        if (link) out.push({ kind: "document", bytes: Buffer.from(await (await fetch(link)).arrayBuffer()) });
      }
      return out;
    },
    failNextSend(kind) {
      // Zalo's table: 403 is "internal server error", 429 "quota exceeded" (no retry-after).
      if (kind === "server") fake.failNext("sendMessage", { error_code: 403 });
      if (kind === "rate") fake.failNext("sendMessage", { error_code: 429 });
      if (kind === "bad")
        fake.failNext("sendMessage", {
          error_code: 400,
          description: "Bad request: text must be 1 to 2000 characters",
        });
    },
    async close() {
      await http.close();
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
});

messengerContract(
  "sandbox",
  async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "don-doc-sandbox-contract-"));
    const transcript = createSandboxTranscript(dir);
    const files = createFileStore(dir);
    let failNext = false;
    // The next write of a message fails as a full or broken disk would.
    const failing: SandboxTranscript = {
      ...transcript,
      add(input) {
        if (failNext) {
          failNext = false;
          throw Object.assign(new Error("EIO: i/o error, write"), { code: "EIO" });
        }
        return transcript.add(input);
      },
    };
    const directory = sampleDirectory(
      [{ code: "XA_THACH_BINH", name: "UBND xã Thạch Bình", kind: "xa" }],
      createTranslator().t("vi"),
    );
    const sandbox = createSandboxChannel({
      transcript: failing,
      files,
      clock: { now: () => new Date() },
      directory: () => directory,
      adminIds: [],
    });
    const group = directory.chats.find((c) => c.sample === "unit")!.chatId;
    return {
      messenger: sandbox.messenger,
      channel: "sandbox",
      chatId: group,
      unreachableChatId: "-424242",
      async received(chatId) {
        return transcript.messages(chatId).map((m): Received => {
          const [file] = m.files;
          if (!file) return { kind: "text", text: m.text };
          return {
            kind: file.kind === "photo" ? "photo" : "document",
            bytes: readFileSync(files.pathOf(file.sha256)),
            caption: m.text || undefined,
          };
        });
      },
      failNextSend() {
        failNext = true;
      },
      async close() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  { failures: ["server"] },
);
