// The sandbox page in headless Chromium (Debian's package, driven by playwright-core; no browser
// download), on a phone-sized window, through the whole flow. Screenshots of every step go
// to .test-output/e2e/ (git-ignored). Without Chromium the test fails and says how to install it.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { samplePng, startTestSandbox, type TestSandbox } from "../support/sandbox-client.js";

const OUT = path.resolve(".test-output/e2e");
const PHONE = { width: 390, height: 844 };

describe("sandbox page in a real browser (phone-sized)", () => {
  let s: TestSandbox;
  let browser: Browser;
  let page: Page;
  let step = 0;
  const shot = async (name: string) => {
    step++;
    await page.screenshot({ path: path.join(OUT, `${String(step).padStart(2, "0")}-${name}.png`), fullPage: false });
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
  // The test runs in Node (no DOM types): the page's document is reached through globalThis.
  const isFocused = (locator: Locator) =>
    locator.evaluate(
      (el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
    );
  const botSays = (text: string | RegExp) => page.locator("#messages .msg.bot", { hasText: text });
  const openClockPanel = async () => {
    if ((await page.getByRole("button", { name: "Đổi giờ" }).getAttribute("aria-expanded")) !== "true")
      await page.getByRole("button", { name: "Đổi giờ" }).click();
  };
  const travelTo = async (date: string, time: string) => {
    await openClockPanel();
    await page.getByLabel("Ngày", { exact: true }).fill(date);
    await page.getByLabel("Giờ", { exact: true }).fill(time);
    await page.getByRole("button", { name: "Đi tới" }).click();
    await expect.poll(() => page.locator("#toast").textContent(), { timeout: 30_000 }).toMatch(/Đã chuyển tới/);
  };

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

  it("shows today's sample by default: the Sở plan's chats and the sandbox clock at 02/02/2026 08:00", async () => {
    await expect.poll(() => page.locator(".chat-item").count()).toBeGreaterThan(15);
    await expect.poll(() => page.locator("#clock-now").textContent()).toMatch(/Thứ Hai, 02\/02\/2026 08:0\d/);
    expect(await page.locator(".chat-item", { hasText: "Nhóm UBND xã Đồng Tâm" }).count()).toBe(1);
    expect(await page.locator(".chat-item", { hasText: "Nhóm UBND phường Bắc Sơn" }).count()).toBe(1);
    expect(await page.locator(".chat-item", { hasText: "thị trấn" }).count()).toBe(0);
    await shot("danh-sach-2026");
  });

  it("runs the whole flow on the Sở sample: invite, registration, time travel, reminder, report with photo, rollup with chart", async () => {
    // The admin asks for an invite code in her private chat with the bot.
    await page.getByLabel("Tìm nhóm hoặc người").fill("Hoa");
    await page.locator(".chat-item", { hasText: "Nguyễn Thị Hoa" }).click();
    await send("/moi X_DONG_TAM");
    await expect.poll(() => botSays("Mã đăng ký").count(), { timeout: 15_000 }).toBe(1);
    const code = /\/dangky ([2-9A-Z]{8})/.exec((await botSays("Mã đăng ký").textContent()) ?? "")![1];
    await shot("quan-tri-tao-ma");

    // Đồng Tâm's officer registers the new group with it.
    await openChat("Nhóm mới");
    const sender = page.getByLabel("Gửi với tư cách");
    const officer = await sender.locator("option", { hasText: "cán bộ UBND xã Đồng Tâm" }).getAttribute("value");
    await sender.selectOption(officer!);
    await send(`/dangky ${code}`);
    await expect.poll(() => botSays("Đã đăng ký nhóm này cho UBND xã Đồng Tâm").count(), { timeout: 15_000 }).toBe(1);
    await shot("can-bo-dang-ky");

    // Time travel to Wednesday 11/02/2026 08:00 (T−7 working days before 27/02, Tết 16–20/02 off).
    await travelTo("2026-02-11", "08:00");
    await expect.poll(() => page.locator("#clock-now").textContent()).toMatch(/Thứ Tư, 11\/02\/2026 08:0\d/);
    await expect.poll(() => botSays("Nhắc hạn báo cáo").count(), { timeout: 15_000 }).toBe(1);
    expect(await botSays("Nhắc hạn báo cáo").textContent()).toContain("Hạn: Thứ Sáu, 27/02/2026 (còn 16 ngày)");
    await shot("doi-gio-nhac-han");

    // The officer answers the reminder with a report and a photo.
    await botSays("Nhắc hạn báo cáo")
      .getByRole("button", { name: /^Trả lời/ })
      .click();
    await page
      .locator("#file-input")
      .setInputFiles({ name: "pano-dong-tam.png", mimeType: "image/png", buffer: Buffer.from(samplePng(120)) });
    await send("Đã ban hành Kế hoạch số 15/KH-UBND ngày 10/02/2026 về tuyên truyền CCHC và chuyển đổi số");
    await expect.poll(() => botSays("Đã ghi nhận báo cáo").count(), { timeout: 20_000 }).toBe(1);
    const confirmation = (await botSays("Đã ghi nhận báo cáo").textContent()) ?? "";
    expect(confirmation).toContain("UBND xã Đồng Tâm");
    expect(confirmation).toContain("số 15/KH-UBND ngày 10/02/2026");
    expect(confirmation).toContain("1 ảnh");
    expect(await page.locator("#messages .msg.person img").count()).toBe(1);
    await shot("bao-cao-kem-anh");

    // She corrects the plan's number by editing the message in place, as in Telegram.
    const report = page.locator("#messages .msg.person", { hasText: "15/KH-UBND" });
    await report.getByRole("button", { name: /^Sửa tin nhắn/ }).click();
    const editBox = page.getByLabel("Đang sửa tin nhắn");
    await expect.poll(() => isFocused(editBox)).toBe(true);
    await editBox.fill("Đã ban hành Kế hoạch số 16/KH-UBND ngày 10/02/2026 về tuyên truyền CCHC và chuyển đổi số");
    await shot("sua-tin-nhan");
    await editBox.press("Enter");
    await expect.poll(() => botSays("Đã đọc lại tin nhắn đồng chí vừa sửa").count(), { timeout: 20_000 }).toBe(1);
    expect(await botSays("Đã đọc lại tin nhắn đồng chí vừa sửa").textContent()).toContain("16/KH-UBND");
    const edited = page.locator("#messages .msg.person", { hasText: "16/KH-UBND" });
    expect(await edited.locator(".edited").textContent()).toBe("(đã sửa)");
    expect(await page.locator("#messages .msg.person", { hasText: "15/KH-UBND" }).count()).toBe(0);
    // Focus is back on the message's "Sửa" button, for a keyboard user to go on from there.
    await expect.poll(() => isFocused(edited.getByRole("button", { name: /^Sửa tin nhắn/ }))).toBe(true);
    await edited.scrollIntoViewIfNeeded();
    await shot("da-sua");

    // Past the deadline (Friday 27/02): the leader asks for the rollup in the rollup group.
    await travelTo("2026-03-02", "08:00");
    await openChat(/^Nhóm tổng hợp/);
    await expect
      .poll(() => page.getByLabel("Gửi với tư cách").inputValue())
      .toBe((await s.person((p) => p.role === "leader")).userId);
    // The digest (/tonghop) has no chart; one task's rollup (/tonghop #1) carries it.
    await send("/tonghop #1");
    await expect
      .poll(() => botSays("Xây dựng kế hoạch tuyên truyền cải cách hành chính").count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    const chart = page.locator("#messages .msg.bot img").first();
    await expect
      .poll(
        () =>
          chart.evaluate((img) => {
            const i = img as unknown as { complete: boolean; naturalWidth: number };
            return i.complete ? i.naturalWidth : 0;
          }),
        { timeout: 15_000 },
      )
      .toBeGreaterThan(100);
    const rollup = (await botSays("Xây dựng kế hoạch tuyên truyền cải cách hành chính").first().textContent()) ?? "";
    expect(rollup).toMatch(/Đã báo cáo 1\/13/);
    // The message list re-renders when the bot posts again, which can detach the found image: retry.
    await vi.waitFor(() => chart.scrollIntoViewIfNeeded({ timeout: 2_000 }), { timeout: 15_000, interval: 200 });
    await shot("lanh-dao-tong-hop");
  });

  it("speaks English after /ngonngu en, like the bot, and Vietnamese again after /ngonngu vi", async () => {
    await openChat(/^Nguyễn Thị Hoa/);
    await send("/ngonngu en");
    await expect.poll(() => page.locator("label[for=sender]").textContent(), { timeout: 15_000 }).toBe("Send as");
    expect(await page.getByRole("button", { name: "Change time" }).count()).toBe(1);
    await shot("tieng-anh");
    await page.getByLabel("Message", { exact: true }).fill("/ngonngu vi");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect
      .poll(() => page.locator("label[for=sender]").textContent(), { timeout: 15_000 })
      .toBe("Gửi với tư cách");
  });

  it("the 2021 district plan is the second sample: its own communes, officers and first day", async () => {
    await openClockPanel();
    await expect.poll(() => page.getByLabel("Mẫu dữ liệu").inputValue()).toBe("so-2026");
    await page.getByLabel("Mẫu dữ liệu").selectOption("huyen-2021");
    await shot("chon-mau-2021");
    await page.getByRole("button", { name: "Làm lại từ đầu" }).click();
    await expect
      .poll(() => page.locator("#toast").textContent(), { timeout: 30_000 })
      .toContain("Đã dựng lại hộp cát từ mẫu «Huyện Thạch Thành");
    await expect.poll(() => page.locator("#clock-now").textContent()).toMatch(/Thứ Hai, 25\/01\/2021 08:0\d/);
    await expect.poll(() => page.locator(".chat-item", { hasText: "Nhóm UBND xã Thạch Bình" }).count()).toBe(1);
    expect(await page.locator(".chat-item", { hasText: "Nhóm UBND thị trấn Kim Tân" }).count()).toBe(1);
    expect(await page.locator(".chat-item", { hasText: "Đồng Tâm" }).count()).toBe(0);
    expect(await page.locator("#messages .msg").count()).toBe(0);

    // The same steps with this sample's own people: Thạch Bình's officer, a reminder on 29/01/2021.
    const back = page.getByRole("button", { name: "Quay lại danh sách" });
    if (await back.isVisible()) await back.click();
    await page.getByLabel("Tìm nhóm hoặc người").fill("Hoa");
    await page.locator(".chat-item", { hasText: "Nguyễn Thị Hoa" }).click();
    await send("/moi XA_THACH_BINH");
    await expect.poll(() => botSays("Mã đăng ký").count(), { timeout: 15_000 }).toBe(1);
    const code = /\/dangky ([2-9A-Z]{8})/.exec((await botSays("Mã đăng ký").textContent()) ?? "")![1];
    await openChat("Nhóm mới");
    const sender = page.getByLabel("Gửi với tư cách");
    const officer = await sender.locator("option", { hasText: "cán bộ UBND xã Thạch Bình" }).getAttribute("value");
    await sender.selectOption(officer!);
    await send(`/dangky ${code}`);
    await expect.poll(() => botSays("Đã đăng ký nhóm này cho UBND xã Thạch Bình").count(), { timeout: 15_000 }).toBe(1);
    await travelTo("2021-01-29", "08:00");
    await expect.poll(() => botSays("Nhắc hạn báo cáo").count(), { timeout: 15_000 }).toBe(1);
    expect(await botSays("Nhắc hạn báo cáo").textContent()).toContain("Hạn: Thứ Ba, 09/02/2021 (còn 11 ngày)");
    await shot("mau-2021-nhac-han");
  });

  it("reset starts over from the sample in use; picking today's sample brings it back", async () => {
    await openClockPanel();
    await expect.poll(() => page.getByLabel("Mẫu dữ liệu").inputValue()).toBe("huyen-2021");
    await page.getByRole("button", { name: "Làm lại từ đầu" }).click();
    await expect.poll(() => page.locator("#toast").textContent(), { timeout: 30_000 }).toContain("Đã dựng lại hộp cát");
    await expect.poll(() => page.locator("#clock-now").textContent()).toMatch(/25\/01\/2021 08:0\d/);
    expect(await page.locator("#messages .msg").count()).toBe(0);
    await openClockPanel();
    await page.getByLabel("Mẫu dữ liệu").selectOption("so-2026");
    await page.getByRole("button", { name: "Làm lại từ đầu" }).click();
    await expect
      .poll(() => page.locator("#clock-now").textContent(), { timeout: 30_000 })
      .toMatch(/02\/02\/2026 08:0\d/);
    await expect.poll(() => page.locator(".chat-item", { hasText: "Nhóm UBND xã Đồng Tâm" }).count()).toBe(1);
    await shot("lam-lai");
  });
});
