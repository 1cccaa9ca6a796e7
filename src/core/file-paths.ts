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
