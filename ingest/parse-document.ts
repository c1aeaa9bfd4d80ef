/**
 * One document from raw text to metadata and chunks: clean → metadata →
 * structure → chunk, with its OCR quality. Pure: no I/O, easy to test.
 */
import { basename, extname } from 'node:path';
import { typeByFoldedName } from '../src/text/document-types.js';
import { fold } from '../src/text/fold.js';
import type { Vocabulary } from '../src/text/vocabulary.js';
import type { Chunk, DocumentMeta } from '../src/types.js';
import { cleanText } from './clean.js';
import { chunkSections } from './chunk.js';
import { extractMetadata } from './metadata.js';
import { OCR_THRESHOLD, ocrQuality } from './ocr-quality.js';
import { parseSections } from './structure.js';

export interface ParsedDocument {
  meta: DocumentMeta;
  /** Cleaned text (one paragraph a line): what the source view shows. */
  text: string;
  chunks: Chunk[];
}

/** File name → stable id: lowercase, safe characters only. */
export function documentId(source: string): string {
  return basename(source, extname(source))
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** "Kế hoạch số 22-KH/TU – <trích yếu, cut at 110 characters>"; a law by its name. */
export function displayTitle(meta: { docType?: string; docNumber?: string; summary?: string }, source: string): string {
  // A law is titled by its name: "Luật Viên chức", "Luật Viên chức số 58/2010/QH12".
  if (meta.docType && meta.summary && typeByFoldedName(fold(meta.docType))?.named) {
    return [`${meta.docType} ${meta.summary}`, meta.docNumber ? `số ${meta.docNumber}` : undefined].filter(Boolean).join(' ');
  }
  const head = [meta.docType, meta.docNumber ? `số ${meta.docNumber}` : undefined].filter(Boolean).join(' ');
  const summary = meta.summary && meta.summary.length > 110 ? `${meta.summary.slice(0, 110).replace(/\s+\S*$/, '')}…` : meta.summary;
  if (head && summary) return `${head} – ${summary}`;
  return head || summary || basename(source, extname(source));
}

/** `prepared`: the raw text already cleaned and scored (the build does both once for its vocabulary). */
export function parseDocument(
  source: string,
  raw: string,
  vocabulary: Vocabulary,
  prepared?: { cleaned: ReturnType<typeof cleanText>; quality: ReturnType<typeof ocrQuality>; scanned?: boolean },
): ParsedDocument {
  const cleaned = prepared?.cleaned ?? cleanText(raw);
  const sections = parseSections(cleaned.text);
  const quality = prepared?.quality ?? ocrQuality(cleaned.text);
  // A page OCR'd on the way in is an OCR document however well it was read.
  const ocr = quality.score < OCR_THRESHOLD || Boolean(prepared?.scanned);
  const id = documentId(source);
  const metadata = extractMetadata({
    text: cleaned.text,
    preamble: sections.find((s) => s.path === '')?.text ?? '',
    closing: sections.find((s) => s.path === 'Nơi nhận')?.text ?? '',
    signatures: cleaned.signatures,
    vocabulary,
  });
  // Retrieval reads `title` (as scanned); an OCR document's titles are read for people later (ingest/read-titles.ts).
  const meta: DocumentMeta = {
    id,
    source,
    title: displayTitle(metadata, source),
    ...metadata,
    ocrQuality: quality.score,
    ocr,
    chars: cleaned.text.length,
    outline: sections.map((s) => ({ path: s.path, title: s.title, level: s.level })),
  };
  const chunks = chunkSections(sections, { id, source, ocr });
  return { meta, text: cleaned.text, chunks };
}
