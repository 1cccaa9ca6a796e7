import { readFile, stat } from "node:fs/promises";
import type { EmbeddedChannel } from "../../app.js";
import {
  type Clock,
  type FileStore,
  FileTooLargeError,
  type Inbox,
  type Messenger,
  SendError,
} from "../../core/ports.js";
import { splitMessage } from "../../core/rollups/rollup-text.js";
import type { Incoming, IncomingFile } from "../../core/types.js";
import type { SandboxChat, SandboxDirectory, SandboxPerson } from "./sandbox-directory.js";
import type { SandboxFile, SandboxMessage, SandboxTranscript } from "./sandbox-transcript.js";

export const SANDBOX_TEXT_LIMIT = 4096;
export const SANDBOX_MAX_FILES = 10;
const SHA256_HEX = /^[0-9a-f]{64}$/;
// Shown inline as photos, as Telegram does for these; videos are evidence too; the rest are documents.
const PHOTO_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);

/** What the page sends when someone types in a sandbox chat. */
export interface SandboxPost {
  chatId: string;
  userId: string;
  text: string;
  replyTo?: string;
  files: { name: string; mime: string; data: Uint8Array }[];
}

/** What the page sends when someone edits a message they sent. */
export interface SandboxEdit {
  chatId: string;
  messageId: string;
  userId: string;
  text: string;
}

export type EditResult =
  | { ok: true; message: SandboxMessage }
  | { ok: false; error: "unknown_chat" | "unknown_person" | "unknown_message" | "not_sender" | "empty" | "unchanged" };

export type PostResult =
  | { ok: true; message: SandboxMessage }
  | { ok: false; error: "unknown_chat" | "unknown_person" | "not_owner" | "empty" | "too_many_files" };

/**
 * The sandbox channel: the page's messages become {@link Incoming} for the inbox (as a Telegram
 * update would), and the bot's messages land in the sandbox transcript through {@link Messenger}.
 * Nothing here decides who may do what: the core does, as for every channel.
 * @example const channel = createSandboxChannel({ transcript, files, clock, directory }); channel.attach(app.inbox);
 */
