// npm start: runs the compiled bot with node, building first when dist/ is missing or older than
// src/ (so `npm ci && npm start` works on a fresh clone). Production runs `node scripts/start.mjs` (or
// `node --import tsx dist/main.js`: the Zalo workspace package is TypeScript source).
import { build, buildIsStale } from "./build.mjs";

if (buildIsStale()) {
  console.error("dist/ is missing or older than src/: building (npm run build)…");
  build();
}
// The workspace package @don-doc/zalo-bot ships TypeScript source: tsx's loader lets node import it.
const { register } = await import("tsx/esm/api");
register();
await import("../dist/main.js");
