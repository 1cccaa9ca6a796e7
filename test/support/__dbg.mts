import { Bot } from "grammy";
import { createFakeTelegramServer } from "./fake-telegram-server.js";
const fake = await createFakeTelegramServer({ longPollMaxMs: 1500 });
const bot = new Bot(fake.token, { client: { apiRoot: fake.url } });
bot.on("message:text", (ctx) => { console.log("got", ctx.message.text); return ctx.reply("x"); });
const running = bot.start({ timeout: 1 });
setInterval(() => console.log(fake.calls.map(c => `${c.method}:${c.status}`).join(" ")), 500);
setTimeout(() => fake.sendUserMessage({ chat: { id: 1, type: "private" }, from: { id: 1, first_name: "A" }, text: "hi" }), 300);
setTimeout(async () => { await bot.stop(); await running; await fake.close(); console.log("done"); process.exit(0); }, 3000);
