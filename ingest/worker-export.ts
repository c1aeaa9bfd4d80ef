/**
 * The Workers ingest target. Runs the normal pipeline (build-index.ts) and
 * turns its output into what Cloudflare loads:
 *   seed.sql                 D1 rows: documents, chunks, FTS5 terms, lexicon, index_meta
 *   assets/index/*           the dense index bundled as a static asset (local/default env)
 *   vectorize/*.ndjson       Vectorize upserts (production), ≤ 5000 vectors a file
 * D1 limits a statement to 100 KB, so rows are grouped into INSERTs below that.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chunkContext } from '../src/retrieval/chunk-text.js';
import { LocalHashEmbeddings } from '../src/retrieval/local-embeddings.js';
import { packVectors } from '../src/retrieval/vector-flat.js';
import { readIndexData } from '../src/store/index-files.js';
import { termToken } from '../src/worker/fts-lexical.js';
import { vectorId } from '../src/worker/vectorize.js';
import { ALIAS } from '../src/retrieval/lexical-index.js';
import { buildIndex } from './build-index.js';

export interface DocumentEmbedder {
  readonly id: string;
  embedDocuments(texts: string[]): Promise<number[][]>;
}

export interface WorkerExportOptions {
  /** Output directory (default `.worker`). */
  outDir: string;
  /** Corpus files or directories (default data/docs). */
  inputs: string[];
  /** Embeds chunks for dense search: local hash (default env) or Workers AI (production). */
  embeddings: DocumentEmbedder;
  /** Also write Vectorize NDJSON batches (production). */
  vectorize?: boolean;
  onProgress?: (message: string) => void;
}

export interface WorkerExport {
  seedFile: string;
  assetsDir: string;
  vectorizeFiles: string[];
  documents: number;
  chunks: number;
  terms: number;
  dimensions: number;
  builtAt: string;
}

/** Vectorize HTTP API: 5000 vectors per upsert; also keeps each file well under the 100 MB upload limit. */
export const VECTORIZE_FILE_VECTORS = 5000;
/** D1: 100 KB per SQL statement; keep a margin. */
const MAX_STATEMENT_BYTES = 90_000;

const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** INSERTs of many rows each, every statement under the D1 size limit. */
function insertStatements(table: string, columns: string, rows: string[]): string[] {
  const head = `INSERT INTO ${table} (${columns}) VALUES `;
  const statements: string[] = [];
  let current: string[] = [];
  let size = bytes(head);
  for (const row of rows) {
    const rowBytes = bytes(row) + 2;
    if (bytes(head) + rowBytes > MAX_STATEMENT_BYTES) throw new Error(`${table}: one row is ${rowBytes} bytes, over D1's statement limit`);
    if (current.length && size + rowBytes > MAX_STATEMENT_BYTES) {
      statements.push(head + current.join(',\n') + ';');
      current = [];
      size = bytes(head);
    }
    current.push(row);
    size += rowBytes;
  }
  if (current.length) statements.push(head + current.join(',\n') + ';');
  return statements;
}

/**
 * Each chunk's searched terms exactly as the Node index holds them (its postings: the text, its headings and,
 * for a scan, its reading), so that FTS5 scores as BM25 does. Alias notes ("li>iy") are not
 * words of the text; the lexicon carries them.
 */
function termsByChunk(postings: Record<string, ArrayLike<number>>, count: number): string[][] {
  const terms: string[][] = Array.from({ length: count }, () => []);
  for (const [term, list] of Object.entries(postings)) {
    if (term.includes(ALIAS)) continue;
    for (let i = 0; i < list.length; i += 2) for (let n = 0; n < list[i + 1]!; n++) terms[list[i]!]!.push(term);
  }
  return terms;
}

