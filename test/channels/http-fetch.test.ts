import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpFetch } from "../../src/channels/telegram/http-fetch.js";

/** A local server: echoes what it received as JSON, or misbehaves on some paths. */
describe("httpFetch (grammY's fetch over node:http)", () => {
  let server: http.Server;
  let base: string;
  const connections = new Set<unknown>();

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        if (req.url === "/text") return void res.writeHead(502).end("<html>Bad Gateway</html>");
        if (req.url === "/cut") {
          res.writeHead(200, { "content-type": "application/json", "content-length": 100 });
          res.write('{"ok":tr');
          return void setTimeout(() => res.socket?.destroy(), 20);
        }
        if (req.url === "/slow") return void setTimeout(() => res.end("{}"), 5_000);
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            ok: true,
            result: { method: req.method, url: req.url, headers: req.headers, body },
          }),
        );
      });
    });
    server.on("connection", (socket) => connections.add(socket));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  type Echo = { ok: boolean; result: { method: string; url: string; headers: Record<string, string>; body: string } };

  it("posts a JSON payload with its length and reads the answer as JSON, over one kept-alive connection", async () => {
    const before = connections.size;
    const payload = JSON.stringify({ chat_id: -5001, text: "Đã ghi nhận báo cáo" });
    for (let i = 0; i < 3; i++) {
      const res = await httpFetch(`${base}/bot123:abc/sendMessage`, {
        method: "POST",
        headers: { "content-type": "application/json", connection: "keep-alive" },
        body: payload,
      });
      expect(res.ok).toBe(true);
      const echo = (await res.json()) as Echo;
      expect(echo.result).toMatchObject({ method: "POST", url: "/bot123:abc/sendMessage", body: payload });
      expect(echo.result.headers["content-length"]).toBe(String(Buffer.byteLength(payload)));
      expect(echo.result.headers["content-type"]).toBe("application/json");
    }
    expect(connections.size - before).toBe(1);
  });

  it("streams a multipart body (grammY's file uploads) and keeps the query string", async () => {
    const parts = ["--b\r\n", 'content-disposition: form-data; name="chat_id"\r\n\r\n', "-5001\r\n", "--b--\r\n"];
    const res = await httpFetch(`${base}/bot1:x/sendDocument?x=1`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=b" },
      body: Readable.from(parts),
    });
    const echo = (await res.json()) as Echo;
    expect(echo.result.url).toBe("/bot1:x/sendDocument?x=1");
    expect(echo.result.body).toBe(parts.join(""));
  });

  it("gives a non-2xx answer as such, and a body that is not JSON fails when read as JSON", async () => {
    const res = await httpFetch(`${base}/text`, { method: "POST", body: "{}" });
    expect(res).toMatchObject({ ok: false, status: 502 });
    await expect(res.json()).rejects.toThrow(SyntaxError);
    expect(await res.text()).toContain("Bad Gateway");
  });

  it("rejects when the connection drops before the answer ends", async () => {
    await expect(httpFetch(`${base}/cut`, { method: "POST", body: "{}" })).rejects.toThrow();
  });

  it("rejects on abort (grammY's timeout, the bot stopping), and at once for a signal already aborted", async () => {
    const controller = new AbortController();
    const pending = httpFetch(`${base}/slow`, { method: "POST", body: "{}", signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const t0 = Date.now();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(Date.now() - t0).toBeLessThan(2_000);
    await expect(
      httpFetch(`${base}/bot1:x/getMe`, { method: "POST", body: "{}", signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ name: "AbortError" });
  });

  it("rejects when nothing listens (Telegram unreachable)", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(
      httpFetch(`http://127.0.0.1:${port}/bot1:x/getMe`, { method: "POST", body: "{}" }),
    ).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });
});
