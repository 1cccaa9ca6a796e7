import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, type Harness, startHarness } from "../support/harness.js";

const adminChat = { id: ADMIN.id, type: "private" as const };
const group = { id: -4001, type: "supergroup" as const, title: "UBND xã Đông" };
const rollupGroup = { id: -4099, type: "supergroup" as const, title: "Tổng hợp Sở VHTTDL" };
const lan = { id: 501, first_name: "Lan", username: "lan_dong" };
const minh = { id: 502, first_name: "Minh", username: "minh_dong" };
const guest = { id: 503, first_name: "Khách" };
const privateOf = (u: { id: number }) => ({ id: u.id, type: "private" as const });

/** The start of an ISO MP4 ("ftyp isom"): enough for the type check. */
const mp4 = (size = 64) => Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypisom"), Buffer.alloc(size)]);

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: "2021-03-01T02:00:00Z", env: { MAX_FILE_MB: "50" } });
  await h.say(ADMIN, adminChat, '/donvi_them XA_DONG "UBND xã Đông" xa');
  await h.say(ADMIN, adminChat, "/giao xa 20/03/2021 Báo cáo tình hình treo pa nô");
  const [invite] = await h.say(ADMIN, adminChat, "/moi XA_DONG 2");
  const code = /: ([2-9A-Z]{8})\n/.exec(invite)![1];
  await h.say(lan, group, `/dangky ${code}`);
  await h.say(minh, privateOf(minh), `/dangky ${code}`);
});
afterAll(async () => {
  await h?.close();
});

describe("every message gets an answer", () => {
  it("answers stickers, voice, locations and contacts in a private chat, saying what is accepted", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [
        {
          sticker: {
            file_id: "S1",
            file_unique_id: "s1",
            type: "regular",
            width: 512,
            height: 512,
            is_animated: false,
            is_video: false,
          },
        },
        "nhãn dán",
      ],
      [{ voice: { file_id: "V1", file_unique_id: "v1", duration: 3 } }, "tin nhắn thoại"],
      [{ location: { latitude: 20.1, longitude: 105.6 } }, "vị trí"],
      [{ contact: { phone_number: "0912345678", first_name: "An" } }, "danh thiếp"],
    ];
    for (const [extra, word] of cases) {
      const [reply] = await h.say(minh, privateOf(minh), "", { extra });
      expect(reply, word).toContain(`chưa đọc được ${word}`);
      expect(reply).toContain("/baocao");
    }
    const [admin] = await h.say(ADMIN, adminChat, "", {
      extra: { voice: { file_id: "V2", file_unique_id: "v2", duration: 3 } },
    });
    expect(admin).toContain("chưa đọc được tin nhắn thoại");
  });

  it("in a unit group answers its officer's sticker, and leaves other members' stickers alone", async () => {
    const sticker = {
      sticker: {
        file_id: "S2",
        file_unique_id: "s2",
        type: "regular",
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
      },
    };
    const [officer] = await h.say(lan, group, "", { extra: sticker });
    expect(officer).toContain("nên chưa ghi nhận gì");
    const before = h.fake.sent(group.id).length;
    h.fake.sendUserMessage({ from: guest, chat: group, extra: sticker });
    // A message that gets an answer, sent after the sticker, proves the sticker was handled (in order).
    await h.say(lan, group, "/nhiemvu");
    expect(
      h.fake
        .sent(group.id)
        .slice(before)
        .map((m) => m.text)
        .join("\n"),
    ).not.toContain("chưa đọc được");
  });

  it("takes a video as evidence, within the size limit", async () => {
    const [reply] = await h.say(lan, group, "", {
      caption: "/baocao đã treo 12 pa nô",
      video: { data: mp4(), file_name: "pano.mp4" },
    });
    expect(reply).toContain("Đã ghi nhận");
    expect(reply).toMatch(/0 ảnh, 1 tệp/);
    const unit = (await h.app.repos.units.findByCode("XA_DONG"))!;
    const report = (await h.app.repos.reports.latestForUnit(unit.id))!;
    const files = await h.app.repos.attachments.listForReports([report.id]);
    expect(files.map((f) => f.mime)).toEqual(["video/mp4"]);
  });

  it("says a file over Telegram's 20 MB is too big, never 'send it again'", async () => {
    const huge = {
      document: {
        file_id: "HUGE",
        file_unique_id: "huge",
        file_name: "quay-phim.mp4",
        mime_type: "video/mp4",
        file_size: 25 * 1024 * 1024,
      },
    };
    const [reply] = await h.say(lan, group, "", { extra: huge });
    expect(reply).toContain("quay-phim.mp4");
    expect(reply).toContain("20 MB");
    expect(reply).not.toMatch(/gửi lại/);
  });

  it("a 'photo' that is really HTML is refused once, with no '0 photos added' after it", async () => {
    const replies = await h.say(lan, group, "", {
      photo: Buffer.from("<!DOCTYPE html><html><body>not a photo</body></html>"),
    });
    await new Promise((r) => setTimeout(r, 1_500));
    const all = [
      ...replies,
      ...h.fake
        .sent(group.id)
        .slice(-2)
        .map((m) => m.text ?? ""),
    ].join("\n");
    expect(replies[0]).toContain("không phải ảnh");
    expect(all).not.toContain("Đã thêm minh chứng");
    expect(all).not.toContain("0 ảnh");
  });
});

