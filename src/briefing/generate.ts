/**
 * Briefing generation: clauses of a document (or of the passages a topic
 * retrieves) → questions → round-trip check → proportional selection.
 * Pure over the indexed chunks; the assistant is only used for the round trip.
 */
import type { Assistant } from '../answer/assistant.js';
import { documentLabel, toCitation } from '../answer/format.js';
import { AppError } from '../errors.js';
import type { DocumentLibrary } from '../http/documents.js';
import { fold } from '../text/fold.js';
import { loadSyllableReader } from '../text/reading-model.js';
import { damage, type SyllableReader } from '../text/reading.js';
import type { Chunk, DocumentMeta } from '../types.js';
import { chunkClauses } from './clauses.js';
import { RuleQuestionWriter } from './questions.js';
import { readPhrase, type ReadPhrase } from './read-phrase.js';
import { selectProportional, type Candidate } from './select.js';
import type { BriefingItem, BriefingSet, Clause, QuestionWriter } from './types.js';
import { sliceReading } from '../text/reading-slice.js';

export interface BriefingRequest {
  /** File name under data/docs (or document id). */
  source?: string;
  topic?: string;
  count: number;
  /** Ask each question back and keep it only if its own clause's chunk comes back (default true). */
  roundTrip?: boolean;
  /** Keep items that fail the round trip, flagged `roundTrip: false` (for the review page). */
  keepFailures?: boolean;
}

export interface BriefingDeps {
  library: DocumentLibrary;
  assistant: Pick<Assistant, 'prepare'>;
  /** Another question writer (e.g. an LLM); the rule-based one is the default and the fallback. */
  writer?: QuestionWriter;
}

/** How many retrieved passages count as "found" in the round trip. */
export const ROUND_TRIP_TOP = 5;
/** Passages a topic brings in. */
const TOPIC_PASSAGES = 12;

interface Pending extends Candidate {
  clause: Clause;
  roundTrip?: boolean;
  score: number;
}

export class BriefingService {
  private readerFor?: { key: string; reader: SyllableReader; levels: Map<string, number> };

  constructor(private readonly deps: BriefingDeps) {}

  /** Finds a document by file name or id, accent- and case-insensitively. */
  findDocument(source: string): DocumentMeta | undefined {
    const key = fold(source.trim());
    return this.deps.library.documents().find((d) => fold(d.source) === key || fold(d.id) === key);
  }

  /**
   * Reads scanned phrases as the index read the answers: the shipped syllable model plus the library's
   * clean documents, at each scanned document's own damage level (rebuilt when the document set changes).
   */
  private reader(): (text: string, doc: DocumentMeta) => ReadPhrase {
    const docs = this.deps.library.documents();
    const key = docs.map((d) => `${d.id}:${d.chars}`).join('|');
    if (this.readerFor?.key !== key) {
      const texts = docs.filter((d) => !d.ocr).flatMap((d) => this.deps.library.chunksOf(d.id).map((c) => c.text));
      this.readerFor = { key, reader: loadSyllableReader(texts).reader, levels: new Map() };
    }
    const { reader, levels } = this.readerFor;
    const levelOf = (doc: DocumentMeta) => {
      let level = levels.get(doc.id);
      if (level === undefined) levels.set(doc.id, (level = damage(this.deps.library.chunksOf(doc.id).map((c) => c.text).join('\n'))));
      return level;
    };
    return (text, doc) => readPhrase(reader, text, levelOf(doc));
  }

