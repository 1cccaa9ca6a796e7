import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { attachmentPath } from "../../src/core/file-paths.js";
import { syncAllTasks } from "../../src/core/plans/tasks.js";
import { sqlitePath } from "../../src/db/database.js";
import { BackupError, createBackup, listSnapshots, restoreBackup, tableRowCounts } from "../../src/storage/backup.js";
import { createFakeTelegramServer, type FakeTelegram } from "../support/fake-telegram-server.js";
import { seedFanOutUnits } from "../support/fan-out.js";
import { createTestLogger } from "../support/harness.js";

const CHATS = 120;
const PHOTOS = 6;
const NOW = new Date("2021-02-09T01:30:00Z"); // 08:30 in Hà Nội on the due day: every unit is reminded.

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function counts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    return tableRowCounts(db);
  } finally {
    db.close();
  }
}

/** Every stored file of a DATA_DIR's attachments, as sha → hash of its bytes. */
function fileHashes(dataDir: string, databaseFile: string): Map<string, string> {
  const db = new Database(databaseFile, { readonly: true });
  try {
    const names = db.prepare(`SELECT DISTINCT sha256 FROM "Attachment"`).pluck().all() as string[];
    return new Map(names.map((n) => [n, sha(readFileSync(attachmentPath(dataDir, n)))]));
  } finally {
    db.close();
  }
}

describe("backup and restore", () => {
  const root = mkdtempSync(path.join(tmpdir(), "don-doc-backup-"));
  const dataDir = path.join(root, "data");
  const out = path.join(root, "backup");
  let fake: FakeTelegram;
  let app: App;
  let databaseFile: string;

  beforeAll(async () => {
    mkdirSync(dataDir);
    // Telegram's own limit: the fan-out takes a few seconds, long enough to back up in the middle.
    fake = await createFakeTelegramServer({ limits: { globalPerSecond: 40, perChatPerSecond: 1 } });
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.url,
      DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
    });
    databaseFile = sqlitePath(config.databaseUrl);
    app = await createApp(config, {
      clock: { now: () => NOW },
      logger: createTestLogger(),
      botInfo: fake.botInfo,
      scheduler: false,
    });
    const { repos } = app;
    let firstReport = 0;
    await seedFanOutUnits(repos, { units: CHATS, firstChatId: 20_000, title: "Xây dựng kế hoạch" });
    await syncAllTasks(app.deps);
    const [assignment] = await repos.assignments.listOpen();
    firstReport = (
      await repos.reports.create({
        assignmentId: assignment.id,
        unitId: assignment.unitId,
        authorChannel: "telegram",
        authorUserId: "1",
        authorName: "Lan",
        text: "đã treo 3 pa nô",
        values: {},
        references: [],
        unclear: [],
        late: false,
        sourceChatId: "20001",
        sourceMessageId: "1",
        mediaGroupId: null,
        createdAt: NOW,
      })
    ).id;
    for (let i = 0; i < PHOTOS; i++) {
      const { sha256 } = await app.deps.files.put(randomBytes(2048));
      await repos.attachments.add({
        reportId: firstReport,
        sha256,
        size: 2048,
        mime: "image/jpeg",
        kind: "photo",
        fileName: `anh-${i}.jpg`,
        capturedAt: null,
        sourceChannel: "telegram",
        sourceChatId: "20001",
        sourceMessageId: String(i),
      });
    }
  });

  afterAll(async () => {
    await app?.stop();
    await fake?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("a backup taken during a fan-out restores to the snapshot's rows and files; the next one is incremental", async () => {
    const fanOut = app.scheduler.tick();
    while (fake.sent().length < 20) await new Promise((r) => setTimeout(r, 10));
    const sentBefore = fake.sent().length;
    const during = await createBackup({
      databaseFile,
      dataDir,
      outDir: out,
      keep: 5,
      now: new Date("2021-02-09T01:31:00Z"),
    });
    const sentAfter = fake.sent().length;
    await fanOut;
    expect(fake.sent().length).toBe(CHATS);
    expect(sentAfter).toBeLessThan(CHATS); // it really ran in the middle of the fan-out
    expect(during.filesCopied).toBe(PHOTOS);
    expect(during.manifest.rowCounts.OutboxMessage).toBe(CHATS);

    const first = path.join(root, "restore-during");
    const restored = restoreBackup({
      from: during.snapshotDir,
      dataDir: first,
      databaseFile: path.join(first, "don-doc.db"),
    });
    expect(restored.rowCounts).toEqual(during.manifest.rowCounts);
    expect(fileHashes(first, restored.databaseFile)).toEqual(fileHashes(dataDir, databaseFile));
    for (const [name, hash] of fileHashes(first, restored.databaseFile)) expect(hash).toBe(name);
    // A consistent snapshot: every message marked sent there had reached Telegram by then.
    const db = new Database(restored.databaseFile, { readonly: true });
    const sentInSnapshot = Number(
      db.prepare(`SELECT COUNT(*) FROM "OutboxMessage" WHERE status = 'sent'`).pluck().get(),
    );
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
    expect(sentInSnapshot).toBeLessThanOrEqual(sentAfter);
    expect(sentInSnapshot).toBeGreaterThan(0);
    expect(sentBefore).toBeGreaterThan(0);

    // After the fan-out: the same files are not copied again, and the restore equals the live data.
    const after = await createBackup({
      databaseFile,
      dataDir,
      outDir: out,
      keep: 5,
      now: new Date("2021-02-09T01:40:00Z"),
    });
    expect(after.filesCopied).toBe(0);
    expect(after.filesReused).toBe(PHOTOS);
    const second = path.join(root, "restore-after");
    const again = restoreBackup({ from: out, dataDir: second, databaseFile: path.join(second, "don-doc.db") });
    expect(again.snapshotDir).toBe(after.snapshotDir);
    expect(again.rowCounts).toEqual(counts(databaseFile));
    expect(fileHashes(second, again.databaseFile)).toEqual(fileHashes(dataDir, databaseFile));
  });

  it("keeps only the newest N snapshots", async () => {
    const before = listSnapshots(out).length;
    const result = await createBackup({
      databaseFile,
      dataDir,
      outDir: out,
      keep: 1,
      now: new Date("2021-02-09T02:00:00Z"),
    });
    expect(before).toBeGreaterThan(1);
    expect(result.removed).toHaveLength(before);
    expect(listSnapshots(out)).toEqual([result.snapshotDir]);
    // Files the kept snapshot needs stay.
    for (const name of result.manifest.files) expect(existsSync(attachmentPath(out, name))).toBe(true);
  });

  it("refuses to restore over a live DATA_DIR, and says so in Vietnamese from the CLI", () => {
    expect(() => restoreBackup({ from: out, dataDir, databaseFile })).toThrow(BackupError);
    const cli = spawnSync(process.execPath, ["--import", "tsx", "src/cli/restore.ts", out], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", TELEGRAM_BOT_TOKEN: "", DEFAULT_LANGUAGE: "vi" },
      encoding: "utf8",
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain("Không khôi phục");
    expect(counts(databaseFile).OutboxMessage).toBe(CHATS); // untouched
  });
});
