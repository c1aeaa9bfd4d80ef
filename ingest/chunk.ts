/**
 * Chunk by structure: one chunk per section, long sections split between
 * paragraphs (never inside a sentence). Each chunk keeps its section path and
 * the titles above it, and sentence offsets for exact quoting.
 */
import { sentenceSpans } from '../src/text/sentences.js';
import type { Chunk } from '../src/types.js';
import type { Section } from './structure.js';

export interface ChunkOptions {
  /** Target maximum characters per chunk. */
  maxChars?: number;
}

/** Splits text into pieces of at most `maxChars`, at line and then sentence boundaries. */
function splitText(text: string, maxChars: number): string[] {
  if (text.length <= maxChars) return [text];
  const units: string[] = [];
  for (const line of text.split('\n')) {
    if (line.length <= maxChars) units.push(line);
    else for (const span of sentenceSpans(line)) units.push(...hardSplit(line.slice(span.start, span.end), maxChars));
  }
  const pieces: string[] = [];
  let current = '';
  for (const unit of units) {
    if (current && current.length + unit.length + 1 > maxChars) {
      pieces.push(current);
      current = '';
    }
    current = current ? `${current}\n${unit}` : unit;
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Last resort for run-on text (OCR tables): cut at spaces. */
function hardSplit(text: string, maxChars: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > maxChars) {
    const cut = rest.lastIndexOf(' ', maxChars);
    const at = cut > maxChars / 2 ? cut : maxChars;
    pieces.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** A heading-only section ("II- NHIỆM VỤ") carries no content of its own. */
function isTitleOnly(section: Section): boolean {
  return !section.text.includes('\n') && section.text.length < 90 && !/[.;:]/.test(section.text.slice(0, -1)) && section.level > 0 && section.level < 5;
}

export function chunkSections(sections: Section[], doc: { id: string; source: string; ocr: boolean }, options: ChunkOptions = {}): Chunk[] {
  const maxChars = options.maxChars ?? 1200;
  const chunks: Chunk[] = [];
  for (const section of sections) {
    if (isTitleOnly(section)) continue;
    for (const text of splitText(section.text.replace(/\n{2,}/g, '\n'), maxChars)) {
      chunks.push({
        id: `${doc.id}#${chunks.length}`,
        docId: doc.id,
        source: doc.source,
        section: section.path,
        sectionTitle: section.title,
        headings: section.parents,
        text,
        sentences: sentenceSpans(text),
        ocr: doc.ocr,
      });
    }
  }
  return chunks;
}
