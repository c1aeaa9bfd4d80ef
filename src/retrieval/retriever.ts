/**
 * Hybrid retrieval: BM25 over Vietnamese terms and dense vectors, fused by
 * reciprocal rank, then reranked with what matters in directives: references
 * to the document by number, and the best sentence's fit to the question.
 */
import { findArticleRefs } from '../text/doc-refs.js';
import { fold } from '../text/fold.js';
import { foldedSyllables } from '../text/tokens.js';
import type { Chunk, DocumentMeta, Passage } from '../types.js';
import { articleFocus } from './article-focus.js';
import type { CorpusIndex } from './corpus-index.js';
import { positionsOf, referenceIndex } from './document-index.js';
import type { WeightedTerm } from './lexical-index.js';
import type { QueryEmbedder } from './ports.js';
import { asksForMeans, documentsNamingPlace, dutySubject, leadsWith, namingOf, namesPlaceOf, refKeysOf, subjectType, type QueryAnalysis } from './query.js';
import { scoreSentence, type SentenceTokens } from './sentence-score.js';
import { chunkTokens, documentTokens } from './sentence-cache.js';

/**
 * The documents a question names by number. "Hướng dẫn triển khai Kế hoạch 22 …"
 * is about a document of the type it names first that implements the numbered
 * one (its title cites it), so that one is the document named.
 */
export function namedDocuments(analysis: QueryAnalysis, documents: DocumentMeta[]): Set<string> {
  const refKeys = refKeysOf(analysis);
  const named = new Set<string>();
  if (!refKeys.size) return named;
  const index = referenceIndex(documents);
  const own = positionsOf(index.own, refKeys);
  for (const at of own) named.add(documents[at]!.id);
  const subject = subjectType(analysis.question);
  const ofSubject = (at: number) => index.types[at] === subject;
  if (subject && !own.some(ofSubject)) {
    const implementing = positionsOf(index.cited, refKeys).filter(ofSubject);
    if (implementing.length) return new Set(implementing.map((at) => documents[at]!.id));
  }
  return named;
}

/** "gửi tới …", "nơi nhận": the question asks who receives the document. */
export function asksRecipients(analysis: QueryAnalysis): boolean {
  return /\b(gui|noi nhan|nhan van ban|sent|recipients?)\b/.test(fold(analysis.text));
}

/** The recipients list ("Nơi nhận:") names many bodies but answers only who receives the document. */
export function isRecipientsList(chunk: Chunk): boolean {
  return chunk.section === 'Nơi nhận';
}

/**
 * The sentence states a means: "thông qua …", "bằng nhiều hình thức", "Hình thức … cần đa dạng", "trên sóng phát thanh", or it
 * stands under a heading of forms ("III – HÌNH THỨC TUYÊN TRUYỀN", a scan's "HINH THeC").
 */
export function statesMeans(chunk: Chunk, tokens: SentenceTokens): boolean {
  return writesMeans(tokens) || headedByForms(chunk);
}

const writesMeans = (tokens: SentenceTokens) => / (?:thong qua|hinh thuc|qua cac|tren (?:cac|song|he thong|cong|trang|mang|bao)) /.test(tokens.joined);

/** A heading that begins with the word ("NỘI DUNG, HÌNH THỨC …" heads the contents too). */
const headedByForms = (chunk: Chunk) => [chunk.sectionTitle, ...chunk.headings].some((h) => /^(?:[ivxlc]+|\d+|[a-z])?\s*hinh th[a-z]{1,2}c\b/.test(foldedSyllables(h).join(' ')));

/** A chunk under a heading of forms, or with a sentence stating a means, for a question asking the means (headings read once). */
function meansChunk(chunk: Chunk): boolean {
  return headedByForms(chunk) || chunkTokens(chunk).sentences.some(writesMeans);
}

/** Spreading a document: what a guidance implementing it is about. */
const SPREADING = /\b(tuyen truyen|quan triet|pho bien)\b/;

/** "tuyên truyền Kế hoạch 22 …": the documents whose title cites the one named (the guidance implementing it). */
export function spreadingDocuments(analysis: QueryAnalysis, documents: DocumentMeta[]): string[] {
  const refKeys = refKeysOf(analysis);
  return refKeys.size && SPREADING.test(fold(analysis.text)) ? positionsOf(referenceIndex(documents).cited, refKeys).map((at) => documents[at]!.id) : [];
}

