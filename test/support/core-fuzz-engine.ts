/**
 * The engine of test/fuzz/core-fuzz.test.ts: random and hostile messages through the real
 * channel-neutral core (createBotCore + createFeatures) with a temp SQLite database, the real file
 * store, the real translations, a manual clock and an in-memory recording messenger. Deterministic
 * for a seed. Runs in-process (`runCoreFuzz`) or as a shard process:
 *   node --import tsx test/support/core-fuzz-engine.ts '{"seed":1,"messages":5000}'
 * which prints one line `FUZZ_REPORT <json>`.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type BotCore, createBotCore } from "../../src/core/bot.js";
import { attachmentPath } from "../../src/core/file-paths.js";
import { parsePlanFile } from "../../src/core/plans/plan-file.js";
import { importPlan } from "../../src/core/plans/plan-import.js";
import { type Messenger, SendError } from "../../src/core/ports.js";
import { enqueueDueReminders } from "../../src/core/reminders/reminders.js";
import type { Channel, ChatType, Incoming, IncomingFile, OutgoingMessage } from "../../src/core/types.js";
import { type Db, openDatabase } from "../../src/db/database.js";
import { createPrismaRepositories } from "../../src/db/repositories.js";
import type { FeatureDeps } from "../../src/features/deps.js";
import { createFeatures } from "../../src/features/index.js";
import { createTranslator } from "../../src/i18n.js";
import { createOutboxDispatcher } from "../../src/scheduler/outbox-dispatcher.js";
import { createFileStore } from "../../src/storage/file-store.js";
import { createManualClock, createTestLogger } from "./harness.js";

const START = "2021-03-10T03:00:00Z"; // Wed 10/03/2021 10:00 in Hà Nội, before the Q1 deadline (15/03)
const LATE_AT = "2021-03-16T02:00:00Z"; // after the Q1 deadline: late reports
const TIMEZONE = "Asia/Ho_Chi_Minh";
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const LIMITS: Record<Channel, number> = { telegram: 4096, zalo: 2000, sandbox: 1000 };
/**
 * Expensive commands (charts, XLSX, DOCX, whole-plan import, reminder fan-out) are capped per run;
 * past the cap they still come, but naming an unknown task (the cheap refusal).
 */
export const DEFAULT_EXPENSIVE_CAPS: Record<string, number> = {
  xuat: 5,
  baocaodocx: 5,
  tonghop: 5,
  nhapkehoach: 4,
  nhacnho: 4,
  tinhhinh: 12,
};

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: readonly [number, T][]): T {
    const total = items.reduce((s, [w]) => s + w, 0);
    let r = this.next() * total;
    for (const [w, v] of items) if ((r -= w) < 0) return v;
    return items[items.length - 1][1];
  }
  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = Math.floor(this.next() * 256);
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Hostile text

/** Code point ranges across all planes (surrogates excluded). */
const RANGES: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x1ea0, 0x1ef9],
  [0x300, 0x36f],
  [0x590, 0x6ff],
  [0x700, 0x8ff],
  [0x900, 0x97f],
  [0xe00, 0xe7f],
  [0x1100, 0x11ff],
  [0x2000, 0x206f],
  [0x2190, 0x2bff],
  [0x3000, 0x30ff],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
  [0xe000, 0xf8ff],
  [0xfb00, 0xfdff],
  [0xfe00, 0xfe0f],
  [0xfe20, 0xfe2f],
  [0xfff0, 0xffff],
  [0x10000, 0x1ffff],
  [0x1f300, 0x1faff],
  [0x20000, 0x2ffff],
  [0x30000, 0x3ffff],
  [0xe0000, 0xe01ef],
  [0xf0000, 0x10ffff],
];
const SPECIALS = [
  0x0, 0x1, 0x7, 0x8, 0x9, 0xa, 0xb, 0xc, 0xd, 0x1b, 0x7f, 0x85, 0xad, 0x34f, 0x61c, 0x180e, 0x200b, 0x200c, 0x200d,
  0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069,
  0xfeff, 0xfffc, 0xfffd, 0xfffe, 0xffff, 0x1d173, 0xe0001, 0xe007f,
];
const EMOJI = [
  "🎉",
  "👍🏽",
  "👨‍👩‍👧‍👦",
  "🏳️‍🌈",
  "🇻🇳",
  "❤️",
  "🙏",
  "😀",
  "🤖",
  "✅",
  "❌",
  "📎",
  "1️⃣",
  "🧑🏿‍🚀",
  "🫠",
  "©️",
  "⚠️",
  "#️⃣",
];

function codePoint(rng: Rng): number {
  if (rng.chance(0.12)) return rng.pick(SPECIALS);
  const [lo, hi] = rng.pick(RANGES);
  return rng.int(lo, hi);
}

function randomUnicode(rng: Rng, length: number): string {
  let out = "";
  while (out.length < length) {
    const r = rng.next();
    if (r < 0.05) {
      // A base letter with a stack of combining marks ("zalgo").
      out += String.fromCodePoint(rng.int(0x61, 0x7a));
      const n = rng.int(5, 80);
      for (let i = 0; i < n; i++) out += String.fromCodePoint(rng.int(0x300, 0x36f));
    } else if (r < 0.1) {
      out += rng.pick(EMOJI);
    } else if (r < 0.13) {
      out +=
        rng.pick(["\u202e", "\u200f", "\u200d", "\u2067", "\u061c"]) + rng.pick(["مرحبا", "שלום", "báo cáo", "12"]);
    } else if (r < 0.25) {
      out += rng.pick([" ", " ", "\n", "\t", "\r\n"]);
    } else {
      out += String.fromCodePoint(codePoint(rng));
    }
  }
  return out;
}

const UNIT_CODES = [
  "XA_THACH_BINH",
  "XA_THANH_VINH",
  "TT_VHTTTDL",
  "PHONG_NOI_VU",
  "XA_THANH_AN",
  "PHONG_VHTT",
  "xa",
  "phong-ban",
  "doan-the",
  "thi-tran",
  "xa-thạch bình",
  "KHONG_CO",
  "a",
  "_",
  "XA_" + "X".repeat(60),
];
const HUGE_NUMBERS = [
  "9999999999",
  "99999999999999999999",
  "-5",
  "-1",
  "0",
  "1e9",
  "1e99",
  "2147483648",
  "4294967296",
  "9007199254740993",
  "1.234.567",
  "12,5",
  "0x1F",
  "Infinity",
  "-0",
  "٣",
  "１２",
  "½",
  "mười hai",
  "một trăm nghìn tỷ",
];
const INDICATOR_WORDS = [
  "pa nô",
  "pano",
  "áp phích",
  "băng rôn",
  "khẩu hiệu",
  "tờ rơi",
  "tin bài",
  "tin bai",
  "bài viết",
  "phát thanh",
  "buổi phát thanh",
  "hội nghị",
  "người tham dự",
  "lượt",
  "cụm cổ động",
  "xe lưu động",
  "chuyên mục",
  "phóng sự",
  "bài mạng xã hội",
];
const DATES = [
  "15/03/2021",
  "20/03/2021",
  "31/12/2021",
  "1/1/1",
  "99/99/9999",
  "29/02/2021",
  "29/02/2024",
  "10/03/2021",
  "09/03/2021",
  "00/00/0000",
  "32/01/2021",
  "01/13/2021",
  "ngày mai",
  "thứ sáu",
  "cuối tháng",
  "trước 20/04/2021",
  "hạn 30/06/2021",
  "31/12/9999",
  "01/01/1900",
  "15/3",
  "2021-03-20",
];

function number(rng: Rng): string {
  return rng.chance(0.7) ? String(rng.int(0, 200)) : rng.pick(HUGE_NUMBERS);
}

