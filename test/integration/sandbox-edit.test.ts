import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandboxChannel } from "../../src/channels/sandbox/sandbox-channel.js";
import { createSandboxTranscript, type SandboxMessage } from "../../src/channels/sandbox/sandbox-transcript.js";
import type { Incoming } from "../../src/core/types.js";
import { createFileStore } from "../../src/storage/file-store.js";
import { startTestSandbox, type TestSandbox } from "../support/sandbox-client.js";

// Officers correct a figure by editing the message they sent, as in Telegram: the sandbox must let
// a newcomer see that, through the same HTTP API the page uses.
describe("the sandbox: a person edits a message they sent", () => {
  let s: TestSandbox;
  let again: TestSandbox | undefined;
  let officer: string;
  let otherOfficer: string;
  let group: string;
  let reportId: string;

  const reportOf = async (sandbox: TestSandbox, code: string) => {
    const { repos } = (await sandbox.sandbox.ready()).app;
    const unit = (await repos.units.findByCode(code))!;
    const [report] = await repos.reports.listForUnit(unit.id);
    return report;
  };

  beforeAll(async () => {
    s = await startTestSandbox();
    const state = await s.state();
    officer = state.people.find((p) => p.unit === "UBND xã Đồng Tâm")!.userId;
    otherOfficer = state.people.find((p) => p.unit === "UBND xã Tân Lập")!.userId;
    group = state.chats.find((c) => c.sample === "unit" && c.unit === "UBND xã Đồng Tâm")!.chatId;
    // Quarter IV of the Sở sample's plan: the quarterly task is open in December.
    expect((await s.post("/api/clock", { to: "date", date: "2026-12-10", time: "09:00" })).status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await again?.close();
    await s?.close();
  });

  it("reads the edited text again: the bot says the report was updated and its figures change", async () => {
    const first = await s.say(group, officer, "bc quý IV: tin bài 9, phát thanh 20 lượt");
    expect(first.replies.map((m) => m.text).join("\n")).toContain("✅ Đã ghi nhận báo cáo của UBND xã Đồng Tâm");
    reportId = (await s.messages(group)).findLast((m) => !m.from.bot)!.id;
    expect(await reportOf(s, "X_DONG_TAM")).toMatchObject({ values: { tin_bai: 9, phat_thanh: 20 }, revision: 1 });

    const edited = await s.edit(group, reportId, officer, "bc quý IV: tin bài 12, phát thanh 20 lượt");
    expect(edited.status).toBe(200);
    const reply = edited.replies.map((m) => m.text).join("\n");
    expect(reply).toContain("✏️ Đã đọc lại tin nhắn đồng chí vừa sửa");
    expect(reply).toContain("✅ Đã cập nhật báo cáo của UBND xã Đồng Tâm (lần 2)");
    expect(reply).toContain("• Tin bài: 12 tin");
    // The bot's answer quotes the edited message, as Telegram's does.
    expect(edited.replies[0].replyTo).toBe(reportId);
    expect(await reportOf(s, "X_DONG_TAM")).toMatchObject({ values: { tin_bai: 12, phat_thanh: 20 }, revision: 2 });

    const message = (await s.messages(group)).find((m) => m.id === reportId)!;
    expect(message.text).toBe("bc quý IV: tin bài 12, phát thanh 20 lượt");
    expect(message.editedAt).toBeDefined();
  }, 60_000);

  it("takes a second edit of the same message (a later edit time, revision 3), and tells the live stream", async () => {
    const before = (await s.messages(group)).find((m) => m.id === reportId)!.editedAt!;
    // The page hears the edit on its live stream, the message as it now reads.
    const abort = new AbortController();
    const stream = (await fetch(`${s.base}/api/events`, { signal: abort.signal })).body!.getReader();
    const heard = (async () => {
      let text = "";
      while (!text.includes("event: edit\n")) text += new TextDecoder().decode((await stream.read()).value);
      return JSON.parse(/event: edit\ndata: (.*)\n/.exec(text)![1]) as SandboxMessage;
    })();
    const edited = await s.edit(group, reportId, officer, "bc quý IV: tin bài 12, phát thanh 25 lượt");
    expect(await heard).toMatchObject({
      chatId: group,
      id: reportId,
      text: "bc quý IV: tin bài 12, phát thanh 25 lượt",
    });
    abort.abort();
    expect(edited.replies.map((m) => m.text).join("\n")).toContain("(lần 3)");
    const after = (await s.messages(group)).find((m) => m.id === reportId)!.editedAt!;
    expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));
    expect(await reportOf(s, "X_DONG_TAM")).toMatchObject({ values: { tin_bai: 12, phat_thanh: 25 }, revision: 3 });
  }, 60_000);

  it("refuses what Telegram refuses: someone else's message, the bot's, an empty text, an unknown message", async () => {
    const messages = await s.messages(group);
    const botMessage = messages.find((m) => m.from.bot)!;
    expect(await s.post(`/api/chats/${group}/messages/${reportId}/edit`, { userId: otherOfficer, text: "x" })).toEqual({
      status: 403,
      body: { error: "not_sender" },
    });
    expect(
      await s.post(`/api/chats/${group}/messages/${botMessage.id}/edit`, { userId: officer, text: "tin bài 99" }),
    ).toEqual({ status: 403, body: { error: "not_sender" } });
    expect(await s.post(`/api/chats/${group}/messages/${reportId}/edit`, { userId: officer, text: "  " })).toEqual({
      status: 400,
      body: { error: "empty" },
    });
    expect(await s.post(`/api/chats/${group}/messages/9999/edit`, { userId: officer, text: "tin bài 1" })).toEqual({
      status: 404,
      body: { error: "unknown_message" },
    });
    expect(await s.post(`/api/chats/${group}/messages/${reportId}/edit`, { userId: officer })).toEqual({
      status: 400,
      body: { error: "bad_request" },
    });
    // Nothing of it reached the bot: the report and the message stand as they were.
    expect(await reportOf(s, "X_DONG_TAM")).toMatchObject({ values: { tin_bai: 12, phat_thanh: 25 }, revision: 3 });
    expect((await s.messages(group)).length).toBe(messages.length);
    expect((await s.messages(group)).find((m) => m.id === reportId)!.text).toBe(
      "bc quý IV: tin bài 12, phát thanh 25 lượt",
    );
  });

  it("keeps the edited text over a restart: the transcript stays one JSON record a line, the edit its own", async () => {
    const lines = readFileSync(path.join(s.dataDir, "sandbox", "messages.jsonl"), "utf8")
      .trim()
      .split("\n");
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const edits = records.filter((r) => "edit" in r);
    expect(edits).toHaveLength(2);
    expect(edits[1]).toMatchObject({
      edit: { chatId: group, id: reportId, text: "bc quý IV: tin bài 12, phát thanh 25 lượt" },
    });
    const before = (await s.messages(group)).find((m) => m.id === reportId)!;

    await s.sandbox.stop();
    again = await startTestSandbox({}, { dataDir: s.dataDir });
    const after = (await again.messages(group)).find((m) => m.id === reportId)!;
    expect(after).toEqual(before);
    expect(after.text).toBe("bc quý IV: tin bài 12, phát thanh 25 lượt");
    // A third edit after the restart is still a new edit (its time is later than the kept one).
    const edited = await again.edit(group, reportId, officer, "bc quý IV: tin bài 14, phát thanh 25 lượt");
    expect(edited.replies.map((m) => m.text).join("\n")).toContain("(lần 4)");
    expect(await reportOf(again, "X_DONG_TAM")).toMatchObject({ values: { tin_bai: 14 }, revision: 4 });
  }, 120_000);
});

