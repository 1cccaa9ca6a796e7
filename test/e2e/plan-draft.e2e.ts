// The plan draft in the sandbox page, in a real browser (Debian's Chromium driven by playwright-core):
// the admin uploads the plan's .docx, corrects one task by replying to its message, confirms, sees
// the reminders planned, and after time travel the first reminder of the communes' task arrives in a
// commune's group. Screenshots go to .test-output/e2e/ (git-ignored).
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { planDocx } from "../support/plan-documents.js";
import { startTestSandbox, type TestSandbox } from "../support/sandbox-client.js";

const OUT = path.resolve(".test-output/e2e");
const PHONE = { width: 390, height: 844 };

describe("plan draft in the sandbox page (phone-sized)", () => {
  let s: TestSandbox;
  let browser: Browser;
  let page: Page;
  let step = 0;
  const shot = async (name: string) => {
    step++;
    await page.screenshot({
      path: path.join(OUT, `plan-draft-${String(step).padStart(2, "0")}-${name}.png`),
      fullPage: false,
    });
  };
  const openChat = async (title: string | RegExp) => {
    const back = page.getByRole("button", { name: "Quay lại danh sách" });
    if (await back.isVisible()) await back.click();
    await page.getByLabel("Tìm nhóm hoặc người").fill("");
    await page.locator(".chat-item", { hasText: title }).first().click();
    await expect.poll(() => page.locator("#chat-title").textContent()).toMatch(title);
  };
  const send = async (text: string) => {
    await page.getByLabel("Tin nhắn", { exact: true }).fill(text);
    await page.getByRole("button", { name: "Gửi", exact: true }).click();
  };
  const botSays = (text: string | RegExp) => page.locator("#messages .msg.bot", { hasText: text });
  // The message list re-renders when the bot posts again, which can detach a found element: retry.
  const scrollTo = (message: Locator) =>
    vi.waitFor(() => message.scrollIntoViewIfNeeded({ timeout: 2_000 }), { timeout: 15_000, interval: 200 });

  beforeAll(async () => {
    s = await startTestSandbox({ ...(process.env.CHROMIUM_PATH ? { CHROMIUM_PATH: process.env.CHROMIUM_PATH } : {}) });
    const executablePath = s.config.chromiumPath;
    if (!existsSync(executablePath)) {
      throw new Error(
        `Chromium not found at ${executablePath}. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.`,
      );
    }
    mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu"],
    });
    page = await browser.newPage({
      viewport: PHONE,
      deviceScaleFactor: 2,
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
    });
    page.on("dialog", (d) => void d.accept());
    await page.goto(s.base);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it("upload the .docx, correct one task by reply, confirm, see the reminders planned and the first one arrive", async () => {
    await expect.poll(() => page.locator(".chat-item").count()).toBeGreaterThan(10);
    await page.getByLabel("Tìm nhóm hoặc người").fill("Hoa");
    await page.locator(".chat-item", { hasText: "Nguyễn Thị Hoa" }).click();

    // The admin attaches the plan's .docx and sends it with /duthao.
    const docx = await planDocx(readFileSync("test/fixtures/plan-drafts/sandbox/so-son-ha-bau-cu-2026.txt", "utf8"), {
      numbering: true,
    });
    await page.locator("#file-input").setInputFiles({
      name: "ke-hoach-52-KH-SVHTTDL.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: docx,
    });
    await send("/duthao");
    await expect
      .poll(() => botSays("Dự thảo kế hoạch 52/KH-SVHTTDL: 3 nhiệm vụ, 15 đơn vị, 0 chưa khớp.").count(), {
        timeout: 30_000,
      })
      .toBe(1);
    await expect.poll(() => botSays("#3 Báo cáo kết quả tuyên truyền").count(), { timeout: 15_000 }).toBe(1);
    await expect
      .poll(() => page.locator("#messages .msg.bot", { hasText: "du-thao-52-KH-SVHTTDL.yaml" }).count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    await scrollTo(botSays("Dự thảo kế hoạch 52/KH-SVHTTDL"));
    await shot("du-thao");

    // Task #3 has no day: the admin replies to its message with the deadline.
    await botSays("#3 Báo cáo kết quả tuyên truyền")
      .getByRole("button", { name: /^Trả lời/ })
      .click();
    await send("hạn hằng quý ngày 20");
    await expect.poll(() => botSays("Hạn: hằng quý, ngày 20 tháng cuối quý").count(), { timeout: 15_000 }).toBe(1);
    await shot("sua-bang-tra-loi");

    await send("/xacnhan");
    await expect.poll(() => botSays("Đã nhập kế hoạch 52/KH-SVHTTDL").count(), { timeout: 30_000 }).toBe(1);
    const answer = (await botSays("Đã nhập kế hoạch 52/KH-SVHTTDL").textContent()) ?? "";
    expect(answer).toContain("Lịch nhắc sắp tới:");
    const second = /• (\d{2})\/(\d{2})\/(\d{4}) (\d{2}:\d{2}): #2 (.+?), 13 đơn vị/.exec(answer)!;
    expect(second).not.toBeNull();
    await scrollTo(botSays("Đã nhập kế hoạch 52/KH-SVHTTDL"));
    await shot("da-nhap-lich-nhac");

    // Time travel to the communes' first reminder: it arrives in a commune's group.
    const [, d, m, y, time, title] = second;
    if ((await page.getByRole("button", { name: "Đổi giờ" }).getAttribute("aria-expanded")) !== "true")
      await page.getByRole("button", { name: "Đổi giờ" }).click();
    await page.getByLabel("Ngày", { exact: true }).fill(`${y}-${m}-${d}`);
    await page.getByLabel("Giờ", { exact: true }).fill(time);
    await page.getByRole("button", { name: "Đi tới" }).click();
    await expect.poll(() => page.locator("#toast").textContent(), { timeout: 30_000 }).toMatch(/Đã chuyển tới/);
    await openChat("Nhóm UBND xã Đồng Tâm");
    await expect.poll(() => botSays(title.trim()).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await scrollTo(botSays(title.trim()).last());
    await shot("nhac-han-xa");
  });
});