function reportText(rng: Rng): string {
  const parts: string[] = [];
  const n = rng.int(1, 5);
  for (let i = 0; i < n; i++) {
    parts.push(
      rng.pick([
        () => `đã treo ${number(rng)} ${rng.pick(INDICATOR_WORDS)}`,
        () => `bao cao ${number(rng)} tin bai`,
        () => `${rng.pick(INDICATOR_WORDS)}: ${number(rng)}`,
        () => `${rng.pick(INDICATOR_WORDS)} ${number(rng)} ${rng.pick(["cái", "tờ", "tin", "buổi", "lượt", ""])}`,
        () => `tổ chức ${number(rng)} hội nghị với ${number(rng)} người tham dự`,
        () => `phát thanh ${rng.pick(["mười hai", "hai mươi", "ba", "một trăm lẻ năm"])} buổi`,
        () => `bc: da ban hanh ke hoach so ${rng.int(1, 999)}/KH-UBND ngay ${rng.pick(DATES)}`,
        () => `theo công văn số ${rng.int(1, 99)}/${rng.pick(["UBND-VP", "QĐ-UBND", "BC"])} ngày ${rng.pick(DATES)}`,
        () => `liên hệ 09${rng.int(10000000, 99999999)}`,
        () => `#${rng.pick(["1", "2", "3", "4", "5", "999999999", "0", "-1"])}`,
        () => `nv${rng.int(0, 9)}`,
        () => randomUnicode(rng, rng.int(1, 30)),
      ])(),
    );
  }
  const body = parts.join(rng.pick([", ", "; ", "\n", " và ", ". "]));
  return rng.pick(["", "Xã Thạch Bình báo cáo: ", "BÁO CÁO ", "bc ", "Kết quả tuyên truyền: "]) + body;
}

function longText(rng: Rng): string {
  const length = rng.pick([4096, 4097, 8192, 10_000, 10_000, 20_001, 25_000]);
  const kind = rng.int(0, 4);
  if (kind === 0) return "x".repeat(length);
  if (kind === 1) return "🎉".repeat(Math.ceil(length / 2));
  if (kind === 2) return (reportText(rng) + "\n").repeat(Math.ceil(length / 40)).slice(0, length);
  if (kind === 3)
    return `${rng.pick(["/baocao ", "/sua ", "/giao xa 20/03/2021 ", "/donvi_them A_B ", "/lichsu "])}${"đã treo 12 pa nô ".repeat(Math.ceil(length / 17))}`;
  return randomUnicode(rng, length);
}

function controlText(rng: Rng): string {
  let s = "";
  const n = rng.int(1, 50);
  for (let i = 0; i < n; i++)
    s += String.fromCharCode(rng.pick([0, 1, 2, 7, 8, 9, 10, 11, 12, 13, 27, 127, 0x85, 0x9b]));
  return rng.chance(0.5) ? s : `/baocao${s}12 pa nô${s}`;
}

// ---------------------------------------------------------------------------------------------
// Actors and chats

type Kind = "admin" | "leader" | "officer" | "stranger";

interface Actor {
  channel: Channel;
  userId: string;
  first: string;
  last?: string;
  username?: string;
  kind: Kind;
  /** Group chats where this officer normally reports. */
  groups: string[];
}

interface ChatDef {
  channel: Channel;
  chatId: string;
  chatType: ChatType;
  title?: string;
}

const UNIT_GROUPS: { chatId: string; unit: string; title: string }[] = [
  { chatId: "-1001", unit: "XA_THACH_BINH", title: "Xã Thạch Bình" },
  { chatId: "-1002", unit: "XA_THANH_VINH", title: "Xã Thành Vinh" },
  { chatId: "-1003", unit: "TT_VHTTTDL", title: "Trung tâm VHTTTDL" },
  { chatId: "-1006", unit: "PHONG_NOI_VU", title: "Phòng Nội vụ" },
];
const ROLLUP_GROUP = "-1004";
const UNBOUND_GROUP = "-1005";

const ACTORS: Actor[] = [
  {
    channel: "telegram",
    userId: "111",
    first: "Hoa",
    last: "Phòng VHTT",
    username: "hoa_vhtt",
    kind: "admin",
    groups: [],
  },
  { channel: "telegram", userId: "112", first: "Tùng", username: "tung_admin", kind: "admin", groups: [] },
  {
    channel: "telegram",
    userId: "120",
    first: "Chủ tịch",
    username: "chutich",
    kind: "leader",
    groups: [ROLLUP_GROUP],
  },
  {
    channel: "telegram",
    userId: "201",
    first: "Lan",
    last: "Nguyễn",
    username: "lan_tb",
    kind: "officer",
    groups: ["-1001"],
  },
  { channel: "telegram", userId: "202", first: "Minh", username: "minh_tv", kind: "officer", groups: ["-1002"] },
  { channel: "telegram", userId: "203", first: "Hải", last: "Trung tâm", kind: "officer", groups: ["-1003"] },
  { channel: "telegram", userId: "204", first: "Ngọc", username: "ngoc_nv", kind: "officer", groups: ["-1006"] },
  { channel: "telegram", userId: "205", first: "Bình", last: "Thành An", kind: "officer", groups: [] },
  { channel: "telegram", userId: "206", first: "Thu", last: "Thạch Bình 2", kind: "officer", groups: ["-1001"] },
  { channel: "telegram", userId: "901", first: "Khách", kind: "stranger", groups: [] },
  {
    channel: "telegram",
    userId: "902",
    first: "👨‍👩‍👧‍👦".repeat(9),
    last: "🎉".repeat(32),
    kind: "stranger",
    groups: [],
  },
  {
    channel: "telegram",
    userId: "903",
    first: "\u202eevil",
    last: "\u0000",
    username: "evil_bot",
    kind: "stranger",
    groups: [],
  },
  { channel: "telegram", userId: "904", first: "", kind: "stranger", groups: [] },
  { channel: "telegram", userId: "9007199254740993", first: "Big", kind: "stranger", groups: [] },
  { channel: "sandbox", userId: "s1", first: "Sandbox Lan", kind: "officer", groups: ["s-g1"] },
  { channel: "sandbox", userId: "s9", first: "Sandbox khách", kind: "stranger", groups: [] },
];

const GROUPS: ChatDef[] = [
  ...UNIT_GROUPS.map((g) => ({
    channel: "telegram" as const,
    chatId: g.chatId,
    chatType: "supergroup" as const,
    title: g.title,
  })),
  { channel: "telegram", chatId: ROLLUP_GROUP, chatType: "supergroup", title: "Tổng hợp CCHC" },
  { channel: "telegram", chatId: UNBOUND_GROUP, chatType: "group", title: "Nhóm lạ \u202e" },
  { channel: "sandbox", chatId: "s-g1", chatType: "group", title: "Sandbox Thạch Bình" },
];

const privateChat = (a: Actor): ChatDef => ({ channel: a.channel, chatId: a.userId, chatType: "private" });
const chatKey = (channel: string, chatId: string) => `${channel}:${chatId}`;

// ---------------------------------------------------------------------------------------------
// Recording messenger

interface Sent {
  seq: number;
  channel: Channel;
  chatId: string;
  message: OutgoingMessage;
  messageId: string;
}

