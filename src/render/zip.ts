/**
 * The ZIP container of XLSX and DOCX files, written and read with node:zlib: the renderers build
 * their XML as strings and need nothing more than deflate, inflate and CRC-32. Compression runs on
 * libuv's thread pool (zlib's stream API), so a large part never holds up the event loop.
 */
import { crc32, createDeflateRaw, inflateRawSync } from "node:zlib";

/** One file of a package: its path inside the ZIP and its content (strings are written as UTF-8). */
export interface ZipEntry {
  path: string;
  data: string | Uint8Array;
}

/** UTF-16 units encoded at a time: pieces stay under glibc's mmap threshold (see deflatePart). */
const PIECE = 16_384;

/**
 * Deflates a part piece by piece, never holding it whole as bytes: a 5 MB document.xml as one
 * Buffer raised glibc's mmap threshold, after which the process kept megabytes it had freed.
 */
async function deflatePart(
  data: string | Uint8Array,
  level: number,
): Promise<{ body: Buffer; crc: number; size: number }> {
  const stream = createDeflateRaw({ level });
  const out: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => stream.once("end", resolve).once("error", reject));
  let crc = 0;
  let size = 0;
  const write = (bytes: Uint8Array) => {
    crc = crc32(bytes, crc);
    size += bytes.length;
    stream.write(bytes);
  };
  if (typeof data === "string") {
    for (let at = 0; at < data.length; ) {
      let end = Math.min(data.length, at + PIECE);
      // Never between the two halves of a surrogate pair.
      if (end < data.length && (data.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
      write(Buffer.from(data.slice(at, end), "utf8"));
      at = end;
    }
  } else {
    for (let at = 0; at < data.length; at += 4 * PIECE) write(data.subarray(at, at + 4 * PIECE));
  }
  stream.end();
  await done;
  return { body: Buffer.concat(out), crc: crc >>> 0, size };
}

/** 1980-01-01 00:00 in MS-DOS form: a fixed time, so the same content gives the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** General purpose flag 11: names are UTF-8. */
const UTF8 = 0x0800;

/**
 * A ZIP of `entries` in their order, each deflated (stored when that is no smaller). Names are
 * UTF-8; no ZIP64, so each entry and the whole stay under 4 GiB (a rollup's files are a few MB).
 * @example const xlsx = await createZip([{ path: "[Content_Types].xml", data: types }, …]);
 */
export async function createZip(entries: readonly ZipEntry[], options: { level?: number } = {}): Promise<Uint8Array> {
  const parts: { name: Buffer; crc: number; size: number; body: Uint8Array; method: number }[] = [];
  // One part at a time: fewer buffers alive at once.
  for (const entry of entries) {
    const packed = await deflatePart(entry.data, options.level ?? 6);
    // Stored when deflate does not help (a JPEG photo): only then are the raw bytes needed whole.
    const stored = packed.body.length >= packed.size;
    const body = stored ? (typeof entry.data === "string" ? Buffer.from(entry.data, "utf8") : entry.data) : packed.body;
    parts.push({
      name: Buffer.from(entry.path, "utf8"),
      crc: packed.crc,
      size: packed.size,
      body,
      method: stored ? 0 : 8,
    });
  }
  const chunks: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8, 6);
    local.writeUInt16LE(p.method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.body.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(p.name.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(UTF8, 8);
    entry.writeUInt16LE(p.method, 10);
    entry.writeUInt16LE(DOS_TIME, 12);
    entry.writeUInt16LE(DOS_DATE, 14);
    entry.writeUInt32LE(p.crc, 16);
    entry.writeUInt32LE(p.body.length, 20);
    entry.writeUInt32LE(p.size, 24);
    entry.writeUInt16LE(p.name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, p.name);
    chunks.push(local, p.name, p.body);
    offset += local.length + p.name.length + p.body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, directory, end]));
}

/**
 * Every entry of a ZIP by path, in the order of its central directory (stored or deflated only).
 * @example const files = readZip(docx); files.get("word/document.xml")
 */
export function readZip(data: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a ZIP: no end of central directory");
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`not a ZIP: bad central directory entry ${i}`);
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString("utf8", at + 46, at + 46 + nameLength);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const body = buf.subarray(start, start + size);
    if (method !== 0 && method !== 8)
      throw new Error(`ZIP entry ${name}: compression method ${method} is not supported`);
    files.set(name, method === 8 ? inflateRawSync(body) : Buffer.from(body));
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return files;
}
