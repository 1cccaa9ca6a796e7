import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import type { Clock, Logger } from "../../src/core/ports.js";
import { createFakeTelegramServer, type FakeTelegram, type UserMessageInput } from "./fake-telegram-server.js";

/** A clock tests move by hand. */
export function createManualClock(
  start: string | Date,
): Clock & { set(at: string | Date): void; advance(ms: number): void } {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (at) => void (now = new Date(at)),
    advance: (ms) => void (now = new Date(now.getTime() + ms)),
  };
}

/** A logger that keeps errors for assertions and prints nothing. */
export function createTestLogger(): Logger & { errors: unknown[] } {
  const errors: unknown[] = [];
  return { errors, info() {}, debug() {}, warn() {}, error: (obj) => void errors.push(obj) };
}

export const ADMIN = { id: 111, first_name: "Hoa", last_name: "Phòng VHTT", username: "hoa_vhtt" };

export interface Harness {
  fake: FakeTelegram;
  app: App;
  clock: ReturnType<typeof createManualClock>;
  logger: ReturnType<typeof createTestLogger>;
  dataDir: string;
  /** Sends a message as a user and resolves with the texts the bot sent back to that chat. */
  say(
    from: UserMessageInput["from"],
    chat: UserMessageInput["chat"],
    text: string,
    extra?: Partial<UserMessageInput>,
  ): Promise<string[]>;
  /**
   * Edits a message sent with `say` (the last one in that chat unless `messageId` is given), as a
   * user does in Telegram, and resolves with the texts the bot sent back.
   */
  edit(chat: UserMessageInput["chat"], text: string, messageId?: number): Promise<string[]>;
  /** The id of the last message sent with `say` in that chat. */
  lastSaid(chat: UserMessageInput["chat"]): number;
  close(): Promise<void>;
}

/**
 * Starts a fake Telegram Bot API on 127.0.0.1, a temp SQLite database and the real app in
 * polling mode against it.
 */
