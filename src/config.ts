import { hostname } from "node:os";
import path from "node:path";
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const idList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .refine((ids) => ids.every((id) => /^-?\d+$/.test(id)), "must be comma-separated numeric user ids, e.g. 12345,67890");

const opaqueIdList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .refine(
    (ids) => ids.every((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id)),
    "must be comma-separated Zalo user ids (what /start shows), e.g. 8f3a1c2b9d0e4f56",
  );

const schema = z
  .object({
    TELEGRAM_BOT_TOKEN: optionalString.refine(
      (v) => !v || /^\d+:[\w-]{20,}$/.test(v),
      "looks wrong: expected 123456:ABC-DEF... from @BotFather",
    ),
    TELEGRAM_API_ROOT: z.url().default("https://api.telegram.org"),
    TELEGRAM_MODE: z.enum(["polling", "webhook"]).default("polling"),
    WEBHOOK_URL: optionalString.pipe(z.url().optional()),
    WEBHOOK_SECRET: optionalString.refine(
      (v) => !v || /^[A-Za-z0-9_-]{8,256}$/.test(v),
      "must be 8–256 characters of A-Z a-z 0-9 _ -",
    ),
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    HEALTH_HOST: z.string().trim().min(1).default("127.0.0.1"),
    SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(10),
    DATA_DIR: z.string().default("./data"),
    DATABASE_URL: optionalString.refine(
      (v) => !v || v.startsWith("file:") || /^postgres(ql)?:\/\/./.test(v),
      "must be a SQLite URL like file:./data/don-doc.db or a PostgreSQL URL like postgresql://user:pass@host/db",
    ),
    TIMEZONE: z
      .string()
      .default("Asia/Ho_Chi_Minh")
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat("en", { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, "is not an IANA time zone such as Asia/Ho_Chi_Minh"),
    ADMIN_TELEGRAM_IDS: idList,
    ZALO_BOT_TOKEN: optionalString.refine(
      (v) => !v || /^\d+:[\w-]{8,}$/.test(v),
      "looks wrong: expected <digits>:<secret> from Zalo Bot Creator",
    ),
    ZALO_API_ROOT: z.url().default("https://bot-api.zaloplatforms.com"),
    ZALO_MODE: z.enum(["polling", "webhook"]).default("polling"),
    ZALO_WEBHOOK_URL: optionalString.pipe(z.url().optional()),
    ZALO_WEBHOOK_SECRET: optionalString.refine(
      (v) => !v || /^[A-Za-z0-9_-]{8,256}$/.test(v),
      "must be 8–256 characters of A-Z a-z 0-9 _ -",
    ),
    ADMIN_ZALO_IDS: opaqueIdList,
    ZALO_RATE_PER_SECOND: z.coerce.number().positive().max(100).default(5),
    PUBLIC_BASE_URL: optionalString.pipe(
      z
        .url()
        .regex(/^https?:\/\//, "must start with http:// or https://")
        .optional(),
    ),
    DEFAULT_LANGUAGE: z.enum(["vi", "en"]).default("vi"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    MAX_FILE_MB: z.coerce.number().positive().max(50).default(10),
    ORG_NAME: optionalString,
    SANDBOX: z
      .enum(["0", "1", ""], { error: "must be 1 (on) or 0 (off)" })
      .optional()
      .transform((v) => v === "1"),
    SANDBOX_HOST: z.string().trim().min(1).default("127.0.0.1"),
    SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    CHROMIUM_PATH: z.string().trim().min(1).default("/usr/bin/chromium"),
    BACKUP_DIR: optionalString,
    BACKUP_KEEP: z.coerce.number().int().min(1).max(3650).default(14),
    INSTANCE_ID: optionalString.refine(
      (v) => !v || /^[A-Za-z0-9_.:-]{1,60}$/.test(v),
      "must be 1–60 characters of A-Z a-z 0-9 _ . : -, e.g. bot-1",
    ),
  })
  .superRefine((env, ctx) => {
    if (env.TELEGRAM_MODE === "webhook" && env.TELEGRAM_BOT_TOKEN) {
      if (!env.WEBHOOK_URL)
        ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "is required when TELEGRAM_MODE=webhook" });
      if (!env.WEBHOOK_SECRET)
        ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "is required when TELEGRAM_MODE=webhook" });
    }
    if (env.ZALO_MODE === "webhook" && env.ZALO_BOT_TOKEN) {
      if (!env.ZALO_WEBHOOK_URL)
        ctx.addIssue({ code: "custom", path: ["ZALO_WEBHOOK_URL"], message: "is required when ZALO_MODE=webhook" });
      if (!env.ZALO_WEBHOOK_SECRET)
        ctx.addIssue({ code: "custom", path: ["ZALO_WEBHOOK_SECRET"], message: "is required when ZALO_MODE=webhook" });
      // The platform posts only to HTTPS (setWebhook refuses any other URL): say so before it does.
      if (env.ZALO_WEBHOOK_URL && !env.ZALO_WEBHOOK_URL.startsWith("https://")) {
        ctx.addIssue({
          code: "custom",
          path: ["ZALO_WEBHOOK_URL"],
          message: "must be an https:// URL: Zalo sends webhooks over HTTPS only",
        });
      }
    }
  });

