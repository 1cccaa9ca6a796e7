import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, type Harness, startHarness } from "../support/harness.js";

const adminChat = { id: ADMIN.id, type: "private" as const };
const groupA = { id: -3001, type: "supergroup" as const, title: "UBND xã An" };
const lan = { id: 401, first_name: "Lan", username: "lan_an" };
const minh = { id: 402, first_name: "Minh", username: "minh_an" };
const stranger = { id: 403, first_name: "Khách" };
const guesser = { id: 404, first_name: "Đoán", username: "doan_ma" };
const privateOf = (u: { id: number }) => ({ id: u.id, type: "private" as const });

let h: Harness;

async function inviteCode(unit: string, uses = 1): Promise<string> {
  const [reply] = await h.say(ADMIN, adminChat, `/moi ${unit} ${uses}`);
  const code = /: ([2-9A-Z]{8})\n/.exec(reply)?.[1];
  expect(code, reply).toBeTruthy();
  return code!;
}

beforeAll(async () => {
  h = await startHarness({ now: "2021-03-01T02:00:00Z" });
  await h.say(ADMIN, adminChat, '/donvi_them XA_AN "UBND xã An" xa');
  await h.say(ADMIN, adminChat, "/giao xa 20/03/2021 Báo cáo tình hình treo pa nô");
  const code = await inviteCode("XA_AN", 2);
  expect((await h.say(lan, groupA, `/dangky ${code}`))[0]).toContain("UBND xã An");
  expect((await h.say(minh, privateOf(minh), `/dangky ${code}`))[0]).toContain("UBND xã An");
});
afterAll(async () => {
  await h?.close();
});

describe("who may speak for a unit", () => {
  it("refuses a stranger in the unit's group: no report, no correction, no history", async () => {
    const [report] = await h.say(stranger, groupA, "/baocao đã treo 12 pa nô");
    expect(report).toContain("chưa được đăng ký báo cáo cho UBND xã An");
    expect(report).toContain("/themnguoi");
    const [photo] = await h.say(stranger, groupA, "", { photo: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) });
    expect(photo).toContain("chưa được đăng ký");
    const [fix] = await h.say(stranger, groupA, "/sua 40 pa nô");
    expect(fix).toContain("chưa được đăng ký");
    const [history] = await h.say(stranger, groupA, "/lichsu");
    expect(history).toContain("chưa được đăng ký");
    const unit = (await h.app.repos.units.findByCode("XA_AN"))!;
    expect(await h.app.repos.reports.latestForUnit(unit.id)).toBeNull();
    expect(await h.app.repos.attachments.listPending("telegram", String(groupA.id), new Date(0))).toEqual([]);
  });

  it("lets a registered officer report, and add a colleague by replying to them", async () => {
    const [report] = await h.say(lan, groupA, "/baocao đã treo 12 pa nô");
    expect(report).toContain("UBND xã An");
    const question = h.fake.sendUserMessage({ from: stranger, chat: groupA, text: "Tôi là cán bộ mới của xã" });
    const [added] = await h.say(lan, groupA, "/themnguoi", { reply_to_message_id: question.message!.message_id });
    expect(added).toContain("Đã thêm đồng chí Khách vào danh sách cán bộ báo cáo của UBND xã An");
    const [fix] = await h.say(stranger, groupA, "/sua đã treo 14 pa nô");
    expect(fix).toContain("Đã sửa báo cáo của UBND xã An");
    expect(fix).not.toContain("chưa được đăng ký");
    const [again] = await h.say(lan, groupA, "/themnguoi @minh_an");
    expect(again).toContain("đã là cán bộ báo cáo của UBND xã An");
  });

  it("/lichsu OTHER_UNIT from an officer is refused, not answered about their own unit", async () => {
    await h.say(ADMIN, adminChat, '/donvi_them XA_BINH "UBND xã Bình" xa');
    const [reply] = await h.say(lan, groupA, "/lichsu XA_BINH");
    expect(reply).toContain("UBND xã Bình");
    expect(reply).not.toContain("Lịch sử báo cáo của UBND xã An");
  });

  it("a revoked officer loses the unit in every chat: private chat unbound, group refused", async () => {
    const [before] = await h.say(minh, privateOf(minh), "/nhiemvu");
    expect(before).toContain("UBND xã An");
    const [revoked] = await h.say(ADMIN, adminChat, "/quyen @minh_an none");
    expect(revoked).toContain("Minh");
    expect(await h.app.repos.chats.find("telegram", String(minh.id))).toBeNull();
    const [privateReport] = await h.say(minh, privateOf(minh), "/baocao đã treo 20 pa nô");
    expect(privateReport).toContain("/dangky MÃ");
    const [groupReport] = await h.say(minh, groupA, "/baocao đã treo 20 pa nô");
    expect(groupReport).toContain("chưa được đăng ký báo cáo cho UBND xã An");
  });

  it("/donvi_xoa unbinds its people's private chats", async () => {
    await h.say(ADMIN, adminChat, '/donvi_them XA_CU "UBND xã Cũ" xa');
    const code = await inviteCode("XA_CU");
    const cu = { id: 405, first_name: "Cúc" };
    await h.say(cu, privateOf(cu), `/dangky ${code}`);
    expect(await h.app.repos.chats.find("telegram", String(cu.id))).not.toBeNull();
    await h.say(ADMIN, adminChat, "/donvi_xoa XA_CU");
    expect(await h.app.repos.chats.find("telegram", String(cu.id))).toBeNull();
    expect((await h.app.repos.people.find("telegram", String(cu.id)))?.unitId).toBeNull();
  });
});

describe("invite codes cannot be guessed", () => {
  it("refuses the 6th code in an hour without checking it, tells the admins, and lets it through an hour later", async () => {
    const chat = privateOf(guesser);
    const good = await inviteCode("XA_AN");
    const alerts = h.fake.sent(ADMIN.id).length;
    for (const wrong of ["AAAAAAAA", "BBBBBBBB", "CCCCCCCC", "DDDDDDDD", "EEEEEEEE"]) {
      const [reply] = await h.say(guesser, chat, `/dangky ${wrong}`);
      expect(reply).toContain(`Mã ${wrong} không đúng`);
    }
    const [sixth] = await h.say(guesser, chat, `/dangky ${good}`);
    expect(sixth).toContain("sai mã 5 lần trong một giờ");
    expect(sixth).toContain("10:00");
    expect((await h.app.repos.people.find("telegram", String(guesser.id)))?.unitId).toBeNull();
    await h.fake.waitForSent(alerts + 1, ADMIN.id);
    expect(
      h.fake
        .sent(ADMIN.id)
        .map((m) => m.text)
        .join("\n"),
    ).toContain("Đoán (@doan_ma) đã gửi sai mã đăng ký 5 lần");

    h.clock.advance(61 * 60_000);
    const [later] = await h.say(guesser, chat, `/dangky ${good}`);
    expect(later).toContain("Đã đăng ký");
  });
});
