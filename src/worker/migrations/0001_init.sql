-- vanban on Cloudflare D1. Rows are written by `npm run ingest:worker` (seed.sql).

-- One row per indexed document; `json` is the StoredDocument (meta + text).
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY,
  json TEXT NOT NULL
);

-- Chunks in index order: `idx` is the position every index (FTS rowid, vectors) refers to.
CREATE TABLE IF NOT EXISTS chunks (
  idx INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  doc_id TEXT NOT NULL,
  json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks (doc_id);

-- Lexical terms of each chunk (rowid = chunks.idx), one FTS5 token per term.
-- Terms are hex-encoded so FTS5's tokenizer cannot split "ket_luan", "~kết" or
-- "#22-kh/tu" differently from ours; bm25() then ranks exactly like LexicalIndex.
CREATE VIRTUAL TABLE IF NOT EXISTS chunk_terms USING fts5 (terms, tokenize = 'ascii');

-- Document frequency of every term: idf and OCR-variant lookup without a scan.
CREATE TABLE IF NOT EXISTS lexicon (
  term TEXT PRIMARY KEY,
  df INTEGER NOT NULL
) WITHOUT ROWID;

-- Build facts: builtAt, embedder id and dimensions, chunk count.
CREATE TABLE IF NOT EXISTS index_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS conversation_turns (
  conversation_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  role TEXT NOT NULL,
  content TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (conversation_id, seq)
);

CREATE TABLE IF NOT EXISTS feedback (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  json TEXT NOT NULL
);
