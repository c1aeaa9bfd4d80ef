/** Domain types shared by ingest, retrieval, answering and the channels. */
import type { Span } from './text/sentences.js';

export interface DocumentReference {
  /** Canonical number, e.g. "226-KL/TW". */
  number: string;
  /** As written, e.g. "Kết luận số 226-KL/TW, ngày 11/12/2025". */
  text: string;
  date?: string;
}

export interface SectionOutline {
  /** Section path, e.g. "II.2.3.b"; "" for the opening part. */
  path: string;
  /** Display title: restored from clean-text vocabulary when the document is OCR-damaged. */
  title: string;
  /** The title as scanned, when the display title differs from it. */
  titleRaw?: string;
  level: number;
}

export interface DocumentMeta {
  /** Stable id: the file name without extension. */
  id: string;
  /** File name under data/docs. */
  source: string;
  /** Title, e.g. "Kế hoạch số 22-KH/TU – triển khai Kết luận số 226-KL/TW …", from the trích yếu as written (retrieval reads it). */
  title: string;
  /** The title to show people, when it differs: restored words of an OCR-damaged trích yếu (see displayTitle()). */
  displayTitle?: string;
  /** "Kế hoạch", "Hướng dẫn", … */
  docType?: string;
  docNumber?: string;
  issuer?: string;
  /** ISO date (YYYY-MM-DD). */
  date?: string;
  place?: string;
  /** Trích yếu: what the document is about (restored words when OCR-damaged). */
  summary?: string;
  /** The trích yếu as scanned, when restoration changed it. */
  summaryRaw?: string;
  signer?: string;
  references: DocumentReference[];
  /** 0..1: share of well-formed Vietnamese syllables weighted by diacritic use. */
  ocrQuality: number;
  /** True when the text came through damaging OCR: quotes need checking against the original. */
  ocr: boolean;
  chars: number;
  outline: SectionOutline[];
}

export interface Chunk {
  /** `${docId}#${n}` */
  id: string;
  docId: string;
  source: string;
  /** Section path, e.g. "II.2.3.b". */
  section: string;
  /** Section title as written in the (cleaned) text: what retrieval and quoting compare against. */
  sectionTitle: string;
  /** The title to show people, when it differs: restored words of an OCR-damaged title (display only). */
  sectionDisplay?: string;
  /** Titles of the enclosing sections, outermost first (context for retrieval); a part of a long article carries "Điều N. <title>". */
  headings: string[];
  /** Where the chunk starts, as a cadre writes it: "mục II.2.3.b", "Điều 29, khoản 1". */
  sectionLabel?: string;
  /** Sections that start inside the chunk (an article's clauses and points), by offset: where a quote sits. */
  parts?: ChunkPart[];
  /**
   * A heading with no text of its own ("II- NHIỆM VỤ"): a chunk so no line is lost, but not searched by
   * itself — its words are searched with every section under it (their `headings`).
   */
  headingOnly?: boolean;
  /**
   * The header row of a table whose rows continue at the start of this chunk while the header itself sits in an
   * earlier chunk (a long table split between chunks): its rows are read with it.
   */
  tableHeader?: string;
  /** Verbatim (cleaned) text of the section or part of it. */
  text: string;
  sentences: Span[];
  ocr: boolean;
  /** OCR documents: the text as restored (machine reading, word for word and line for line with `text`). */
  reading?: string;
}

export interface ChunkPart {
  /** Offset in the chunk's text where the section's first line starts. */
  at: number;
  section: string;
  sectionLabel: string;
}

export interface HistoryTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface AskRequest {
  question: string;
  history?: HistoryTurn[];
  conversationId?: string;
  filters?: { sources?: string[] };
  /** Language of the answer's own words (quotes stay verbatim); default: the question's language. */
  lang?: 'vi' | 'en';
  /** Attach `trace` to the reply. */
  debug?: boolean;
}

export interface Citation {
  n: number;
  source: string;
  title: string;
  docNumber?: string;
  issuer?: string;
  date?: string;
  section: string;
  /** Where, as a cadre writes it: "mục II.2.3.b", "Điều 29, khoản 1, điểm b". */
  sectionLabel?: string;
  /** Display title of the section (restored when the document is OCR-damaged). */
  sectionTitle?: string;
  /** The section title as scanned, present when the display title was restored from it. */
  sectionTitleRaw?: string;
  quote: string;
  score: number;
  ocr?: boolean;
  /** Restored reading of an OCR quote (machine-made; shown first, labelled so). */
  reading?: string;
  /** [start, end) of the part of `quote` that answers: the clause the question asks about. */
  span?: [number, number];
  /**
   * The quote is a row of a table: the table's header row, verbatim from the same document (what each number
   * counts, in which unit). Shown above the quote; the quote stays the row.
   */
  tableHeader?: string;
  /** Document id, for links to the source view. */
  docId: string;
}

export type AnswerMode = 'extractive' | 'llm';

/** LLM answers only: checked as is, repaired (unsupported sentences dropped), or replaced by the extractive answer. */
export type VerificationStatus = 'passed' | 'repaired' | 'fallback';

export interface AskResponse {
  answered: boolean;
  answer: string;
  citations: Citation[];
  mode: AnswerMode;
  conversationId: string;
  tookMs: number;
  /** Why it did not answer (closed list, see RefusalReason in src/answer/decision.ts). */
  reason?: string;
  /** Only with `debug`: how the answer was chosen. */
  trace?: object;
  /** Present when an LLM was asked (extension of the /api/ask contract). */
  verification?: VerificationStatus;
}

/** A retrieved chunk with its fused relevance score. */
export interface Passage {
  chunk: Chunk;
  doc: DocumentMeta;
  score: number;
}
