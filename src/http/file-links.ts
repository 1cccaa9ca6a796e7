import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Clock, Logger } from "../core/ports.js";
import type { OutgoingFile } from "../core/types.js";
import type { HttpServer } from "./http-server.js";

/** Links live a week: long enough to open a weekly rollup's files, short enough not to linger. */
export const LINK_TTL_MS = 7 * 86_400_000;
const ROUTE = "/files/";
// 18 random bytes = 144 bits, 24 base64url characters: not guessable, and the only thing a
// request may name (paths are never built from anything else a client sends).
const TOKEN = /^[A-Za-z0-9_-]{24}$/;
const SWEEP_EVERY_MS = 3_600_000;

interface LinkMeta {
  fileName: string;
  mime: string;
  expiresAt: string;
}

/**
 * Files the bot generated (chart PNG, XLSX, DOCX), served at unguessable, expiring links on the
 * bot's own HTTP server, for platforms that take files only by URL (Zalo).
 * @example const { url } = await links.publish({ fileName: "tong-hop.xlsx", mime, data });
 */
export interface FileLinks {
  /** Stores the file and returns its public URL, valid for {@link LINK_TTL_MS}. */
  publish(file: OutgoingFile): Promise<{ url: string; expiresAt: Date }>;
}

/**
 * Registers `GET /files/<token>/<name>` on `http` and stores published files under `dir` (kept
 * across restarts until they expire). `baseUrl` is the public address of that server.
 */
export function createFileLinks(options: {
  baseUrl: string;
  dir: string;
  http: HttpServer;
  clock: Clock;
  logger: Logger;
  goneText: string;
}): FileLinks {
  const { dir, clock, logger } = options;
  let lastSweep = 0;

  async function sweep(): Promise<void> {
    const now = clock.now().getTime();
    if (now - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now;
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (!name.endsWith(".json")) continue;
      const token = name.slice(0, -".json".length);
      const meta = await readMeta(token);
      if (!meta || Date.parse(meta.expiresAt) <= now) await remove(token);
    }
  }

  async function readMeta(token: string): Promise<LinkMeta | undefined> {
    try {
      return JSON.parse(await readFile(path.join(dir, `${token}.json`), "utf8")) as LinkMeta;
    } catch {
      return undefined;
    }
  }

  const remove = (token: string) =>
    Promise.all([rm(path.join(dir, token), { force: true }), rm(path.join(dir, `${token}.json`), { force: true })]);

  options.http.route("GET", `${ROUTE}*`, async (_req, res, url) => {
    const [token] = url.pathname.slice(ROUTE.length).split("/");
    const meta = TOKEN.test(token) ? await readMeta(token) : undefined;
    if (!meta || Date.parse(meta.expiresAt) <= clock.now().getTime())
      return void res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(options.goneText);
    const data = await readFile(path.join(dir, token));
    const disposition = meta.mime.startsWith("image/") ? "inline" : "attachment";
    res
      .writeHead(200, {
        "content-type": meta.mime,
        "content-length": data.length,
        "content-disposition": `${disposition}; filename*=UTF-8''${encodeURIComponent(meta.fileName)}`,
        "cache-control": "private, max-age=86400",
        "x-content-type-options": "nosniff",
      })
      .end(data);
  });

  return {
    async publish(file) {
      await mkdir(dir, { recursive: true });
      await sweep().catch((err) => logger.warn({ err }, "file link sweep failed"));
      const token = randomBytes(18).toString("base64url");
      const expiresAt = new Date(clock.now().getTime() + LINK_TTL_MS);
      const meta: LinkMeta = { fileName: file.fileName, mime: file.mime, expiresAt: expiresAt.toISOString() };
      try {
        await writeFile(path.join(dir, token), file.data);
        await writeFile(path.join(dir, `${token}.json`), JSON.stringify(meta));
      } catch (error) {
        // A full disk leaves nothing behind (a file without its meta would never be swept).
        await remove(token).catch(() => undefined);
        throw error;
      }
      return { url: `${options.baseUrl}${ROUTE}${token}/${encodeURIComponent(file.fileName)}`, expiresAt };
    },
  };
}
