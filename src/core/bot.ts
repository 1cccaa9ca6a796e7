import type { Composer, Context } from "./composer.js";
import {
  type Clock,
  type Logger,
  type Messenger,
  messageKey,
  messageSource,
  type Role,
  type UnitRecord,
} from "./ports.js";
import type { Repositories } from "./repositories.js";
import { splitMessage } from "./rollups/rollup-text.js";
import { cleanName, cleanText, truncate } from "./text-limits.js";
import type { Channel, Incoming, Translate } from "./types.js";

/** Loaded translations, as the core sees them (implemented over i18next in src/i18n.ts). */
export interface Translations {
  t(lng?: string): Translate;
  /** The coordinating office's name for {{org}} in every text (see resolveOrgName). */
  setOrgName(name: string | undefined): void;
}

export interface BotCoreDeps {
  repos: Repositories;
  messenger: Messenger;
  clock: Clock;
  translations: Translations;
  logger: Logger;
  defaultLanguage: string;
  /** The first admins, from configuration: always admins, whatever the database says. */
  initialAdmins: { channel: Channel; userId: string }[];
  /** Told when a message was queued in the outbox for `at` (a delayed reply): the dispatcher's timer. */
  onOutboxQueued?(at: Date): void;
}

/** How handling one message ended; a failure was already logged (and apologised for). */
export type HandleOutcome = { ok: true } | { ok: false; error: unknown };

export interface HandleOptions {
  /** Sends this message's replies (the inbox passes one that skips replies a re-run already sent). */
  messenger?: Messenger;
  /** False on a retry whose first attempt already apologised. */
  apologise?: boolean;
}

/** The channel-neutral bot: the inbox hands it every `Incoming` message. */
export interface BotCore {
  handle(incoming: Incoming, options?: HandleOptions): Promise<HandleOutcome>;
}

const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]{1,64})?(?:\s+([\s\S]*))?$/;
const MAX_TEXT = 20_000;

/**
 * Builds the bot from features (a {@link Composer}). Resolves the sender, chat, unit, role and
 * language; runs the features; turns any error into a logged event and a short apology.
 * @example const core = createBotCore(deps, createFeatures(deps)); await core.handle(incoming);
 */
export function createBotCore(deps: BotCoreDeps, features: Composer): BotCore {
  const run = features.middleware();
  const admins = new Set(deps.initialAdmins.map((a) => `${a.channel}:${a.userId}`));

  async function buildContext(received: Incoming, messenger: Messenger): Promise<Context> {
    const { repos } = deps;
    // Nothing invisible is stored: control characters and bidirectional overrides go here, once.
    const incoming: Incoming = {
      ...received,
      text: truncate(cleanText(received.text), MAX_TEXT),
      userName: cleanName(received.userName),
      chatTitle: received.chatTitle === undefined ? undefined : cleanName(received.chatTitle),
      files: received.files.map((f) => (f.fileName === undefined ? f : { ...f, fileName: cleanName(f.fileName) })),
    };
    let person = await repos.people.touch({
      channel: incoming.channel,
      userId: incoming.userId,
      displayName: truncate(incoming.userName, 100),
      username: incoming.username,
    });
    if (admins.has(`${incoming.channel}:${incoming.userId}`) && person.role !== "admin") {
      await repos.people.setRole(person.id, "admin");
      person = { ...person, role: "admin" };
    }
    const chat = await repos.chats.find(incoming.channel, incoming.chatId);
    let unit: UnitRecord | null = null;
    if (chat?.role === "unit" && chat.unitId) unit = await repos.units.findById(chat.unitId);
    else if (!chat && incoming.chatType === "private" && person.unitId)
      unit = await repos.units.findById(person.unitId);
    if (unit && !unit.active) unit = null;
    const language = person.language ?? deps.defaultLanguage;
    const t = deps.translations.t(language);
    const m = COMMAND.exec(incoming.text.trim());
    const to = { channel: incoming.channel, chatId: incoming.chatId };
    const limit = deps.messenger.textLimit(incoming.channel);
    return {
      incoming,
      person,
      role: person.role as Role,
      chat,
      unit,
      language,
      t,
      command: m ? { name: m[1].toLowerCase(), args: (m[2] ?? "").trim() } : undefined,
      async reply(body, options) {
        // Nearly every reply fits one message: it is split only when it does not.
        const parts = body.length <= limit ? (body ? [body] : []) : splitMessage(body, limit);
        for (const [i, part] of parts.entries()) {
          await messenger.send(to, {
            type: "text",
            text: part,
            replyToMessageId: options?.quote && i === 0 ? incoming.messageId : undefined,
          });
        }
      },
      async replyLater(body, { key, delayMs }) {
        const at = new Date(deps.clock.now().getTime() + delayMs);
        // One pending row per sender, chat and key: a later call takes it over (and its time).
        const group = `later:${incoming.channel}:${incoming.chatId}:${incoming.userId}:${key}:`;
        await repos.outbox.replacePending(group, {
          dedupeKey: `${group}${messageKey(incoming)}`,
          channel: incoming.channel,
          chatId: incoming.chatId,
          kind: "reply",
          message: { type: "text", text: body },
          notBefore: at,
          source: messageSource(incoming),
        });
        deps.onOutboxQueued?.(at);
      },
      send: (address, message) => messenger.send(address, message),
    };
  }

  return {
    async handle(incoming, options = {}) {
      let ctx: Context | undefined;
      try {
        ctx = await buildContext(incoming, options.messenger ?? deps.messenger);
        await run(ctx, async () => {});
        return { ok: true };
      } catch (error) {
        deps.logger.error(
          { err: error, channel: incoming.channel, chatId: incoming.chatId, messageId: incoming.messageId },
          "update failed",
        );
        if (options.apologise === false) return { ok: false, error };
        try {
          const t = ctx?.t ?? deps.translations.t(deps.defaultLanguage);
          await deps.messenger.send(
            { channel: incoming.channel, chatId: incoming.chatId },
            { type: "text", text: t("common:apology") },
          );
        } catch (sendError) {
          deps.logger.warn({ err: sendError }, "could not send the apology");
        }
        return { ok: false, error };
      }
    },
  };
}
