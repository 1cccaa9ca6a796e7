import { describe, expect, it } from "vitest";
import { createBotCore } from "../../src/core/bot.js";
import { Composer } from "../../src/core/composer.js";
import type { Messenger, PersonRecord } from "../../src/core/ports.js";
import type { PersonRepository, Repositories } from "../../src/core/repositories.js";
import type { Incoming, OutgoingMessage } from "../../src/core/types.js";
import { createTranslator } from "../../src/i18n.js";
import { createTestLogger } from "../support/harness.js";

/** Just enough repositories for the core's context: one person, no chats. */
function fakeRepos(): Repositories {
  const people = new Map<string, PersonRecord>();
  const personRepo: Pick<PersonRepository, "touch" | "setRole"> = {
    async touch({ channel, userId, displayName }) {
      const key = `${channel}:${userId}`;
      const p = people.get(key) ?? {
        id: people.size + 1,
        channel,
        userId,
        displayName,
        username: null,
        role: "none",
        unitId: null,
        language: null,
      };
      people.set(key, p);
      return p;
    },
    async setRole(id, role) {
      for (const p of people.values()) if (p.id === id) p.role = role;
    },
  };
  return {
    people: personRepo,
    chats: { find: async () => null },
    units: { findById: async () => null },
  } as unknown as Repositories;
}

function recordingMessenger() {
  const sent: OutgoingMessage[] = [];
  const messenger: Messenger = {
    textLimit: () => 50,
    send: async (_to, message) => {
      sent.push(message);
      return { messageId: String(sent.length) };
    },
    download: async () => new Uint8Array(),
  };
  return { sent, messenger };
}

const incoming = (text: string): Incoming => ({
  channel: "telegram",
  chatId: "7",
  chatType: "private",
  userId: "7",
  userName: "Lan",
  messageId: "1",
  text,
  files: [],
  date: new Date(),
});

describe("bot core", () => {
  it("answers a failing update with a short apology and logs the error, never the stack", async () => {
    const { sent, messenger } = recordingMessenger();
    const logger = createTestLogger();
    const features = new Composer().command("boom", async () => {
      throw new Error("database is on fire");
    });
    const core = createBotCore(
      {
        repos: fakeRepos(),
        messenger,
        clock: { now: () => new Date() },
        translations: createTranslator(),
        logger,
        defaultLanguage: "vi",
        initialAdmins: [],
      },
      features,
    );
    await core.handle(incoming("/boom@don_doc_bot"));
    expect(sent).toEqual([
      {
        type: "text",
        text: "Đã có lỗi khi xử lý tin nhắn này. Đề nghị đồng chí thử lại sau ít phút; nếu vẫn lỗi, đề nghị báo quản trị viên.",
      },
    ]);
    expect(logger.errors).toHaveLength(1);
  });

  it("parses commands with @botname and splits long replies at the platform limit", async () => {
    const { sent, messenger } = recordingMessenger();
    let seen: unknown;
    const features = new Composer().command("echo", async (ctx) => {
      seen = ctx.command;
      await ctx.reply(Array.from({ length: 6 }, (_, i) => `dòng số ${i} ${"x".repeat(20)}`).join("\n"));
    });
    const core = createBotCore(
      {
        repos: fakeRepos(),
        messenger,
        clock: { now: () => new Date() },
        translations: createTranslator(),
        logger: createTestLogger(),
        defaultLanguage: "vi",
        initialAdmins: [{ channel: "telegram", userId: "7" }],
      },
      features,
    );
    await core.handle(incoming("/ECHO@don_doc_bot  a b "));
    expect(seen).toEqual({ name: "echo", args: "a b" });
    expect(sent.length).toBeGreaterThan(1);
    for (const m of sent) expect((m as { text: string }).text.length).toBeLessThanOrEqual(50);
    expect(sent.map((m) => (m as { text: string }).text).join("\n")).toContain("dòng số 5");
  });
});
