export { Bot, type BotOptions, type LaunchOptions } from "./bot.js";
export { type CallOptions, type ClientOptions, DEFAULT_API_ROOT, ZaloClient } from "./client.js";
export { Composer, type Middleware, type MiddlewareFn, type NextFn, type UpdateFilter } from "./composer.js";
export { Context, updateTypeOf } from "./context.js";
export { ZaloApiError, ZaloHttpError } from "./errors.js";
export { escapeHtml } from "./format.js";
export * from "./types.js";
export { normalizeUpdates, stripMention } from "./update.js";
