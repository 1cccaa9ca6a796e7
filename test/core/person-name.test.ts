import { describe, expect, it } from "vitest";
import { toIncoming } from "../../src/channels/telegram/telegram-channel.js";
import { vietnameseFullName } from "../../src/core/units/person-name.js";

describe("vietnameseFullName (family name first)", () => {
  it.each([
    ["Tuấn", "Lê Văn", "Lê Văn Tuấn"], // family name in last_name: Telegram would show "Tuấn Lê Văn"
    ["Lan", "Nguyễn Thị", "Nguyễn Thị Lan"],
    ["Lan", "Nguyen Thi", "Nguyen Thi Lan"], // typed without diacritics
    ["Lê Văn", "Tuấn", "Lê Văn Tuấn"], // already in Vietnamese order
    ["Lê Văn Tuấn", undefined, "Lê Văn Tuấn"],
    [undefined, "Trần Minh Hải", "Trần Minh Hải"],
    ["Hoa", "Phòng VHTT", "Hoa Phòng VHTT"], // not a family name: left as the user wrote it
    ["John", "Smith", "John Smith"],
    ["  Mai ", " Phạm  ", "Phạm Mai"],
  ])("%s + %s → %s", (first, last, full) => {
    expect(vietnameseFullName(first, last)).toBe(full);
  });

  it("is what the Telegram adapter gives the core", () => {
    const incoming = toIncoming(
      {
        message_id: 1,
        date: 0,
        chat: { id: 5, type: "private", first_name: "Tuấn" },
        from: { id: 5, is_bot: false, first_name: "Tuấn", last_name: "Lê Văn" },
        text: "/start",
      } as never,
      "dondoc_bot",
    );
    expect(incoming?.userName).toBe("Lê Văn Tuấn");
  });
});
