export { Bot, type BotOptions, type LaunchOptions } from "./bot.js";
export { ZaloClient, DEFAULT_API_ROOT, type CallOptions, type ClientOptions } from "./client.js";
export { Composer, type Middleware, type MiddlewareFn, type NextFn, type UpdateFilter } from "./composer.js";
export { Context, updateTypeOf } from "./context.js";
export { ZaloApiError, ZaloHttpError } from "./errors.js";
export { escapeHtml } from "./format.js";
export { normalizeUpdates, stripMention } from "./update.js";
export * from "./types.js";
