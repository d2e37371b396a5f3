import { defineConfig } from "prisma/config";

// Only `prisma generate` runs here: migrations are applied by lib/db/migrate.ts
// (Prisma's schema engine cannot be downloaded on these machines; see docs/migrations.md).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/chancery" },
});
