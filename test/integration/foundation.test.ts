import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, type Harness, startHarness } from "../support/harness.js";

const adminChat = { id: ADMIN.id, type: "private" as const };
const communeGroup = { id: -1001, type: "supergroup" as const, title: "UBND xã Thạch Bình" };
const otherGroup = { id: -1002, type: "group" as const, title: "UBND xã Thành Vinh" };
const lan = { id: 201, first_name: "Lan", last_name: "Nguyễn", username: "lan_tb" };
const minh = { id: 202, first_name: "Minh", username: "minh_tv" };
const stranger = { id: 203, first_name: "Khách" };

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: "2021-02-01T02:00:00Z" });
});
afterAll(async () => {
  await h?.close();
});

async function inviteCode(unit: string): Promise<string> {
  const [reply] = await h.say(ADMIN, adminChat, `/moi ${unit}`);
  const code = /: ([2-9A-Z]{8})\n/.exec(reply)?.[1];
  expect(code, reply).toBeTruthy();
  return code!;
}

describe("foundation flows over the Telegram Bot API", () => {
  it("greets a stranger with onboarding text only", async () => {
    const [start] = await h.say(stranger, { id: stranger.id, type: "private" }, "/start");
    expect(start).toContain("/dangky MÃ");
    const [refused] = await h.say(stranger, { id: stranger.id, type: "private" }, "/nhiemvu");
    expect(refused).toContain("/dangky MÃ");
    expect(refused).not.toContain("Nhiệm vụ");
  });

  it("lets the configured admin import the sample plan with /nhapkehoach", async () => {
    const yaml = readFileSync("plans/thach-thanh-cchc-2021.yaml");
    const [reply] = await h.say(ADMIN, adminChat, "", {
      caption: "/nhapkehoach",
      document: { data: yaml, file_name: "thach-thanh-cchc-2021.yaml", mime_type: "application/x-yaml" },
    });
    expect(reply).toContain("Đã nhập kế hoạch 20/KH-UBND");
    expect(reply).toContain("+38 mới");
    // Idempotent: a second import updates and creates nothing.
    const [again] = await h.say(ADMIN, adminChat, "", {
      caption: "/nhapkehoach",
      document: { data: yaml, file_name: "thach-thanh-cchc-2021.yaml", mime_type: "application/x-yaml" },
    });
    expect(again).toContain("+0 mới, 38 cập nhật");
    expect(again).toContain("0 lượt giao mới");
  });

  it("refuses a plan file with errors, naming line and field", async () => {
    const bad = Buffer.from("plan:\n  number: 21/KH-UBND\n  date: 31/02/2021\n  title: Kế hoạch thử\n");
    const [reply] = await h.say(ADMIN, adminChat, "", {
      caption: "/nhapkehoach",
      document: { data: bad, file_name: "x.yaml", mime_type: "text/yaml" },
    });
    expect(reply).toContain("dòng 3");
    expect(reply).toContain("plan.date");
    const [wrongType] = await h.say(ADMIN, adminChat, "", {
      caption: "/nhapkehoach",
      document: { data: bad, file_name: "x.pdf", mime_type: "application/pdf" },
    });
    expect(wrongType).toContain("không phải tệp kế hoạch .yaml");
  });

  it("creates a unit, invites an officer who registers in a group, and lists the plan's tasks", async () => {
    const [added] = await h.say(ADMIN, adminChat, '/donvi_them XA_MOI "UBND xã Thử Nghiệm" xa');
    expect(added).toContain("Đã thêm đơn vị XA_MOI — UBND xã Thử Nghiệm");
    const [dup] = await h.say(ADMIN, adminChat, '/donvi_them XA_MOI "Trùng" xa');
    expect(dup).toContain("Mã này đã được dùng cho đơn vị");

    const code = await inviteCode("XA_THACH_BINH");
    const [registered] = await h.say(lan, communeGroup, `/dangky@${h.fake.botInfo.username} ${code}`);
    expect(registered).toContain("Đã đăng ký nhóm này cho UBND xã Thạch Bình");

    const [tasks] = await h.say(lan, communeGroup, "/nhiemvu");
    expect(tasks).toContain("Nhiệm vụ đang mở của UBND xã Thạch Bình");
    expect(tasks).toContain("Xây dựng kế hoạch tuyên truyền cải cách hành chính năm 2021 của đơn vị");
    expect(tasks).toContain("hạn Thứ Ba, 09/02/2021 (còn 8 ngày)");
    expect(tasks).toContain("Báo cáo quý kết quả tuyên truyền cải cách hành chính (Quý I/2021)");
    // The district centre's monthly task is not the commune's.
    expect(tasks).not.toContain("Trung tâm");
  });

  it("refuses a reused code and an officer of another unit", async () => {
    const code = await inviteCode("XA_THANH_VINH");
    expect((await h.say(minh, otherGroup, `/dangky ${code}`))[0]).toContain("UBND xã Thành Vinh");
    expect((await h.say(stranger, { id: stranger.id, type: "private" }, `/dangky ${code}`))[0]).toContain(
      "đã dùng hết số lần",
    );
    expect((await h.say(stranger, { id: stranger.id, type: "private" }, "/dangky ZZZZZZZZ"))[0]).toContain(
      "không đúng",
    );

    // Lan (Thạch Bình) cannot register for Thành Vinh, nor take over its group.
    const second = await inviteCode("XA_THANH_VINH");
    const [refused] = await h.say(lan, { id: lan.id, type: "private" }, `/dangky ${second}`);
    expect(refused).toContain("Đồng chí đang là cán bộ của UBND xã Thạch Bình");
    const third = await inviteCode("XA_THACH_BINH");
    const [taken] = await h.say(lan, otherGroup, `/dangky ${third}`);
    expect(taken).toContain("đã được đăng ký cho UBND xã Thành Vinh");
  });

  it("refuses configuration from non-admins", async () => {
    for (const command of [
      '/donvi_them XA_X "UBND xã X" xa',
      "/moi XA_THACH_BINH",
      "/giao xa 10/10/2021 Việc",
      "/quyen 202 admin",
      "/nhomtonghop",
    ]) {
      const [reply] = await h.say(lan, communeGroup, command);
      expect(reply, command).toContain("chỉ dành cho quản trị viên");
    }
    expect(await h.app.repos.units.findByCode("XA_X")).toBeNull();
  });

  it("answers bad input with a specific message and an example", async () => {
    const cases: [string, string][] = [
      ["/donvi_them", "Ví dụ: /donvi_them XA_THACH_BINH"],
      ['/donvi_them "XÃ ???" "Tên" xa', "không hợp lệ"],
      ["/moi KHONG_CO", "Không có đơn vị hoặc thẻ KHONG_CO"],
      ["/giao tag-la 10/10/2021 Việc gì đó", "Không có đơn vị hay nhãn: tag-la"],
      ["/giao xa 31/02/2021 Việc gì đó", "ngày không có thật"],
      ["/giao xa 15/01/2021 Việc gì đó", "đã qua"],
      ["/yeucau xa ba Báo cáo nhanh", "Số ngày làm việc"],
      ["/ngaynghi 30/02/2021 Nghỉ", "Ngày không hợp lệ"],
      ["/quyen", "Ví dụ: /quyen @nguyenvana leader"],
      ["/lenhla", "Không có lệnh /lenhla"],
      ["/ngonngu fr", "/ngonngu vi"],
    ];
    for (const [command, expected] of cases) {
      const [reply] = await h.say(ADMIN, adminChat, command);
      expect(reply, command).toContain(expected);
    }
    const huge = "x".repeat(50_000);
    const replies = await h.say(lan, { id: lan.id, type: "private" }, `/donvi_them ${huge}`);
    expect(replies[0]).toContain("chỉ dành cho quản trị viên");
  });

  it("assigns a task with /giao, shows the effective deadline, and the officer sees it", async () => {
    const [created] = await h.say(
      ADMIN,
      adminChat,
      "/giao XA_THACH_BINH trước 10/03/2021 Báo cáo tình hình treo pa nô",
    );
    expect(created).toContain("hạn Thứ Ba, 09/03/2021");
    expect(created).toContain("ngày hôm trước");
    const [tasks] = await h.say(lan, communeGroup, "/nhiemvu");
    expect(tasks).toContain("Báo cáo tình hình treo pa nô — hạn Thứ Ba, 09/03/2021");
  });

  it("grants roles, makes the rollup group, switches language, and keeps an audit log", async () => {
    expect((await h.say(ADMIN, adminChat, "/quyen @minh_tv leader"))[0]).toContain("Đã đặt quyền lãnh đạo cho Minh");
    const [units] = await h.say(minh, { id: minh.id, type: "private" }, "/donvi xa");
    expect(units).toContain("XA_THACH_BINH — UBND xã Thạch Bình — xa — 1");
    const rollup = { id: -1009, type: "supergroup" as const, title: "Phòng VHTT - Tổng hợp" };
    expect((await h.say(ADMIN, rollup, "/nhomtonghop"))[0]).toContain("Đã đặt Phòng VHTT - Tổng hợp làm nhóm tổng hợp");
    expect((await h.say(lan, { id: lan.id, type: "private" }, "/ngonngu en"))[0]).toBe("Switched to English.");
    expect((await h.say(lan, { id: lan.id, type: "private" }, "/nhiemvu"))[0]).toContain(
      "Open tasks of UBND xã Thạch Bình",
    );
    const actions = (await h.app.repos.audit.list(100)).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "plan.import",
        "unit.create",
        "invite.create",
        "chat.register",
        "role.set",
        "chat.rollup",
        "task.create",
      ]),
    );
  });

  it("deletes a unit softly and keeps it out of targets", async () => {
    expect((await h.say(ADMIN, adminChat, "/donvi_xoa XA_MOI"))[0]).toContain("Đã xóa đơn vị XA_MOI");
    expect((await h.say(ADMIN, adminChat, "/donvi_xoa XA_MOI"))[0]).toContain("Không có đơn vị XA_MOI");
    const unit = await h.app.repos.units.findByCode("XA_MOI");
    expect(unit?.active).toBe(false);
  });

  it("never sent a stack trace and logged no error", async () => {
    const texts = h.fake.sent().map((s) => s.text ?? "");
    expect(texts.some((t) => /at .*\.ts:\d+|Error:/.test(t))).toBe(false);
    expect(h.logger.errors).toEqual([]);
  });
});
