/** Briefing Q&A sets: what trainers (báo cáo viên) take to a session. */
import type { Chunk, Citation, DocumentMeta } from '../types.js';

export type ClauseKind = 'limit' | 'deadline' | 'responsibility' | 'prohibition' | 'definition' | 'content';

/** A rule clause: a verbatim slice of one chunk's text. */
export interface Clause {
  chunk: Chunk;
  doc: DocumentMeta;
  /** Offsets of the answer in chunk.text. */
  start: number;
  end: number;
  /** Offsets of the whole sentence around it (the citation quote). */
  sentenceStart: number;
  sentenceEnd: number;
  kind: ClauseKind;
  /** Text before a "label:" in the sentence ("Thời lượng"), when there is one. */
  label?: string;
  /** The sentence's first sub-clause ("Phát biểu khai mạc không quá 10 phút"): its subject fills elided ones. */
  lead?: [number, number];
  /** Position in the document (chunk order, then offset): items are ordered by it. */
  order: number;
}

export interface BriefingItem {
  question: string;
  /** The clause, verbatim from the source. */
  answer: string;
  /** OCR sources: the clause's machine-restored reading, printed first (the answer stays the scan's text). */
  reading?: string;
  citations: Citation[];
  kind: ClauseKind;
  section: string;
  /** The answer comes from an OCR-damaged scan: check it against the original. */
  ocr?: boolean;
  /** Whether asking the question back retrieved its own clause (top 5); absent when not checked. */
  roundTrip?: boolean;
}

export interface BriefingSet {
  title: string;
  /** The documents the items cite (full citations go in the exports' header). */
  documents: DocumentMeta[];
  items: BriefingItem[];
  stats: { candidates: number; checked: number; passed: number };
}

/**
 * Writes a question for a clause. The rule-based writer is the default; an LLM
 * writer can plug in here (its questions are round-trip checked like any other).
 * Return undefined to skip a clause.
 */
export interface QuestionWriter {
  write(clause: Clause): Promise<string | undefined> | string | undefined;
}
