import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

// The CLI uses the JS engine with the better-sqlite3 adapter so it works offline (DESIGN.md §10).
const url = process.env.DATABASE_URL ?? `file:${path.join(process.env.DATA_DIR ?? "./data", "don-doc.db")}`;

// The adapter opens the file even for schema-only commands, so its folder must exist.
mkdirSync(process.env.DATA_DIR ?? "./data", { recursive: true });

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return new PrismaBetterSQLite3({ url });
  },
});
