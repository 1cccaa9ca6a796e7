/**
 * What a stored file really is, from its first bytes (never from its name or the client's word),
 * and when a photo was taken, from its EXIF data. Pure functions over bytes.
 */
import { zonedInstant } from "../calendar/time.js";

export type FileKind =
  | "jpeg"
  | "png"
  | "webp"
  | "heic"
  | "pdf"
  | "docx"
  | "xlsx"
  | "doc"
  | "zip"
  | "mp4"
  | "mov"
  | "3gp"
  | "webm";

const MIME: Record<FileKind, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  heic: "image/heic",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  doc: "application/msword",
  zip: "application/zip",
  mp4: "video/mp4",
  mov: "video/quicktime",
  "3gp": "video/3gpp",
  webm: "video/webm",
};

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/**
 * Detects the file type by magic bytes. Office Open XML files are zips; the name's extension only
 * tells a .docx from an .xlsx once the bytes say "zip".
 * @example sniffFile(jpegBytes) // { kind: "jpeg", mime: "image/jpeg" }
 */
export function sniffFile(bytes: Uint8Array, fileName = ""): { kind: FileKind; mime: string } | undefined {
  let kind: FileKind | undefined;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) kind = "jpeg";
  else if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) kind = "png";
  else if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") kind = "webp";
  else if (ascii(bytes, 4, 8) === "ftyp" && /^(heic|heix|mif1|msf1|hevc)$/.test(ascii(bytes, 8, 12))) kind = "heic";
  else if (ascii(bytes, 4, 8) === "ftyp") kind = videoBrand(ascii(bytes, 8, 12));
  else if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) kind = "webm";
  else if (ascii(bytes, 0, 5) === "%PDF-") kind = "pdf";
  else if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) kind = "doc";
  else if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]))
    kind = /\.docx$/i.test(fileName) ? "docx" : /\.xlsx$/i.test(fileName) ? "xlsx" : "zip";
  return kind && { kind, mime: MIME[kind] };
}

/** ISO media files name their family in the `ftyp` brand. */
function videoBrand(brand: string): FileKind | undefined {
  if (brand === "qt  ") return "mov";
  if (brand.startsWith("3g")) return "3gp";
  return /^(isom|iso\d|mp4\d|mp41|mp42|avc1|M4V |dash|MSNV)$/.test(brand) ? "mp4" : undefined;
}

/** Kinds accepted as photos, as evidence documents, and as videos. */
export const PHOTO_KINDS: ReadonlySet<FileKind> = new Set(["jpeg", "png", "webp", "heic"]);
export const DOCUMENT_KINDS: ReadonlySet<FileKind> = new Set([
  "jpeg",
  "png",
  "webp",
  "heic",
  "pdf",
  "docx",
  "doc",
  "xlsx",
]);
export const VIDEO_KINDS: ReadonlySet<FileKind> = new Set(["mp4", "mov", "3gp", "webm"]);

/** A camera's capture time: local wall time, and the zone offset when the camera recorded one. */
export interface ExifTime {
  /** "YYYY-MM-DDTHH:MM:SS", as the camera's clock showed it. */
  local: string;
  /** "+07:00" from OffsetTimeOriginal (or OffsetTime with DateTime); absent in most photos. */
  offset?: string;
}

/**
 * The EXIF capture time of a JPEG (DateTimeOriginal, else DateTime) with its offset tag when
 * present. Undefined when absent or malformed.
 * @example exifCaptureTime(photo) // { local: "2021-02-05T09:12:44" } or { local: "…", offset: "+07:00" }
 */
export function exifCaptureTime(bytes: Uint8Array): ExifTime | undefined {
  try {
    if (!startsWith(bytes, [0xff, 0xd8])) return undefined;
    let p = 2;
    while (p + 4 <= bytes.length && bytes[p] === 0xff) {
      const marker = bytes[p + 1];
      const length = (bytes[p + 2] << 8) | bytes[p + 3];
      if (marker === 0xe1 && ascii(bytes, p + 4, p + 10) === "Exif\0\0")
        return readTiffTime(bytes.subarray(p + 10, p + 2 + length));
      if (marker === 0xda || length < 2) return undefined;
      p += 2 + length;
    }
  } catch {
    // Broken EXIF is common from messaging apps: no capture time then.
  }
  return undefined;
}

function readTiffTime(tiff: Uint8Array): ExifTime | undefined {
  const little = ascii(tiff, 0, 2) === "II";
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const u16 = (o: number) => view.getUint16(o, little);
  const u32 = (o: number) => view.getUint32(o, little);
  const entries = (ifd: number) => Array.from({ length: u16(ifd) }, (_, i) => ifd + 2 + i * 12);
  const text = (entry: number) => {
    const count = u32(entry + 4);
    const at = count > 4 ? u32(entry + 8) : entry + 8;
    return ascii(tiff, at, at + Math.min(count, 32)).replace(/\0.*$/, "");
  };
  const ifd0 = u32(4);
  let dateTime: string | undefined;
  let original: string | undefined;
  let offset: string | undefined;
  let offsetOriginal: string | undefined;
  for (const e of entries(ifd0)) {
    const tag = u16(e);
    if (tag === 0x0132) dateTime = text(e);
    if (tag === 0x8769) {
      for (const x of entries(u32(e + 8))) {
        const sub = u16(x);
        if (sub === 0x9003) original = text(x);
        if (sub === 0x9010) offset = text(x);
        if (sub === 0x9011) offsetOriginal = text(x);
      }
    }
  }
  const m = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(original ?? dateTime ?? "");
  if (!m || m[1] === "0000") return undefined;
  const zone = /^[+-](?:0\d|1[0-4]):[0-5]\d$/.exec((original ? offsetOriginal : offset)?.trim() ?? "")?.[0];
  const local = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
  return zone ? { local, offset: zone } : { local };
}

/**
 * The instant a photo was taken: the camera's offset when it recorded one, else its wall time
 * read in `tz` (the office's zone: EXIF DateTimeOriginal carries no zone of its own).
 * @example captureInstant({ local: "2021-02-05T09:12:44" }, "Asia/Ho_Chi_Minh") // 2021-02-05T02:12:44Z
 */
export function captureInstant(time: ExifTime, tz: string): Date | undefined {
  try {
    const at = time.offset
      ? new Date(`${time.local}${time.offset}`)
      : zonedInstant(time.local.slice(0, 10), time.local.slice(11), tz);
    return Number.isNaN(at.getTime()) ? undefined : at;
  } catch {
    return undefined; // 31/02 and the like
  }
}
