import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../core/ports.js";

/** Handles one request; `url` is parsed against the server's own origin. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

/**
 * The bot's one HTTP server: webhooks (Telegram, Zalo), file links and health checks share a port.
 * @example
 * const http = createHttpServer({ logger });
 * http.route("GET", "/healthz", (_req, res) => res.end("ok"));
 * await http.listen(8080, "127.0.0.1");
 */
export interface HttpServer {
  /** Adds a route: an exact path, or a prefix when `path` ends with "/*". */
  route(method: string, path: string, handler: RouteHandler): void;
  listen(port: number, host: string): Promise<void>;
  /** The port actually bound (useful with port 0). */
  port(): number;
  close(): Promise<void>;
}

export function createHttpServer(options: { logger: Logger }): HttpServer {
  const routes: { method: string; path: string; prefix: boolean; handler: RouteHandler }[] = [];
  let server: Server | undefined;

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const match = routes.find(
      (r) => (r.prefix ? url.pathname.startsWith(r.path) : url.pathname === r.path) && r.method === req.method,
    );
    if (!match) {
      const known = routes.some((r) => (r.prefix ? url.pathname.startsWith(r.path) : url.pathname === r.path));
      return void res.writeHead(known ? 405 : 404).end();
    }
    Promise.resolve()
      .then(() => match.handler(req, res, url))
      .catch((err) => {
        options.logger.error({ err, path: url.pathname }, "http handler failed");
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  };

  return {
    route(method, path, handler) {
      const prefix = path.endsWith("/*");
      routes.push({ method, path: prefix ? path.slice(0, -1) : path, prefix, handler });
    },
    async listen(port, host) {
      server = createServer(onRequest);
      await new Promise<void>((resolve, reject) => {
        server!.once("error", reject);
        server!.listen(port, host, () => resolve());
      });
    },
    port: () => (server?.address() as AddressInfo | null)?.port ?? 0,
    async close() {
      if (!server) return;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = undefined;
    },
  };
}

/** Reads a request body up to `maxBytes`; undefined when it is larger (answer 413). */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
