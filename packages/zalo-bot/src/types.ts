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
}

export interface User {
  id: string;
  /** The name shown in Zalo (older payloads call it `name`; both are filled in). */
  display_name: string;
  is_bot: boolean;
}

export type ChatType = "PRIVATE" | "GROUP";

export interface Chat {
  id: string;
  chat_type: ChatType;
}

/** A message inside an update. `photo_url` is public and may expire: download it at once. */
export interface Message {
  message_id: string;
  from: User;
  chat: Chat;
  /** Milliseconds since the epoch. */
  date: number;
  text?: string;
  /** Image messages (older payloads: `photo`). */
  photo_url?: string;
  caption?: string;
  /** Sticker messages. */
  sticker?: string;
  /** Voice messages. */
  url?: string;
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

/** `sendChatAction` actions. */
export type ChatAction = "typing" | "upload_photo";

/** Longest text one message may carry. */
export const TEXT_LIMIT = 2000;