export async function exportWorkerData(options: WorkerExportOptions): Promise<WorkerExport> {
  const progress = options.onProgress ?? (() => {});
  const outDir = options.outDir;
  const buildDir = join(outDir, 'build');
  await rm(buildDir, { recursive: true, force: true });
  // The regular pipeline with the cheap local embedder: documents, chunks and lexical terms.
  const built = await buildIndex({ dataDir: buildDir, inputs: options.inputs, embeddings: new LocalHashEmbeddings(), onProgress: progress });
  const { documents, chunks, lexical, manifest } = await readIndexData(built.dir);

  const titles = new Map(documents.map((d) => [d.meta.id, d.meta.title]));
  const vectors = await options.embeddings.embedDocuments(chunks.map((c) => chunkContext(c, titles.get(c.docId))));
  const dimensions = vectors[0]?.length ?? 0;
  progress(`Nhúng ${vectors.length} đoạn bằng ${options.embeddings.id} (${dimensions} chiều).`);

  const lexicon = Object.entries(lexical.postings).map(([term, list]) => [term, list.length / 2] as const);
  const meta: Record<string, string> = {
    builtAt: manifest.builtAt,
    embedder: options.embeddings.id,
    dimensions: String(dimensions),
    chunks: String(chunks.length),
    documents: String(documents.length),
  };
  const statements = [
    // Conversations and feedback are kept; the index tables are replaced whole.
    'DELETE FROM chunk_terms;',
    'DELETE FROM chunks;',
    'DELETE FROM documents;',
    'DELETE FROM lexicon;',
    'DELETE FROM index_meta;',
    ...insertStatements('documents', 'id, json', documents.map((d) => `(${sqlString(d.meta.id)}, ${sqlString(JSON.stringify(d))})`)),
    ...insertStatements('chunks', 'idx, id, doc_id, json', chunks.map((c, i) => `(${i}, ${sqlString(c.id)}, ${sqlString(c.docId)}, ${sqlString(JSON.stringify(c))})`)),
    // A chunk without terms (a bare heading, searched through the sections under it) has no row: FTS5's
    // collection is the Node index's (lexical-index.ts collection()).
    ...insertStatements(
      'chunk_terms',
      'rowid, terms',
      termsByChunk(lexical.postings, chunks.length).flatMap((terms, i) => (terms.length ? [`(${i}, '${terms.map(termToken).join(' ')}')`] : [])),
    ),
    ...insertStatements('lexicon', 'term, df', lexicon.map(([term, df]) => `(${sqlString(term)}, ${df})`)),
    ...insertStatements('index_meta', 'key, value', Object.entries(meta).map(([k, v]) => `(${sqlString(k)}, ${sqlString(v)})`)),
  ];
  await mkdir(outDir, { recursive: true });
  const seedFile = join(outDir, 'seed.sql');
  await writeFile(seedFile, statements.join('\n') + '\n');

  const assetsDir = join(outDir, 'assets');
  await mkdir(join(assetsDir, 'index'), { recursive: true });
  await writeFile(join(assetsDir, 'index', 'vectors.f32'), packVectors(vectors, dimensions));
  await writeFile(join(assetsDir, 'index', 'manifest.json'), JSON.stringify({ ...meta, dimensions, chunks: chunks.length, documents: documents.length }));

  const vectorizeFiles: string[] = [];
  const vectorizeDir = join(outDir, 'vectorize');
  await rm(vectorizeDir, { recursive: true, force: true });
  if (options.vectorize) {
    await mkdir(vectorizeDir, { recursive: true });
    for (let start = 0; start < chunks.length; start += VECTORIZE_FILE_VECTORS) {
      const lines = chunks.slice(start, start + VECTORIZE_FILE_VECTORS).map((c, k) =>
        JSON.stringify({ id: vectorId(c.id), values: vectors[start + k], metadata: { chunk: c.id, source: c.source } }),
      );
      const file = join(vectorizeDir, `vectors-${String(vectorizeFiles.length + 1).padStart(4, '0')}.ndjson`);
      await writeFile(file, lines.join('\n') + '\n');
      vectorizeFiles.push(file);
    }
  }
  await rm(buildDir, { recursive: true, force: true });
  progress(`D1: ${statements.length} câu lệnh SQL → ${seedFile}; tài sản chỉ mục → ${assetsDir}${vectorizeFiles.length ? `; Vectorize: ${vectorizeFiles.length} tệp NDJSON` : ''}.`);
  return { seedFile, assetsDir, vectorizeFiles, documents: documents.length, chunks: chunks.length, terms: lexicon.length, dimensions, builtAt: manifest.builtAt };
}