function createRecordingMessenger(rng: Rng, planBytes: Uint8Array) {
  const sent: Sent[] = [];
  const botMessageIds = new Map<string, string[]>();
  let nextId = 100_000;
  let downloads = 0;
  const jpegs: Uint8Array[] = [];

  function jpeg(): Uint8Array {
    // Repeats now and then, so duplicate photos (same content) happen.
    if (jpegs.length && rng.chance(0.2)) return rng.pick(jpegs);
    const body = rng.bytes(rng.int(0, 600));
    const b = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...body, 0xff, 0xd9]);
    jpegs.push(b);
    return b;
  }

  function exifJpeg(): Uint8Array {
    // A JPEG with a (possibly broken) EXIF block.
    const tiff = new Uint8Array([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, ...rng.bytes(rng.int(0, 60))]);
    const app1 = new Uint8Array([...new TextEncoder().encode("Exif\0\0"), ...tiff]);
    const len = rng.chance(0.3) ? rng.int(0, 0xffff) : app1.length + 2;
    return new Uint8Array([0xff, 0xd8, 0xff, 0xe1, len >> 8, len & 0xff, ...app1, 0xff, 0xd9, ...rng.bytes(4)]);
  }

  const messenger: Messenger = {
    async send(to, message) {
      // The file summaries come from a real-time timer: ids of their own, never reply targets, so
      // the message stream stays the same for a seed.
      const delayed = message.type === "text" && message.text.startsWith("📎");
      const messageId = delayed ? `s${sent.length}` : String(nextId++);
      sent.push({ seq: sent.length, channel: to.channel, chatId: to.chatId, message, messageId });
      if (delayed) return { messageId };
      const key = chatKey(to.channel, to.chatId);
      const ids = botMessageIds.get(key) ?? [];
      ids.push(messageId);
      botMessageIds.set(key, ids);
      return { messageId };
    },
    async download(_channel, file: IncomingFile, maxBytes: number) {
      downloads++;
      if (file.size !== undefined && file.size > maxBytes) throw new SendError("bad_request", "file too large");
      if (file.fileRef.startsWith("plan:")) return planBytes;
      const kind = rng.weighted<string>([
        [30, "jpeg"],
        [6, "exif"],
        [10, "png"],
        [10, "pdf"],
        [5, "docx"],
        [5, "webp"],
        [10, "random"],
        [4, "empty"],
        [6, "throw_transient"],
        [4, "throw_big"],
        [3, "yaml_garbage"],
        [3, "exe"],
      ]);
      switch (kind) {
        case "jpeg":
          return jpeg();
        case "exif":
          return exifJpeg();
        case "png":
          return new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...rng.bytes(rng.int(0, 300))]);
        case "pdf":
          return new TextEncoder().encode(`%PDF-1.${rng.int(0, 7)}\n${"x".repeat(rng.int(0, 200))}\n%%EOF`);
        case "docx":
          return new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...rng.bytes(rng.int(0, 200))]);
        case "webp":
          return new Uint8Array([
            ...new TextEncoder().encode("RIFF"),
            1,
            2,
            3,
            4,
            ...new TextEncoder().encode("WEBP"),
            ...rng.bytes(50),
          ]);
        case "random":
          return rng.bytes(rng.int(1, 2000));
        case "empty":
          return new Uint8Array(0);
        case "throw_transient":
          throw new SendError("transient", "download failed: 502");
        case "throw_big":
          throw new SendError("bad_request", "file too large");
        case "yaml_garbage":
          return new TextEncoder().encode(
            rng.pick([
              "plan: [",
              "tasks: 5",
              "units:\n  - code: \u0000",
              "a: *b",
              "{{{{",
              ":\n:\n",
              "plan:\n  number: 1\n",
            ]),
          );
        default:
          return new TextEncoder().encode("MZ\x90\x00 this program cannot be run in DOS mode");
      }
    },
    textLimit: (channel) => LIMITS[channel],
  };
  return { messenger, sent, botMessageIds, downloads: () => downloads };
}

// ---------------------------------------------------------------------------------------------
// Message generation

interface Gen {
  rng: Rng;
  inviteCodes: string[];
  botMessageIds: Map<string, string[]>;
  expensive: Record<string, number>;
  caps: Record<string, number>;
  messageIds: Map<string, number>;
  album?: { actor: Actor; chat: ChatDef; id: string; left: number };
}

const byKind = (kind: Kind) => ACTORS.filter((a) => a.kind === kind && a.channel === "telegram");

function randomFile(rng: Rng, kind?: "photo" | "document"): IncomingFile {
  const k = kind ?? (rng.chance(0.6) ? "photo" : "document");
  const size = rng.weighted<number | undefined>([
    [40, rng.int(1, 500_000)],
    [10, undefined],
    [8, MAX_FILE_BYTES + rng.int(1, 100_000_000)],
    [3, MAX_FILE_BYTES],
    [2, 0],
    [2, Number.MAX_SAFE_INTEGER],
    [1, -1],
  ]);
  const file: IncomingFile = { kind: k, fileRef: `f${rng.int(1, 1e9)}`, size };
  if (k === "document") {
    file.fileName = rng.pick([
      "ke-hoach.pdf",
      "bao-cao.docx",
      "so-lieu.xlsx",
      "anh.jpg",
      "../../etc/passwd",
      "..\\..\\boot.ini",
      "a\u0000b.pdf",
      "🎉.png",
      "",
      "x".repeat(300),
      "a" + "🎉".repeat(80) + ".jpg",
      "🎉".repeat(70) + ".pdf",
      "con",
      "plan.yaml",
      "ảnh chụp màn hình.png",
      "/etc/shadow",
      "file\nname.pdf",
      "\u202egpj.exe",
    ]);
    file.mime = rng.pick([
      "application/pdf",
      "image/jpeg",
      "application/octet-stream",
      "text/plain",
      undefined,
      "\u0000",
      "image/png",
    ]);
  } else {
    file.mime = "image/jpeg";
  }
  return file;
}

