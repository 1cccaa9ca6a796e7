import type { Role } from "../cluster/leader-lease.js";
import type { Clock } from "../core/ports.js";
import type { HttpServer } from "../http/http-server.js";
import type { StorageHealth } from "./storage-health.js";

/** The outbox counts as stuck when a due row has waited this long. */
export const OUTBOX_STUCK_MS = 10 * 60_000;
const PROBE_TIMEOUT_MS = 3_000;

export interface ReadinessOptions {
  storage: StorageHealth;
  /** A real database write (the lease heartbeat). */
  probeWrite(): Promise<void>;
  /** Each channel: is it taking updates (polling answered lately, webhook registered)? */
  channels(): Record<string, { alive: boolean; detail: string }>;
  oldestDuePending(now: Date): Promise<Date | null>;
  clock: Clock;
  /** What works but needs an operator's attention (alerts with nowhere to go); never fails readiness. */
  warnings?(): Promise<string[]>;
  /** This instance's name and role among the instances on one database (a standby is ready too). */
  cluster?(): { instanceId: string; role: Role };
}

interface Check {
  ok: boolean;
  detail: string;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

const message = (error: unknown) =>
  error instanceof Error
    ? `${(error as { code?: string }).code ?? error.name}: ${error.message.split("\n").pop()}`
    : String(error);

/** Runs the readiness checks: database writable, channels alive, outbox not stuck; and lists the warnings. */
export async function checkReadiness(
  options: ReadinessOptions,
): Promise<{ ok: boolean; checks: Record<string, Check>; warnings?: string[] }> {
  const checks: Record<string, Check> = {};
  try {
    await withTimeout(options.probeWrite(), PROBE_TIMEOUT_MS);
    options.storage.writeWorked();
    checks.database = { ok: true, detail: "writable" };
  } catch (error) {
    options.storage.fault(error);
    checks.database = { ok: false, detail: message(error) };
  }
  for (const [name, status] of Object.entries(options.channels()))
    checks[`channel_${name}`] = { ok: status.alive, detail: status.detail };
  try {
    const now = options.clock.now();
    const oldest = await withTimeout(options.oldestDuePending(now), PROBE_TIMEOUT_MS);
    const ageMs = oldest ? now.getTime() - oldest.getTime() : 0;
    checks.outbox = {
      ok: ageMs < OUTBOX_STUCK_MS,
      detail: oldest ? `oldest due message waiting ${Math.round(ageMs / 1000)} s` : "nothing due",
    };
  } catch (error) {
    checks.outbox = { ok: false, detail: message(error) };
  }
  const warnings = options.warnings
    ? await withTimeout(options.warnings(), PROBE_TIMEOUT_MS).catch((error) => [`warnings: ${message(error)}`])
    : [];
  return { ok: Object.values(checks).every((c) => c.ok), checks, ...(warnings.length ? { warnings } : {}) };
}

/**
 * `GET /healthz`: the process is up (always 200). `GET /readyz`: 200 when the database takes a
 * write, every channel takes updates and no due outbox row has waited ten minutes; else 503 with
 * the failing checks (JSON). Warnings (admins whom alerts cannot reach yet) are listed either way.
 * Both name the instance and its role ("leader" or "standby").
 * @example installHealthRoutes(http, { storage, probeWrite, channels, oldestDuePending, clock });
 */
export function installHealthRoutes(http: HttpServer, options: ReadinessOptions): void {
  const started = Date.now();
  const json = (res: Parameters<Parameters<HttpServer["route"]>[2]>[1], status: number, body: unknown) =>
    void res
      .writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" })
      .end(JSON.stringify(body));
  http.route("GET", "/healthz", (_req, res) =>
    json(res, 200, { ok: true, uptimeS: Math.round((Date.now() - started) / 1000), ...options.cluster?.() }),
  );
  http.route("GET", "/readyz", async (_req, res) => {
    const result = await checkReadiness(options);
    json(res, result.ok ? 200 : 503, { ...options.cluster?.(), ...result });
  });
}
