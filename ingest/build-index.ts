/**
 * The ingest pipeline, composed in one place:
 * load → clean → (vocabulary) → metadata → structure → chunk → OCR score → embed → write → publish.
 */
import { join } from 'node:path';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { ALIAS, LexicalIndex } from '../src/retrieval/lexical-index.js';
import { knownWordsOf } from '../src/retrieval/corpus-index.js';
import { writeTextStore } from '../src/store/text-store.js';
import { buildHnswIndex } from '../src/retrieval/vector-hnswlib.js';
import { readingOfQuote } from '../src/text/reading-slice.js';
import { damage } from '../src/text/reading.js';
import { readTitles } from './read-titles.js';
import { loadSyllableReader, shippedNames } from '../src/text/reading-model.js';
import { Vocabulary } from '../src/text/vocabulary.js';
import { foldedSyllables, searchTerms } from '../src/text/tokens.js';
import { chunkContext } from '../src/retrieval/chunk-text.js';
import { INDEX_FORMAT, type Manifest, newBuildDir, publishBuild, type StoredDocument, writeJson, writeLexical } from '../src/store/index-files.js';
import type { Chunk } from '../src/types.js';
import { cleanText } from './clean.js';
import { corpusHash, listCorpusFiles } from './corpus.js';
import { BuildCache, sha256 } from './build-cache.js';
import { LOAD_VERSION, loadBytes, type LoadedSource } from './load.js';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
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
  /** Reuse extracted text and vectors of unchanged documents; default `${dataDir}/cache`, false to disable. */
  cacheDir?: string | false;
  /** Runs after every file is written, just before the build is published (tests use it to crash there). */
  beforePublish?: (dir: string) => Promise<void>;
}

export interface BuildResult {
  manifest: Manifest;
  dir: string;
  chars: number;
  /** Chunks embedded by this build (the rest came from the cache). */
  embedded: number;
}

/** Lexical terms of a chunk: its text plus its section titles. */
export function chunkTerms(chunk: Chunk): string[] {
  return [...searchTerms(chunk.text), ...searchTerms([chunk.sectionTitle, ...chunk.headings].join('\n'))];
}

/** An OCR chunk's scanned words beside their readings (a reading has the scan's words one for one). */
function readWords(chunk: Chunk): Array<{ written: string; read: string }> {
  if (!chunk.ocr || !chunk.reading) return [];
  const written = chunk.text.split(/\s+/).filter(Boolean);
  const read = chunk.reading.split(/\s+/).filter(Boolean);
  return written.length === read.length ? written.map((w, i) => ({ written: w, read: read[i]! })) : [];
}

/**
 * Readings of an OCR-damaged chunk's words, as alias terms `${read}>${written}`
 * ("ly>iy", "ho>hd", "dam>ddm"): each word the reader changed (it leaves words it
 * cannot support as scanned). They are not searched (no query term holds ">") and
 * do not count in chunk lengths; LexicalIndex.nearTerms offers the written forms as
 * near spellings of the read word, so sentence scoring matches "xử lý hồ sơ" in
 * "Xit Iy hd so" at OCR strength while quotes stay verbatim.
 */
export function readingAliases(chunk: Chunk): string[] {
  const aliases: string[] = [];
  for (const { written, read } of readWords(chunk)) {
    // As the scorer sees both: folded syllables ("lý" → "li", "Iy" → "iy").
    const [folded, ...moreRead] = foldedSyllables(read);
    const [scanned, ...moreWritten] = foldedSyllables(written);
    if (!folded || !scanned || moreRead.length || moreWritten.length || folded === scanned) continue;
    if (/^[a-z]+$/.test(folded) && /^[a-z0-9]{2,}$/.test(scanned)) aliases.push(`${folded}${ALIAS}${scanned}`);
  }
  return aliases;
}

/**
 * Search terms an OCR-damaged chunk gains from its reading ("S6 lwong hdi nghi" is searched as
 * "số lượng hội nghị" too): those its written text lacks ("hoi", "so_luong", "hoi_nghi"). Added beside
 * the written terms, not instead of them: replacing them lost more questions than it fixed (measured),
 * and so did reading the headings this way.
 */
export function readingTerms(chunk: Chunk): string[] {
  if (!chunk.ocr || !chunk.reading) return [];
  const written = new Set(searchTerms(chunk.text));
  return searchTerms(chunk.reading, { accented: false }).filter((term) => !written.has(term));
}

