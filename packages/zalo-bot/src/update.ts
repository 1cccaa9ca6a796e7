import type { ChatType, Message, Update } from "./types.js";

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);

/**
 * Turns what the API or a webhook delivered into {@link Update}s: a bare update, one wrapped as
 * `{ok, result}`, or an array of either. This is the one place where payload variants are absorbed
 * (`photo` vs `photo_url`, `name` vs `display_name`, numeric ids, dates in seconds).
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
  const chatType: ChatType = String(chat.chat_type ?? chat.type ?? "PRIVATE").toUpperCase() === "GROUP" ? "GROUP" : "PRIVATE";
  const message: Message = {
    message_id: str(raw.message_id) ?? "",
    from: { id: str(from.id) ?? chatId, display_name: str(from.display_name) ?? str(from.name) ?? "", is_bot: from.is_bot === true },
    chat: { id: chatId, chat_type: chatType },
    // Milliseconds per the docs; a value in seconds would land in 1970.
    date: Number.isFinite(date) ? (date < 1e11 ? date * 1000 : date) : Date.now(),
  };
  const text = str(raw.text);
  const photo = str(raw.photo_url) ?? str(raw.photo);
  const caption = str(raw.caption);
  const sticker = str(raw.sticker);
  const url = str(raw.url);
  if (text !== undefined) message.text = text;
  if (photo !== undefined) message.photo_url = photo;
  if (caption !== undefined) message.caption = caption;
  if (sticker !== undefined) message.sticker = sticker;
  if (url !== undefined) message.url = url;
  return message;
}
