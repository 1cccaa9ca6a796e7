/**
 * Wording an officer or an admin can act on, on the Sở's 2026 sample: every example names a task
 * the unit has and what that task asks (a text task is corrected by sending its text again, a
 * figure by its indicator); admins' usages name a task that exists; /nhacnho on a Sunday or in Tết
 * says it is a day off and when the reminders go out; English counts one thing as one.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zonedInstant } from "../../src/core/calendar/time.js";
import { ADMIN, type Harness, startHarness } from "../support/harness.js";

const TZ = "Asia/Ho_Chi_Minh";
const adminChat = { id: ADMIN.id, type: "private" as const };
const group = { id: -6001, type: "supergroup" as const, title: "UBND xã Đồng Tâm" };
const lan = { id: 601, first_name: "Lan", last_name: "Nguyễn Thị" };
/** A second commune that never reports: /nhacnho has someone to remind. */
const tanLap = { id: -6002, type: "supergroup" as const, title: "UBND xã Tân Lập" };
const binh = { id: 602, first_name: "Bình", last_name: "Trần Văn" };
const PLAN_2026 = readFileSync("plans/so-vhttdl-2026.yaml");
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7, 0xff, 0xd9]);
const at = (date: string, time = "09:00") => zonedInstant(date, time, TZ);

let h: Harness;
const r: Record<string, string> = {};
/** The numbers the bot gave the plan's two tasks. */
let kh = 0;
let bc = 0;

beforeAll(async () => {
  h = await startHarness({ now: at("2026-02-02").toISOString() }); // Monday
  const admin = async (text: string, extra = {}) => (await h.say(ADMIN, adminChat, text, extra)).join("\n");
  const officer = async (text: string, extra = {}) => (await h.say(lan, group, text, extra)).join("\n");
  await admin("", {
    caption: "/nhapkehoach",
    document: { data: PLAN_2026, file_name: "45-KH-SVHTTDL.yaml", mime_type: "text/yaml" },
  });
  kh = (await h.app.repos.tasks.findByCode("KH_XA_2026"))!.id;
  bc = (await h.app.repos.tasks.findByCode("BC_QUY_2026"))!.id;
  const invite = await admin("/moi X_DONG_TAM");
  await officer(`/dangky ${/: ([2-9A-Z]{8})\n/.exec(invite)![1]}`);
  const invite2 = await admin("/moi X_TAN_LAP");
  await h.say(binh, tanLap, `/dangky ${/: ([2-9A-Z]{8})\n/.exec(invite2)![1]}`);

  r.nhiemvu = await officer("/nhiemvu");
  r.howQuarter = await officer("cho em hỏi gửi báo cáo quý 1 như thế nào ạ");
  r.baocaoEmpty = await officer("/baocao");
  r.suaNothing = await officer("/sua");
  r.textReport = await officer(`/baocao #${kh} Đã ban hành Kế hoạch số 05/KH-UBND ngày 09/02/2026`);
  r.suaText = await officer("/sua");
  // A photo an hour later: which report? → "a new report" → the files wait for it.
  h.clock.set(at("2026-02-02", "10:30"));
  await officer("", { photo: JPEG });
  r.filesForNext = await officer("2");
  r.figures = await officer(`/baocao #${bc} Quý I: treo 10 pa nô`);
  r.suaFigures = await officer("/sua");

  r.huy = await admin("/huy");
  r.dongky = await admin("/dongky");
  r.nhacnhoUnknown = await admin("/nhacnho #99");
  r.lichnhac = await admin("/lichnhac");
  r.lichsu = await admin("/lichsu");
  // Sunday 08/02 and Tuesday 17/02 (Tết 16–20/02): nothing goes out until the next working morning.
  h.clock.set(at("2026-02-08", "10:00"));
  r.nhacnhoSunday = await admin(`/nhacnho #${bc}`);
  h.clock.set(at("2026-02-17", "10:00"));
  r.nhacnhoTet = await admin(`/nhacnho #${bc}`);
  h.clock.set(at("2026-02-23", "18:30")); // Monday evening
  r.nhacnhoEvening = await admin(`/nhacnho #${kh}`);

  // English: one day, one use, one error.
  await admin("/ngonngu en");
  r.enPolicyOne = await admin(`/lichnhac #${kh} truoc=1 sau=2`);
  r.enPolicyMany = await admin(`/lichnhac #${kh} truoc=7,3,1`);
  r.enMoiOne = await admin("/moi X_TAN_LAP");
  r.enMoiTwo = await admin("/moi X_TAN_LAP 2");
  r.enInvalid = await admin("", {
    caption: "/nhapkehoach",
    document: {
      data: Buffer.from(PLAN_2026.toString("utf8").replace("date: 2026-01-15", "date: 2026-13-45")),
      file_name: "bad.yaml",
      mime_type: "text/yaml",
    },
  });
}, 300_000);
afterAll(async () => {
  if (process.env.PRINT_REPLIES) for (const [k, v] of Object.entries(r)) console.log(`── ${k}\n${v}`);
  await h?.close();
});