/** A command and its argument text, weighted so every feature is reached. */
function commandText(g: Gen, actor: Actor): { text: string; files?: IncomingFile[] } {
  const { rng } = g;
  const name = rng.weighted<string>([
    [6, "start"],
    [3, "trogiup"],
    [1, "help"],
    [3, "ngonngu"],
    [6, "dangky"],
    [6, "nhiemvu"],
    [18, "baocao"],
    [8, "sua"],
    [6, "lichsu"],
    [3, "donvi"],
    [4, "donvi_them"],
    [3, "donvi_sua"],
    [2, "donvi_xoa"],
    [4, "giao"],
    [3, "yeucau"],
    [2, "huy"],
    [4, "moi"],
    [4, "quyen"],
    [1, "nhomtonghop"],
    [3, "ngaynghi"],
    [2, "ngaylam"],
    [1, "nhacnho"],
    [2, "tinhhinh"],
    [1, "tonghop"],
    [1, "xuat"],
    [1, "baocaodocx"],
    [2, "nhapkehoach"],
    [4, "garbage"],
    [3, "unknown"],
  ]);
  const cap = g.caps[name];
  if (cap !== undefined) {
    // Past the cap: the same command naming a task that does not exist (a cheap refusal).
    if ((g.expensive[name] ?? 0) >= cap)
      return { text: `/${name} ${rng.pick(["KHONG_CO_", "x", "🎉", "\u202e"])}${randomUnicode(rng, rng.int(0, 60))}` };
    g.expensive[name] = (g.expensive[name] ?? 0) + 1;
  }
  const suffix = rng.chance(0.05) ? rng.pick(["@don_doc_bot", "@other_bot", "@" + "a".repeat(70)]) : "";
  const cmd = (n: string) => `/${rng.chance(0.05) ? n.toUpperCase() : n}${suffix}`;
  const words = () =>
    Array.from({ length: rng.int(0, 6) }, () =>
      rng.pick([
        rng.pick(UNIT_CODES),
        rng.pick(DATES),
        number(rng),
        `"${randomUnicode(rng, rng.int(0, 12))}"`,
        randomUnicode(rng, rng.int(1, 8)),
        ",,,",
        '"""',
        "~",
        "../../etc",
        "@",
        "#",
      ]),
    ).join(" ");
  switch (name) {
    case "ngonngu":
      return { text: `${cmd(name)} ${rng.pick(["vi", "en", "EN", "fr", "", "vi en", "🇻🇳"])}` };
    case "dangky": {
      const code =
        g.inviteCodes.length && rng.chance(0.5)
          ? rng.pick(g.inviteCodes)
          : rng.pick([
              "",
              "ABCDEFGH",
              "abcdefgh",
              "2345",
              "'; DROP TABLE Invite;--",
              randomUnicode(rng, 8),
              "0".repeat(500),
              "Ⅻ",
            ]);
      return { text: `${cmd(name)} ${code}${rng.chance(0.2) ? " " + words() : ""}` };
    }
    case "nhiemvu":
      return { text: `${cmd(name)} ${rng.chance(0.5) ? rng.pick(UNIT_CODES) : words()}` };
    case "baocao": {
      const args = rng.weighted<() => string>([
        [8, () => reportText(rng)],
        [2, () => `#${rng.pick(["1", "2", "3", "4", "999999999", "0", "-1", "2147483648", "abc"])} ${reportText(rng)}`],
        [1, () => ""],
        [1, () => words()],
        [1, () => "#999999999"],
      ])();
      const files = rng.chance(0.2) ? Array.from({ length: rng.int(1, 3) }, () => randomFile(rng)) : undefined;
      return { text: `${cmd(name)} ${args}`, files };
    }
    case "sua":
      return { text: `${cmd(name)}${rng.chance(0.2) ? "" : " " + (rng.chance(0.6) ? reportText(rng) : words())}` };
    case "lichsu":
      return {
        text: `${cmd(name)} ${rng.pick(["", "../../etc", "#1", "#2", "#999999999", "1e9", rng.pick(UNIT_CODES), `${rng.pick(UNIT_CODES)} #2`, `${rng.pick(UNIT_CODES)} abc`, words()])}`,
      };
    case "donvi":
      return { text: `${cmd(name)} ${rng.pick(["", "xa", "phong-ban", "XA_", "%", "_", words()])}` };
    case "donvi_them":
      return {
        text: `${cmd(name)} ${rng.pick([
          '""" ,,,',
          `FUZZ_${rng.int(1, 50)} "Đơn vị thử ${rng.int(1, 99)}" ${rng.pick(["xa", "phong-ban", "thu-nghiem", "x,y,z", ",,,", "ĐẶC BIỆT", ""])}`,
          `${rng.pick(UNIT_CODES)} "${randomUnicode(rng, rng.int(0, 150))}" ${randomUnicode(rng, 10)}`,
          `FUZZ_${rng.int(1, 50)} "a${"🎉".repeat(rng.int(40, 120))}" xa`,
          words(),
        ])}`,
      };
    case "donvi_sua":
      return {
        text: `${cmd(name)} ${rng.pick([`FUZZ_${rng.int(1, 50)}`, rng.pick(UNIT_CODES)])} ${rng.pick(["ten", "tên", "nhan", "nhãn", "x", ""])} ${rng.pick([`"Tên mới ${rng.int(1, 9)}"`, "xa,phong-ban", randomUnicode(rng, rng.int(0, 200)), ""])}`,
      };
    case "donvi_xoa":
      return {
        text: `${cmd(name)} ${rng.chance(0.9) ? `FUZZ_${rng.int(1, 50)}` : rng.pick(["", "NOPE", "xa", ...UNIT_CODES.slice(3, 5)])}`,
      };
    case "giao":
      return {
        text: `${cmd(name)} ${rng.pick([
          ",,, 99/99/9999 x",
          `${rng.pick(UNIT_CODES)} ${rng.pick(DATES)} ${rng.pick(["Báo cáo nhanh tình hình tuyên truyền", "x", "ab", randomUnicode(rng, rng.int(1, 400)), "Treo pa nô " + number(rng)])}`,
          `${rng.pick(UNIT_CODES)},${rng.pick(UNIT_CODES)} trước ngày ${rng.pick(DATES)} Báo cáo ${number(rng)}`,
          words(),
        ])}`,
      };
    case "yeucau":
      return {
        text: `${cmd(name)} ${rng.pick(UNIT_CODES)} ${rng.pick(["3", "0", "61", "999", "-1", "1e9", "x", "60"])} ${rng.pick(["Báo cáo nhanh", "x", randomUnicode(rng, 20)])}`,
      };
    case "huy":
      return {
        text: `${cmd(name)} ${rng.pick(["", "#0", "#-1", "#999999999", `#${rng.int(4, 40)}`, `NV_${rng.int(1, 30)}`, "nv5", "../../etc", randomUnicode(rng, 5)])}`,
      };
    case "moi":
      return {
        text: `${cmd(name)} ${rng.pick(["", ...UNIT_CODES])} ${rng.pick(["", "1", "5", "0", "101", "-1", "1e9", "NaN", "2.5", "x"])}`,
      };
    case "quyen": {
      const who = rng.pick([
        "@ x",
        "@chutich",
        "@lan_tb",
        "@minh_tv",
        "@nobody",
        "201",
        "202",
        "901",
        "902",
        "111",
        "112",
        "-1",
        "@",
        "@evil_bot",
        randomUnicode(rng, 6),
      ]);
      const role = rng.pick([
        "leader",
        "officer",
        "admin",
        "none",
        "lanh-dao",
        "can-bo",
        "quan-tri",
        "xoa",
        "bo",
        "root",
        "",
        "x",
      ]);
      return { text: `${cmd(name)} ${who} ${role}` };
    }
    case "nhomtonghop":
      return { text: cmd(name) };
    case "ngaynghi":
    case "ngaylam":
      return {
        text: `${cmd(name)} ${rng.pick(["1/1/1-2/2/2 x", `${rng.pick(DATES)} Nghỉ bù`, `01/04/2021 a${"🎉".repeat(rng.int(40, 80))}`, `02/04/2021 ${randomUnicode(rng, rng.int(90, 200))}`, `${rng.pick(DATES)}-${rng.pick(DATES)} ${randomUnicode(rng, 20)}`, "01/05/2021 - 30/05/2021 Dài", "01/01/2021-31/12/2021 Cả năm", "", words()])}`,
      };
    case "nhacnho":
      return { text: `${cmd(name)} ${rng.pick(["", "#0", "#2", "#999999999", "BC_QUY_CCHC", "x"])}` };
    case "tinhhinh":
      return {
        text: `${cmd(name)} ${rng.pick(["", "#2", "#-1", "#999999999", "BC_QUY_CCHC", randomUnicode(rng, 50)])}`,
      };
    case "tonghop":
      return { text: `${cmd(name)} ${rng.pick(["", "#-1", "#2", "#3", "BC_THANG_TRUNG_TAM", "~"])}` };
    case "xuat":
      return { text: `${cmd(name)} ${rng.pick(["", "~", "#2", "#999999999"])}` };
    case "baocaodocx":
      return { text: `${cmd(name)} ${rng.pick(["", "1e9", "#2", "#3"])}` };
    case "nhapkehoach": {
      const f = randomFile(rng, "document");
      const files = rng.weighted<IncomingFile[]>([
        [
          4,
          [
            {
              kind: "document",
              fileRef: "plan:1",
              fileName: rng.pick(["plan.yaml", "KE-HOACH.YML"]),
              mime: "text/yaml",
              size: 20_000,
            },
          ],
        ],
        [3, [{ ...f, fileName: rng.pick(["plan.yaml", "x.yml", "a.YAML"]) }]],
        [2, [f]],
        [1, []],
        [1, [{ kind: "document", fileRef: "x", fileName: "big.yaml", size: 2 * 1024 * 1024 }]],
      ]);
      return { text: `${cmd(name)}${rng.chance(0.2) ? " " + words() : ""}`, files };
    }
    case "garbage":
      return {
        text: rng.pick([
          '/donvi_them """ ,,,',
          "/giao ,,, 99/99/9999 x",
          "/baocao #999999999",
          "/sua",
          "/lichsu ../../etc",
          "/moi",
          "/quyen @ x",
          "/ngaynghi 1/1/1-2/2/2 x",
          "/nhacnho #0",
          "/tinhhinh #-1",
          "/xuat@@",
          "/baocaodocx@",
          "/",
          "//",
          "/ ",
          "/_",
          "/a".repeat(40),
          `/${"x".repeat(33)}`,
          "/baocao\u0000",
          "/\u202ebaocao",
          "/báocáo 12 pa nô",
          "/baocao@don_doc_bot@x",
          "/dangky\n\n\n",
          `/giao ${"x ".repeat(3000)}`,
        ]),
      };
    default:
      return {
        text: `/${rng.pick(["abc", "sudo", "rm_rf", "BAOCAO2", "trogiup_x", "start123", "0", "__proto__", "constructor", "toString"])} ${words()}`,
      };
  }
}