describe("unreachable chats are named as people know them", () => {
  it("a blocked private chat is named by its person, not by a raw id or 'nhóm'", async () => {
    await h.say(ADMIN, adminChat, "/giao XA_DONG 25/03/2021 Báo cáo nhanh số buổi phát thanh");
    h.fake.blockChat(minh.id);
    const before = h.fake.sent(ADMIN.id).length;
    await h.say(ADMIN, adminChat, "/nhacnho");
    await h.fake.waitForSent(before + 2, ADMIN.id);
    const alert = h.fake
      .sent(ADMIN.id)
      .slice(before)
      .map((m) => m.text ?? "")
      .find((t) => t.startsWith("⚠️"));
    expect(alert).toContain("tin nhắn riêng cho đồng chí Minh (UBND xã Đông)");
    expect(alert).not.toContain(String(minh.id));
    expect(alert).not.toContain("nhóm");
  });

  it("a lost rollup group: /tonghop names it and says how to restore it", async () => {
    await h.say(ADMIN, rollupGroup, "/nhomtonghop");
    await h.app.repos.chats.setStatus("telegram", String(rollupGroup.id), "unreachable", "Forbidden: bot was kicked");
    const [reply] = await h.say(ADMIN, adminChat, "/tonghop #1");
    expect(reply).toContain("Tổng hợp Sở VHTTDL");
    expect(reply).toContain("/nhomtonghop");
    expect(reply).not.toContain("Chưa có nhóm tổng hợp");
  });
});

describe("texts say what happened", () => {
  it("/donvi with a filter that matches nothing says so, not that there are no units", async () => {
    // The rollup just before may still be arriving in this chat: look at every reply.
    const reply = (await h.say(ADMIN, adminChat, "/donvi khong-co-nhan")).join("\n");
    expect(reply).toContain("Không có đơn vị nào có mã hoặc nhãn khớp với «khong-co-nhan»");
    expect(reply).not.toContain("Chưa có đơn vị nào");
  });

  it("a code refused in a private chat talks about the private chat, not 'this group'", async () => {
    const codeFor = async (unit: string) =>
      /: ([2-9A-Z]{8})\n/.exec((await h.say(ADMIN, adminChat, `/moi ${unit}`))[0])![1];
    await h.say(ADMIN, adminChat, '/donvi_them XA_TAY "UBND xã Tây" xa');
    const leader = { id: 504, first_name: "Hùng" };
    await h.say(leader, privateOf(leader), "/start");
    await h.say(ADMIN, adminChat, "/quyen 504 leader");
    await h.say(leader, privateOf(leader), `/dangky ${await codeFor("XA_DONG")}`);
    const [reply] = await h.say(leader, privateOf(leader), `/dangky ${await codeFor("XA_TAY")}`);
    expect(reply).toContain("Cuộc trò chuyện riêng này đã được đăng ký cho UBND xã Đông");
    expect(reply).not.toContain("Nhóm này");
  });
});