describe("examples name the unit's own tasks and what they ask", () => {
  it("/nhiemvu's example is the first task listed, a text task said as done", () => {
    expect(r.nhiemvu).toContain(`ví dụ: /baocao #${kh} đã xây dựng kế hoạch tuyên truyền cải cách hành chính.`);
    expect(r.nhiemvu).not.toContain("15/KH-UBND");
  });

  it("how to report answers with the task asked about and its own indicators", () => {
    expect(r.howQuarter).toContain(`ví dụ cho nhiệm vụ #${bc}: "12 pa nô, 3 băng rôn"`);
    expect(r.howQuarter).not.toMatch(/08\/KH-UBND|tin bài/);
  });

  it("/baocao and /sua without text give an example of the task due next", () => {
    expect(r.baocaoEmpty).toContain(`Ví dụ: /baocao #${kh} đã xây dựng kế hoạch`);
    expect(r.suaNothing).toContain(
      `UBND xã Đồng Tâm chưa có báo cáo nào để sửa. Đề nghị gửi báo cáo bằng /baocao, ví dụ: /baocao #${kh} đã xây dựng kế hoạch`,
    );
    expect(r.suaNothing).not.toContain("pa nô");
  });

  it("a text report is corrected by sending the whole text again, never by a figure", () => {
    expect(r.textReport).toContain("đề nghị gửi lại toàn bộ nội dung đúng kèm /sua, ví dụ: /sua đã xây dựng kế hoạch");
    expect(r.suaText).toContain(`Báo cáo gần nhất (nhiệm vụ #${kh}) là báo cáo bằng chữ`);
    expect(r.suaText).toContain("ví dụ: /sua đã xây dựng kế hoạch");
    expect(r.suaText).not.toContain("pa nô");
  });

  it("a figure report is corrected by its own indicator", () => {
    expect(r.figures).toContain("Pa nô: 10");
    expect(r.suaFigures).toContain(`Ví dụ: /sua pa nô 15 (thay số pa nô trong báo cáo gần nhất, nhiệm vụ #${bc})`);
  });

  it("files kept for a new report name the task still open and what it asks", () => {
    expect(r.filesForNext).toContain(`ví dụ: /baocao #${bc} 12 pa nô, 3 băng rôn;`);
    expect(r.filesForNext).not.toContain("#2 đã treo");
  });

  it("admins' usages name a task that exists", () => {
    expect(r.huy).toContain(`Ví dụ: /huy #${kh}`);
    expect(r.dongky).toContain(`Ví dụ: /dongky #${kh}`);
    expect(r.nhacnhoUnknown).toContain(`Ví dụ: /nhacnho #${kh}`);
    expect(r.lichnhac).toContain(`Ví dụ: /lichnhac #${kh} truoc=5,1`);
    expect(r.lichsu).toContain(`Ví dụ: /lichsu SO_VHTTDL #${kh}`);
    for (const text of [r.huy, r.dongky, r.nhacnhoUnknown, r.lichnhac]) expect(text).not.toMatch(/#[25] /);
  });
});

describe("/nhacnho says when reminders go out", () => {
  it("on a Sunday or a Tết day: a day off, sent at 07:30 the next working day", () => {
    expect(r.nhacnhoSunday).toContain("hôm nay là ngày nghỉ nên tin nhắc sẽ được gửi lúc 07:30 Thứ Hai, 09/02/2026");
    expect(r.nhacnhoTet).toContain("hôm nay là ngày nghỉ nên tin nhắc sẽ được gửi lúc 07:30 Thứ Hai, 23/02/2026");
  });

  it("on a working evening: outside office hours, sent the next morning", () => {
    expect(r.nhacnhoEvening).toContain("ngoài giờ hành chính nên tin nhắc sẽ được gửi lúc 07:30 Thứ Ba, 24/02/2026");
  });
});

describe("English counts one as one", () => {
  it("working days, uses and errors", () => {
    expect(r.enPolicyOne).toContain("• Before the deadline: 1 working day\n");
    expect(r.enPolicyOne).toContain("• After the deadline: 2 working days\n");
    expect(r.enPolicyMany).toContain("• Before the deadline: 7, 3, 1 working days\n");
    expect(r.enMoiOne).toContain("Valid for 1 use until");
    expect(r.enMoiTwo).toContain("Valid for 2 uses until");
    expect(r.enInvalid).toMatch(/The plan file has (1 error|\d+ errors);/);
    expect(r.enInvalid).not.toContain("error(s)");
  });
});