function pickActorAndChat(g: Gen, scenario: string): { actor: Actor; chat: ChatDef } {
  const { rng } = g;
  const groupOf = (id: string) => GROUPS.find((c) => c.chatId === id)!;
  switch (scenario) {
    case "officer": {
      const actor = rng.pick(ACTORS.filter((a) => a.kind === "officer"));
      const chat = actor.groups.length && rng.chance(0.65) ? groupOf(rng.pick(actor.groups)) : privateChat(actor);
      return { actor, chat };
    }
    case "boss": {
      const actor = rng.pick([...byKind("admin"), ...byKind("admin"), ...byKind("leader")]);
      const chat = rng.chance(0.6) ? privateChat(actor) : rng.pick(GROUPS.filter((c) => c.channel === "telegram"));
      return { actor, chat };
    }
    case "stranger": {
      const actor = rng.pick(ACTORS.filter((a) => a.kind === "stranger"));
      const chat = rng.chance(0.6) ? privateChat(actor) : rng.pick(GROUPS.filter((c) => c.channel === actor.channel));
      return { actor, chat };
    }
    default: {
      const actor = rng.pick(ACTORS);
      const chat = rng.chance(0.5) ? privateChat(actor) : rng.pick(GROUPS.filter((c) => c.channel === actor.channel));
      return { actor, chat };
    }
  }
}

function nextMessageId(g: Gen, chat: ChatDef): string {
  const key = chatKey(chat.channel, chat.chatId);
  const id = (g.messageIds.get(key) ?? 0) + 1;
  g.messageIds.set(key, id);
  return String(id);
}

function replyTarget(g: Gen, chat: ChatDef): string | undefined {
  const { rng } = g;
  if (!rng.chance(0.12)) return undefined;
  const own = g.botMessageIds.get(chatKey(chat.channel, chat.chatId)) ?? [];
  if (own.length && rng.chance(0.7)) return rng.pick(own.slice(-200));
  const anyChat = [...g.botMessageIds.values()].flat();
  if (anyChat.length && rng.chance(0.5)) return rng.pick(anyChat);
  return rng.pick(["0", "-1", "1", "99999999999999999999", "abc", "", "1e9", String(rng.int(1, 1e6))]);
}

function makeIncoming(
  g: Gen,
  actor: Actor,
  chat: ChatDef,
  text: string,
  files: IncomingFile[],
  at: Date,
  extra: Partial<Incoming> = {},
): Incoming {
  const { rng } = g;
  const userName = rng.chance(0.05)
    ? randomUnicode(rng, rng.int(0, 129))
    : [actor.first, actor.last].filter(Boolean).join(" ");
  return {
    channel: chat.channel,
    chatId: chat.chatId,
    chatType: chat.chatType,
    chatTitle: chat.title,
    userId: actor.userId,
    userName,
    username: actor.username,
    messageId: nextMessageId(g, chat),
    // The adapters hand the core NFC text (see Incoming.text).
    text: text.normalize("NFC"),
    files,
    replyToMessageId: replyTarget(g, chat),
    date: at,
    languageCode: rng.pick(["vi", "en", undefined, "zz", ""]),
    ...extra,
  };
}

/**
 * Reports for one unit from several of its chats at once (its group, its officers' private chats,
 * another channel): the Telegram runner handles different chats concurrently.
 */
function generateRace(g: Gen, at: Date, opening?: string): Incoming[] {
  const { rng } = g;
  const byId = (channel: Channel, userId: string) => ACTORS.find((a) => a.channel === channel && a.userId === userId)!;
  const group = (id: string) => GROUPS.find((c) => c.chatId === id)!;
  const lan = byId("telegram", "201");
  const thu = byId("telegram", "206");
  const sandbox = byId("sandbox", "s1");
  const senders: { actor: Actor; chat: ChatDef }[] = [
    { actor: lan, chat: group("-1001") },
    { actor: lan, chat: privateChat(lan) },
    { actor: thu, chat: privateChat(thu) },
    { actor: sandbox, chat: group("s-g1") },
    { actor: sandbox, chat: privateChat(sandbox) },
  ];
  const n = opening ? senders.length : rng.int(2, senders.length);
  const chosen = senders
    .slice()
    .sort(() => rng.next() - 0.5)
    .slice(0, n);
  return chosen.map(({ actor, chat }) => {
    // The opening race: everyone reports the same task at once, before any report exists.
    if (opening) return makeIncoming(g, actor, chat, `/baocao ${opening} đã treo ${rng.int(1, 20)} pa nô`, [], at);
    const text = rng.weighted<() => string>([
      [5, () => reportText(rng)],
      [3, () => `/baocao ${reportText(rng)}`],
      [3, () => `/sua ${reportText(rng)}`],
      [1, () => `/baocao #${rng.int(1, 4)} ${reportText(rng)}`],
    ])();
    return makeIncoming(g, actor, chat, text, rng.chance(0.2) ? [randomFile(rng)] : [], at);
  });
}

/** One random message. */
function generate(g: Gen, at: Date): Incoming {
  const { rng } = g;
  // Album photos come in a row from the same sender.
  if (g.album) {
    const a = g.album;
    if (--a.left <= 0) g.album = undefined;
    return makeIncoming(g, a.actor, a.chat, rng.chance(0.2) ? reportText(rng) : "", [randomFile(rng, "photo")], at, {
      mediaGroupId: a.id,
    });
  }
  const scenario = rng.weighted<string>([
    [45, "officer"],
    [20, "boss"],
    [12, "stranger"],
    [23, "random"],
  ]);
  const { actor, chat } = pickActorAndChat(g, scenario);
  const content = rng.weighted<string>([
    [22, "command"],
    [22, "report"],
    [8, "chatter"],
    [7, "unicode"],
    [3, "long"],
    [3, "emoji"],
    [3, "control"],
    [4, "numbers"],
    [7, "file"],
    [3, "album"],
    [5, "pick"],
    [2, "empty"],
    [2, "boundary"],
  ]);
  switch (content) {
    case "command": {
      const { text, files } = commandText(g, actor);
      return makeIncoming(g, actor, chat, text, files ?? [], at);
    }
    case "report": {
      const files = rng.chance(0.15) ? [randomFile(rng)] : [];
      return makeIncoming(g, actor, chat, reportText(rng), files, at);
    }
    case "chatter":
      return makeIncoming(
        g,
        actor,
        chat,
        rng.pick([
          "chào mọi người",
          "ok",
          "Dạ vâng ạ",
          "ai biết hạn nộp không?",
          "hi",
          "???",
          ".",
          "cảm ơn anh",
          "họp lúc 2h chiều nhé",
          "12",
          "1",
          "#2",
          "nv 3",
        ]),
        [],
        at,
      );
    case "unicode":
      return makeIncoming(g, actor, chat, randomUnicode(rng, rng.int(1, 300)), [], at);
    case "long":
      return makeIncoming(g, actor, chat, longText(rng), [], at);
    case "emoji":
      return makeIncoming(
        g,
        actor,
        chat,
        Array.from({ length: rng.int(1, 200) }, () => rng.pick(EMOJI)).join(""),
        [],
        at,
      );
    case "control":
      return makeIncoming(g, actor, chat, controlText(rng), [], at);
    case "numbers":
      return makeIncoming(
        g,
        actor,
        chat,
        Array.from({ length: rng.int(1, 8) }, () => rng.pick(HUGE_NUMBERS)).join(rng.pick([" ", ", ", "\n"])),
        [],
        at,
      );
    case "file":
      return makeIncoming(
        g,
        actor,
        chat,
        rng.chance(0.3) ? rng.pick(["", "ảnh minh chứng", reportText(rng), "/baocao"]) : "",
        [randomFile(rng)],
        at,
      );
    case "album": {
      const id = `album-${rng.int(1, 1e9)}`;
      g.album = { actor, chat, id, left: rng.int(1, 6) };
      return makeIncoming(g, actor, chat, rng.chance(0.6) ? reportText(rng) : "", [randomFile(rng, "photo")], at, {
        mediaGroupId: id,
      });
    }
    case "boundary": {
      // Text cut at a fixed length (names, titles, task refs) with an emoji across the cut.
      const boss = rng.pick([...byKind("admin"), ...byKind("leader")]);
      const emoji = (n: number) => "🎉".repeat(n);
      const text = rng.pick([
        `/ngaynghi 01/04/2021 a${emoji(rng.int(45, 70))}`,
        `/ngaylam 03/04/2021 a${emoji(rng.int(45, 70))}`,
        `/tinhhinh x${emoji(rng.int(19, 40))}`,
        `/xuat x${emoji(rng.int(19, 40))}`,
        `/donvi_them FUZZ_${rng.int(1, 50)} "a${emoji(rng.int(40, 160))}" xa`,
        `/giao xa 20/04/2021 a${emoji(rng.int(100, 200))}`,
        `/lichsu x${emoji(rng.int(19, 40))}`,
        `/nhiemvu x${emoji(rng.int(19, 40))}`,
      ]);
      return makeIncoming(g, boss, rng.chance(0.7) ? privateChat(boss) : chat, text, [], at);
    }
    case "pick":
      return makeIncoming(
        g,
        actor,
        chat,
        rng.pick(["1", "2", "3", "9", "0", "#2", "#3", "nv2", "nv 999999", "#999999999", " 1 ", "１"]),
        [],
        at,
      );
    default:
      return makeIncoming(g, actor, chat, rng.pick(["", " ", "\n", "\u200b", "\u0000"]), [], at);
  }
}