describe("the sandbox channel hands an edit to the inbox as Telegram's channel does", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "don-doc-sandbox-edit-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("same messageId, no files, editedAt from the sandbox clock; a second edit at the same instant one millisecond later", async () => {
    const now = new Date("2026-12-10T02:00:00.000Z");
    const edited: SandboxMessage[] = [];
    const transcript = createSandboxTranscript(
      dir,
      () => {},
      (m) => edited.push({ ...m }),
    );
    const channel = createSandboxChannel({
      transcript,
      files: createFileStore(dir),
      clock: { now: () => now },
      directory: () => ({
        people: [{ userId: "501", name: "Lan", username: "lan", sample: "officer" }],
        chats: [{ chatId: "-501", type: "group", title: "Nhóm Đồng Tâm", sample: "unit" }],
      }),
      adminIds: [],
    });
    const accepted: Incoming[] = [];
    channel.attach({
      async accept(m) {
        accepted.push(m);
        return "accepted";
      },
      drain: async () => {},
    });
    const photo = new Uint8Array([1, 2, 3]);
    const sent = await channel.post({
      chatId: "-501",
      userId: "501",
      text: "tin bài 9",
      files: [{ name: "a.png", mime: "image/png", data: photo }],
    });
    if (!sent.ok) throw new Error(sent.error);

    expect(
      await channel.edit({ chatId: "-501", messageId: sent.message.id, userId: "501", text: "tin bài 12" }),
    ).toMatchObject({
      ok: true,
      message: { id: sent.message.id, text: "tin bài 12", editedAt: "2026-12-10T02:00:00.000Z" },
    });
    expect(
      await channel.edit({ chatId: "-501", messageId: sent.message.id, userId: "501", text: "tin bài 13" }),
    ).toMatchObject({
      ok: true,
      message: { editedAt: "2026-12-10T02:00:00.001Z" },
    });
    expect(accepted.slice(1)).toMatchObject([
      { messageId: sent.message.id, text: "tin bài 12", files: [], editedAt: now },
      { messageId: sent.message.id, text: "tin bài 13", files: [], editedAt: new Date(now.getTime() + 1) },
    ]);
    expect(edited.map((m) => m.text)).toEqual(["tin bài 12", "tin bài 13"]);
    // The same text again is no edit (Telegram sends none); the photo stays with the message.
    expect(
      await channel.edit({ chatId: "-501", messageId: sent.message.id, userId: "501", text: "tin bài 13" }),
    ).toEqual({
      ok: false,
      error: "unchanged",
    });
    expect(accepted).toHaveLength(3);
    expect(transcript.find("-501", sent.message.id)!.files).toHaveLength(1);
  });
});
