import type { ChatType, Message, Update } from "./types.js";

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined =>
  typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;

/**
 * Turns what the API or a webhook delivered into {@link Update}s: a bare update, one wrapped as
 * `{ok, result}` (the documented webhook body), or an array of either. This is the one place where
 * payload variants are absorbed: `photo` (documented) and `photo_url` (seen in real payloads) for an
 * image, `name` for `display_name`, numeric ids, dates in seconds, `type` for `chat_type`.
 * @example normalizeUpdates({ ok: true, result: { event_name: "message.text.received", message } })
 */
export function normalizeUpdates(body: unknown): Update[] {
  if (Array.isArray(body)) return body.flatMap(normalizeUpdates);
  if (!isObject(body)) return [];
  if ("result" in body && !("event_name" in body)) return normalizeUpdates(body.result);
  const eventName = str(body.event_name);
  if (!eventName) return [];
  const message = isObject(body.message) ? normalizeMessage(body.message) : undefined;
  return [message ? { event_name: eventName, message } : { event_name: eventName }];
}

function normalizeMessage(raw: Raw): Message | undefined {
  const from = isObject(raw.from) ? raw.from : {};
  const chat = isObject(raw.chat) ? raw.chat : {};
  const chatId = str(chat.id) ?? str(from.id);
  if (!chatId) return undefined;
  const date = typeof raw.date === "number" ? raw.date : Number(raw.date);
  const chatType: ChatType =
    String(chat.chat_type ?? chat.type ?? "PRIVATE").toUpperCase() === "GROUP" ? "GROUP" : "PRIVATE";
  const message: Message = {
    message_id: str(raw.message_id) ?? "",
    from: {
      id: str(from.id) ?? chatId,
      display_name: str(from.display_name) ?? str(from.name) ?? "",
      is_bot: from.is_bot === true,
    },
    chat: { id: chatId, chat_type: chatType },
    // Milliseconds per the docs; a value in seconds would land in 1970.
    date: Number.isFinite(date) ? (date < 1e11 ? date * 1000 : date) : Date.now(),
  };
  const text = str(raw.text);
  const photo = str(raw.photo) ?? str(raw.photo_url);
  const caption = str(raw.caption);
  const sticker = str(raw.sticker);
  const url = str(raw.url);
  const voice = str(raw.voice_url);
  if (text !== undefined) message.text = text;
  if (photo !== undefined) {
    message.photo = photo;
    message.photo_url = photo;
  }
  if (caption !== undefined) message.caption = caption;
  if (sticker !== undefined) message.sticker = sticker;
  if (url !== undefined) message.url = url;
  if (voice !== undefined) message.voice_url = voice;
  return message;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A group message's text without the bot's mention. In a group (beta) the bot receives only the
 * messages that mention it or reply to it, and the mention is in the text as "@<the bot's name>"
 * (an assumption: the documentation shows no example; community SDKs read it so). Removes
 * "@name" for each of `names` (the bot's shown name, its account name) wherever it stands, and a
 * leading "@…" up to a command whatever the name ("@Bot Đôn Đốc /baocao 12 pa nô" → "/baocao 12 pa nô").
 * @example stripMention("@Bot Đôn Đốc đã treo 12 pa nô", ["Bot Đôn Đốc"]) // "đã treo 12 pa nô"
 */
export function stripMention(text: string, names: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const name of names) {
    const n = name?.trim();
    if (!n) continue;
    out = out.replace(new RegExp(`(^|\\s)@${escapeRegExp(n)}(?=$|[\\s,.:;!?])`, "giu"), "$1");
  }
  out = out.replace(/^\s*@[^\n/@]{1,64}?\s+(?=\/[A-Za-z0-9_]+(?:\s|$))/u, "");
  return out === text
    ? text
    : out
        .replace(/^[\s,:]+/u, "")
        .replace(/[ \t]{2,}/g, " ")
        .trim();
}