// ---------------------------------------------------------------------------------------------
// The run

const STACK_TRACE = /\bat .+\(.+:\d+:\d+\)/;
const LEAKS = /Error:|\[object Object\]|\{\{|\}\}|\bundefined\b|\bNaN\b|PrismaClient|SQLITE_|prisma\./;
/** An i18n key that was not translated ("reports:recorded" shown as-is). */
const RAW_KEY =
  /\b(?:access|calendar|common|help|language|plan|register|reminders|render|reports|roles|rollup|status|tasks|units):[a-z_]+\b/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface Problem {
  kind: string;
  detail: string;
}

export interface FuzzOptions {
  seed: number;
  messages: number;
  caps?: Record<string, number>;
}

/** What one run found; plain data, so a shard process can print it as JSON. */
export interface FuzzReport {
  seed: number;
  messages: number;
  handled: number;
  runtimeMs: number;
  sends: number;
  downloads: number;
  warnings: number;
  expensive: Record<string, number>;
  invitesSeen: number;
  /** Problems found while the messages ran, by kind (see PROBLEM_KINDS). */
  problems: Problem[];
  /** Database inconsistencies found afterwards. */
  dbIssues: string[];
  counts: {
    reports: number;
    revisions: number;
    attachments: number;
    assignmentsReported: number;
    auditEntries: number;
    tasks: number;
    lateReports: number;
    auditActions: Record<string, number>;
    assignmentStatuses: Record<string, number>;
  };
}

export const PROBLEM_KINDS = {
  rejected: "handle rejected",
  unhandled: "unhandled rejection / uncaught exception",
  errorLogged: "error logged",
  silence: "silence in a private chat",
  overLimit: "text over the channel limit",
  blank: "empty or blank text",
  stackTrace: "stack trace in a reply",
  leak: "internal text leaked",
  rawKey: "untranslated key",
  surrogate: "lone surrogate in a reply",
} as const;

const describeInput = (m: Incoming) =>
  JSON.stringify({
    chat: `${m.channel}:${m.chatId}`,
    user: m.userId,
    userName: m.userName.slice(0, 40),
    text: m.text.slice(0, 160),
    textLength: m.text.length,
    files: m.files,
    reply: m.replyToMessageId,
    album: m.mediaGroupId,
  });

/**
 * Runs `messages` random messages through a fresh core and checks everything it sent, logged and
 * stored. Never throws for what it finds: the report lists it.
 */
