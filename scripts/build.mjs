// npm run build: compiles src/ to dist/ with tsc (type-checked, same module layout, so locales/
// and prisma/migrations resolve from dist/ exactly as from src/), and the workspace package
// packages/zalo-bot to its dist/ (its "production" export: run with node --conditions=production).
// Writes a stamp when it succeeds.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { POSTGRES_SCHEMA, writePostgresSchema } from "./postgres-schema.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const stamp = path.join(root, "dist", ".build-stamp");
const PROJECTS = ["packages/zalo-bot/tsconfig.build.json", "tsconfig.build.json"];
const inputs = [
  "src",
  "prisma/schema.prisma",
  "packages/zalo-bot/src",
  "tsconfig.json",
  ...PROJECTS,
  "package-lock.json",
].map((p) => path.join(root, p));

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** True when dist/ is missing or older than any source file. */
export function buildIsStale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return inputs.some((p) => newestMtime(p) > built);
}

/**
 * Writes prisma/postgresql/schema.prisma from prisma/schema.prisma and generates its client
 * (src/generated/prisma-postgres) when either is newer than the generated one: the two schemas
 * never drift, and tsc finds both clients.
 */
export function generatePostgresClient() {
  const changed = writePostgresSchema();
  const generated = path.join(root, "src", "generated", "prisma-postgres", "client.ts");
  if (!changed && existsSync(generated) && statSync(generated).mtimeMs >= statSync(POSTGRES_SCHEMA).mtimeMs) return;
  const prisma = createRequire(import.meta.url).resolve("prisma/build/index.js");
  const result = spawnSync(
    process.execPath,
    [
      prisma,
      "generate",
      "--schema",
      POSTGRES_SCHEMA,
      "--config",
      path.join(root, "prisma", "postgresql", "prisma.config.ts"),
    ],
    { stdio: "inherit", cwd: root },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Runs tsc; exits the process with tsc's code on failure. */
export function build() {
  generatePostgresClient();
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  for (const project of PROJECTS) {
    const result = spawnSync(process.execPath, [tsc, "-p", path.join(root, project)], { stdio: "inherit", cwd: root });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) build();
