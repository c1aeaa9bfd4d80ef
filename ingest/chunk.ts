/**
 * Chunk by structure, losing nothing: every line of every section lands in
 * exactly one chunk (a line longer than a chunk is cut at sentences into
 * consecutive chunks).
 *
 * - Directive sections: one chunk per section (a heading-only one too), long ones split between lines.
 * - Articles (Điều): one chunk per article with its clauses and points; a long
 *   article splits at clause (khoản) boundaries, and every part after the first
 *   carries "Điều N. <title>" in its headings. No chunk spans two articles.
 *
 * Each chunk keeps its section path, label and the titles above it, the offsets
 * where its inner sections start (for a quote's "Điều 29, khoản 1, điểm b") and
 * sentence offsets for exact quoting.
 */
import { sentenceSpans } from '../src/text/sentences.js';
import { headerAtEnd, isTableLine } from '../src/text/table-line.js';
import type { Chunk, ChunkPart } from '../src/types.js';
import type { Section } from './structure.js';

export interface ChunkOptions {
  /** Target maximum characters per chunk. */
  maxChars?: number;
}

/** Splits text into pieces of at most `maxChars`, at line and then sentence boundaries. Iterative: any input size. */
export function splitText(text: string, maxChars: number): string[] {
  if (text.length <= maxChars) return [text];
  const pieces: string[] = [];
  let current = '';
  const add = (unit: string) => {
    if (current && current.length + unit.length + 1 > maxChars) {
      pieces.push(current);
      current = '';
    }
    current = current ? `${current}\n${unit}` : unit;
  };
  for (const line of text.split('\n')) {
    if (line.length <= maxChars) {
      add(line);
      continue;
    }
    for (const span of sentenceSpans(line)) {
      for (const piece of hardSplit(line.slice(span.start, span.end), maxChars)) add(piece);
    }
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

/** A heading-only section ("Chương I / QUY ĐỊNH CHUNG") whose content is in the subsections that follow it. */
function isHeadingOnly(section: Section, next: Section | undefined): boolean {
  const opensNext = next !== undefined && (section.path === '' ? false : next.path.startsWith(`${section.path}.`));
  const lines = section.text.split('\n');
  const headingLike = lines.length <= 2 && section.text.length < 160 && !/[.;:]/.test(section.text.slice(0, -1).replace(/^\S+\s/, ''));
  return opensNext && section.level > 0 && section.level < 5 && headingLike;
}

/**
 * A directive heading with nothing of its own ("II- NHIỆM VỤ", no full stop or colon in it) whose
 * subsections follow: its words are searched with them. A numbered heading ("1. Chỉ tiêu cụ thể")
 * stays searchable: a question may be answered by the heading alone.
 */
function isBareHeading(section: Section, next: Section | undefined): boolean {
  const opensNext = next !== undefined && section.path !== '' && next.path.startsWith(`${section.path}.`);
  return opensNext && !section.text.includes('\n') && section.text.length < 90 && !/[.;:]/.test(section.text.slice(0, -1)) && section.level > 0 && section.level < 5;
}

/** One section's lines as a block of a chunk. */
interface Block {
  section: Section;
  text: string;
}

/** Consecutive sections read as one unit: a whole article, or one directive section (with heading-only sections before it). */
interface Unit {
  /** The section the unit is named after: the article's own section, or the directive section. */
  main: Section;
  blocks: Block[];
  /** Blocks where a part of a long unit may start (clause boundaries); all blocks when empty. */
  breaks: Set<number>;
  /** A heading whose content is in the sections under it. */
  headingOnly?: boolean;
}

function blockOf(section: Section): Block {
  return { section, text: section.text.replace(/\n{2,}/g, '\n') };
}

/** Headings only ("Phần I", "Chương II / …", "Mục 1 / …") from `i` on, then an article: they open its chunk. */
function leadsToArticle(sections: Section[], i: number): boolean {
  let j = i;
  while (j < sections.length && !sections[j]!.article && isHeadingOnly(sections[j]!, sections[j + 1])) j++;
  return j > i && sections[j]?.article !== undefined;
}

function unitsOf(sections: Section[]): Unit[] {
  const units: Unit[] = [];
  let leading: Block[] = [];
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i]!;
    if (section.article) {
      const last = units[units.length - 1];
      // A clause or point of the article being read joins it.
      if (last && !leading.length && last.main.article === section.article) {
        // Clauses (level 3) may start a part of a long article; points (level 4+) stay with their clause.
        if (section.level <= 3) last.breaks.add(last.blocks.length);
        last.blocks.push(blockOf(section));
        continue;
      }
      // A new article, opened by the chapter headings right above it.
      const blocks = [...leading, blockOf(section)];
      units.push({ main: section, blocks, breaks: new Set([leading.length]) });
      leading = [];
      continue;
    }
    if (leadsToArticle(sections, i)) {
      leading.push(blockOf(section));
      continue;
    }
    // A directive heading-only section ("II- NHIỆM VỤ") stays a chunk of its own: answers read a
    // directive section's first line as its heading, so it is not glued above its first subsection.
    units.push({ main: section, blocks: [blockOf(section)], breaks: new Set(), headingOnly: isBareHeading(section, sections[i + 1]) });
  }
  // Heading-only sections at the very end still belong somewhere: a unit of their own.
  if (leading.length) units.push({ main: leading[leading.length - 1]!.section, blocks: leading, breaks: new Set() });
  return units;
}

