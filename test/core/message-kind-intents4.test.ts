import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { classifyMessage } from "../../src/core/reports/message-kind.js";
import { questionTopic } from "../../src/core/reports/questions.js";

/**
 * Variants of the families the fourth writer's messages showed missing (Southern and Central
 * Highlands speech, voice typing; written anew: other places, words and figures, with and without
 * diacritics), not the writer's own sentences.
 */
const kind = (text: string) => classifyMessage(text, SAMPLE_INDICATORS);

describe("Southern particles that ask ('hông', 'hả', 'vậy', 'chưa vậy', 'chừng nào') are answered", () => {
  it.each([
    // "hông" for "không", typed with or without marks
    ["ấp em gửi báo cáo qua ngày 20 rồi còn được hông anh", "deadline"],
    ["tre han 3 ngay roi nop con dc hong ad", "deadline"],
    ["bon e gui muon 1 ngay co bi tru diem hong a", "deadline"],
    ["clip đăng trên tiktok của ấp có tính là bài mạng xã hội hông ạ", "how_to_report"],
    ["e chup hinh pa no gui vo nhom nay luon dc hong ad", "how_to_report"],
    ["e nhap nham so cua thang 10 roi, xoa di gui lai dc hong a", "how_to_report"],
    ["ban so ai lo mang phat thanh de em hoi hong a", "open_tasks"],
    ["danh sach xa chua nop co ten xa e hong vay ad", "open_tasks"],
    // "hả" / "ha" closing a statement: a question
    ["thứ 6 tuần này là hết hạn rồi hả anh", "deadline"],
    ["toi nay 10h la khoa so lieu roi ha ad", "deadline"],
    ["buon e bi ghi do tren bang tong hop ha a", "open_tasks"],
    // "vậy", "chưa vậy", "mà sao … vậy"
    ["hom qua e gui roi ma sao nay bot con nhac hoai vay ad", "open_tasks"],
    ["thôn em nộp rồi sao bot vẫn nhắc hoài", "open_tasks"],
    ["anh xem giùm em mấy tấm hình băng rôn gửi hồi trưa có lên chưa vậy, mạng yếu quá", "open_tasks"],
    // "chừng nào", "bữa nào" for "khi nào"
    ["tờ rơi huyện cấp về cho xã chừng nào có vậy anh", "open_tasks"],
    ["chung nao phai nop bc quy 4 vay ad", "deadline"],
  ])("question: %s", (text, topic) => {
    expect(kind(text)).toBe("question");
    expect(questionTopic(text)).toBe(topic);
  });
});

describe("how to report, asked in the writer's own words, is answered on how to report", () => {
  it.each([
    ["bc gui thang trong nhom nay hay gui qua email vay a", "how_to_report"],
    ["Báo cáo có cần gửi kèm hình minh chứng không ạ? Tối đa mấy tấm?", "how_to_report"],
    ["nop file pdf co dong dau duoc khong a hay phai chup anh", "how_to_report"],
    ["Số người dự lấy lũy kế cả năm hay chỉ tính riêng tháng này ạ?", "how_to_report"],
    ["khau hieu viet tieng Ede hay tieng Viet a, ba con buon e doc hong dc", "open_tasks"],
  ])("question: %s", (text, topic) => {
    expect(kind(text)).toBe("question");
    expect(questionTopic(text)).toBe(topic);
  });
});

describe("talk among colleagues stays talk", () => {
  it.each([
    "dạ vâng ạ",
    "da vang a",
    "ok a nha",
    "Dạ em đang tổng hợp số liệu các thôn, chiều nay em gửi ạ.",
    "e dang gom so lieu cac ap, mai e bc nha",
    "Anh Tú ơi, cuốn sổ theo dõi hộ nghèo anh cất đâu vậy?",
    "ai co may cai ghe nhua cho muon lam dam gio ong noi hong",
    "ai có cái nồi lớn cho em mượn tổ chức sinh nhật bé hông",
    // "hỏng" (broken) typed without marks is no "hông"
    "loa ap 2 bi hong a",
  ])("talk: %s", (text) => expect(["chatter", "other"]).toContain(kind(text)));
  // "Hà" is a name, not "hả"
  it.each(["dạ em gửi rồi chị Hà", "da e nop roi co Ha"])("no question: %s", (text) =>
    expect(kind(text)).not.toBe("question"),
  );
});

describe("reports with figures stay reports", () => {
  it.each([
    "ấp 3 họp dân tối qua 60 người dự nha anh",
    "bon e treo 5 bang ron roi nha ad",
    "Xã đã phát thanh 20 lượt trong tháng, đăng 6 bài trên trang xã nha",
    "thôn đã phát 300 tờ rơi rồi hén",
    "buon e hop dan 2 buoi, 80 nguoi, con pa no thi hong co",
    "loa ấp 2 bị hỏng nên tháng này chỉ phát thanh 8 lượt",
  ])("report: %s", (text) => expect(["report", "unsure"]).toContain(kind(text)));
});
