/** better-sqlite3 behind the Worker's SqlDatabase port: D1's adapters, tested on real SQLite. */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlDatabase } from '../../src/worker/sql.js';

export const migrationFile = join(import.meta.dirname, '..', '..', 'src', 'worker', 'migrations', '0001_init.sql');

export function sqliteDatabase(db: Database.Database): SqlDatabase {
  return {
    async all<T>(sql: string, params: unknown[] = []) {
      return db.prepare(sql).all(...params) as T[];
    },
    async run(sql, params = []) {
      db.prepare(sql).run(...params);
    },
  };
}

/** An in-memory database with the D1 schema applied (and a seed file loaded, if given). */
export function workerSqlite(seedFile?: string): { raw: Database.Database; db: SqlDatabase } {
  const raw = new Database(':memory:');
  raw.exec(readFileSync(migrationFile, 'utf8'));
  if (seedFile) raw.exec(readFileSync(seedFile, 'utf8'));
  return { raw, db: sqliteDatabase(raw) };
}
