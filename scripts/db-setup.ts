import { setupDatabase } from '../src/database/setup-database.js';

/**
 * The explicit schema step for deployments (run once per release, not by each
 * replica at boot): `DATABASE_URL=… node dist/scripts/db-setup.js`.
 */
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  process.stderr.write('DATABASE_URL must be set\n');
  process.exit(1);
}
const { migrations, seeded } = await setupDatabase(databaseUrl);
process.stderr.write(
  `[db-setup] applied ${migrations.length} migration(s): ${migrations.join(', ') || 'none'}; seeded: ${seeded.join(', ') || 'nothing new'}\n`,
);
