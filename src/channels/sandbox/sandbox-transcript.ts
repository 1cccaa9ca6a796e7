import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** A file shown in the sandbox chat: stored by SHA-256 in the sandbox's file store. */
export interface SandboxFile {
  sha256: string;
  name: string;
  mime: string;
  kind: "photo" | "document" | "video";
  size: number;
}

/** One message of a sandbox chat, from the bot or from a person. */
export interface SandboxMessage {
  chatId: string;
  /** Per chat, increasing: "1", "2", … (the bot's reply targets use it, as on Telegram). */
  id: string;
  from: { bot: true } | { bot: false; userId: string; name: string };
  /** Sandbox time (ISO), not wall-clock time. */
  at: string;
  text: string;
  files: SandboxFile[];
  replyTo?: string;
  /** When its sender last edited it (sandbox time, ISO); `text` is then the edited text. */
  editedAt?: string;
}

/** An edit as the JSON-lines file keeps it: a line of its own, applied to its message on load. */
interface EditLine {
  edit: { chatId: string; id: string; text: string; at: string };
}

/**
 * Every message of every sandbox chat, in memory and appended to a JSON-lines file so the sandbox
 * survives a restart; an edit is appended as a line of its own (the file is never rewritten).
 * `onAdd` hears each new message and `onEdit` each edited one (the page's live stream).
 * @example const t = createSandboxTranscript(dir, (m) => broadcast(m)); t.add({ chatId: "-1001", from: { bot: true }, at, text: "Xin chào", files: [] });
 */
export function createSandboxTranscript(
  dir: string,
  onAdd: (message: SandboxMessage) => void = () => {},
  onEdit: (message: SandboxMessage) => void = () => {},
) {
  const file = path.join(dir, "messages.jsonl");
  const byChat = new Map<string, SandboxMessage[]>();
  const filesBySha = new Map<string, SandboxFile>();

  const remember = (message: SandboxMessage) => {
    const list = byChat.get(message.chatId) ?? [];
    list.push(message);
    byChat.set(message.chatId, list);
    for (const f of message.files) filesBySha.set(f.sha256, f);
  };
  const find = (chatId: string, id: string) => byChat.get(chatId)?.find((m) => m.id === id);
  const applyEdit = ({ chatId, id, text, at }: EditLine["edit"]) => {
    const message = find(chatId, id);
    if (message) Object.assign(message, { text, editedAt: at });
    return message;
  };

  if (existsSync(file)) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      // A line cut by a crash is skipped, the rest stays readable.
      try {
        if (!line) continue;
        const record = JSON.parse(line) as SandboxMessage | EditLine;
        if ("edit" in record) applyEdit(record.edit);
        else remember(record);
      } catch {}
    }
  }

  return {
    /** Records a message, giving it the chat's next id. */
    add(input: Omit<SandboxMessage, "id">): SandboxMessage {
      const list = byChat.get(input.chatId) ?? [];
      const last = list.length ? Number(list[list.length - 1].id) : 0;
      const message: SandboxMessage = { ...input, id: String(last + 1) };
      mkdirSync(dir, { recursive: true });
      appendFileSync(file, JSON.stringify(message) + "\n");
      remember(message);
      onAdd(message);
      return message;
    },
    /** Gives message `id` of a chat the edited `text` (its sender's edit at sandbox time `at`). */
    edit(chatId: string, id: string, text: string, at: string): SandboxMessage | undefined {
      if (!find(chatId, id)) return undefined;
      const line: EditLine = { edit: { chatId, id, text, at } };
      appendFileSync(file, JSON.stringify(line) + "\n");
      const message = applyEdit(line.edit)!;
      onEdit(message);
      return message;
    },
    /** One message of a chat, as last edited. */
    find,
    messages: (chatId: string): SandboxMessage[] => byChat.get(chatId) ?? [],
    /** How many messages each chat has (for unread counts on the page). */
    counts(): Record<string, number> {
      return Object.fromEntries([...byChat].map(([chatId, list]) => [chatId, list.length]));
    },
    /** The file's name and type, if some message carries it. */
    file: (sha256: string): SandboxFile | undefined => filesBySha.get(sha256),
  };
}

export type SandboxTranscript = ReturnType<typeof createSandboxTranscript>;