interface Piece {
  blocks: Block[];
}

/** Packs blocks into pieces of at most `maxChars`, cutting only at `breaks` (when given) or between blocks. */
function packBlocks(unit: Unit, maxChars: number): Piece[] {
  const size = (blocks: Block[]) => blocks.reduce((n, b) => n + b.text.length + 1, 0);
  if (size(unit.blocks) <= maxChars) return [{ blocks: unit.blocks }];
  // Groups that must stay together: a clause with its points (articles), or single blocks.
  const groups: Block[][] = [];
  unit.blocks.forEach((block, i) => {
    if (!groups.length || !unit.breaks.size || unit.breaks.has(i)) groups.push([block]);
    else groups[groups.length - 1]!.push(block);
  });
  const pieces: Piece[] = [];
  let current: Block[] = [];
  const close = () => {
    if (current.length) pieces.push({ blocks: current });
    current = [];
  };
  for (const group of groups) {
    if (current.length && size(current) + size(group) > maxChars) close();
    if (size(group) <= maxChars) {
      current.push(...group);
      continue;
    }
    // A clause longer than a chunk: its points (blocks) one by one.
    for (const block of group) {
      if (current.length && size(current) + block.text.length + 1 > maxChars) close();
      current.push(block);
    }
  }
  close();
  return pieces;
}

function chunkOf(unit: Unit, blocks: Block[], text: string, doc: { id: string; source: string; ocr: boolean }, n: number, first: boolean): Chunk {
  const article = unit.main.article !== undefined;
  // A part of a long article is named by the clause it starts with; leading chapter headings name nothing.
  const named = article ? (blocks.find((b) => b.section.article === unit.main.article) ?? blocks[0]!).section : unit.main;
  const parts: ChunkPart[] = [];
  let at = 0;
  for (const block of blocks) {
    const offset = text.indexOf(block.text.split('\n')[0]!, at);
    if (offset < 0) continue;
    parts.push({ at: offset, section: block.section.path, sectionLabel: block.section.label });
    at = offset;
  }
  return {
    id: `${doc.id}#${n}`,
    docId: doc.id,
    source: doc.source,
    section: named.path,
    sectionTitle: unit.main.title,
    headings: article && !first && unit.main.articleHeading ? [...unit.main.parents, unit.main.articleHeading] : unit.main.parents,
    sectionLabel: named.label,
    ...(parts.length > 1 || (parts.length === 1 && parts[0]!.section !== named.path) ? { parts } : {}),
    ...(unit.headingOnly ? { headingOnly: true } : {}),
    text,
    sentences: sentenceSpans(text),
    ocr: doc.ocr,
  };
}

/** Chunks that open inside a table begun in the chunk before carry that table's header row. */
function carryTableHeaders(chunks: Chunk[]): void {
  for (let i = 1; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    if (!isTableLine(chunk.text.split('\n')[0]!)) continue;
    const header = headerAtEnd(chunks[i - 1]!.text, chunks[i - 1]!.tableHeader);
    if (header) chunk.tableHeader = header;
  }
}

export function chunkSections(sections: Section[], doc: { id: string; source: string; ocr: boolean }, options: ChunkOptions = {}): Chunk[] {
  const maxChars = options.maxChars ?? 1200;
  const chunks: Chunk[] = [];
  for (const unit of unitsOf(sections)) {
    let first = true;
    for (const piece of packBlocks(unit, maxChars)) {
      const joined = piece.blocks.map((b) => b.text).join('\n');
      const texts = splitText(joined, maxChars);
      if (texts.length === 1) {
        chunks.push(chunkOf(unit, piece.blocks, joined, doc, chunks.length, first));
        first = false;
        continue;
      }
      // One block longer than a chunk: its lines (or sentences) in consecutive chunks, each named by the block it starts in.
      let from = 0;
      for (const text of texts) {
        const blocks = blocksOver(piece.blocks, joined, text, from);
        from = Math.max(from, joined.indexOf(text.split('\n')[0]!, from));
        chunks.push(chunkOf(unit, blocks, text, doc, chunks.length, first));
        first = false;
      }
    }
  }
  carryTableHeaders(chunks);
  return chunks;
}

/** The blocks a split piece of `joined` (found from offset `from`) overlaps, so its parts and name are right. */
function blocksOver(blocks: Block[], joined: string, text: string, from: number): Block[] {
  const start = Math.max(0, joined.indexOf(text.split('\n')[0]!, from));
  const end = start + text.length;
  const over: Block[] = [];
  let offset = 0;
  for (const block of blocks) {
    const blockEnd = offset + block.text.length;
    if (blockEnd > start && offset < end) over.push(block);
    offset = blockEnd + 1;
  }
  return over.length ? over : [blocks[0]!];
}