  async generate(request: BriefingRequest): Promise<BriefingSet> {
    const doc = request.source ? this.findDocument(request.source) : undefined;
    if (request.source && !doc) {
      throw new AppError('not_found', `Không tìm thấy văn bản “${request.source}”. Xem danh sách văn bản tại GET /api/documents.`);
    }
    const read = this.reader();
    const clauses: Clause[] = [];
    let title: string;
    if (request.topic) {
      const { passages, extractive } = await this.deps.assistant.prepare({ question: request.topic, filters: doc ? { sources: [doc.source] } : undefined });
      if (!extractive.answered || !passages.length) {
        throw new AppError('not_found', `Các văn bản hiện có không đề cập đến chủ đề “${request.topic}”.`);
      }
      const seen = new Set<string>();
      for (const passage of passages.slice(0, TOPIC_PASSAGES)) {
        if (seen.has(passage.chunk.id)) continue;
        seen.add(passage.chunk.id);
        const all = this.deps.library.chunksOf(passage.doc.id);
        clauses.push(...chunkClauses(passage.chunk, passage.doc, all.findIndex((c) => c.id === passage.chunk.id) * 1_000_000, passage.doc.ocr ? (text) => read(text, passage.doc).text : undefined));
      }
      title = doc ? `Hỏi – đáp về “${request.topic}” trong ${documentLabel(doc)}` : `Hỏi – đáp về “${request.topic}”`;
    } else {
      const chunks: Chunk[] = this.deps.library.chunksOf(doc!.id);
      chunks.forEach((chunk, n) => clauses.push(...chunkClauses(chunk, doc!, n * 1_000_000, doc!.ocr ? (text) => read(text, doc!).text : undefined)));
      title = `Hỏi – đáp: ${documentLabel(doc!)}`;
    }

    const rules = new RuleQuestionWriter({ read });
    const docOrder = new Map(this.deps.library.documents().map((d, i) => [d.id, i]));
    const candidates: Pending[] = [];
    for (const clause of clauses) {
      const question = (await this.deps.writer?.write(clause)) ?? rules.write(clause);
      if (!question) continue;
      candidates.push({
        clause,
        group: `${clause.doc.id}|${clause.chunk.section.split('.')[0]}`,
        order: (docOrder.get(clause.doc.id) ?? 0) * 1e12 + clause.order,
        kind: clause.kind,
        question,
        answer: clause.chunk.text.slice(clause.start, clause.end),
        score: 1,
      });
    }

    // Round trip over a pool larger than needed, so failures can be replaced.
    const check = request.roundTrip !== false;
    let pool = selectProportional(candidates, check ? Math.max(request.count * 3, 30) : request.count);
    let checked = 0;
    let passed = 0;
    if (check) {
      for (const candidate of pool) {
        const { passages } = await this.deps.assistant.prepare({ question: candidate.question });
        const hit = passages.slice(0, ROUND_TRIP_TOP).find((p) => p.chunk.id === candidate.clause.chunk.id);
        candidate.roundTrip = Boolean(hit);
        if (hit) candidate.score = hit.score;
        checked++;
        if (hit) passed++;
      }
      if (!request.keepFailures) pool = pool.filter((c) => c.roundTrip);
      else pool.sort((a, b) => Number(b.roundTrip) - Number(a.roundTrip) || a.order - b.order);
    }
    const chosen = selectProportional(pool, request.count);
    return {
      title,
      documents: [...new Map(chosen.map((c) => [c.clause.doc.id, c.clause.doc])).values()],
      items: chosen.map((c) => toItem(c)),
      stats: { candidates: candidates.length, checked, passed },
    };
  }
}

function toItem(candidate: Pending): BriefingItem {
  const { clause } = candidate;
  const quote = clause.chunk.text.slice(clause.sentenceStart, clause.sentenceEnd);
  const citation = toCitation(1, { chunk: clause.chunk, doc: clause.doc, score: candidate.score }, quote, candidate.score);
  const { reading } = clause.chunk;
  const answerReading = reading ? sliceReading(clause.chunk.text, reading, clause.start, clause.end) : undefined;
  return {
    question: candidate.question,
    answer: candidate.answer,
    ...(answerReading && answerReading !== candidate.answer ? { reading: answerReading } : {}),
    citations: [citation],
    kind: clause.kind,
    section: clause.chunk.section,
    ...(clause.doc.ocr ? { ocr: true } : {}),
    ...(candidate.roundTrip !== undefined ? { roundTrip: candidate.roundTrip } : {}),
  };
}
