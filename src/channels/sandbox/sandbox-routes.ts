import { createReadStream, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import type { PersonRecord } from "../../core/ports.js";
import { type HttpServer, readBody } from "../../http/http-server.js";
import { SUPPORTED_LANGUAGES } from "../../i18n.js";
import type { Sandbox, SandboxSession } from "./sandbox.js";
import { SANDBOX_MAX_FILES, type SandboxPost } from "./sandbox-channel.js";
import { SANDBOX_SAMPLES, type SandboxSampleId } from "./sandbox-samples.js";
import type { SandboxMessage } from "./sandbox-transcript.js";
import type { TravelRequest } from "./time-travel.js";

/** What the page hears live. */
export interface SandboxEvents {
  message(message: SandboxMessage): void;
  /** A person edited a message they sent: the message as it now reads. */
  edit(message: SandboxMessage): void;
  clock(at: Date): void;
  reset(): void;
}

// Plain files, never compiled: found from src/ and from dist/ alike (both sit at the same depth).
const WEB_DIR = fileURLToPath(new URL("../../../src/channels/sandbox/web/", import.meta.url));
const LOCALES_DIR = fileURLToPath(new URL("../../../locales/", import.meta.url));
// The page's files: a fixed list, so no path is ever built from the request.
const STATIC: Record<string, { file: string; type: string }> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/app.js": { file: "app.js", type: "text/javascript; charset=utf-8" },
  "/style.css": { file: "style.css", type: "text/css; charset=utf-8" },
};
const INLINE_IMAGES = new Set(["image/jpeg", "image/png", "image/webp", "image/gif"]);
const SHA256_HEX = /^[0-9a-f]{64}$/;
const KEEPALIVE_MS = 20_000;

const json = (res: ServerResponse, status: number, body: unknown) =>
  void res
    .writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" })
    .end(JSON.stringify(body));

/** JSON bodies only: a page on another site cannot send one here without a CORS preflight we never answer. */
async function readJson(
  req: IncomingMessage,
  maxBytes: number,
): Promise<Record<string, unknown> | "too_large" | "bad_request"> {
  if (!String(req.headers["content-type"] ?? "").startsWith("application/json")) return "bad_request";
  const body = await readBody(req, maxBytes);
  if (!body) return "too_large";
  try {
    const value = JSON.parse(body.toString("utf8")) as unknown;
    return value && typeof value === "object" ? (value as Record<string, unknown>) : "bad_request";
  } catch {
    return "bad_request";
  }
}

/** The chats and people as the page shows them: titles from the sample, registrations and roles from the database. */
async function describe(session: SandboxSession) {
  const { repos } = session.app;
  const units = new Map((await repos.units.list({ includeInactive: true })).map((u) => [u.id, u]));
  const bound = new Map(
    [...(await repos.chats.listActiveUnitChats()), ...(await repos.chats.listRollupChats())]
      .filter((c) => c.channel === "sandbox")
      .map((c) => [c.chatId, c]),
  );
  const people = new Map<string, PersonRecord>();
  for (const role of ["admin", "leader", "officer", "none"] as const) {
    for (const p of await repos.people.listByRole(role)) if (p.channel === "sandbox") people.set(p.userId, p);
  }
  const counts = session.transcript.counts();
  return {
    now: session.clock.now().toISOString(),
    chats: session.directory.chats.map((c) => {
      const b = bound.get(c.chatId);
      return {
        ...c,
        role: b?.role ?? null,
        unit: b?.unitId ? (units.get(b.unitId)?.name ?? null) : null,
        count: counts[c.chatId] ?? 0,
      };
    }),
    people: session.directory.people.map((p) => {
      const record = people.get(p.userId);
      return {
        userId: p.userId,
        name: p.name,
        username: p.username,
        role: record?.role ?? "none",
        unit: record?.unitId ? (units.get(record.unitId)?.name ?? null) : null,
        language: record?.language ?? null,
      };
    }),
  };
}

