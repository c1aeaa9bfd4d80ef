/**
 * LexicalSearch over SQLite FTS5 (D1 in Workers, better-sqlite3 in tests).
 *
 * Each chunk's terms (the same ones LexicalIndex indexes) are one FTS5 row,
 * one hex token per term. A question matches every term in one statement and
 * sums bm25() scaled by term weight × (our idf / FTS5's idf): FTS5 already uses
 * k1 = 1.2, b = 0.75 and the same document lengths, so only the idf formula
 * differs, and the ranking equals the in-memory BM25 on Node.
 *
 * idf() and similarTerms() are synchronous in the port, so the lexicon
 * (term → document frequency) is held in memory, read once from D1.
 */
import { TermNeighbours } from '../retrieval/term-neighbours.js';
import type { LexicalHit, LexicalSearch } from '../retrieval/ports.js';
import type { SqlDatabase } from './sql.js';

const encoder = new TextEncoder();

/** A term as an FTS5 token: lowercase hex of its UTF-8 bytes. */
export function termToken(term: string): string {
  let hex = '';
  for (const byte of encoder.encode(term)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/**
 * Per term: FTS5 bm25() (negated: FTS5 ranks lower-is-better) times the term's
 * factor, summed per chunk. `LIMIT -1` keeps SQLite from flattening the
 * subquery, which would put bm25() inside the aggregate (not allowed).
 */
const SEARCH_SQL = `SELECT idx, SUM(s) AS score FROM (
  SELECT chunk_terms.rowid AS idx, -bm25(chunk_terms) * json_extract(q.value, '$[1]') AS s
  FROM json_each(?) AS q CROSS JOIN chunk_terms
  WHERE chunk_terms MATCH json_extract(q.value, '$[0]')
  LIMIT -1
) GROUP BY idx`;

export class FtsLexicalSearch implements LexicalSearch {

  constructor(
    private readonly db: SqlDatabase,
    private readonly df: Map<string, number>,
    /** Number of FTS5 rows: chunks with terms (a bare heading has none). */
    readonly size: number,
  ) {}

  static async load(db: SqlDatabase): Promise<FtsLexicalSearch> {
    const [terms, [count]] = await Promise.all([
      db.all<{ term: string; df: number }>('SELECT term, df FROM lexicon'),
      db.all<{ n: number }>('SELECT COUNT(*) AS n FROM chunk_terms'),
    ]);
    return new FtsLexicalSearch(db, new Map(terms.map((t) => [t.term, t.df])), count?.n ?? 0);
  }

  /** Same formula as LexicalIndex.idf (BM25+ style, never negative). */
  idf(term: string): number {
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** FTS5's own idf (fts5_aux.c), which bm25() multiplies in. */
  private ftsIdf(term: string): number {
    const df = this.df.get(term) ?? 0;
    const idf = Math.log((this.size - df + 0.5) / (df + 0.5));
    return idf <= 0 ? 1e-6 : idf;
  }

  private readonly neighbours = new TermNeighbours(() => this.df.keys());

  /** Same rules as LexicalIndex: one shared TermNeighbours (the lexicon holds the reading's alias terms too, so scans match alike). */
  similarTerms(term: string): string[] {
    return this.neighbours.similar(term);
  }

  nearTerms(term: string): string[] {
    return this.neighbours.near(term);
  }

  async search(query: Array<{ term: string; weight: number }>, limit: number, accept?: (index: number) => boolean): Promise<LexicalHit[]> {
    // Merge repeated terms; skip terms no chunk has (nothing to match).
    const weights = new Map<string, number>();
    for (const { term, weight } of query) if (this.df.has(term) && Number.isFinite(weight)) weights.set(term, (weights.get(term) ?? 0) + weight);
    if (!weights.size) return [];
    // One statement whatever the number of terms (D1 caps compound SELECTs and
    // bound parameters): the terms arrive as one JSON array, each joined to FTS5.
    const terms = [...weights].map(([term, weight]) => [`"${termToken(term)}"`, (weight * this.idf(term)) / this.ftsIdf(term)]);
    const rows = await this.db.all<{ idx: number; score: number }>(SEARCH_SQL, [JSON.stringify(terms)]);
    const hits: LexicalHit[] = [];
    for (const { idx, score } of rows) if (!accept || accept(idx)) hits.push({ index: idx, score });
    hits.sort((x, y) => y.score - x.score || x.index - y.index);
    return hits.slice(0, limit);
  }
}
