import { describe, expect, it } from "vitest";
import { onlyValues as only, plainReading as plain } from "../support/parsed.js";

// A number in people ("60 người") is the attendees', never a count of the meetings named right before it.
describe("people right after a meeting's name are its attendees, not its count", () => {
  it.each([
    ["hội nghị 60 người", { nguoi_tham_du: 60 }],
    ["tập huấn 45 người", { nguoi_tham_du: 45 }],
    ["hop dan 38 nguoi", { nguoi_tham_du: 38 }],
    ["Hội nghị: 70 người", { nguoi_tham_du: 70 }],
    // the meetings' own count beside them stays theirs
    ["Hội nghị: 2 cuộc, 60 người", { hoi_nghi: 2, nguoi_tham_du: 60 }],
    ["họp dân 3 cuộc 120 người", { hoi_nghi: 3, nguoi_tham_du: 120 }],
  ])("%s", (text, values) => expect(plain(text)).toEqual(only(values)));
});