/** What a Bot API channel (Telegram, Zalo) needs: its token, API root, update mode and first admins. */
export interface BotChannelConfig {
  token: string;
  apiRoot: string;
  mode: "polling" | "webhook";
  webhookUrl?: string;
  webhookSecret?: string;
  adminIds: string[];
}

/** Validated configuration; see .env.example for every key. */
export interface Config {
  telegram?: BotChannelConfig;
  zalo?: BotChannelConfig & {
    /** Messages per second across all Zalo chats (one per second per chat in any case). */
    ratePerSecond: number;
  };
  /** Where the bot's own HTTP server is reachable from outside, for file links (no trailing slash). */
  publicBaseUrl?: string;
  /** The bot's HTTP port (webhooks, /healthz, /readyz); 0 = any free port. */
  port: number;
  /** Address the HTTP server binds to. */
  healthHost: string;
  /** How long a stop (SIGTERM/SIGINT) may take before the process exits anyway. */
  shutdownTimeoutMs: number;
  dataDir: string;
  databaseUrl: string;
  timezone: string;
  defaultLanguage: "vi" | "en";
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  maxFileBytes: number;
  /**
   * The local web sandbox. It runs when no channel is configured (the embedded default) or when
   * SANDBOX=1 asks for it beside a real channel; always on its own database under DATA_DIR.
   */
  sandbox: { requested: boolean; host: string; port: number };
  /** Chromium for the browser test (Debian's `chromium` package). */
  chromiumPath: string;
  /** Daily backups (02:30 in TIMEZONE) go to `dir` when set; the newest `keep` snapshots are kept. */
  backup: { dir?: string; keep: number };
  /** The coordinating office's name when no imported plan names it (ORG_NAME). */
  orgName?: string;
  /** This instance's name among those on one database (logs, /healthz): INSTANCE_ID, or host-pid. */
  instanceId: string;
}

/**
 * Thrown for a bad environment. The message is two lines naming the key, Vietnamese first (the
 * operators' language), then English (what the logs and the upstream docs use).
 */
export class ConfigError extends Error {}

/** Vietnamese for this file's own rule messages; zod's generic issues are worded by their code. */
const VI_RULES: Record<string, string> = {
  "must be comma-separated numeric user ids, e.g. 12345,67890":
    "phải là các số ID người dùng cách nhau bằng dấu phẩy, ví dụ 12345,67890",
  "looks wrong: expected 123456:ABC-DEF... from @BotFather": "có vẻ sai: cần dạng 123456:ABC-DEF... do @BotFather cấp",
  "must be 8–256 characters of A-Z a-z 0-9 _ -": "phải gồm 8–256 ký tự A-Z a-z 0-9 _ -",
  "must be a SQLite URL like file:./data/don-doc.db or a PostgreSQL URL like postgresql://user:pass@host/db":
    "phải là địa chỉ SQLite dạng file:./data/don-doc.db hoặc PostgreSQL dạng postgresql://user:pass@host/db",
  "is not an IANA time zone such as Asia/Ho_Chi_Minh": "không phải múi giờ IANA, ví dụ Asia/Ho_Chi_Minh",
  "is required when TELEGRAM_MODE=webhook": "là bắt buộc khi TELEGRAM_MODE=webhook",
  "is required when ZALO_MODE=webhook": "là bắt buộc khi ZALO_MODE=webhook",
  "must be an https:// URL: Zalo sends webhooks over HTTPS only":
    "phải là địa chỉ https://: Zalo chỉ gửi webhook qua HTTPS",
  "must be 1 (on) or 0 (off)": "phải là 1 (bật) hoặc 0 (tắt)",
  "must start with http:// or https://": "phải bắt đầu bằng http:// hoặc https://",
  "must be 1–60 characters of A-Z a-z 0-9 _ . : -, e.g. bot-1": "phải gồm 1–60 ký tự A-Z a-z 0-9 _ . : -, ví dụ bot-1",
};

