import { defineConfig } from 'prisma/config';

// Used by the Prisma CLI (`prisma generate`). Migrations are applied by our own
// migrator (prisma/migrate.ts) because the CLI's schema-engine binary cannot be
// downloaded offline.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
