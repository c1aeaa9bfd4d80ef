/**
 * The ingest pipeline, composed in one place:
 * load → clean → (vocabulary) → metadata → structure → chunk → OCR score → embed → write → publish.
 */
import { join } from 'node:path';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { LexicalIndex } from '../src/retrieval/lexical-index.js';
import { buildHnswIndex } from '../src/retrieval/vector-hnswlib.js';
import { Vocabulary } from '../src/text/vocabulary.js';
import { searchTerms } from '../src/text/tokens.js';
import { chunkContext } from '../src/retrieval/chunk-text.js';
import { INDEX_FORMAT, type Manifest, newBuildDir, publishBuild, type StoredDocument, writeJson } from '../src/store/index-files.js';
import type { Chunk } from '../src/types.js';
import { cleanText } from './clean.js';
import { corpusHash, listCorpusFiles } from './corpus.js';
import { loadFile, type LoadedSource } from './load.js';
import { OCR_THRESHOLD, ocrQuality } from './ocr-quality.js';
import { parseDocument } from './parse-document.js';

export interface BuildOptions {
  dataDir: string;
  /** Files or directories; default `${dataDir}/docs`. */
  inputs?: string[];
  embeddings: EmbeddingsInterface & { id: string; dimensions: number };
  onProgress?: (message: string) => void;
  /** Embedding batch size (remote embedders limit inputs per call). */
  batchSize?: number;
}

export interface BuildResult {
  manifest: Manifest;
  dir: string;
  chars: number;
}

/** Lexical terms of a chunk: its text plus its section titles. */
export function chunkTerms(chunk: Chunk): string[] {
  return [...searchTerms(chunk.text), ...searchTerms([chunk.sectionTitle, ...chunk.headings].join('\n'))];
}

export async function buildIndex(options: BuildOptions): Promise<BuildResult> {
  const started = Date.now();
  const progress = options.onProgress ?? (() => {});
  const files = await listCorpusFiles(options.inputs ?? [join(options.dataDir, 'docs')]);
  progress(`Đọc ${files.length} tệp…`);
  const sources: LoadedSource[] = [];
  for (const file of files) sources.push(await loadFile(file));

  // Vocabulary for restoring OCR-damaged headers comes from the clean documents only.
  const cleanTexts = sources.map((s) => cleanText(s.text).text).filter((t) => ocrQuality(t).score >= OCR_THRESHOLD);
  const vocabulary = Vocabulary.fromTexts(cleanTexts);

  const documents: StoredDocument[] = [];
  const chunks: Chunk[] = [];
  let chars = 0;
  for (const source of sources) {
    const parsed = parseDocument(source.source, source.text, vocabulary);
    documents.push({ meta: parsed.meta, text: parsed.text });
    chunks.push(...parsed.chunks);
    chars += source.text.length;
    progress(`  ${source.source}: ${parsed.chunks.length} đoạn, OCR ${parsed.meta.ocrQuality.toFixed(2)}${parsed.meta.ocr ? ' (văn bản quét, chất lượng thấp)' : ''}`);
  }

  const titles = new Map(documents.map((d) => [d.meta.id, d.meta.title]));
  const batch = options.batchSize ?? 256;
  const vectors: number[][] = [];
  for (let i = 0; i < chunks.length; i += batch) {
    const slice = chunks.slice(i, i + batch);
    vectors.push(...(await options.embeddings.embedDocuments(slice.map((c) => chunkContext(c, titles.get(c.docId))))));
    progress(`Nhúng vector: ${Math.min(i + batch, chunks.length)}/${chunks.length}`);
  }

  const { name, dir } = await newBuildDir(options.dataDir);
  const lexical = LexicalIndex.build(chunks.map(chunkTerms));
  await buildHnswIndex(vectors, options.embeddings, join(dir, 'hnsw'));
  const manifest: Manifest = {
    format: INDEX_FORMAT,
    embedder: { id: options.embeddings.id, dimensions: options.embeddings.dimensions },
    corpusHash: await corpusHash(files, options.embeddings.id),
    builtAt: new Date().toISOString(),
    documents: documents.length,
    chunks: chunks.length,
    buildMs: Date.now() - started,
  };
  await writeJson(join(dir, 'documents.json'), documents);
  await writeJson(join(dir, 'chunks.json'), chunks);
  await writeJson(join(dir, 'lexical.json'), lexical.toJSON());
  // The manifest is written last: a build without one is incomplete.
  await writeJson(join(dir, 'manifest.json'), manifest);
  await publishBuild(options.dataDir, name);
  progress(`Chỉ mục sẵn sàng: ${documents.length} văn bản, ${chunks.length} đoạn, ${manifest.buildMs} ms.`);
  return { manifest, dir, chars };
}