function parseFiles(value: unknown): SandboxPost["files"] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return undefined;
  const files: SandboxPost["files"] = [];
  for (const f of value as unknown[]) {
    const { name, mime, data } = (f ?? {}) as Record<string, unknown>;
    if (typeof name !== "string" || typeof data !== "string") return undefined;
    files.push({
      name: name.slice(0, 200),
      mime: typeof mime === "string" ? mime.slice(0, 100) : "",
      data: Buffer.from(data, "base64"),
    });
  }
  return files;
}

/**
 * The sandbox's HTTP API and page: state, messages, live events (SSE), sending as a person,
 * editing what one sent, time travel, reset, and the files the chats carry.
 * @example installSandboxRoutes(http, sandbox, { timezone, maxFileBytes });
 */
export function installSandboxRoutes(
  http: HttpServer,
  sandbox: Sandbox,
  settings: { timezone: string; maxFileBytes: number },
): void {
  const readLocale = (lng: string, ns: string) =>
    JSON.parse(readFileSync(`${LOCALES_DIR}${lng}/${ns}.json`, "utf8")) as Record<string, unknown>;
  // The page's own texts, plus the weekday names every other message uses (weekday_0 = Sunday).
  const texts = Object.fromEntries(
    SUPPORTED_LANGUAGES.map((lng) => {
      const common = readLocale(lng, "common");
      const weekdays = Object.fromEntries(Object.entries(common).filter(([key]) => key.startsWith("weekday_")));
      return [lng, { ...(readLocale(lng, "sandbox").ui as object), ...weekdays }];
    }),
  );
  // Base64 grows files by a third; room for a little JSON around them.
  const maxPostBytes = Math.ceil(((settings.maxFileBytes * 2 * 4) / 3) * 2) + 64 * 1024;

  for (const [route, { file, type }] of Object.entries(STATIC)) {
    http.route(
      "GET",
      route,
      (_req, res) =>
        void res
          .writeHead(200, { "content-type": type, "cache-control": "no-cache" })
          .end(readFileSync(WEB_DIR + file)),
    );
  }

  http.route("GET", "/api/texts", (_req, res) => json(res, 200, texts));

  http.route("GET", "/api/state", async (_req, res) => {
    const session = await sandbox.ready();
    json(res, 200, {
      timezone: settings.timezone,
      start: session.start.toISOString(),
      sample: session.sample,
      samples: SANDBOX_SAMPLES.map((s) => s.id),
      maxFileMb: Math.round(settings.maxFileBytes / 1048576),
      ...(await describe(session)),
    });
  });

  http.route("GET", "/api/chats/*", async (_req, res, url) => {
    const m = /^\/api\/chats\/(-?\d{1,12})\/messages$/.exec(url.pathname);
    if (!m) return json(res, 404, { error: "unknown_chat" });
    const session = await sandbox.ready();
    if (!session.directory.chats.some((c) => c.chatId === m[1])) return json(res, 404, { error: "unknown_chat" });
    json(res, 200, { messages: session.transcript.messages(m[1]) });
  });

  http.route("POST", "/api/chats/*", async (req, res, url) => {
    const edit = /^\/api\/chats\/(-?\d{1,12})\/messages\/(\d{1,12})\/edit$/.exec(url.pathname);
    if (edit) {
      const body = await readJson(req, 64 * 1024);
      if (body === "too_large") return json(res, 413, { error: "too_large" });
      if (body === "bad_request" || typeof body.userId !== "string" || typeof body.text !== "string")
        return json(res, 400, { error: "bad_request" });
      const session = await sandbox.ready();
      const result = await session.channel.edit({
        chatId: edit[1],
        messageId: edit[2],
        userId: body.userId,
        text: body.text,
      });
      if (result.ok) return json(res, 200, { message: result.message });
      const status = { unknown_chat: 404, unknown_message: 404, not_sender: 403 } as Record<string, number>;
      return json(res, status[result.error] ?? 400, { error: result.error });
    }
    const m = /^\/api\/chats\/(-?\d{1,12})\/messages$/.exec(url.pathname);
    if (!m) return json(res, 404, { error: "unknown_chat" });
    const body = await readJson(req, maxPostBytes);
    if (body === "too_large") return json(res, 413, { error: "too_large" });
    if (body === "bad_request") return json(res, 400, { error: "bad_request" });
    const files = parseFiles(body.files);
    if (!files || typeof body.userId !== "string") return json(res, 400, { error: "bad_request" });
    if (files.length > SANDBOX_MAX_FILES) return json(res, 400, { error: "too_many_files" });
    const session = await sandbox.ready();
    const result = await session.channel.post({
      chatId: m[1],
      userId: body.userId,
      text: typeof body.text === "string" ? body.text : "",
      replyTo: typeof body.replyTo === "string" && /^\d{1,12}$/.test(body.replyTo) ? body.replyTo : undefined,
      files,
    });
    if (!result.ok) return json(res, result.error === "unknown_chat" ? 404 : 400, { error: result.error });
    json(res, 202, { message: result.message });
  });

  http.route("POST", "/api/clock", async (req, res) => {
    const body = await readJson(req, 4096);
    if (typeof body !== "object") return json(res, 400, { error: "bad_request" });
    const to = body.to;
    if (!["hour", "day", "next_workday", "next_due", "date"].includes(String(to)))
      return json(res, 400, { error: "bad_request" });
    const request = (
      to === "date" ? { to, date: String(body.date ?? ""), time: String(body.time ?? "08:00") } : { to }
    ) as TravelRequest;
    const before = Object.values((await sandbox.ready()).transcript.counts()).reduce((a, b) => a + b, 0);
    const target = await sandbox.travel(request);
    if (!target.ok) return json(res, 400, { error: target.error });
    const after = Object.values((await sandbox.ready()).transcript.counts()).reduce((a, b) => a + b, 0);
    json(res, 200, { now: target.at.toISOString(), delivered: after - before });
  });

  http.route("POST", "/api/reset", async (req, res) => {
    const body = await readJson(req, 1024);
    if (typeof body !== "object") return json(res, 400, { error: "bad_request" });
    // The sample to rebuild from: the one named, else the one in use.
    const sample = body.sample === undefined ? undefined : SANDBOX_SAMPLES.find((s) => s.id === body.sample)?.id;
    if (body.sample !== undefined && !sample) return json(res, 400, { error: "bad_request" });
    await sandbox.reset(sample as SandboxSampleId | undefined);
    const session = await sandbox.ready();
    json(res, 200, { now: session.clock.now().toISOString(), sample: session.sample });
  });

  http.route("GET", "/api/events", (req, res) => {
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
    });
    const write = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    res.write("retry: 2000\n\n");
    const listener: SandboxEvents = {
      message: (message) => write("message", message),
      edit: (message) => write("edit", message),
      clock: (at) => write("clock", { now: at.toISOString() }),
      reset: () => write("reset", {}),
    };
    sandbox.events.add(listener);
    const keepalive = setInterval(() => res.write(": ping\n\n"), KEEPALIVE_MS);
    req.on("close", () => {
      clearInterval(keepalive);
      sandbox.events.delete(listener);
    });
  });

  http.route("GET", "/files/*", async (_req, res, url) => {
    const sha = url.pathname.slice("/files/".length);
    const session = await sandbox.ready();
    const file = SHA256_HEX.test(sha) ? session.transcript.file(sha) : undefined;
    if (!file) return void res.writeHead(404).end();
    // Only known image types are shown inline; anything else downloads, so an uploaded page never runs here.
    const inline = INLINE_IMAGES.has(file.mime);
    res.writeHead(200, {
      "content-type": inline ? file.mime : "application/octet-stream",
      "content-disposition": `${inline ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'",
    });
    createReadStream(session.app.deps.files.pathOf(sha)).pipe(res);
  });
}
