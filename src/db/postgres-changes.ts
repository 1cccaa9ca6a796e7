import { type Db, postgresOf } from "./database.js";

/** The channel the change triggers notify (prisma/postgresql/migrations/…_change_notifications). */
export const CHANGES_CHANNEL = "dondoc_changes";

/**
 * Calls `forget(table)` when another process commits a change to a table whose rows this process
 * caches (Person, ChatBinding, Conversation, Unit, Task, Indicator, Plan: triggers NOTIFY its
 * name). Notifications this process's own pool sent are skipped: its caches are written through.
 * After the listening connection was lost and opened again, every table is forgotten (changes
 * meanwhile were not heard). No-op on SQLite, where one process owns the file.
 * @example await watchChanges(db, (table) => caches.forget(table));
 */
export async function watchChanges(db: Db, forget: (table: string) => void): Promise<void> {
  const connection = postgresOf(db);
  const session = connection?.session;
  if (!connection || !session) return;
  await session.listen(CHANGES_CHANNEL, (table, senderPid) => {
    if (!connection.backends.has(senderPid)) forget(table);
  });
  session.onReconnect(() => forget("*"));
}
