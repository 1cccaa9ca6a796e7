import http from "node:http";
import https from "node:https";
import type { Readable } from "node:stream";

/** What grammY's API client passes to its `fetch` (JSON payloads as a string, files as a stream). */
export interface HttpFetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | Readable | null;
  /** grammY's keep-alive agent for the API root (its baseFetchConfig). */
  agent?: http.Agent;
  /** Node's AbortSignal or grammY's polyfill: anything with `aborted` and add/removeEventListener. */
  signal?: Pick<AbortSignal, "aborted" | "addEventListener" | "removeEventListener"> | null;
}

/** The part of a fetch Response grammY reads: the body as JSON. */
export interface HttpFetchResponse {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
  text(): Promise<string>;
}

const agents = { "http:": new http.Agent({ keepAlive: true }), "https:": new https.Agent({ keepAlive: true }) };
/** Parsed request targets by URL: a bot calls a handful of methods on one API root. */
const targets = new Map<string, { protocol: "http:" | "https:"; hostname: string; port: string; path: string }>();
const MAX_TARGETS = 256;

function targetOf(url: string) {
  let target = targets.get(url);
  if (!target) {
    const u = new URL(url);
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new TypeError(`unsupported protocol ${u.protocol}`);
    target = {
      protocol: u.protocol,
      hostname: u.hostname.replace(/^\[|\]$/g, ""),
      port: u.port,
      path: u.pathname + u.search,
    };
    if (targets.size >= MAX_TARGETS) targets.clear();
    targets.set(url, target);
  }
  return target;
}

/**
 * A minimal `fetch` for grammY's API client over node:http with keep-alive: the Bot API's JSON
 * calls and multipart uploads, the answer read whole. grammY's default (node-fetch, with its
 * Request/Headers objects and URL parsing per call) cost about as much CPU per sent reply as
 * parsing the report. Rejects on network errors, an abort, or a connection closed before the
 * answer ended; grammY turns those into HttpError as before.
 * @example new Bot(token, { client: { apiRoot, fetch: httpFetch as never } })
 */
export function httpFetch(url: string, init: HttpFetchInit = {}): Promise<HttpFetchResponse> {
  return new Promise((resolve, reject) => {
    const signal = init.signal ?? undefined;
    if (signal?.aborted) return reject(abortError());
    let target: ReturnType<typeof targetOf>;
    try {
      target = targetOf(url);
    } catch (error) {
      return reject(error);
    }
    const body = init.body ?? undefined;
    const headers: Record<string, string | number> = { ...init.headers };
    if (typeof body === "string") headers["content-length"] = Buffer.byteLength(body);
    else if (body instanceof Uint8Array) headers["content-length"] = body.byteLength;
    let settled = false;
    const finish = (error: unknown, response?: HttpFetchResponse) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      if (response) resolve(response);
      else reject(error);
    };
    const request = (target.protocol === "https:" ? https : http).request(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        path: target.path,
        method: init.method ?? "GET",
        headers,
        agent: init.agent ?? agents[target.protocol],
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", (error) => finish(error));
        res.on("end", () => {
          const raw = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
          const text = () => raw.toString("utf8");
          const status = res.statusCode ?? 0;
          finish(undefined, {
            ok: status >= 200 && status < 300,
            status,
            json: async () => JSON.parse(text()),
            text: async () => text(),
          });
        });
        // Closed before its end (the connection dropped, or aborted): not an answer. (Every answer
        // closes after its end: the error, and its stack, are made only when it counts.)
        res.on("close", () => {
          if (!settled)
            finish(new Error(`connection closed before the answer ended (${url.replace(/\/bot[^/]*/, "/bot…")})`));
        });
      },
    );
    function onAbort() {
      request.destroy(abortError());
    }
    signal?.addEventListener("abort", onAbort);
    request.on("error", (error) => finish(error));
    if (body === undefined || typeof body === "string" || body instanceof Uint8Array) request.end(body);
    else {
      body.on("error", (error) => request.destroy(error));
      body.pipe(request);
    }
  });
}

function abortError(): Error {
  const error = new Error("The operation was aborted");
  error.name = "AbortError";
  return error;
}
