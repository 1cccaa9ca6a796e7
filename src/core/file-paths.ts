/**
 * Where stored files live under DATA_DIR. Files are content-addressed by SHA-256, so a path is
 * never built from anything a user typed or named.
 */

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The stored path of an attachment: `${dataDir}/files/<first two hex digits>/<sha256>`. The
 * two-digit fan-out keeps directories small. Throws RangeError for anything but 64 lower-case
 * hex digits (and for an empty `dataDir`), so a bad value can never walk out of the data directory.
 * @example attachmentPath("/srv/don-doc/data", "ab12…(64 hex)") // "/srv/don-doc/data/files/ab/ab12…"
 */
export function attachmentPath(dataDir: string, sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new RangeError(`Not a SHA-256 hex digest: ${sha256.slice(0, 80)}`);
  const root = dataDir.replace(/[/\\]+$/, "");
  // An empty data dir would turn the path into "/files/…" at the file-system root.
  if (root === "") throw new RangeError("dataDir must not be empty or the root directory");
  return `${root}/files/${sha256.slice(0, 2)}/${sha256}`;
}

/**
 * An ASCII, file-system-safe slug: diacritics stripped, đ→d, runs of anything else → "-".
 * @example fileSlug("20/KH-UBND") // "20-KH-UBND"
 */
export function fileSlug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9_]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
};

/**
 * The name an evidence file is listed under: `<unit>-<date>-<n>.<ext>`, the extension from the
 * original name or the MIME type.
 * @example evidenceFileName("UBND xã Thạch Bình", "2021-03-10", 1, "anh.jpg", "image/jpeg") // "UBND-xa-Thach-Binh-2021-03-10-1.jpg"
 */
export function evidenceFileName(unitName: string, date: string, n: number, original: string, mime: string): string {
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(original)?.[1]?.toLowerCase() ?? EXTENSIONS[mime] ?? "bin";
  return `${fileSlug(unitName)}-${date}-${n}.${ext}`;
}