/** The first words of a chunk, across a numbering the sentence splitter cut off ("3." | "Đảng ủy …"). */
function headWords(sentences: Array<{ words: string[] }>): string[] {
  return sentences.slice(0, 2).flatMap((s) => s.words).slice(0, 12);
}

/** How much of the body's name (by idf) a heading must begin with to be that body's section. */
export const LEAD_COVERAGE = 0.7;

/**
 * The chunk is the section of the body a duty question asks about (dutySubject): its first words begin with
 * most of the body's name, OCR-tolerant in scans. Shared by the reranker and the answerer.
 */
export function isSectionOf(chunk: Chunk, subject: string[], idf: (term: string) => number, near?: (term: string) => string[]): boolean {
  return subject.length > 0 && leadsWith(headWords(chunkTokens(chunk).sentences), subject, idf, chunk.ocr ? near : undefined) >= LEAD_COVERAGE;
}

export interface RetrieveOptions {
  limit?: number;
  sources?: string[];
  /** Receives every reranked candidate with the signals its score was made of, best first (scripts and `debug`). */
  trace?: (candidates: CandidateTrace[]) => void;
}

/** One reranked chunk and the signals behind its score. */
export interface CandidateTrace {
  /** Index into the chunk list. */
  index: number;
  /** BM25 over the expanded terms (0 when BM25 did not list it among its CANDIDATES). */
  lexical: number;
  /** Cosine similarity with the question (0 when not among the dense CANDIDATES). */
  dense: number;
  /** Reciprocal-rank fusion, over the top fused score. */
  fused: number;
  /** The best sentence's fit to the question (scoreSentence). */
  sentence: number;
  boosts: Record<string, number>;
  score: number;
}

const RRF_K = 60;
const CANDIDATES = 40;
/** A word this rare in the corpus is what the question is about. */
const RARE_IDF = 3.5;
const RERANK = 30;
/** Candidates taken from the documents a question names, besides the corpus-wide ones. */
const FOCUSED = 14;
/** Chunks found by the name of the body a duty question asks about, always reranked. */
const SUBJECT_PROBE = 4;
/** Rerank bonus of a chunk whose heading line begins with that body's name (its section, not a partner's). */
const SUBJECT_LEAD = 0.15;
/** Rerank bonus of a passage stating the means a "qua những kênh nào" question asks for. */
const MEANS_LEAD = 0.1;
/** Weight of an OCR-variant term relative to the term the question used. */
const VARIANT_WEIGHT = 0.5;
/** Rerank lead of the chunk holding the article (clause, point) a question names, scaled by how closely. */
const ARTICLE_LEAD = 0.3;

export class Retriever {
  constructor(private readonly index: CorpusIndex, private readonly embedder: QueryEmbedder) {}

  get corpus(): CorpusIndex {
    return this.index;
  }

  private idfMemo = new Map<string, number>();

  /** Memoised: reranking asks for the same few terms' idf over hundreds of sentences. */
  idf = (term: string): number => {
    let value = this.idfMemo.get(term);
    if (value === undefined) {
      if (this.idfMemo.size > 100_000) this.idfMemo.clear();
      value = this.index.lexical.idf(term);
      this.idfMemo.set(term, value);
    }
    return value;
  };

  /** Whether the corpus writes a term at all (an unknown term has the idf of an absent one). */
  knows = (term: string): boolean => this.idf(term) < this.idf('\u0001') - 1e-9;

  /** Near spellings of a term in this index, when the lexical index can list them. */
  near = (term: string): string[] => this.index.lexical.nearTerms?.(term) ?? this.index.lexical.similarTerms(term);

  /** Adds OCR variants of the question's syllables found in the index. */
  private expand(terms: WeightedTerm[]): WeightedTerm[] {
    const present = new Set(terms.map((t) => t.term));
    const variants: WeightedTerm[] = [];
    for (const { term, weight } of terms) {
      for (const variant of this.index.lexical.similarTerms(term)) {
        if (!present.has(variant)) {
          present.add(variant);
          variants.push({ term: variant, weight: weight * VARIANT_WEIGHT });
        }
      }
    }
    return [...terms, ...variants];
  }

  /** A rare word of the question (idf ≥ RARE_IDF) that the corpus writes but no chunk of the named documents does. */
  private async namedMissRareWord(analysis: QueryAnalysis, named: Set<string>): Promise<boolean> {
    const ranges = this.index.chunkRanges(named);
    for (const { term, weight } of analysis.content) {
      if (weight < 1 || !/^[a-z]+$/.test(term) || this.idf(term) < RARE_IDF || !this.knows(term)) continue;
      const hits = await this.index.lexical.search([{ term, weight: 1 }], 1, () => true, ranges);
      if (!hits.length && !this.near(term).length) return true;
    }
    return false;
  }

