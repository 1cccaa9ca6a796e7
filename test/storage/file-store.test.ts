import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createFileStore, removeStaleTempFiles } from "../../src/storage/file-store.js";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "don-doc-files-"));
  dirs.push(dir);
  return dir;
};
const allFiles = (root: string): string[] =>
  existsSync(root)
    ? readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => path.join(d.parentPath, d.name))
    : [];

// A full disk needs a small file system of its own (root may mount a tmpfs; elsewhere that case is skipped).
const small = tempDir();
let mounted = false;
try {
  execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", small], { stdio: "ignore" });
  mounted = true;
} catch {
  console.warn("file-store full-disk case skipped: mounting a tmpfs needs root");
}

afterAll(() => {
  if (mounted) execFileSync("umount", ["-l", small]);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("file store", () => {
  it.skipIf(!mounted)("a write the disk cannot hold fails and leaves no partial temp file", async () => {
    const store = createFileStore(small);
    await expect(store.put(Buffer.alloc(200 * 1024, 7))).rejects.toMatchObject({ code: "ENOSPC" });
    expect(allFiles(path.join(small, "files"))).toEqual([]);
    // Space for a small one: stored as usual.
    const { path: stored } = await store.put(Buffer.from("ảnh nhỏ"));
    expect(allFiles(path.join(small, "files"))).toEqual([stored]);
  });

  it("removes at start the temp files a crash left, and nothing else", async () => {
    const dir = tempDir();
    const store = createFileStore(dir);
    const { path: kept } = await store.put(Buffer.from("minh chứng"));
    mkdirSync(path.join(dir, "files", "ab"), { recursive: true });
    const left = path.join(dir, "files", "ab", `${"ab".repeat(32)}.4242.1733450000000.tmp`);
    writeFileSync(left, Buffer.alloc(1000));
    expect(await removeStaleTempFiles(dir)).toBe(1);
    expect(allFiles(path.join(dir, "files"))).toEqual([kept]);
    expect(await removeStaleTempFiles(tempDir())).toBe(0);
  });
});
