import { defineConfig } from "vitest/config";

// The browser test: headless Chromium over the sandbox page (npm run test:e2e, run by .ci/run).
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
