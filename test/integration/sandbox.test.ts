import { existsSync, readFileSync } from "node:fs";
import { networkInterfaces } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxSample } from "../../src/channels/sandbox/sandbox-samples.js";
import { travelTarget } from "../../src/channels/sandbox/time-travel.js";
import { createWorkingCalendar } from "../../src/core/calendar/working-calendar.js";
import { parsePlanFile } from "../../src/core/plans/plan-file.js";
import { createTranslator } from "../../src/i18n.js";
import { samplePng, startTestSandbox, type TestSandbox } from "../support/sandbox-client.js";

const TZ = "Asia/Ho_Chi_Minh";
const unitCount = (sample: string) => {
  const plan = parsePlanFile(readFileSync(sandboxSample(sample).planFile, "utf8"), createTranslator().t("vi"));
  return plan.ok ? plan.file.units.length : 0;
};

describe("the sandbox: same bot, local web chat, movable clock", () => {
  let s: TestSandbox;
  let admin: string;
  let leader: string;
  let stranger: string;
  let officer: string;
  let dongTamGroup: string;
  let newGroup: string;

  beforeAll(async () => {
    s = await startTestSandbox();
    const state = await s.state();
    admin = state.people.find((p) => p.role === "admin")!.userId;
    leader = state.people.find((p) => p.role === "leader")!.userId;
    stranger = state.people.find((p) => p.role === "none")!.userId;
    officer = state.people.find((p) => p.unit === "UBND xã Đồng Tâm")!.userId;
    dongTamGroup = state.chats.find((c) => c.sample === "unit" && c.unit === "UBND xã Đồng Tâm")!.chatId;
    newGroup = state.chats.find((c) => c.sample === "new_group")!.chatId;
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  it("starts with today's structure by default: the Sở plan's units, people and chats at 02/02/2026 08:00, registered through the core", async () => {
    const state = (await s.state()) as Awaited<ReturnType<TestSandbox["state"]>> & {
      sample: string;
      samples: string[];
    };
    expect(state.sample).toBe("so-2026");
    expect(state.samples).toEqual(["so-2026", "huyen-2021"]);
    expect(Date.parse(state.now) - Date.parse("2026-02-02T01:00:00Z")).toBeLessThan(60_000);
    const units = unitCount("so-2026");
    expect(units).toBe(16);
    const unitGroups = state.chats.filter((c) => c.sample === "unit");
    expect(unitGroups).toHaveLength(units);
    expect(unitGroups.every((c) => c.role === "unit" && c.unit)).toBe(true);
    expect(unitGroups.map((c) => c.unit)).toContain("UBND phường Bắc Sơn");
    expect(state.chats.find((c) => c.sample === "rollup")).toMatchObject({
      role: "rollup",
      title: "Nhóm tổng hợp — Sở Văn hóa, Thể thao và Du lịch",
    });
    expect(state.chats.find((c) => c.sample === "new_group")).toMatchObject({ role: null, unit: null });
    expect(state.people.filter((p) => p.role === "officer")).toHaveLength(units);
    expect(state.people.filter((p) => p.role === "admin")).toHaveLength(1);
    expect(state.people.filter((p) => p.role === "leader")).toHaveLength(1);
  });

  it("keeps the real database untouched: everything lives in DATA_DIR/sandbox.db", () => {
    expect(existsSync(path.join(s.dataDir, "sandbox.db"))).toBe(true);
    expect(existsSync(s.config.databaseUrl.replace(/^file:/, ""))).toBe(false);
  });

  it("refuses in the sandbox what a real chat refuses: officers cannot administer, strangers get onboarding", async () => {
    const moi = await s.say(dongTamGroup, officer, "/moi X_DONG_TAM");
    expect(moi.replies.map((m) => m.text).join("\n")).toMatch(/quản trị/);
    expect(moi.replies.join("")).not.toMatch(/Mã đăng ký/);
    const tonghop = await s.say(newGroup, stranger, "/tonghop");
    expect(tonghop.replies[0].text).toContain("/dangky");
    const report = await s.say(dongTamGroup, stranger, "/baocao đã treo 12 pa nô");
    expect(report.replies.map((m) => m.text).join("\n")).not.toMatch(/Đã ghi nhận/);
  });

  it("rejects what the page must not do: unknown people, writing in someone else's private chat, empty messages", async () => {
    expect((await s.say(dongTamGroup, "999999", "xin chào")).error).toBe("unknown_person");
    expect((await s.say(admin, officer, "/moi X_DONG_TAM")).error).toBe("not_owner");
    expect((await s.say(dongTamGroup, officer, "   ")).error).toBe("empty");
    expect((await s.post("/api/chats/-424242/messages", { userId: officer, text: "hi" })).status).toBe(404);
    const notJson = await fetch(`${s.base}/api/clock`, { method: "POST", body: "to=day" });
    expect(notJson.status).toBe(400);
  });

  it("runs the whole job: invite, registration, reminder after time travel, report with a photo, rollup with a chart", async () => {
    const invite = await s.say(admin, admin, "/moi X_DONG_TAM");
    const code = /\/dangky ([2-9A-Z]{8})/.exec(invite.replies.map((m) => m.text).join("\n"))![1];
    const registered = await s.say(newGroup, officer, `/dangky ${code}`);
    expect(registered.replies[0].text).toContain("UBND xã Đồng Tâm");

    // The communes' plans are due Friday 27/02/2026; T−7 working days (Tết: 16–20/02) is Wednesday 11/02.
    const moved = await s.post("/api/clock", { to: "date", date: "2026-02-11", time: "08:00" });
    expect(moved).toMatchObject({ status: 200, body: { now: "2026-02-11T01:00:00.000Z" } });
    expect(moved.body.delivered).toBeGreaterThan(12);
    const reminder = (await s.messages(newGroup)).at(-1)!;
    expect(reminder.from.bot).toBe(true);
    expect(reminder.text).toContain("Hạn: Thứ Sáu, 27/02/2026 (còn 16 ngày)");

    const photo = samplePng();
    const report = await s.say(newGroup, officer, "Đã ban hành Kế hoạch số 15/KH-UBND ngày 10/02/2026", {
      replyTo: reminder.id,
      files: [{ name: "anh.png", mime: "image/png", data: photo }],
    });
    const confirmation = report.replies.map((m) => m.text).join("\n");
    expect(confirmation).toContain("Đã ghi nhận báo cáo của UBND xã Đồng Tâm");
    expect(confirmation).toContain("15/KH-UBND");
    expect(confirmation).toContain("1 ảnh");
    const sent = (await s.messages(newGroup)).find((m) => m.files.length)!;
    const served = await fetch(`${s.base}/files/${sent.files[0].sha256}`);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(photo))).toBe(true);

    expect((await s.post("/api/clock", { to: "date", date: "2026-03-02", time: "08:00" })).status).toBe(200);
    const rollupChat = (await s.state()).chats.find((c) => c.sample === "rollup")!.chatId;
    // The digest (/tonghop) has no chart; one task's rollup (/tonghop #1) carries it.
    const rollup = await s.say(rollupChat, leader, "/tonghop #1");
    const text = rollup.replies.map((m) => m.text).join("\n");
    expect(text).toContain("Xây dựng kế hoạch tuyên truyền cải cách hành chính và chuyển đổi số năm 2026");
    expect(text).toMatch(/Đã báo cáo 1\/13/);
    const chart = rollup.replies.find((m) => m.files.some((f) => f.kind === "photo" && f.mime === "image/png"))!;
    const png = Buffer.from(await (await fetch(`${s.base}/files/${chart.files[0].sha256}`)).arrayBuffer());
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
  }, 60_000);

  it("serves uploads that are not images as downloads, never as pages", async () => {
    await s.say(dongTamGroup, officer, "", {
      files: [{ name: "trang.html", mime: "text/html", data: Buffer.from("<script>alert(1)</script>") }],
    });
    const upload = (await s.messages(dongTamGroup)).findLast((m) => m.files.some((f) => f.name === "trang.html"))!;
    const served = await fetch(`${s.base}/files/${upload.files[0].sha256}`);
    expect(served.headers.get("content-type")).toBe("application/octet-stream");
    expect(served.headers.get("content-disposition")).toMatch(/^attachment/);
    expect((await fetch(`${s.base}/files/${"0".repeat(64)}`)).status).toBe(404);
    expect((await fetch(`${s.base}/files/..%2F..%2Fsandbox.db`)).status).toBe(404);
  });

  it("only moves time forward, and refuses bad dates", async () => {
    const now = (await s.state()).now;
    expect(await s.post("/api/clock", { to: "date", date: "2026-01-20", time: "08:00" })).toMatchObject({
      status: 400,
      body: { error: "not_forward" },
    });
    expect(await s.post("/api/clock", { to: "date", date: "2026-02-30", time: "08:00" })).toMatchObject({
      status: 400,
      body: { error: "bad_date" },
    });
    expect(await s.post("/api/clock", { to: "yesterday" })).toMatchObject({
      status: 400,
      body: { error: "bad_request" },
    });
    expect(Date.parse((await s.state()).now) - Date.parse(now)).toBeLessThan(60_000);
  });

  it("binds to 127.0.0.1 only: another interface of this machine gets no answer", async () => {
    expect(new URL(s.base).hostname).toBe("127.0.0.1");
    const port = new URL(s.base).port;
    const other = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === "IPv4" && !a.internal);
    // Containers without a second interface still check the bound address above.
    if (other)
      await expect(
        fetch(`http://${other.address}:${port}/api/state`, { signal: AbortSignal.timeout(3000) }),
      ).rejects.toThrow();
  });

  it("offers the 2021 district plan as the second sample, with its own units, officers and start day", async () => {
    expect(await s.post("/api/reset", { sample: "nowhere" })).toMatchObject({
      status: 400,
      body: { error: "bad_request" },
    });
    expect(await s.post("/api/reset", { sample: "huyen-2021" })).toMatchObject({
      status: 200,
      body: { sample: "huyen-2021" },
    });
    const state = (await s.state()) as Awaited<ReturnType<TestSandbox["state"]>> & { sample: string };
    expect(state.sample).toBe("huyen-2021");
    expect(Date.parse(state.now) - Date.parse("2021-01-25T01:00:00Z")).toBeLessThan(60_000);
    expect(state.chats.filter((c) => c.sample === "unit")).toHaveLength(unitCount("huyen-2021"));
    expect(state.chats.find((c) => c.sample === "rollup")).toMatchObject({
      title: "Nhóm tổng hợp — Phòng Văn hóa và Thông tin",
    });
    // Its own officers: Thạch Bình's, none of the Sở plan's communes.
    expect(state.people.some((p) => p.unit === "UBND xã Đồng Tâm")).toBe(false);
    const thachBinh = state.people.find((p) => p.unit === "UBND xã Thạch Bình")!.userId;
    const admin2021 = state.people.find((p) => p.role === "admin")!.userId;
    const group = state.chats.find((c) => c.sample === "new_group")!.chatId;
    const invite = await s.say(admin2021, admin2021, "/moi XA_THACH_BINH");
    const code = /\/dangky ([2-9A-Z]{8})/.exec(invite.replies.map((m) => m.text).join("\n"))![1];
    expect((await s.say(group, thachBinh, `/dangky ${code}`)).replies[0].text).toContain("UBND xã Thạch Bình");
    expect((await s.post("/api/clock", { to: "date", date: "2021-01-29", time: "08:00" })).status).toBe(200);
    expect((await s.messages(group)).at(-1)!.text).toContain("Hạn: Thứ Ba, 09/02/2021 (còn 11 ngày)");
  }, 60_000);

  it("reset rebuilds the sandbox from the sample in use, or the one named: no messages, first day, new group unregistered", async () => {
    expect((await s.post("/api/reset", {})).status).toBe(200);
    let state = (await s.state()) as Awaited<ReturnType<TestSandbox["state"]>> & { sample: string };
    expect(state.sample).toBe("huyen-2021");
    expect(Date.parse(state.now) - Date.parse("2021-01-25T01:00:00Z")).toBeLessThan(60_000);
    expect((await s.post("/api/reset", { sample: "so-2026" })).status).toBe(200);
    state = (await s.state()) as typeof state;
    expect(state.sample).toBe("so-2026");
    expect(Date.parse(state.now) - Date.parse("2026-02-02T01:00:00Z")).toBeLessThan(60_000);
    expect(state.chats.every((c) => c.count === 0)).toBe(true);
    expect(state.chats.find((c) => c.sample === "new_group")).toMatchObject({ role: null });
    expect(await s.messages(newGroup)).toEqual([]);
  }, 60_000);

  it("refuses to move the clock once the sandbox is stopped (nothing listens)", async () => {
    const base = s.base;
    await s.sandbox.stop();
    await expect(
      fetch(`${base}/api/clock`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"to":"day"}',
      }),
    ).rejects.toThrow();
  });
});

