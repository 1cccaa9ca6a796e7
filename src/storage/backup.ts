/**
 * Backups of DATA_DIR that are safe while the bot runs, and their restore.
 *
 * Layout of a backup folder (OUT):
 *   OUT/snapshots/<UTC time>/don-doc.db      consistent copy (SQLite's online backup API)
 *   OUT/snapshots/<UTC time>/manifest.json   time, database hash, row counts, files it needs
 *   OUT/files/<ab>/<sha256>                  evidence files, shared by every snapshot
 * Files are content-addressed, so a file already in OUT is never copied again: each backup after
 * the first copies only the new photos and documents.
 */
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { attachmentPath } from "../core/file-paths.js";

const DB_NAME = "don-doc.db";
const MANIFEST = "manifest.json";
const SNAPSHOTS = "snapshots";

export interface BackupManifest {
  createdAt: string;
  database: { file: string; sha256: string; bytes: number };
  /** Rows per table in the snapshot, so a restore can be checked against it. */
  rowCounts: Record<string, number>;
  /** SHA-256 of every evidence file the snapshot's attachments point to. */
  files: string[];
  /** Attachments whose file was not in DATA_DIR when the backup ran (kept in the database). */
  missingFiles: string[];
}

export interface BackupResult {
  snapshotDir: string;
  manifest: BackupManifest;
  filesCopied: number;
  filesReused: number;
  /** Snapshots removed by rotation (`keep`). */
  removed: string[];
}

export interface RestoreResult {
  snapshotDir: string;
  databaseFile: string;
  files: number;
  rowCounts: Record<string, number>;
}

