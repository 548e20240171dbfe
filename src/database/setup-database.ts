import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { seedCalendar } from '../calendar/seed-calendar.js';
import { seedCatalog } from '../catalog/seed-catalog.js';
import { buildOrmOptions } from './orm-options.js';

/** Creates the database named in the URL when it does not exist yet. */
export async function ensureDatabaseExists(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!name) throw new Error('DATABASE_URL names no database');
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * The one explicit schema step: create the database if needed, apply pending
 * migrations, then seed reference data that is missing. Safe to run repeatedly;
 * never overwrites what an administrator loaded.
 */
export async function setupDatabase(databaseUrl: string): Promise<{ migrations: string[]; seeded: string[] }> {
  await ensureDatabaseExists(databaseUrl);
  const orm = await MikroORM.init(buildOrmOptions(databaseUrl));
  try {
    const applied = await orm.migrator.up();
    const seeded = [...(await seedCalendar(orm.em.fork())), ...(await seedCatalog(orm))];
    return { migrations: applied.map((m) => m.name), seeded };
  } finally {
    await orm.close();
  }
}
