/** Types for the compatibility module (plain JavaScript written against Telegraf's API). */
export function installGreeterBot(bot: unknown, log: (entry: { updateType: string; ms: number }) => void): void;