export async function runCoreFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const seed = options.seed >>> 0;
  const problems: Problem[] = [];
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => void rejections.push(reason);
  process.on("unhandledRejection", onRejection);
  process.on("uncaughtException", onRejection);
  // A RAM disk when there is one: commits are a good part of the cost.
  const dir = mkdtempSync(path.join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "don-doc-fuzz-"));
  let db: Db | undefined;
  try {
    const clock = createManualClock(START);
    const logger = createTestLogger();
    const warnings: unknown[] = [];
    logger.warn = (obj: object | string) => void warnings.push(obj);
    const rng = new Rng(mulberry32(seed));
    const planBytes = readFileSync(new URL("../../plans/thach-thanh-cchc-2021.yaml", import.meta.url));
    const recorder = createRecordingMessenger(new Rng(mulberry32(seed ^ 0x5eed)), planBytes);
    const gen: Gen = {
      rng,
      inviteCodes: [],
      botMessageIds: recorder.botMessageIds,
      expensive: {},
      caps: options.caps ?? DEFAULT_EXPENSIVE_CAPS,
      messageIds: new Map(),
    };

    db = await openDatabase(`file:${dir}/fuzz.db`);
    const repos = createPrismaRepositories(db);
    const deps: FeatureDeps = {
      repos,
      messenger: recorder.messenger,
      clock,
      logger,
      translations: createTranslator({ defaultLanguage: "vi" }),
      defaultLanguage: "vi",
      initialAdmins: [{ channel: "telegram", userId: "111" }],
      timezone: TIMEZONE,
      maxFileBytes: MAX_FILE_BYTES,
      files: createFileStore(dir),
      dataDir: dir,
      onScheduleChange: () => {},
    };

    // Setup: the sample plan, unit chats (groups and private), an admin, a leader, officers, a rollup group.
    const parsed = parsePlanFile(planBytes.toString("utf8"), deps.translations.t("vi"));
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    // Backfill: periods already past on 10/03 (the 09/02 commune plan, February's centre report) stay
    // open, so overdue tasks and late reports are exercised.
    await importPlan(deps, "telegram:111", parsed.file, { backfill: true });
    const unitId = async (code: string) => (await repos.units.findByCode(code))!.id;
    for (const g of UNIT_GROUPS)
      await repos.chats.bind({
        channel: "telegram",
        chatId: g.chatId,
        chatType: "supergroup",
        title: g.title,
        role: "unit",
        unitId: await unitId(g.unit),
      });
    await repos.chats.bind({
      channel: "telegram",
      chatId: ROLLUP_GROUP,
      chatType: "supergroup",
      title: "Tổng hợp CCHC",
      role: "rollup",
      unitId: null,
    });
    await repos.chats.bind({
      channel: "sandbox",
      chatId: "s-g1",
      chatType: "group",
      title: "Sandbox Thạch Bình",
      role: "unit",
      unitId: await unitId("XA_THACH_BINH"),
    });
    // Officer 205 reports from a private chat bound to the unit.
    await repos.chats.bind({
      channel: "telegram",
      chatId: "205",
      chatType: "private",
      role: "unit",
      unitId: await unitId("XA_THANH_AN"),
    });
    const homeUnit: Record<string, string> = {
      "201": "XA_THACH_BINH",
      "202": "XA_THANH_VINH",
      "203": "TT_VHTTTDL",
      "204": "PHONG_NOI_VU",
      "205": "XA_THANH_AN",
      "206": "XA_THACH_BINH",
      s1: "XA_THACH_BINH",
    };
    for (const a of ACTORS) {
      const p = await repos.people.touch({
        channel: a.channel,
        userId: a.userId,
        displayName: [a.first, a.last].filter(Boolean).join(" ").slice(0, 100),
        username: a.username,
      });
      if (a.kind === "admin") await repos.people.setRole(p.id, "admin");
      if (a.kind === "leader") await repos.people.setRole(p.id, "leader");
      if (a.kind === "officer") {
        await repos.people.setRole(p.id, "officer");
        await repos.people.setUnit(p.id, await unitId(homeUnit[a.userId]));
      }
    }
    // The scheduled reminders (T−3 of the quarterly report is due on 10/03), sent through the real
    // outbox dispatcher, so that replies to reminders reach the reports feature.
    await enqueueDueReminders(deps);
    const dispatch = async () => {
      // The real dispatcher, stopped after each drain: its own timer runs on real time and would
      // send at moments that differ from run to run.
      const dispatcher = createOutboxDispatcher({ ...deps, concurrency: 4 });
      await dispatcher.drain();
      await dispatcher.stop();
    };
    await dispatch();
    const core = createBotCore(deps, createFeatures(deps));

    async function handleOne(m: Incoming): Promise<void> {
      try {
        await core.handle(m);
      } catch (error) {
        problems.push({ kind: PROBLEM_KINDS.rejected, detail: `${describeInput(m)} → ${inspectLog(error)}` });
      }
    }

    const t0 = Date.now();
    const silentPrivate: { key: string; afterSeq: number; input: string }[] = [];
    let lateSwitched = false;
    let handled = 0;
    while (handled < options.messages) {
      // Time moves on: a few seconds per message, and at the middle past the quarterly deadline.
      clock.advance(rng.int(0, 20_000));
      if (!lateSwitched && handled >= options.messages / 2) {
        clock.set(LATE_AT);
        lateSwitched = true;
        await enqueueDueReminders(deps);
      }
      // Like the Telegram runner: now and then several chats at once, one message per chat.
      const mode =
        handled === 0
          ? "opening"
          : rng.weighted<string>([
              [89, "one"],
              [8, "burst"],
              [3, "race"],
            ]);
      const candidates =
        mode === "opening"
          ? generateRace(gen, clock.now(), "#2")
          : mode === "race"
            ? generateRace(gen, clock.now())
            : Array.from({ length: mode === "burst" ? rng.int(2, 4) : 1 }, () => generate(gen, clock.now()));
      const batch: Incoming[] = [];
      const seen = new Set<string>();
      for (const m of candidates) {
        const key = chatKey(m.channel, m.chatId);
        if (seen.has(key) && batch.length) continue; // one chat's messages are handled in order: drop the extra one
        seen.add(key);
        batch.push(m);
      }
      const before = recorder.sent.length;
      await Promise.all(batch.map(handleOne));
      handled += batch.length;
      const replies = recorder.sent.slice(before);
      for (const m of batch) {
        const key = chatKey(m.channel, m.chatId);
        if (m.chatType === "private" && !replies.some((s) => chatKey(s.channel, s.chatId) === key)) {
          // Loose files get one delayed summary (after the last of a burst); nothing else may stay silent.
          if (m.files.length) silentPrivate.push({ key, afterSeq: before, input: describeInput(m) });
          else problems.push({ kind: PROBLEM_KINDS.silence, detail: describeInput(m) });
        }
        if (!/^\/moi\b/i.test(m.text)) continue;
        for (const s of replies) {
          if (s.message.type !== "text" || chatKey(s.channel, s.chatId) !== key) continue;
          const code = /(?:^|\s)([23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8})\n/.exec(s.message.text)?.[1];
          if (code) gen.inviteCodes.push(code);
        }
      }
      if (handled % 400 < batch.length) await dispatch();
    }
    await dispatch();
    // The delayed file summaries (outbox rows due 1.2 s after the last file) are due now.
    clock.advance(1_600);
    await dispatch();
    const runtimeMs = Date.now() - t0;

    for (const s of silentPrivate) {
      const summary = recorder.sent.some(
        (x) =>
          x.seq >= s.afterSeq &&
          chatKey(x.channel, x.chatId) === s.key &&
          x.message.type === "text" &&
          x.message.text.startsWith("📎"),
      );
      if (!summary) problems.push({ kind: PROBLEM_KINDS.silence, detail: `(files, no summary) ${s.input}` });
    }
    checkSent(recorder.sent, problems);
    for (const e of logger.errors) problems.push({ kind: PROBLEM_KINDS.errorLogged, detail: inspectLog(e) });
    for (const r of rejections) problems.push({ kind: PROBLEM_KINDS.unhandled, detail: inspectLog(r) });

    const { issues, counts } = await checkDatabase(db, dir);
    return {
      seed,
      messages: options.messages,
      handled,
      runtimeMs,
      sends: recorder.sent.length,
      downloads: recorder.downloads(),
      warnings: warnings.length,
      expensive: gen.expensive,
      invitesSeen: gen.inviteCodes.length,
      problems,
      dbIssues: issues,
      counts,
    };
  } finally {
    await db?.$disconnect();
    process.off("unhandledRejection", onRejection);
    process.off("uncaughtException", onRejection);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every text the bot sent: within the channel's limit, not blank, no internals, well-formed. */
function checkSent(sent: Sent[], problems: Problem[]): void {
  for (const s of sent) {
    const limit = LIMITS[s.channel];
    const texts =
      s.message.type === "text" ? [s.message.text] : s.message.caption !== undefined ? [s.message.caption] : [];
    for (const text of texts) {
      const where = `${s.channel}:${s.chatId} #${s.seq}`;
      if (s.message.type === "text" && text.length > limit)
        problems.push({
          kind: PROBLEM_KINDS.overLimit,
          detail: `${where} ${text.length} > ${limit}: ${text.slice(0, 120)}`,
        });
      if (!/\S/.test(text)) problems.push({ kind: PROBLEM_KINDS.blank, detail: `${where} ${JSON.stringify(text)}` });
      if (STACK_TRACE.test(text))
        problems.push({ kind: PROBLEM_KINDS.stackTrace, detail: `${where} ${text.slice(0, 300)}` });
      if (LEAKS.test(text))
        problems.push({
          kind: PROBLEM_KINDS.leak,
          detail: `${where} ${text.match(LEAKS)?.[0]} in ${text.slice(0, 300)}`,
        });
      if (RAW_KEY.test(text))
        problems.push({ kind: PROBLEM_KINDS.rawKey, detail: `${where} ${text.match(RAW_KEY)?.[0]}` });
      if (LONE_SURROGATE.test(text))
        problems.push({ kind: PROBLEM_KINDS.surrogate, detail: `${where} ${JSON.stringify(text.slice(0, 200))}` });
    }
  }
}

/** Raw checks over the app's tables after the run. */
async function checkDatabase(db: Db, dataDir: string): Promise<{ issues: string[]; counts: FuzzReport["counts"] }> {
  const issues: string[] = [];
  const reports = await db.report.findMany({ include: { revisions: true } });
  const assignments = new Map((await db.assignment.findMany()).map((a) => [a.id, a]));
  const reportIds = new Set(reports.map((r) => r.id));
  const perAssignment = new Map<number, number[]>();
  for (const r of reports) {
    const a = assignments.get(r.assignmentId);
    if (!a) issues.push(`report ${r.id}: assignment ${r.assignmentId} missing`);
    else if (a.unitId !== r.unitId)
      issues.push(`report ${r.id}: unit ${r.unitId} but assignment ${a.id} belongs to unit ${a.unitId}`);
    else if (a.status === "open") issues.push(`report ${r.id}: assignment ${a.id} still open`);
    perAssignment.set(r.assignmentId, [...(perAssignment.get(r.assignmentId) ?? []), r.id]);
    const revs = r.revisions.map((v) => v.revision).sort((x, y) => x - y);
    if (revs.length !== r.revision || revs.some((v, k) => v !== k + 1))
      issues.push(`report ${r.id}: revision ${r.revision} but history ${JSON.stringify(revs)}`);
    for (const json of [r.valuesJson, r.referencesJson, r.unclearJson]) {
      try {
        JSON.parse(json);
      } catch {
        issues.push(`report ${r.id}: bad JSON ${json.slice(0, 80)}`);
      }
    }
    for (const [code, v] of Object.entries(JSON.parse(r.valuesJson) as Record<string, unknown>)) {
      if (typeof v !== "number" || !Number.isFinite(v))
        issues.push(`report ${r.id}: value ${code}=${String(v)} is not a finite number`);
    }
  }
  // One report per assignment: a second message revises it.
  for (const [assignmentId, ids] of perAssignment)
    if (ids.length > 1) issues.push(`assignment ${assignmentId} has ${ids.length} reports: ${ids.join(", ")}`);
  for (const a of assignments.values()) {
    if (!["open", "submitted", "late", "excused", "cancelled", "untracked"].includes(a.status))
      issues.push(`assignment ${a.id}: status ${a.status}`);
    if ((a.status === "submitted" || a.status === "late") && !a.submittedAt)
      issues.push(`assignment ${a.id}: ${a.status} without submittedAt`);
  }
  const attachments = await db.attachment.findMany();
  for (const f of attachments) {
    if (f.reportId !== null && !reportIds.has(f.reportId))
      issues.push(`attachment ${f.id}: report ${f.reportId} missing`);
    if (!["photo", "document"].includes(f.kind)) issues.push(`attachment ${f.id}: kind ${f.kind}`);
    let file: string;
    try {
      file = attachmentPath(dataDir, f.sha256);
    } catch (error) {
      issues.push(`attachment ${f.id}: ${String(error)}`);
      continue;
    }
    if (!existsSync(file)) {
      issues.push(`attachment ${f.id}: ${file} missing`);
      continue;
    }
    const bytes = readFileSync(file);
    if (createHash("sha256").update(bytes).digest("hex") !== f.sha256)
      issues.push(`attachment ${f.id}: content does not match ${f.sha256}`);
    if (bytes.length !== f.size)
      issues.push(`attachment ${f.id}: size ${f.size} but the file has ${bytes.length} bytes`);
  }
  const units = new Set((await db.unit.findMany()).map((u) => u.id));
  for (const p of await db.person.findMany()) {
    if (!["admin", "leader", "officer", "none"].includes(p.role)) issues.push(`person ${p.id}: role ${p.role}`);
    if (p.unitId !== null && !units.has(p.unitId)) issues.push(`person ${p.id}: unit ${p.unitId} missing`);
  }
  for (const c of await db.chatBinding.findMany()) {
    if (c.role === "unit" && (c.unitId === null || !units.has(c.unitId)))
      issues.push(`chat ${c.channel}:${c.chatId}: unit chat without a unit`);
    if (c.role === "rollup" && c.unitId !== null)
      issues.push(`chat ${c.channel}:${c.chatId}: rollup chat with unit ${c.unitId}`);
  }
  for (const o of await db.outboxMessage.findMany({ where: { assignmentId: { not: null } } })) {
    if (!assignments.has(o.assignmentId!)) issues.push(`outbox ${o.id}: assignment ${o.assignmentId} missing`);
  }
  // Audit: configuration changes only by admins (configured, set up, or made admin by an admin);
  // registering with an invite code (or a wrong one) and an officer adding a colleague are open to others.
  const audit = await db.auditLog.findMany({ orderBy: { id: "asc" } });
  const admins = new Set(["telegram:111", "telegram:112"]);
  for (const e of audit) {
    if (["chat.register", "invite.wrong", "unit.member_add"].includes(e.action)) continue;
    // A leader may make their own private chat a rollup recipient (its chat id is their user id).
    if (e.action === "chat.rollup" && e.entityId === e.actor) continue;
    if (!admins.has(e.actor)) issues.push(`audit ${e.id}: ${e.action} by ${e.actor}, not an admin`);
    if (e.action === "role.set") {
      const detail = JSON.parse(e.detailJson) as { to?: string };
      if (detail.to === "admin") admins.add(e.entityId);
      else if (e.entityId !== "telegram:111") admins.delete(e.entityId); // the configured admin stays one
    }
  }
  return {
    issues,
    counts: {
      reports: reports.length,
      revisions: reports.reduce((n, r) => n + r.revisions.length, 0),
      attachments: attachments.length,
      assignmentsReported: perAssignment.size,
      auditEntries: audit.length,
      tasks: await db.task.count(),
      lateReports: reports.filter((r) => r.late).length,
      auditActions: tally(audit.map((e) => e.action)),
      assignmentStatuses: tally([...assignments.values()].map((a) => a.status)),
    },
  };
}

function tally(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

function inspectLog(entry: unknown): string {
  if (entry instanceof Error) return entry.stack ?? String(entry);
  if (entry && typeof entry === "object") {
    const { err, ...rest } = entry as { err?: unknown };
    const stack = err instanceof Error ? `\n${err.stack}` : err !== undefined ? ` err=${String(err)}` : "";
    return `${JSON.stringify(rest)}${stack}`;
  }
  return String(entry);
}

/** Problems grouped by kind, with the first few examples of each. */
function summarize(problems: Problem[]): string {
  const byKind = new Map<string, Map<string, string[]>>();
  for (const p of problems) {
    const bySignature = byKind.get(p.kind) ?? new Map<string, string[]>();
    const sig = signature(p.detail);
    bySignature.set(sig, [...(bySignature.get(sig) ?? []), p.detail]);
    byKind.set(p.kind, bySignature);
  }
  return [...byKind]
    .map(([kind, bySignature]) => {
      const total = [...bySignature.values()].reduce((n, d) => n + d.length, 0);
      const groups = [...bySignature].map(
        ([sig, details]) =>
          `  [${details.length}× ${sig}]\n${details
            .slice(0, 3)
            .map((d) => `  - ${d.slice(0, 1500)}`)
            .join("\n")}`,
      );
      return `${kind} (${total}):\n${groups.join("\n")}`;
    })
    .join("\n");
}

/** The cause of an error log: its message line and the first frame in src/, without numbers. */
function signature(detail: string): string {
  const lines = detail.split("\n");
  const cause =
    lines.find((l) => /Error\b.*:|constraint|hex escape/i.test(l) && !/^\w*Error:\s*$/.test(l.trim())) ?? "";
  const invocation = lines.find((l) => /^Invalid `.*` invocation/.test(l)) ?? "";
  const frame = lines.find((l) => /\/src\/(?!generated)/.test(l) && !/node_modules/.test(l) && /\bat\b/.test(l)) ?? "";
  const sig = `${cause.trim()} ${invocation.trim()} ${frame.trim().replace(/^at\s+/, "")}`
    .replace(/column \d+/, "column N")
    .trim();
  return sig || "(no stack)";
}

/** Problems grouped by kind, with the first few examples of each. */
export function summarizeProblems(problems: Problem[], kinds?: string[]): string {
  return summarize(kinds ? problems.filter((p) => kinds.includes(p.kind)) : problems);
}

// Shard process: `node --import tsx test/support/core-fuzz-engine.ts '{"seed":1,"messages":5000}'`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const report = await runCoreFuzz(JSON.parse(process.argv[2] ?? "{}") as FuzzOptions);
  process.stdout.write(`\nFUZZ_REPORT ${JSON.stringify(report)}\n`, () => process.exit(0));
}
