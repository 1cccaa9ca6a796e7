import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { attachmentPath } from "../core/file-paths.js";
import { createKeyedLock } from "../core/keyed-lock.js";
import type { FileStore } from "../core/ports.js";

const TEMP_SUFFIX = ".tmp";

/**
 * Removes the temp files a crash left under DATA_DIR/files (a write cut short by kill -9 or a
 * power cut). Run at start, before anything stores a file. Resolves with the number removed.
 * @example await removeStaleTempFiles("./data") // 1
 */
export async function removeStaleTempFiles(dataDir: string): Promise<number> {
  const root = path.join(dataDir, "files");
  let removed = 0;
  for (const dir of await readdir(root, { withFileTypes: true }).catch(() => [])) {
    if (!dir.isDirectory()) continue;
    for (const name of await readdir(path.join(root, dir.name)).catch(() => [] as string[])) {
      if (!name.endsWith(TEMP_SUFFIX)) continue;
      await rm(path.join(root, dir.name, name), { force: true });
      removed++;
    }
  }
  return removed;
}

/**
 * Content-addressed files under DATA_DIR/files: the name is the SHA-256 of the bytes, so the same
 * photo sent twice is stored once and no path ever comes from user input. Writes are atomic
 * (temp file + rename) so a crash never leaves half a photo. Storing and removing one content
 * take turns (one process owns the data directory), so a removal never races a new row.
 * @example const { sha256 } = await createFileStore("./data").put(bytes);
 */
export function createFileStore(dataDir: string): FileStore {
  const lock = createKeyedLock();
  return {
    async put(bytes, record) {
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const target = attachmentPath(dataDir, sha256);
      return lock.run(sha256, async () => {
        if (!existsSync(target)) {
          await mkdir(path.dirname(target), { recursive: true });
          const temp = `${target}.${process.pid}.${Date.now()}${TEMP_SUFFIX}`;
          try {
            await writeFile(temp, bytes);
            await rename(temp, target);
          } catch (error) {
            // A full disk leaves a partial temp file: removed now, not kept for ever.
            await rm(temp, { force: true }).catch(() => undefined);
            throw error;
          }
        }
        const stored = { sha256, path: target };
        return { ...stored, recorded: record ? await record(stored) : undefined };
      });
    },
    pathOf: (sha256) => attachmentPath(dataDir, sha256),
    async remove(sha256, unused) {
      const target = attachmentPath(dataDir, sha256);
      return lock.run(sha256, async () => {
        if (!existsSync(target) || !(await unused())) return false;
        await unlink(target);
        return true;
      });
    },
  };
}
