import { describe, expect, it } from "vitest";
import { continuesSplitText, SPLIT_PART_MIN_CHARS } from "../../src/core/reports/split-parts.js";
import type { Incoming } from "../../src/core/types.js";

const at = new Date("2026-12-10T02:00:00Z");
const seconds = (n: number) => new Date(at.getTime() + n * 1000);
const message = (over: Partial<Incoming> = {}): Incoming => ({
  channel: "telegram",
  chatId: "-100",
  chatType: "supergroup",
  userId: "7",
  userName: "Lan",
  messageId: "41",
  text: "- Phát thanh 60 lượt trên hệ thống loa truyền thanh.",
  files: [],
  date: at,
  ...over,
});
const longText = "x".repeat(SPLIT_PART_MIN_CHARS);
const previous = { incoming: message({ messageId: "40", text: longText }), at };

describe("continuesSplitText: the next part of a long text the app cut", () => {
  it("is the same sender's next text in the same chat within a minute", () => {
    expect(continuesSplitText(previous, message(), seconds(1))).toBe(true);
    expect(continuesSplitText(previous, message(), seconds(60))).toBe(true);
  });

  it.each([
    ["no long text before", undefined, message(), 1],
    ["a text before too short to be cut", { ...previous, incoming: message({ text: "pa nô 4" }) }, message(), 1],
    ["another sender", previous, message({ userId: "8" }), 1],
    ["another chat", previous, message({ chatId: "-200" }), 1],
    ["more than a minute later", previous, message(), 61],
    ["a photo", previous, message({ files: [{ kind: "photo", fileRef: "p" }] }), 1],
    ["an edit", previous, message({ editedAt: seconds(1) }), 1],
    ["the same message again", previous, message({ messageId: "40" }), 1],
    ["a report of its own", previous, message({ text: "Báo cáo bổ sung: phát thanh 62 lượt" }), 1],
    ["a correction", previous, message({ text: "sua lai phat thanh 62 luot" }), 1],
  ])("is not: %s", (_, before, incoming, after) => {
    expect(continuesSplitText(before, incoming, seconds(after))).toBe(false);
  });
});
