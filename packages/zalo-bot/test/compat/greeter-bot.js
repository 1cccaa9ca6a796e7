// A small bot written against Telegraf's API only. The compatibility test runs this file unchanged
// under Telegraf (against a fake Telegram server) and under @don-doc/zalo-bot (against a fake Zalo
// server) and expects the same replies. Plain JavaScript on purpose: nothing here knows which
// framework it gets.

/**
 * @param {import("telegraf").Telegraf} bot
 * @param {(entry: { updateType: string, ms: number }) => void} log
 */
export function installGreeterBot(bot, log) {
  // A middleware that times each update.
  bot.use(async (ctx, next) => {
    const started = Date.now();
    await next();
    log({ updateType: ctx.updateType, ms: Date.now() - started });
  });

  bot.start((ctx) => ctx.reply("Xin chào! Gửi /cong 2 3 để cộng hai số."));

  // A command with arguments.
  bot.command("cong", (ctx) => {
    const numbers = ctx.payload.split(/\s+/).filter(Boolean).map(Number);
    if (numbers.length !== 2 || numbers.some(Number.isNaN)) return ctx.reply("Cách dùng: /cong 2 3");
    return ctx.reply(`${numbers[0]} + ${numbers[1]} = ${numbers[0] + numbers[1]}`);
  });

  bot.hears(/^cảm ơn/i, (ctx) => ctx.reply(`Không có gì ạ (${ctx.match[0]}).`));

  bot.on("photo", (ctx) => ctx.reply(`Đã nhận ảnh${ctx.message.caption ? `: ${ctx.message.caption}` : ""}.`));

  bot.on("text", (ctx) => ctx.reply(`Bạn viết: ${ctx.message.text}`));
}
