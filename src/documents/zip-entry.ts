/**
 * Reads single entries of a ZIP archive (a .docx is one) through its central directory, stored or
 * deflated, with a bound on what an entry may expand to: a "zip bomb" stops at the bound instead
 * of filling memory. Node's zlib does the inflating; no dependency.
 */

import { inflateRawSync } from "node:zlib";

/** A ZIP that cannot be read, or an entry larger than allowed. */
export class ZipError extends Error {
  constructor(readonly reason: "not_zip" | "too_large" | "unsupported") {
    super(`zip: ${reason}`);
    this.name = "ZipError";
  }
}

interface EntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

function entries(buf: Buffer): EntryInfo[] {
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("not_zip");
  const count = buf.readUInt16LE(eocd + 10);
  let off = buf.readUInt32LE(eocd + 16);
  const out: EntryInfo[] = [];
  for (let i = 0; i < count; i++) {
    if (off + 46 > buf.length || buf.readUInt32LE(off) !== 0x02014b50) throw new ZipError("not_zip");
    const method = buf.readUInt16LE(off + 10);
    const compressedSize = buf.readUInt32LE(off + 20);
    const nameLen = buf.readUInt16LE(off + 28);
    const extraLen = buf.readUInt16LE(off + 30);
    const commentLen = buf.readUInt16LE(off + 32);
    const localOffset = buf.readUInt32LE(off + 42);
    out.push({ name: buf.toString("utf8", off + 46, off + 46 + nameLen), method, compressedSize, localOffset });
    off += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The names of the archive's entries. Throws {@link ZipError} when it is no ZIP. */
export function zipNames(data: Uint8Array): string[] {
  return entries(Buffer.from(data.buffer, data.byteOffset, data.byteLength)).map((e) => e.name);
}

/**
 * One entry's bytes, or undefined when the archive has no such entry. Throws {@link ZipError}
 * when the archive is malformed or the entry expands beyond `maxBytes`.
 * @example const xml = readZipEntry(docx, "word/document.xml", 20 * 1024 * 1024)
 */
export function readZipEntry(data: Uint8Array, name: string, maxBytes: number): Uint8Array | undefined {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const entry = entries(buf).find((e) => e.name === name);
  if (!entry) return undefined;
  const local = entry.localOffset;
  if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw new ZipError("not_zip");
  const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
  const raw = buf.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (raw.length > maxBytes) throw new ZipError("too_large");
    return raw;
  }
  if (entry.method !== 8) throw new ZipError("unsupported");
  try {
    return inflateRawSync(raw, { maxOutputLength: maxBytes });
  } catch (error) {
    if (
      (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ||
      /maxOutputLength|too large|Cannot create a Buffer/i.test(String(error))
    )
      throw new ZipError("too_large");
    throw new ZipError("not_zip");
  }
}
