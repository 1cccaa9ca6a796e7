import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// The CLI for the PostgreSQL schema (generate, migrate diff): the JS engine with the pg adapter,
// like the SQLite one at the root (DESIGN.md §10). The URL comes from DATABASE_URL.
const connectionString = process.env.DATABASE_URL?.startsWith("postgres")
  ? process.env.DATABASE_URL
  : "postgresql://localhost/don-doc";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  async adapter() {
    return new PrismaPg({ connectionString });
  },
});
