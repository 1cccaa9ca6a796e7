/**
 * Zalo Bot API types, as far as the public documentation describes them. Ids are opaque strings;
 * dates are milliseconds since the epoch. Anything the real API does differently is absorbed in
 * `update.ts` (incoming shapes) and `client.ts` (requests), so callers see these types only.
 */

/** `getMe`. */
export interface BotInfo {
  id: string;
  account_name: string;
  account_type: string;
  can_join_groups: boolean;
  /** The name shown in Zalo ("Bot …"), when the API gives it (undocumented); group mentions use it. */
  display_name?: string;
}

export interface User {
  id: string;
  /** The name shown in Zalo (older payloads call it `name`; both are filled in). */
  display_name: string;
  is_bot: boolean;
}

/** `GROUP` is in beta: a bot invited to a group receives only messages that mention it or reply to it. */
export type ChatType = "PRIVATE" | "GROUP";

export interface Chat {
  id: string;
  chat_type: ChatType;
}

/** A message inside an update. Media URLs are public and may expire: download them at once. */
export interface Message {
  message_id: string;
  from: User;
  chat: Chat;
  /** Milliseconds since the epoch. */
  date: number;
  text?: string;
  /**
   * Image messages: the image's URL. The documentation names the field `photo`; real payloads
   * also carry `photo_url`. Whichever arrived, both are filled in with the same URL.
   */
  photo?: string;
  /** The same URL as {@link Message.photo}. */
  photo_url?: string;
  caption?: string;
  /** Sticker messages: the sticker's id. */
  sticker?: string;
  /** Sticker messages: the sticker image's URL. */
  url?: string;
  /** Voice messages (`message.voice.received`): the recording's URL (AAC). */
  voice_url?: string;
}

/** Known event names; others pass through as plain strings. */
export type EventName =
  | "message.text.received"
  | "message.image.received"
  | "message.sticker.received"
  | "message.voice.received"
  | "message.link.received"
  | "message.unsupported.received"
  | (string & {});

/** One update. There is no update id: getUpdates hands each update out once. */
export interface Update {
  event_name: EventName;
  message?: Message;
}

/** `getWebhookInfo`. */
export interface WebhookInfo {
  url: string;
  updated_at?: number;
}

/** What `sendMessage`, `sendPhoto` and `sendSticker` return. */
export interface SentMessage {
  message_id: string;
  date: number;
}

/** The API's answer envelope. */
export interface ApiResponse<T> {
  ok: boolean;
  result?: T;
  error_code?: number;
  description?: string;
}

/** `sendMessage` formatting: `html` (e.g. `<b>…</b>`) or `markdown`; without it the text is literal. */
export type ParseMode = "html" | "markdown";

/** `sendChatAction` actions. */
export type ChatAction = "typing" | "upload_photo";

/** Longest text one message may carry. */
export const TEXT_LIMIT = 2000;