  async retrieve(analysis: QueryAnalysis, options: RetrieveOptions = {}): Promise<Passage[]> {
    const { chunks } = this.index;
    const sources = options.sources?.length ? new Set(options.sources) : undefined;
    const accept = (i: number) => !sources || sources.has(chunks[i]!.source);

    const expanded = this.expand(analysis.terms);
    // Unfiltered, BM25 may scan the heads of long posting lists (exact on a corpus under HEAD_SIZE chunks);
    // filtered by source, it scans exactly, only within those sources' chunks.
    const lexical = await (sources
      ? this.index.lexical.search(expanded, CANDIDATES, accept, this.index.chunkRanges(sources, 'source'))
      : this.index.lexical.search(expanded, CANDIDATES));
    const vector = await this.embedder.embedQuery(analysis.text);
    const dense = (await this.index.dense.search(vector, sources ? CANDIDATES * 4 : CANDIDATES)).filter((h) => accept(h.index)).slice(0, CANDIDATES);

    const lexicalScore = new Map(lexical.map((h) => [h.index, h.score]));
    const denseScore = new Map(dense.map((h) => [h.index, h.score]));
    const fused = new Map<number, number>();
    lexical.forEach((hit, rank) => fused.set(hit.index, (fused.get(hit.index) ?? 0) + 1 / (RRF_K + rank)));
    dense.forEach((hit, rank) => fused.set(hit.index, (fused.get(hit.index) ?? 0) + 0.8 / (RRF_K + rank)));

    // A question naming a document ("KH 22", "Kết luận 226") prefers that document.
    const refKeys = refKeysOf(analysis);
    const metas = this.index.list();
    const named = refKeys.size ? namedDocuments(analysis, metas) : new Set<string>();
    // …and so does one naming a place ("Sơn La …"). A scanned document's garbled words lose the
    // corpus-wide race to clean ones, so its own best chunks are searched for separately.
    // "tuyên truyền Kế hoạch 22 …": the guidance implementing it ("… quán triệt, tuyên truyền … Kế hoạch 22") is
    // searched on its own too, without the named document's precedence.
    const spreading = spreadingDocuments(analysis, metas);
    const focus = new Set([...named, ...documentsNamingPlace(analysis, metas).map((m) => m.id), ...spreading]);
    if (focus.size && focus.size < metas.length) {
      const inFocus = (i: number) => accept(i) && focus.has(chunks[i]!.docId);
      const own = await this.index.lexical.search(expanded, FOCUSED, inFocus, this.index.chunkRanges(focus));
      own.forEach((hit, rank) => fused.set(hit.index, (fused.get(hit.index) ?? 0) + 1 / (RRF_K + rank)));
    }
    // "kh 22 có podcast không": when the named document never writes the question's rarest word, the
    // documents that do (the guidance implementing it) are not outranked by the name alone.
    if (named.size && (await this.namedMissRareWord(analysis, named))) named.clear();
    if (refKeys.size) {
      for (const [i, score] of fused) if (named.has(chunks[i]!.docId)) fused.set(i, score + 0.02);
    }

    const recipients = asksRecipients(analysis);
    const means = asksForMeans(analysis);
    const top = [...fused].sort((a, b) => b[1] - a[1]).slice(0, RERANK);
    // "Đảng ủy HĐND tỉnh có trách nhiệm gì": the body's one-line item in a scan says little else the
    // question says, so its name alone is searched for too, and what that finds is always reranked.
    const subject = dutySubject(analysis);
    if (subject.length) {
      const terms = subject.map((term) => ({ term, weight: 1 }));
      for (let k = 1; k < subject.length; k++) terms.push({ term: `${subject[k - 1]}_${subject[k]}`, weight: 1 });
      const focused = focus.size && focus.size < metas.length ? focus : undefined;
      // Only a rare word's misreadings ("HDPND"): a common one's near spellings ("dan", "dung" of "dang") find anything.
      const variants = this.expand(terms.filter((t) => this.idf(t.term) >= RARE_IDF)).filter((t) => !terms.some((u) => u.term === t.term));
      const query = [...terms, ...variants];
      const search = (scope: Set<string> | undefined) =>
        scope
          ? this.index.lexical.search(query, SUBJECT_PROBE, (i: number) => accept(i) && scope.has(chunks[i]!.docId), this.index.chunkRanges(scope))
          : this.index.lexical.search(query, SUBJECT_PROBE, accept);
      let probe = await search(focused);
      // "Còn phóng viên báo chí Trung ương thường trú thì được giao gì?" after a question on Kế hoạch 22: when no
      // document in focus has a section of that body, it is looked for everywhere (the guidance spreading the plan has one).
      if (focused && !probe.some(({ index }) => isSectionOf(chunks[index]!, subject, this.idf, this.near))) probe = await search(undefined);
      // What it finds is reranked even when fusion ranks it low; a section headed by the body's name
      // counts as ranked in a list of its own, like the focused search's.
      probe.forEach(({ index }, rank) => {
        const score = (fused.get(index) ?? 0) + (isSectionOf(chunks[index]!, subject, this.idf, this.near) ? 1 / (RRF_K + rank) : 0);
        const at = top.findIndex(([i]) => i === index);
        if (at >= 0) top[at] = [index, score];
        else top.push([index, score]);
      });
    }
    // "Điều 29 Luật Viên chức quy định gì?": the article named is read however it ranks.
    const articles = articleFocus(analysis.text, findArticleRefs(analysis.text), chunks, (id) => this.index.meta(id), accept);
    for (const i of articles.lead.keys()) if (!top.some(([j]) => j === i)) top.push([i, fused.get(i) ?? 0]);
    const maxFused = Math.max(...top.map(([, score]) => score), 1e-9);
    const reranked = top.map(([i, score]) => {
      const chunk = chunks[i]!;
      const { sentences, context } = chunkTokens(chunk);
      const meta = this.index.meta(chunk.docId);
      const document = documentTokens(meta);
      const reading = namingOf(analysis, meta);
      let best = 0;
      for (const tokens of sentences) {
        best = Math.max(best, scoreSentence(tokens, reading.analysis, this.idf, { context, document, fuzzy: chunk.ocr, known: this.index.knownWords, near: this.near, naming: reading.words }).score);
      }
      // The document the question names by number outranks look-alike passages elsewhere.
      // The recipients list matches many names but answers only "who receives / sent to".
      const recipientsList = isRecipientsList(chunk) && !recipients ? 0.2 : 0;
      // So does the document of the place the question names ("Sơn La …", "huyện Tam Đường …").
      const place = namesPlaceOf(analysis, this.index.meta(chunk.docId)) ? 0.15 : 0;
      const lead = isSectionOf(chunk, subject, this.idf, this.near) ? SUBJECT_LEAD : 0;
      // "qua những kênh nào": the passage that states the means ("thông qua …", under "HÌNH THỨC …").
      const way = means && meansChunk(chunk) ? MEANS_LEAD : 0;
      const article = ARTICLE_LEAD * (articles.lead.get(i) ?? 0);
      const boosts = { named: named.has(chunk.docId) ? 0.12 : 0, place, lead, way, article, recipientsList: -recipientsList };
      return { i, score: 0.45 * (score / maxFused) + 0.55 * best + boosts.named + place + lead + way + article - recipientsList, fused: score / maxFused, best, boosts };
    });
    reranked.sort((a, b) => b.score - a.score);
    // An article named with its document is where the answer is: only its chunks are read.
    if (articles.only.size) reranked.splice(0, reranked.length, ...reranked.filter((r) => articles.only.has(r.i)));
    options.trace?.(reranked.map((r) => ({ index: r.i, lexical: lexicalScore.get(r.i) ?? 0, dense: denseScore.get(r.i) ?? 0, fused: r.fused, sentence: r.best, boosts: r.boosts, score: r.score })));
    const kept = reranked.slice(0, options.limit ?? 8);
    // "Đảng ủy HĐND tỉnh có nhiệm vụ gì": the body's own section, a one-line item in a scan that says little
    // else the question says, is read however low it ranks (in place of the last passage).
    if (subject.length && !kept.some(({ i }) => isSectionOf(chunks[i]!, subject, this.idf, this.near))) {
      const own = reranked.find(({ i }) => isSectionOf(chunks[i]!, subject, this.idf, this.near));
      if (own && kept.length) kept[kept.length - 1] = own;
    }
    return kept.map(({ i, score }) => ({
      chunk: chunks[i]!,
      doc: this.index.meta(chunks[i]!.docId),
      score: Math.round(score * 1000) / 1000,
    }));
  }
}
