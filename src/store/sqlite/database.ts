/**
 * The server database: one SQLite file under DATA_DIR (better-sqlite3, WAL so
 * readers never wait for a writer, a busy timeout so a CLI and the server can
 * share it). Migrations are numbered and applied once, in order.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type Db = Database.Database;

/** Append only: a migration, once shipped, is never edited. */
const MIGRATIONS: Array<{ name: string; sql: string }> = [
  {
    name: 'initial',
    sql: `
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL UNIQUE,
        hash TEXT NOT NULL,
        size INTEGER NOT NULL,
        format TEXT NOT NULL,
        uploaded_at TEXT NOT NULL
      );
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE messages (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
        content TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX messages_by_conversation ON messages(conversation_id, id);
      CREATE TABLE feedback (
        id TEXT PRIMARY KEY,
        rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
        conversation_id TEXT,
        question TEXT,
        answer TEXT,
        comment TEXT,
        sources TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE questions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        question TEXT NOT NULL,
        question_key TEXT NOT NULL,
        answered INTEGER NOT NULL,
        top_source TEXT,
        sources TEXT NOT NULL DEFAULT '[]',
        mode TEXT NOT NULL,
        latency_ms REAL NOT NULL,
        conversation_id TEXT,
        channel TEXT NOT NULL DEFAULT 'api',
        created_at TEXT NOT NULL
      );
      CREATE INDEX questions_by_key ON questions(question_key);
      CREATE INDEX questions_by_time ON questions(created_at);
    `,
  },
  {
    name: 'seen-messages',
    sql: `
      CREATE TABLE seen_messages (
        key TEXT PRIMARY KEY,
        seen_at INTEGER NOT NULL
      );
      CREATE INDEX seen_messages_by_time ON seen_messages(seen_at);
    `,
  },
];

export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  // WAL + NORMAL: no fsync per commit (better-sqlite3 is synchronous, so an fsync blocks every request);
  // the database stays consistent, a power cut can lose only the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

export const databasePath = (dataDir: string) => join(dataDir, 'vanban.db');

export function migrate(db: Db): number {
  db.exec('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = (db.prepare('SELECT MAX(version) AS v FROM migrations').get() as { v: number | null }).v ?? 0;
  // An IMMEDIATE transaction serialises two processes migrating at once.
  const apply = db.transaction((version: number, migration: { name: string; sql: string }) => {
    if (db.prepare('SELECT 1 FROM migrations WHERE version = ?').get(version)) return;
    db.exec(migration.sql);
    db.prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)').run(version, migration.name, new Date().toISOString());
  });
  MIGRATIONS.forEach((migration, i) => {
    if (i + 1 > applied) apply.immediate(i + 1, migration);
  });
  return MIGRATIONS.length;
}