export async function buildIndex(options: BuildOptions): Promise<BuildResult> {
  const started = Date.now();
  const progress = options.onProgress ?? (() => {});
  const files = await listCorpusFiles(options.inputs ?? [join(options.dataDir, 'docs')]);
  progress(`Đọc ${files.length} tệp…`);
  const cache = options.cacheDir === false ? undefined : new BuildCache(options.cacheDir ?? join(options.dataDir, 'cache'), options.embeddings.id);
  const sources: LoadedSource[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(await readFile(file));
    // Keyed by the loader's version too: the same bytes read by a changed loader give other text.
    const key = `${LOAD_VERSION}-${sha256(bytes)}`;
    const cached = await cache?.text(key);
    const source = cached ? { source: basename(file), ...cached } : await loadBytes(bytes, basename(file), progress);
    if (!cached) await cache?.putText(key, { format: source.format, text: source.text, ...(source.scanned ? { scanned: true } : {}) });
    sources.push(source);
  }

  // Vocabulary for restoring OCR-damaged headers comes from the clean documents only.
  const prepared = sources.map((s) => {
    const cleaned = cleanText(s.text);
    return { cleaned, quality: ocrQuality(cleaned.text), ...(s.scanned ? { scanned: true } : {}) };
  });
  const isOcr = (p: (typeof prepared)[number]) => p.quality.score < OCR_THRESHOLD || Boolean(p.scanned);
  const cleanTexts = prepared.filter((p) => !isOcr(p)).map((p) => p.cleaned.text);
  const vocabulary = Vocabulary.fromTexts(cleanTexts, shippedNames());
  // Readings of OCR documents, which people are shown and search also reads (a syllable-pair model of clean
  // Vietnamese, which also learns this corpus's clean documents: they write the names its scans damage), cached by text.
  const reader = prepared.some(isOcr) ? loadSyllableReader(cleanTexts) : undefined;
  const readingOf = async (text: string): Promise<string> => {
    const key = sha256(`${reader!.version}\u0000${text}`);
    const cached = await cache?.reading(key);
    if (cached !== undefined) return cached;
    const reading = reader!.reader.read(text).text;
    await cache?.putReading(key, reading);
    return reading;
  };

  const documents: StoredDocument[] = [];
  const chunks: Chunk[] = [];
  let chars = 0;
  for (const [i, source] of sources.entries()) {
    const parsed = parseDocument(source.source, source.text, vocabulary, prepared[i]);
    if (parsed.meta.ocr && reader) {
      const reading = await readingOf(parsed.text);
      documents.push({ meta: parsed.meta, text: parsed.text, reading });
      // A chunk's reading is its words' in the document's; a chunk not found verbatim is read alone.
      for (const chunk of parsed.chunks) chunk.reading = readingOfQuote(parsed.text, reading, chunk.text) ?? (await readingOf(chunk.text));
      // Titles read at the document's damage level (too short to measure their own).
      const level = damage(parsed.text);
      readTitles(parsed.meta, parsed.chunks, (title) => reader.reader.read(title, level).text);
    } else documents.push({ meta: parsed.meta, text: parsed.text });
    for (const chunk of parsed.chunks) chunks.push(chunk);
    chars += source.text.length;
    progress(`  ${source.source}: ${parsed.chunks.length} đoạn, OCR ${parsed.meta.ocrQuality.toFixed(2)}${parsed.meta.ocr ? ' (văn bản quét, chất lượng thấp)' : ''}`);
  }

  // Vectors: per document, from the cache when the embedder saw the very same texts before.
  const titles = new Map(documents.map((d) => [d.meta.id, d.meta.title]));
  const byDoc = new Map<string, number[]>();
  chunks.forEach((c, i) => byDoc.set(c.docId, [...(byDoc.get(c.docId) ?? []), i]));
  const vectors: number[][] = new Array(chunks.length);
  const missing: Array<{ key: string; positions: number[]; inputs: string[] }> = [];
  for (const positions of byDoc.values()) {
    const inputs = positions.map((i) => chunkContext(chunks[i]!, titles.get(chunks[i]!.docId)));
    const key = BuildCache.vectorKey(inputs);
    const cached = await cache?.vectors(key, inputs.length, options.embeddings.dimensions);
    if (cached) positions.forEach((p, j) => (vectors[p] = cached[j]!));
    else missing.push({ key, positions, inputs });
  }
  const pending = missing.flatMap((m) => m.inputs);
  const fresh: number[][] = [];
  const batch = options.batchSize ?? 256;
  for (let i = 0; i < pending.length; i += batch) {
    fresh.push(...(await options.embeddings.embedDocuments(pending.slice(i, i + batch))));
    progress(`Nhúng vector: ${Math.min(i + batch, pending.length)}/${pending.length}`);
  }
  if (pending.length < chunks.length) progress(`Dùng lại vector của ${chunks.length - pending.length}/${chunks.length} đoạn không đổi.`);
  let offset = 0;
  for (const m of missing) {
    const slice = fresh.slice(offset, offset + m.positions.length);
    offset += m.positions.length;
    m.positions.forEach((p, j) => (vectors[p] = slice[j]!));
    await cache?.putVectors(m.key, slice);
  }

  const { name, dir } = await newBuildDir(options.dataDir);
  // A heading-only chunk is not searched by itself: its words are indexed with the sections under it.
  const lexical = LexicalIndex.build(chunks.map((c) => (c.headingOnly ? [] : [...chunkTerms(c), ...readingTerms(c), ...readingAliases(c)])));
  await buildHnswIndex(vectors, options.embeddings, join(dir, 'hnsw'), (i) => !chunks[i]!.headingOnly);
  const manifest: Manifest = {
    format: INDEX_FORMAT,
    embedder: { id: options.embeddings.id, dimensions: options.embeddings.dimensions },
    corpusHash: await corpusHash(files, options.embeddings.id),
    builtAt: new Date().toISOString(),
    documents: documents.length,
    chunks: chunks.length,
    buildMs: Date.now() - started,
  };
  await writeTextStore(dir, documents, chunks);
  await writeJson(join(dir, 'known-words.json'), [...knownWordsOf(chunks)]);
  await writeLexical(dir, lexical.toJSON());
  // The manifest is written last: a build without one is incomplete.
  await writeJson(join(dir, 'manifest.json'), manifest);
  await options.beforePublish?.(dir);
  await publishBuild(options.dataDir, name);
  await cache?.prune();
  progress(`Chỉ mục sẵn sàng: ${documents.length} văn bản, ${chunks.length} đoạn, ${manifest.buildMs} ms.`);
  return { manifest, dir, chars, embedded: pending.length };
}
