// npm start: runs the compiled bot with node, building first when dist/ is missing or older than
// src/ (so `npm ci && npm start` works on a fresh clone). Production runs
// `node --conditions=production dist/main.js` (deploy/): the Zalo workspace package then loads its
// compiled dist/ too.
import { build, buildIsStale } from "./build.mjs";

if (buildIsStale()) {
  console.error("dist/ is missing or older than src/: building (npm run build)…");
  build();
}
// Started without --conditions=production, @don-doc/zalo-bot resolves to its TypeScript source,
// which node loads only through tsx's loader.
if (import.meta.resolve("@don-doc/zalo-bot").endsWith(".ts")) {
  const { register } = await import("tsx/esm/api");
  register();
}
await import("../dist/main.js");
