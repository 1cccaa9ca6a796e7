import type { Translations } from "../core/bot.js";
import type { Clock, PersonRecord } from "../core/ports.js";
import type { Repositories } from "../core/repositories.js";
import type { Channel, Translate } from "../core/types.js";

export interface AdminAlertsOptions {
  repos: Repositories;
  clock: Clock;
  translations: Translations;
  defaultLanguage: string;
  /** Admins configured by id (ADMIN_TELEGRAM_IDS, ADMIN_ZALO_IDS): alerted even before they wrote to the bot. */
  initialAdmins: { channel: Channel; userId: string }[];
}

/** An admin an alert goes to: their private chat with the bot is their user id. */
export interface AlertRecipient {
  channel: Channel;
  userId: string;
  language: string;
  /** False for an admin configured by id whom the bot has never heard from: nothing can reach them yet. */
  known: boolean;
}

/**
 * Alerts to the admins, through the outbox (one row per admin, with its own dedupe key). The
 * recipients are the admins in the database and those configured by id who never wrote to the
 * bot yet: a platform delivers a bot's message to a user only once they wrote to it, and until
 * then they are `known: false` among the recipients (logged at start, shown on /readyz).
 * @example await alerts.queue("alert:gave-up:telegram:-5:42", (t) => t("system:gave_up_alert", { … }));
 */
export function createAdminAlerts(options: AdminAlertsOptions) {
  const { repos } = options;

  async function recipients(): Promise<AlertRecipient[]> {
    const admins: PersonRecord[] = await repos.people.listByRole("admin");
    const out = new Map<string, AlertRecipient>();
    for (const a of admins)
      out.set(`${a.channel}:${a.userId}`, {
        channel: a.channel,
        userId: a.userId,
        language: a.language ?? options.defaultLanguage,
        known: true,
      });
    for (const a of options.initialAdmins) {
      const key = `${a.channel}:${a.userId}`;
      if (out.has(key)) continue;
      // Seen once (any message) makes a person row; until then the admin has not written to the bot.
      const person = await repos.people.find(a.channel, a.userId);
      out.set(key, {
        channel: a.channel,
        userId: a.userId,
        language: person?.language ?? options.defaultLanguage,
        known: !!person,
      });
    }
    return [...out.values()];
  }

  return {
    recipients,
    /**
     * Queues one alert per admin (`only` picks some); the dedupe key is `key` plus the admin, so
     * the same alert queued again is not sent twice. Resolves with the number queued.
     */
    async queue(
      key: string,
      render: (t: Translate) => string,
      only?: (admin: AlertRecipient) => boolean,
    ): Promise<number> {
      let queued = 0;
      for (const admin of await recipients()) {
        if (only && !only(admin)) continue;
        const text = render(options.translations.t(admin.language));
        const inserted = await repos.outbox.enqueue({
          dedupeKey: `${key}:${admin.channel}:${admin.userId}`,
          channel: admin.channel,
          chatId: admin.userId,
          kind: "alert",
          message: { type: "text", text },
          notBefore: options.clock.now(),
        });
        if (inserted) queued++;
      }
      return queued;
    },
  };
}

export type AdminAlerts = ReturnType<typeof createAdminAlerts>;
