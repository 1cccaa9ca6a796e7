/**
 * Runs tasks one at a time per key (e.g. per unit), in arrival order; different keys run freely.
 * Reports of one unit can arrive at the same moment from its group and its officers' private chats.
 * @example const lock = createKeyedLock(); await lock.run(unitId, () => submitReport(...));
 */
export function createKeyedLock() {
  const tails = new Map<string | number, Promise<unknown>>();
  return {
    async run<T>(key: string | number, task: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const current = previous.catch(() => undefined).then(task);
      tails.set(key, current);
      try {
        return await current;
      } finally {
        if (tails.get(key) === current) tails.delete(key);
      }
    },
  };
}
