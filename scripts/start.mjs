// npm start: runs the compiled bot with node, building first when dist/ is missing or older than
// src/ (so `npm ci && npm start` works on a fresh clone). Production runs `node dist/main.js`.
import { build, buildIsStale } from "./build.mjs";

if (buildIsStale()) {
  console.error("dist/ is missing or older than src/: building (npm run build)…");
  build();
}
await import("../dist/main.js");
