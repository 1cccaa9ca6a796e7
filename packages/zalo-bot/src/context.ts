import type { ZaloClient } from "./client.js";
import type { BotInfo, Chat, ChatAction, Message, ParseMode, SentMessage, Update, User } from "./types.js";
import { stripMention } from "./update.js";

/** Telegraf's update type for every `message.*` event is "message"; other events keep their name. */
export function updateTypeOf(update: Update): string {
  return update.event_name.startsWith("message.") ? "message" : update.event_name;
}

/**
 * What a handler gets for one update, shaped like Telegraf's context.
 * @example bot.on("text", (ctx) => ctx.reply(`Đã nhận: ${ctx.text}`));
 */
export class Context {
  /** Free space for middleware to pass data down the chain (Telegraf's `ctx.state`). */
  readonly state: Record<string, unknown> = {};
  /** The `hears` match. */
  match?: RegExpExecArray;
  /** The command name without "/", for `command`, `start` and `help` handlers. */
  command?: string;
  /** Text after the command (Telegraf's `ctx.payload`). */
  payload?: string;

  constructor(
    readonly update: Update,
    /** The API client (also under Telegraf's name, {@link Context.telegram}). */
    readonly zalo: ZaloClient,
    readonly botInfo: BotInfo | undefined,
  ) {}

  get telegram(): ZaloClient {
    return this.zalo;
  }

  /** The Zalo event name, e.g. "message.image.received". */
  get eventName(): string {
    return this.update.event_name;
  }

  /** "message" for every message event (as in Telegraf). */
  get updateType(): string {
    return updateTypeOf(this.update);
  }

  get message(): Message | undefined {
    return this.update.message;
  }

  get chat(): Chat | undefined {
    return this.update.message?.chat;
  }

  get from(): User | undefined {
    return this.update.message?.from;
  }

  /** The message text, or an image's caption (as Telegraf's `ctx.text`). */
  get text(): string | undefined {
    return this.update.message?.text ?? this.update.message?.caption;
  }

  /**
   * The text without the bot's mention in a group ("@Bot Đôn Đốc /baocao …" → "/baocao …"; see
   * {@link stripMention}); in a private chat the same as {@link Context.text}.
   */
  get textWithoutMention(): string | undefined {
    const text = this.text;
    if (text === undefined || this.chat?.chat_type !== "GROUP") return text;
    return stripMention(text, [this.botInfo?.display_name, this.botInfo?.account_name]);
  }

  /** The command's arguments split on spaces (Telegraf's `ctx.args`). */
  get args(): string[] {
    return this.payload ? this.payload.split(/\s+/).filter(Boolean) : [];
  }

  private chatId(method: string): string {
    const id = this.chat?.id;
    if (!id) throw new TypeError(`ctx.${method}: this update has no chat`);
    return id;
  }

  /** Sends a text to this chat (`parse_mode` as in sendMessage). Zalo has no reply-to: the answer is a new message. */
  reply(text: string, extra: { parse_mode?: ParseMode } = {}): Promise<SentMessage> {
    return this.zalo.sendMessage(this.chatId("reply"), text, extra);
  }

  /** Sends a photo by public URL (a string or Telegraf's `{ url }`). */
  replyWithPhoto(photo: string | { url: string }, extra: { caption?: string } = {}): Promise<SentMessage> {
    return this.zalo.sendPhoto(this.chatId("replyWithPhoto"), photo, extra);
  }

  sendChatAction(action: ChatAction = "typing"): Promise<unknown> {
    return this.zalo.sendChatAction(this.chatId("sendChatAction"), action);
  }
}