export async function startHarness(options: { now?: string; env?: Record<string, string> } = {}): Promise<Harness> {
  const fake = await createFakeTelegramServer({ longPollMaxMs: 500 });
  const dataDir = mkdtempSync(path.join(tmpdir(), "don-doc-test-"));
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.url,
    DATA_DIR: dataDir,
    ADMIN_TELEGRAM_IDS: String(ADMIN.id),
    LOG_LEVEL: "silent",
    PORT: "0",
    ...options.env,
  });
  const clock = createManualClock(options.now ?? "2021-02-01T02:00:00Z");
  const logger = createTestLogger();
  // Real Telegram limits would make a test of twenty commands in one group take a minute.
  const app = await createApp(config, {
    clock,
    logger,
    botInfo: fake.botInfo,
    telegramLimits: { globalPerSecond: 1000, perChatPerSecond: 1000, perGroupPerMinute: 60_000 },
  });
  await app.start();
  const said = new Map<string, any>();
  /** Done when the bot took the update (asked for the next one), the inbox handled it, and the sends it queued have settled. */
  async function handled(chatId: number, update: { update_id: number }): Promise<string[]> {
    const before = fake.sent(chatId).length;
    await waitFor(() => !fake.pendingUpdates().some((u) => u.update_id === update.update_id), 30_000);
    await app.inbox.drain();
    await waitQuiet(fake, chatId, before);
    return fake
      .sent(chatId)
      .slice(before)
      .map((s) => s.text ?? s.caption ?? "");
  }
  return {
    fake,
    app,
    clock,
    logger,
    dataDir,
    async say(from, chat, text, extra = {}) {
      const update = fake.sendUserMessage({ from, chat, ...(text ? { text } : {}), ...extra });
      said.set(`${chat.id}:${update.message.message_id}`, update.message);
      said.set(`${chat.id}:last`, update.message);
      return handled(chat.id, update);
    },
    lastSaid(chat) {
      return said.get(`${chat.id}:last`)?.message_id;
    },
    async edit(chat, text, messageId) {
      const message = said.get(`${chat.id}:${messageId ?? "last"}`);
      if (!message) throw new Error(`no message ${messageId ?? ""} said in chat ${chat.id}`);
      // Telegram dates are in seconds: a second edit in the same second still gets a later date.
      const edit_date = Math.max(Math.floor(clock.now().getTime() / 1000), (message.edit_date ?? 0) + 1);
      const edited = { ...message, text, edit_date };
      delete edited.entities;
      said.set(`${chat.id}:${message.message_id}`, edited);
      if (said.get(`${chat.id}:last`)?.message_id === message.message_id) said.set(`${chat.id}:last`, edited);
      return handled(chat.id, fake.injectUpdate({ edited_message: edited }));
    },
    async close() {
      await app.stop();
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  while (!condition()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Waits for at least one new send to the chat, then until no more arrive for a short while. */
async function waitQuiet(fake: FakeTelegram, chatId: number, before: number, timeoutMs = 5000): Promise<void> {
  const t0 = Date.now();
  while (fake.sent(chatId).length === before) {
    if (Date.now() - t0 > timeoutMs) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  let count = fake.sent(chatId).length;
  for (;;) {
    await new Promise((r) => setTimeout(r, 150));
    const now = fake.sent(chatId).length;
    if (now === count) return;
    count = now;
  }
}

/**
 * The seed plan imported by ADMIN, `officer` registered for Thạch Bình in `chat`, and only the
 * quarterly report of Quý I/2021 left open, so a plain report needs no "which task?" question.
 * @example await seedThachBinhOfficer(h, lan, group); await h.say(lan, group, "Đã treo 12 pa nô");
 */
export async function seedThachBinhOfficer(
  h: Harness,
  officer: UserMessageInput["from"],
  chat: UserMessageInput["chat"],
): Promise<void> {
  await importSamplePlan(h);
  await registerOfficer(h, "XA_THACH_BINH", officer, chat);
  const unit = (await h.app.repos.units.findByCode("XA_THACH_BINH"))!;
  for (const a of await h.app.repos.assignments.listOpenForUnit(unit.id))
    if (a.task.code !== "BC_QUY_CCHC" || a.occurrence.periodKey !== "2021-Q1")
      await h.app.repos.assignments.setStatus(a.id, "excused");
}

/**
 * ADMIN imports a sample plan through /nhapkehoach (default the 2021 one, plans/thach-thanh-cchc-2021.yaml).
 * @example await importSamplePlan(h); await importSamplePlan(h, "plans/so-vhttdl-2026.yaml");
 */
export async function importSamplePlan(h: Harness, file = "plans/thach-thanh-cchc-2021.yaml"): Promise<void> {
  await h.say(ADMIN, { id: ADMIN.id, type: "private" }, "", {
    caption: "/nhapkehoach",
    document: {
      data: readFileSync(file),
      file_name: "plan.yaml",
      mime_type: "text/yaml",
    },
  });
}

/** The latest report of the unit with that code (undefined when it has none). */
export async function latestReportOf(h: Harness, code: string) {
  const unit = (await h.app.repos.units.findByCode(code))!;
  return (await h.app.repos.reports.listForUnit(unit.id))[0];
}

/**
 * ADMIN invites the unit with /moi and `officer` registers in `chat` with the code it gave.
 * @example await registerOfficer(h, "XA_THACH_BINH", lan, group);
 */
export async function registerOfficer(
  h: Harness,
  unitCode: string,
  officer: UserMessageInput["from"],
  chat: UserMessageInput["chat"],
): Promise<void> {
  const [invite] = await h.say(ADMIN, { id: ADMIN.id, type: "private" }, `/moi ${unitCode}`);
  await h.say(officer, chat, `/dangky ${/: ([2-9A-Z]{8})\n/.exec(invite)![1]}`);
}
