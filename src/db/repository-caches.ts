/**
 * Write-through caches for the reads every message makes (sender, chat binding, conversation state)
 * and for the active tasks, over any repositories, on both databases. `forget(table)` drops what a
 * change made elsewhere may have made stale (PostgreSQL's change notifications call it; on SQLite
 * another process is only a CLI, and the time to live covers it).
 */
import type { ChatRecord, ConversationRecord, PersonRecord, TaskRecord } from "../core/ports.js";
import type {
  ChatRepository,
  ConversationRepository,
  PersonRepository,
  Repositories,
  TaskRepository,
} from "../core/repositories.js";
import type { Channel } from "../core/types.js";

/** Entries kept per cache; the oldest go first beyond this. */
const MAX_ENTRIES = 20_000;
/** A change nobody announced (a CLI on SQLite) still shows within this time. */
const CACHE_TTL_MS = 5 * 60_000;

/**
 * A small map with a size bound and a time to live; `undefined` = not cached, `null` = cached
 * absence. A read that started before `clear()` does not store what it read (it may be stale).
 */
function createLru<V>() {
  const entries = new Map<string, { value: V | null; at: number }>();
  let generation = 0;
  const lru = {
    get(key: string): V | null | undefined {
      const hit = entries.get(key);
      if (!hit) return undefined;
      if (Date.now() - hit.at > CACHE_TTL_MS) {
        entries.delete(key);
        return undefined;
      }
      return hit.value;
    },
    set(key: string, value: V | null): void {
      entries.delete(key);
      entries.set(key, { value, at: Date.now() });
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    },
    async through(key: string, load: () => Promise<V | null>): Promise<V | null> {
      const hit = lru.get(key);
      if (hit !== undefined) return hit;
      const started = generation;
      const value = await load();
      if (started === generation) lru.set(key, value);
      return value;
    },
    clear() {
      generation++;
      entries.clear();
    },
    values: () => [...entries.values()].map((e) => e.value),
  };
  return lru;
}

/** Reads (find*, list*, count*, get*, exists*) leave a cache alone; any other method clears it. */
function invalidating<R extends object>(inner: R, cache: { clear(): void }, overrides: Partial<R>): R {
  const out = { ...overrides } as Record<string, unknown>;
  for (const [name, fn] of Object.entries(inner)) {
    if (name in out || typeof fn !== "function") continue;
    out[name] = /^(find|list|count|get|exists)/.test(name)
      ? fn
      : async (...args: unknown[]) => {
          try {
            return await fn(...args);
          } finally {
            cache.clear();
          }
        };
  }
  return out as R;
}

/**
 * Write-through caches over any repositories, and `forget(table)` for a change made elsewhere.
 * @example const { repos, forget } = withCaches(inner); forget("Person");
 */
export function withCaches(repos: Repositories): { repos: Repositories; forget(table: string): void } {
  const people = createLru<PersonRecord>();
  const chats = createLru<ChatRecord>();
  const conversations = createLru<ConversationRecord>();
  const activeTasks = createLru<TaskRecord[]>();
  const personKey = (channel: Channel, userId: string) => `${channel}:${userId}`;
  const conversationKey = (channel: Channel, chatId: string, userId: string) => `${channel}:${chatId}:${userId}`;
  const updatePerson = (id: number, patch: Partial<PersonRecord>) => {
    for (const p of people.values()) if (p?.id === id) people.set(personKey(p.channel, p.userId), { ...p, ...patch });
  };

  const peopleRepo: PersonRepository = invalidating(repos.people, people, {
    find: (channel, userId) => people.through(personKey(channel, userId), () => repos.people.find(channel, userId)),
    async touch(input) {
      const hit = people.get(personKey(input.channel, input.userId));
      if (hit && hit.displayName === input.displayName && hit.username === (input.username ?? null)) return hit;
      const p = await repos.people.touch(input);
      people.set(personKey(p.channel, p.userId), p);
      return p;
    },
    async setRole(id, role) {
      await repos.people.setRole(id, role);
      updatePerson(id, { role });
    },
    async setUnit(id, unitId) {
      await repos.people.setUnit(id, unitId);
      updatePerson(id, { unitId });
    },
    async setLanguage(id, language) {
      await repos.people.setLanguage(id, language);
      updatePerson(id, { language });
    },
  });

  const chatsRepo: ChatRepository = invalidating(repos.chats, chats, {
    find: (channel, chatId) => chats.through(personKey(channel, chatId), () => repos.chats.find(channel, chatId)),
    async bind(input) {
      const c = await repos.chats.bind(input);
      chats.set(personKey(c.channel, c.chatId), c);
      return c;
    },
  });

  const conversationsRepo: ConversationRepository = invalidating(repos.conversations, conversations, {
    async get(channel, chatId, userId, now) {
      // Cached with its expiry; "now" is the caller's clock, so expiry is checked on every read.
      const hit = await conversations.through(conversationKey(channel, chatId, userId), () =>
        repos.conversations.get(channel, chatId, userId, new Date(0)),
      );
      return hit && hit.expiresAt > now ? hit : null;
    },
    async set(channel, chatId, userId, record) {
      await repos.conversations.set(channel, chatId, userId, record);
      conversations.set(conversationKey(channel, chatId, userId), record);
    },
    async clear(channel, chatId, userId) {
      await repos.conversations.clear(channel, chatId, userId);
      conversations.set(conversationKey(channel, chatId, userId), null);
    },
  });

  const tasksRepo: TaskRepository = invalidating(repos.tasks, activeTasks, {
    listActive: async () => [...((await activeTasks.through("active", () => repos.tasks.listActive())) ?? [])],
  });

  const byTable: Record<string, { clear(): void }[]> = {
    Person: [people],
    ChatBinding: [chats],
    Conversation: [conversations],
    Task: [activeTasks],
    Indicator: [activeTasks],
    // A plan's units decide which tasks are active for whom.
    Plan: [activeTasks],
  };
  return {
    repos: { ...repos, people: peopleRepo, chats: chatsRepo, conversations: conversationsRepo, tasks: tasksRepo },
    forget(table) {
      for (const cache of table === "*" ? Object.values(byTable).flat() : (byTable[table] ?? [])) cache.clear();
    },
  };
}