describe("time travel targets", () => {
  const calendar = createWorkingCalendar([
    { date: "2021-02-10", kind: "holiday", name: "Nghỉ Tết Tân Sửu" },
    { date: "2021-02-11", kind: "holiday", name: "Nghỉ Tết Tân Sửu" },
    { date: "2021-02-12", kind: "holiday", name: "Nghỉ Tết Tân Sửu" },
    { date: "2021-02-15", kind: "holiday", name: "Nghỉ Tết Tân Sửu" },
    { date: "2021-02-16", kind: "holiday", name: "Nghỉ Tết Tân Sửu" },
  ]);
  const at = (iso: string) => new Date(iso);
  const go = (request: Parameters<typeof travelTarget>[0], now: string, nextPlanned: Date | null = null) =>
    travelTarget(request, at(now), { calendar, timezone: TZ, nextPlanned });

  it("+1 giờ, +1 ngày", () => {
    expect(go({ to: "hour" }, "2021-01-25T01:00:00Z")).toEqual({ ok: true, at: at("2021-01-25T02:00:00Z") });
    expect(go({ to: "day" }, "2021-01-25T01:00:00Z")).toEqual({ ok: true, at: at("2021-01-26T01:00:00Z") });
  });

  it("08:00 of the next working day skips weekends and the Tết break; before 08:00 on a working day it is today", () => {
    expect(go({ to: "next_workday" }, "2021-01-29T09:00:00Z")).toEqual({ ok: true, at: at("2021-02-01T01:00:00Z") });
    expect(go({ to: "next_workday" }, "2021-02-09T03:00:00Z")).toEqual({ ok: true, at: at("2021-02-17T01:00:00Z") });
    expect(go({ to: "next_workday" }, "2021-01-26T23:30:00Z")).toEqual({ ok: true, at: at("2021-01-27T01:00:00Z") });
  });

  it("the next due time comes from the scheduler; none left is said plainly", () => {
    expect(go({ to: "next_due" }, "2021-01-25T01:00:00Z", at("2021-01-29T01:00:00Z"))).toEqual({
      ok: true,
      at: at("2021-01-29T01:00:00Z"),
    });
    expect(go({ to: "next_due" }, "2021-01-25T01:00:00Z", null)).toEqual({ ok: false, error: "nothing_due" });
  });

  it("a picked date is local time; backwards and malformed dates are refused", () => {
    expect(go({ to: "date", date: "2021-02-17", time: "08:00" }, "2021-01-25T01:00:00Z")).toEqual({
      ok: true,
      at: at("2021-02-17T01:00:00Z"),
    });
    expect(go({ to: "date", date: "2021-01-24", time: "08:00" }, "2021-01-25T01:00:00Z")).toEqual({
      ok: false,
      error: "not_forward",
    });
    expect(go({ to: "date", date: "2021-13-01", time: "08:00" }, "2021-01-25T01:00:00Z")).toEqual({
      ok: false,
      error: "bad_date",
    });
    expect(go({ to: "date", date: "2021-02-01", time: "25:00" }, "2021-01-25T01:00:00Z")).toEqual({
      ok: false,
      error: "bad_date",
    });
    expect(go({ to: "date", date: "9999-01-01", time: "08:00" }, "2021-01-25T01:00:00Z")).toEqual({
      ok: false,
      error: "bad_date",
    });
  });
});
