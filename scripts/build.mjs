// npm run build: compiles src/ to dist/ with tsc (type-checked, same module layout, so locales/
// and prisma/migrations resolve from dist/ exactly as from src/), and the workspace package
// packages/zalo-bot to its dist/ (its "production" export: run with node --conditions=production).
// Writes a stamp when it succeeds.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const stamp = path.join(root, "dist", ".build-stamp");
const PROJECTS = ["packages/zalo-bot/tsconfig.build.json", "tsconfig.build.json"];
const inputs = ["src", "packages/zalo-bot/src", "tsconfig.json", ...PROJECTS, "package-lock.json"].map((p) =>
  path.join(root, p),
);

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

/** Runs tsc; exits the process with tsc's code on failure. */
export function build() {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  for (const project of PROJECTS) {
    const result = spawnSync(process.execPath, [tsc, "-p", path.join(root, project)], { stdio: "inherit", cwd: root });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) build();
