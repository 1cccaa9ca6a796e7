/**
 * Plans stay apart: the 2021 district plan runs, next year's Sở plan is imported in December.
 * `/moi TAG` invites only the active units of the plan in force (or of the plan named) and says
 * which; the office named in every text stays the current plan's until the new plan starts.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zonedInstant } from "../../src/core/calendar/time.js";
import { resolveOrgName } from "../../src/core/units/org-name.js";
import { ADMIN, type Harness, startHarness } from "../support/harness.js";

const TZ = "Asia/Ho_Chi_Minh";
const adminChat = { id: ADMIN.id, type: "private" as const };
const PLAN_2021 = readFileSync("plans/thach-thanh-cchc-2021.yaml");
/** The Sở's sample moved to 2022, starting on 04/01/2022 (imported in December 2021). */
const PLAN_2022 = Buffer.from(
  readFileSync("plans/so-vhttdl-2026.yaml", "utf8")
    .replaceAll("2026", "2022")
    .replace("45/KH-SVHTTDL", "01/KH-SVHTTDL")
    .replace("date: 2022-01-15", "date: 2022-01-04"),
);
const at = (date: string, time = "09:00") => zonedInstant(date, time, TZ);
/** The unit names of a `/moi TAG` answer. */
const invited = (reply: string) => [...reply.matchAll(/^- (.+): [2-9A-Z]{8}$/gm)].map((m) => m[1]);

let h: Harness;
const replies: Record<string, string> = {};

beforeAll(async () => {
  h = await startHarness({ now: at("2021-01-25").toISOString() });
  const say = async (text: string, extra = {}) => (await h.say(ADMIN, adminChat, text, extra)).join("\n");
  replies.import2021 = await say("", {
    caption: "/nhapkehoach",
    document: { data: PLAN_2021, file_name: "20-KH-UBND.yaml", mime_type: "text/yaml" },
  });
  replies.start2021 = await say("/start");
  h.clock.set(at("2021-12-10"));
  replies.import2022 = await say("", {
    caption: "/nhapkehoach",
    document: { data: PLAN_2022, file_name: "01-KH-SVHTTDL.yaml", mime_type: "text/yaml" },
  });
  replies.startDecember = await say("/start");
  replies.moiDecember = await say("/moi xa");
  replies.moiNamed = await say("/moi xa 2 01/KH-SVHTTDL");
  replies.moiNoPlan = await say("/moi xa 99/KH-ABC");
  await say("/donvi_nghi XA_THACH_BINH 10/12/2021 Sáp nhập");
  replies.moiAfterRetire = await say("/moi xa");
  replies.moiPhuong = await say("/moi phuong");
  replies.moiUsage = await say("/moi");
  h.clock.set(at("2022-01-10"));
  replies.moiJanuary = await say("/moi xa");
}, 300_000);
afterAll(async () => {
  if (process.env.PRINT_REPLIES) for (const [k, v] of Object.entries(replies)) console.log(`── ${k}\n${v}`);
  await h?.close();
});

describe("plans apart: invites and the office's name", () => {
  it("imports both plans", () => {
    expect(replies.import2021).toContain("Đã nhập kế hoạch 20/KH-UBND");
    expect(replies.import2022).toContain("Đã nhập kế hoạch 01/KH-SVHTTDL");
  });

  it("/moi TAG invites the active units of the plan in force and says how many and which plan", async () => {
    const units2021 = new Set((await h.app.repos.units.list({ includeInactive: true })).map((u) => u.name));
    const december = invited(replies.moiDecember!);
    expect(replies.moiDecember).toMatch(/^Mã đăng ký cho 2\d đơn vị đang hoạt động có thẻ xa của kế hoạch 20\/KH-UBND/);
    expect(december).toContain("UBND xã Thạch Bình");
    expect(december).not.toContain("UBND xã Đồng Tâm");
    expect(replies.moiDecember).toContain(`cho ${december.length} đơn vị`);
    expect(december.every((n) => units2021.has(n!))).toBe(true);
    // Retired on 10/12/2021: no code for it any more, one fewer.
    const afterRetire = invited(replies.moiAfterRetire!);
    expect(afterRetire).not.toContain("UBND xã Thạch Bình");
    expect(afterRetire).toHaveLength(december.length - 1);
    expect(replies.moiAfterRetire).toContain(`cho ${december.length - 1} đơn vị`);
    // In January the Sở's plan is in force: its ten communes only, none of the district's.
    expect(replies.moiJanuary).toContain(
      "Mã đăng ký cho 10 đơn vị đang hoạt động có thẻ xa của kế hoạch 01/KH-SVHTTDL",
    );
    const january = invited(replies.moiJanuary!);
    expect(january).toHaveLength(10);
    expect(january.slice(0, 2)).toEqual(["UBND xã Đồng Tâm", "UBND xã Tân Lập"]);
    expect(january.filter((n) => n === "UBND xã Thạch Bình" || n === "UBND xã Thành An")).toEqual([]);
  });

  it("/moi TAG PLAN invites that plan's units; an unknown plan or a tag outside the plan is explained", () => {
    expect(replies.moiNamed).toContain("Mã đăng ký cho 10 đơn vị đang hoạt động có thẻ xa của kế hoạch 01/KH-SVHTTDL");
    expect(replies.moiNamed).toContain("mỗi mã dùng được 2 lần");
    expect(invited(replies.moiNamed!)).toEqual(invited(replies.moiJanuary!));
    expect(replies.moiNoPlan).toContain("Không có kế hoạch số 99/KH-ABC nên chưa cấp mã nào");
    expect(replies.moiNoPlan).toContain("Các kế hoạch đã nhập: 20/KH-UBND, 01/KH-SVHTTDL");
    expect(replies.moiNoPlan).toContain("Ví dụ: /moi xa 01/KH-SVHTTDL");
    // "phuong" is a tag of the 2022 plan only: in December the plan in force has none.
    expect(replies.moiPhuong).toContain("Kế hoạch 20/KH-UBND không có đơn vị đang hoạt động nào mang thẻ phuong");
    expect(replies.moiPhuong).toContain("3 đơn vị mang thẻ này thuộc kế hoạch khác");
    expect(replies.moiPhuong).toContain("/moi phuong SỐ_KẾ_HOẠCH");
    // The usage's example is a unit of the plan in force.
    expect(replies.moiUsage).toContain("Ví dụ: /moi TT_VHTTTDL, /moi TT_VHTTTDL 3 hoặc /moi trung-tam");
  });

  it("keeps naming the plan in force's office after next year's plan is imported in December", async () => {
    expect(replies.start2021).toContain("cho Phòng Văn hóa và Thông tin");
    expect(replies.startDecember).toContain("cho Phòng Văn hóa và Thông tin");
    expect(replies.startDecember).not.toContain("Sở Văn hóa");
    const tz = { timezone: TZ };
    expect(await resolveOrgName(h.app.repos, undefined, { now: at("2021-12-31"), ...tz })).toBe(
      "Phòng Văn hóa và Thông tin",
    );
    expect(await resolveOrgName(h.app.repos, undefined, { now: at("2022-01-04"), ...tz })).toBe(
      "Sở Văn hóa, Thể thao và Du lịch",
    );
    // The daily sync follows the office into the new plan's first days.
    h.clock.set(at("2022-01-10"));
    h.app.scheduler.changed();
    await expect
      .poll(async () => (await h.say(ADMIN, adminChat, "/start")).join("\n"), { timeout: 10_000 })
      .toContain("cho Sở Văn hóa, Thể thao và Du lịch");
  });
});
