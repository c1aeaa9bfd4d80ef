/**
 * The little SQL the Worker needs, behind one interface: D1 implements it in
 * Workers, better-sqlite3 in Node tests (test/helpers/sqlite-sql.ts), so the
 * D1 adapters are contract-tested against real SQLite on Node too.
 */
export interface SqlDatabase {
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  run(sql: string, params?: unknown[]): Promise<void>;
}

/** The part of the D1 binding we use (structural, so no global Workers types are needed). */
export interface D1Like {
  prepare(sql: string): {
    bind(...values: unknown[]): { all<T>(): Promise<{ results: T[] }>; run(): Promise<unknown> };
  };
}

export function d1Database(db: D1Like): SqlDatabase {
  return {
    async all<T>(sql: string, params: unknown[] = []) {
      return (await db.prepare(sql).bind(...params).all<T>()).results;
    },
    async run(sql, params = []) {
      await db.prepare(sql).bind(...params).run();
    },
  };
}