/** A backup or restore that must not go on; `code` says why (the CLI words it). */
export class BackupError extends Error {
  constructor(
    readonly code: "live_target" | "no_snapshot" | "corrupt" | "not_found",
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

const sha256File = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** `2026-12-01T02:30:00.123Z` → `20261201T023000123Z`: sorts by time, safe in any file system. */
const snapshotName = (at: Date) => at.toISOString().replace(/[-:.]/g, "");

/** Rows per user table (not SQLite's or Prisma's own). */
export function tableRowCounts(db: Database.Database): Record<string, number> {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((t) => [
      t,
      Number(
        db
          .prepare(`SELECT COUNT(*) FROM "${t.replace(/"/g, '""')}"`)
          .pluck()
          .get(),
      ),
    ]),
  );
}

/**
 * Takes a consistent copy of the database while the bot keeps writing, then copies the evidence
 * files the copy refers to that OUT does not have yet, then keeps only the newest `keep` snapshots.
 * @example await createBackup({ databaseFile: "data/don-doc.db", dataDir: "data", outDir: "/backup", keep: 14 })
 */
export async function createBackup(options: {
  databaseFile: string;
  dataDir: string;
  outDir: string;
  keep?: number;
  now?: Date;
}): Promise<BackupResult> {
  const { databaseFile, dataDir, outDir } = options;
  if (!existsSync(databaseFile)) throw new BackupError("not_found", databaseFile);
  const snapshotDir = path.join(outDir, SNAPSHOTS, snapshotName(options.now ?? new Date()));
  const partial = `${snapshotDir}.partial`;
  mkdirSync(partial, { recursive: true });
  const copy = path.join(partial, DB_NAME);

  const source = new Database(databaseFile, { fileMustExist: true, timeout: 5_000 });
  try {
    // After the first step, copy everything in one step: a step holds a read snapshot, so the
    // copy is consistent and concurrent writes cannot make it start over and over.
    await source.backup(copy, { progress: ({ totalPages }) => Math.max(100, totalPages) });
  } finally {
    source.close();
  }

  const snapshot = new Database(copy, { fileMustExist: true });
  let rowCounts: Record<string, number>;
  let hashes: string[];
  try {
    const check = snapshot.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new BackupError("corrupt", `${copy}: ${String(check)}`);
    snapshot.pragma("journal_mode = DELETE");
    rowCounts = tableRowCounts(snapshot);
    hashes = snapshot.prepare(`SELECT DISTINCT sha256 FROM "Attachment" ORDER BY sha256`).pluck().all() as string[];
  } finally {
    snapshot.close();
  }

  let filesCopied = 0;
  let filesReused = 0;
  const files: string[] = [];
  const missingFiles: string[] = [];
  for (const sha of hashes) {
    const target = attachmentPath(outDir, sha);
    if (existsSync(target)) {
      filesReused++;
      files.push(sha);
      continue;
    }
    const from = attachmentPath(dataDir, sha);
    if (!existsSync(from)) {
      missingFiles.push(sha);
      continue;
    }
    copyVerified(from, target, sha);
    filesCopied++;
    files.push(sha);
  }

  const manifest: BackupManifest = {
    createdAt: (options.now ?? new Date()).toISOString(),
    database: { file: DB_NAME, sha256: sha256File(copy), bytes: statSync(copy).size },
    rowCounts,
    files,
    missingFiles,
  };
  writeFileSync(path.join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  // A snapshot folder without ".partial" is complete: a crash mid-backup leaves only a partial one.
  renameSync(partial, snapshotDir);
  const removed = options.keep ? rotate(outDir, options.keep) : [];
  return { snapshotDir, manifest, filesCopied, filesReused, removed };
}

/** Copies through a temp file and checks the hash, so OUT never holds a wrong file under a name. */
function copyVerified(from: string, target: string, sha: string): void {
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  copyFileSync(from, temp);
  if (sha256File(temp) !== sha) {
    rmSync(temp, { force: true });
    throw new BackupError("corrupt", from);
  }
  renameSync(temp, target);
}

/** Complete snapshots, oldest first. */
export function listSnapshots(outDir: string): string[] {
  const dir = path.join(outDir, SNAPSHOTS);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.endsWith(".partial") && existsSync(path.join(dir, d.name, MANIFEST)))
    .map((d) => path.join(dir, d.name))
    .sort();
}

const readManifest = (snapshotDir: string): BackupManifest =>
  JSON.parse(readFileSync(path.join(snapshotDir, MANIFEST), "utf8"));

/** Keeps the newest `keep` snapshots; drops the others, their partial leftovers and files no snapshot needs. */
function rotate(outDir: string, keep: number): string[] {
  const all = listSnapshots(outDir);
  const removed = all.slice(0, Math.max(0, all.length - keep));
  for (const dir of removed) rmSync(dir, { recursive: true, force: true });
  const partials = readdirSync(path.join(outDir, SNAPSHOTS)).filter((n) => n.endsWith(".partial"));
  for (const name of partials) rmSync(path.join(outDir, SNAPSHOTS, name), { recursive: true, force: true });
  const needed = new Set(listSnapshots(outDir).flatMap((dir) => readManifest(dir).files));
  const filesDir = path.join(outDir, "files");
  if (existsSync(filesDir)) {
    for (const fan of readdirSync(filesDir)) {
      for (const name of readdirSync(path.join(filesDir, fan)))
        if (!needed.has(name)) rmSync(path.join(filesDir, fan, name), { force: true });
    }
  }
  return removed;
}

/** The snapshot to restore: `from` itself when it is one, else the newest snapshot under it. */
export function resolveSnapshot(from: string): { outDir: string; snapshotDir: string } {
  if (existsSync(path.join(from, MANIFEST))) return { snapshotDir: from, outDir: path.resolve(from, "..", "..") };
  const newest = listSnapshots(from).at(-1);
  if (!newest) throw new BackupError("no_snapshot", from);
  return { snapshotDir: newest, outDir: from };
}

/**
 * Restores a snapshot into a DATA_DIR without a database. Refuses when the target already has one
 * (a live or stopped bot's data is never overwritten). Stored files already there are kept: they
 * are named by their content. Every copied file and the database are checked against the
 * manifest's hashes.
 * @example await restoreBackup({ from: "/backup", dataDir: "data", databaseFile: "data/don-doc.db" })
 */
export function restoreBackup(options: { from: string; dataDir: string; databaseFile: string }): RestoreResult {
  const { dataDir, databaseFile } = options;
  for (const file of [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`]) {
    if (existsSync(file)) throw new BackupError("live_target", file);
  }

  const { outDir, snapshotDir } = resolveSnapshot(options.from);
  const manifest = readManifest(snapshotDir);
  const source = path.join(snapshotDir, manifest.database.file);
  if (sha256File(source) !== manifest.database.sha256) throw new BackupError("corrupt", source);

  for (const sha of manifest.files) {
    const from = attachmentPath(outDir, sha);
    if (!existsSync(from)) throw new BackupError("corrupt", from);
    const target = attachmentPath(dataDir, sha);
    if (!existsSync(target)) copyVerified(from, target, sha);
  }
  mkdirSync(path.dirname(path.resolve(databaseFile)), { recursive: true });
  // The database last, through a temp name: a half-done restore never looks like a live DATA_DIR.
  const temp = `${databaseFile}.restore.tmp`;
  copyFileSync(source, temp);
  renameSync(temp, databaseFile);
  const db = new Database(databaseFile, { fileMustExist: true });
  try {
    return { snapshotDir, databaseFile, files: manifest.files.length, rowCounts: tableRowCounts(db) };
  } finally {
    db.close();
  }
}