function vietnameseIssue(issue: z.core.$ZodIssue): string {
  const known = VI_RULES[issue.message];
  if (known) return known;
  switch (issue.code) {
    case "invalid_value":
      return `phải là một trong các giá trị: ${issue.values.map(String).join(", ")}`;
    case "too_big":
      return `vượt giá trị lớn nhất cho phép (${String(issue.maximum)})`;
    case "too_small":
      return `nhỏ hơn giá trị nhỏ nhất cho phép (${String(issue.minimum)})`;
    case "invalid_type":
      return issue.expected === "number" ? "phải là một số" : "có kiểu giá trị không đúng";
    case "invalid_format":
      return issue.format === "url" ? "phải là một địa chỉ URL, ví dụ https://example.vn" : "không đúng định dạng";
    default:
      return "không hợp lệ";
  }
}

/**
 * Parses the environment once. Only this module reads `process.env`.
 * @example const config = loadConfig(); // throws ConfigError("Cấu hình không hợp lệ: TIMEZONE …\nInvalid configuration: TIMEZONE …")
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = String(issue.path[0] ?? "environment");
    throw new ConfigError(
      `Cấu hình không hợp lệ: ${key} ${vietnameseIssue(issue)} (xem .env.example).\nInvalid configuration: ${key} ${issue.message}`,
    );
  }
  const e = result.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
          mode: e.TELEGRAM_MODE,
          webhookUrl: e.WEBHOOK_URL,
          webhookSecret: e.WEBHOOK_SECRET,
          adminIds: e.ADMIN_TELEGRAM_IDS,
        }
      : undefined,
    zalo: e.ZALO_BOT_TOKEN
      ? {
          token: e.ZALO_BOT_TOKEN,
          apiRoot: e.ZALO_API_ROOT.replace(/\/+$/, ""),
          mode: e.ZALO_MODE,
          webhookUrl: e.ZALO_WEBHOOK_URL,
          webhookSecret: e.ZALO_WEBHOOK_SECRET,
          adminIds: e.ADMIN_ZALO_IDS,
          ratePerSecond: e.ZALO_RATE_PER_SECOND,
        }
      : undefined,
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, ""),
    port: e.PORT,
    healthHost: e.HEALTH_HOST,
    shutdownTimeoutMs: Math.round(e.SHUTDOWN_TIMEOUT_SECONDS * 1000),
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `file:${path.join(dataDir, "don-doc.db")}`,
    timezone: e.TIMEZONE,
    defaultLanguage: e.DEFAULT_LANGUAGE,
    logLevel: e.LOG_LEVEL,
    maxFileBytes: Math.round(e.MAX_FILE_MB * 1024 * 1024),
    orgName: e.ORG_NAME,
    sandbox: { requested: e.SANDBOX, host: e.SANDBOX_HOST, port: e.SANDBOX_PORT },
    chromiumPath: e.CHROMIUM_PATH,
    backup: { dir: e.BACKUP_DIR ? path.resolve(e.BACKUP_DIR) : undefined, keep: e.BACKUP_KEEP },
    instanceId: e.INSTANCE_ID ?? `${hostname()}-${process.pid}`,
  };
}

/** Loads `.env` into the environment when the file exists (Node's own parser). */
export function loadDotEnv(file = ".env"): void {
  try {
    process.loadEnvFile(file);
  } catch {
    // No .env file: the environment alone is fine.
  }
}