export function createSandboxChannel(options: {
  transcript: SandboxTranscript;
  files: FileStore;
  clock: Clock;
  directory: () => SandboxDirectory;
  adminIds: string[];
}) {
  const { transcript, files, clock, directory } = options;
  let inbox: Inbox | undefined;
  const chatOf = (chatId: string) => directory().chats.find((c) => c.chatId === chatId);

  const messenger: Messenger = {
    textLimit: () => SANDBOX_TEXT_LIMIT,
    async send(to, message) {
      if (to.channel !== "sandbox" || !chatOf(to.chatId))
        throw new SendError("unreachable", `no sandbox chat ${to.chatId}`);
      const at = clock.now().toISOString();
      try {
        if (message.type === "text") {
          // Longer texts become several messages, split at line boundaries, as on Telegram.
          const [first, ...rest] = splitMessage(message.text, SANDBOX_TEXT_LIMIT);
          const sent = transcript.add({
            chatId: to.chatId,
            from: { bot: true },
            at,
            text: first ?? "",
            files: [],
            replyTo: message.replyToMessageId,
          });
          for (const part of rest)
            transcript.add({ chatId: to.chatId, from: { bot: true }, at, text: part, files: [] });
          return { messageId: sent.id };
        }
        const { sha256 } = await files.put(message.file.data);
        const file: SandboxFile = {
          sha256,
          name: message.file.fileName,
          mime: message.file.mime,
          kind: message.type,
          size: message.file.data.byteLength,
        };
        const sent = transcript.add({
          chatId: to.chatId,
          from: { bot: true },
          at,
          text: message.caption ?? "",
          files: [file],
        });
        return { messageId: sent.id };
      } catch (error) {
        // The sandbox's "platform" is its own files: a failed write (disk full, I/O) is worth a retry.
        throw new SendError("transient", error instanceof Error ? error.message : String(error));
      }
    },
    async download(_channel, file, maxBytes) {
      if (!SHA256_HEX.test(file.fileRef)) throw new SendError("bad_request", "not a sandbox file");
      const path = files.pathOf(file.fileRef);
      const size = await stat(path).then(
        (s) => s.size,
        () => undefined,
      );
      if (size === undefined) throw new SendError("bad_request", "file not found");
      if (size > maxBytes) throw new FileTooLargeError(maxBytes);
      return readFile(path);
    },
  };

  const channel = {
    messenger,
    adminIds: options.adminIds,
    attach(target: Inbox) {
      inbox = target;
    },
    /** Records what a person typed (and uploaded) in a chat and hands it to the inbox. */
    async post(input: SandboxPost): Promise<PostResult> {
      const chat = chatOf(input.chatId);
      if (!chat) return { ok: false, error: "unknown_chat" };
      const person = directory().people.find((p) => p.userId === input.userId);
      if (!person) return { ok: false, error: "unknown_person" };
      if (chat.ownerId && chat.ownerId !== person.userId) return { ok: false, error: "not_owner" };
      const text = input.text.normalize("NFC");
      if (!text.trim() && !input.files.length) return { ok: false, error: "empty" };
      if (input.files.length > SANDBOX_MAX_FILES) return { ok: false, error: "too_many_files" };
      const stored: SandboxFile[] = [];
      for (const f of input.files) {
        const { sha256 } = await files.put(f.data);
        const mime = f.mime || "application/octet-stream";
        stored.push({
          sha256,
          name: f.name,
          mime,
          kind: PHOTO_TYPES.has(mime) ? "photo" : mime.startsWith("video/") ? "video" : "document",
          size: f.data.byteLength,
        });
      }
      const date = clock.now();
      const message = transcript.add({
        chatId: chat.chatId,
        from: { bot: false, userId: person.userId, name: person.name },
        at: date.toISOString(),
        text,
        files: stored,
        replyTo: input.replyTo,
      });
      const attached = stored.map(
        (f): IncomingFile => ({ kind: f.kind, fileRef: f.sha256, fileName: f.name, mime: f.mime, size: f.size }),
      );
      await inbox?.accept(incomingOf(chat, person, message, { files: attached, date }));
      return { ok: true, message };
    },
    /**
     * Edits a message its sender wrote, as Telegram lets one do: the transcript keeps the new text
     * and the inbox gets it as an edit (same messageId, no files, `editedAt`), which it handles as
     * a message of its own.
     */
    async edit(input: SandboxEdit): Promise<EditResult> {
      const chat = chatOf(input.chatId);
      if (!chat) return { ok: false, error: "unknown_chat" };
      const person = directory().people.find((p) => p.userId === input.userId);
      if (!person) return { ok: false, error: "unknown_person" };
      const original = transcript.find(chat.chatId, input.messageId);
      if (!original) return { ok: false, error: "unknown_message" };
      if (original.from.bot || original.from.userId !== person.userId) return { ok: false, error: "not_sender" };
      const text = input.text.normalize("NFC");
      if (!text.trim()) return { ok: false, error: "empty" };
      if (text === original.text) return { ok: false, error: "unchanged" };
      // The inbox knows an edit by its time: a second edit within the same millisecond (or with
      // the clock not moved) must still differ from the first, or it would be taken for a redelivery.
      const last = original.editedAt ? Date.parse(original.editedAt) : Number.NEGATIVE_INFINITY;
      const editedAt = new Date(Math.max(clock.now().getTime(), last + 1));
      const message = transcript.edit(chat.chatId, original.id, text, editedAt.toISOString())!;
      await inbox?.accept(incomingOf(chat, person, message, { files: [], date: new Date(message.at), editedAt }));
      return { ok: true, message };
    },
  } satisfies EmbeddedChannel & Record<string, unknown>;
  return channel;
}

export type SandboxChannel = ReturnType<typeof createSandboxChannel>;

/** What a person's message (or its edit) in a sandbox chat is to the bot. */
function incomingOf(
  chat: SandboxChat,
  person: SandboxPerson,
  message: SandboxMessage,
  extra: Pick<Incoming, "files" | "date" | "editedAt">,
): Incoming {
  return {
    channel: "sandbox",
    chatId: chat.chatId,
    chatType: chat.type,
    chatTitle: chat.type === "group" ? chat.title : undefined,
    userId: person.userId,
    userName: person.name,
    username: person.username,
    messageId: message.id,
    text: message.text,
    replyToMessageId: message.replyTo,
    ...extra,
  };
}
