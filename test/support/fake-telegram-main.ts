/**
 * Standalone fake Telegram Bot API process (crash-safety tests; benches, so its work is not in the bot's process).
 *
 *   tsx test/support/fake-telegram-main.ts [port] [token] [botUsername] [longPollMaxMs] [--stdin-lifeline]
 *
 * --stdin-lifeline: exit when stdin closes, i.e. when the parent that spawned it with a stdin pipe
 * dies in any way (killed by a signal too), so a bench never leaves it behind.
 *
 * Prints "READY <url>" on stdout once listening. Control endpoints:
 *   GET  /__control/calls[?since=N]   recorded API calls (Buffers as {base64})
 *   GET  /__control/sent[?chat_id=ID] successful send* records
 *   GET  /__control/stats             { sent, rejected429, duplicates }
 *   POST /__control/inject            body: Update → queued update (with update_id)
 *   POST /__control/user-message      body: sendUserMessage input (photo / document.data as base64)
 *   POST /__control/user-messages     body: { messages: [input…] } → queued at once, each timed from now
 *   GET  /__control/burst-replies?count=N&timeoutMs=T
 *                                     waits for N first replies (reply_to) to those messages, or T ms:
 *                                     { replies, seconds (first burst → last reply), latencies (ms, sorted) }
 *   POST /__control/callback-query    body: sendCallbackQuery input
 *   POST /__control/limits            body: { globalPerSecond?, perChatPerSecond?, perGroupPerMinute? } ({} = off)
 *   POST /__control/fail              body: { method, failure, count? }
 *   POST /__control/block | unblock   body: { chat_id }
 *   POST /__control/reset
 */
import { createFakeTelegramServer } from "./fake-telegram-server.js";

const args = process.argv.slice(2);
const [portArg, tokenArg, usernameArg, longPollArg] = args.filter((a) => a !== "--stdin-lifeline");
const fake = await createFakeTelegramServer({
  port: portArg ? Number(portArg) : 0,
  token: tokenArg || undefined,
  botUsername: usernameArg || undefined,
  longPollMaxMs: longPollArg ? Number(longPollArg) : undefined,
  control: true,
});
process.stdout.write(`READY ${fake.url}\n`);

let stopping = false;
const shutdown = () => {
  if (stopping) return;
  stopping = true;
  void fake.close().finally(() => process.exit(0));
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
if (args.includes("--stdin-lifeline")) process.stdin.on("end", shutdown).on("error", shutdown).resume();
