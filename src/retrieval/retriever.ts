/**
 * Hybrid retrieval: BM25 over Vietnamese terms and dense vectors, fused by
 * reciprocal rank to choose candidates, then reranked by fitted weights of the
 * BM25 and cosine scores, the fusion and the best sentence's fit to the
 * question (RERANK_WEIGHTS), plus what matters in directives (RERANK_BOOSTS):
 * references to the document by number, the place it speaks for, a body's section.
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

const chunkTitles = new WeakMap<Chunk, string[]>();

/** A chunk's section title as folded syllables and bigrams, each once (a title cut short ends in "…", dropped); read once per chunk. */
function titleTerms(chunk: Chunk): string[] {
  let terms = chunkTitles.get(chunk);
  if (!terms) {
    const words = foldedSyllables(chunk.sectionTitle.replace(/…$/, ''));
    const set = new Set(words);
    for (let k = 1; k < words.length; k++) set.add(`${words[k - 1]}_${words[k]}`);
    chunkTitles.set(chunk, (terms = [...set]));
  }
  return terms;
}

const askedTerms = new WeakMap<QueryAnalysis, Set<string>>();

/** The question's own lexical terms (as titleTerms spells them), once per analysis. */
function questionTerms(analysis: QueryAnalysis): Set<string> {
  let terms = askedTerms.get(analysis);
  if (!terms) askedTerms.set(analysis, (terms = new Set(analysis.terms.map((t) => t.term))));
  return terms;
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
  /** BM25 over the expanded terms, over the best candidate's. */
  lexical: number;
  /** Cosine similarity with the question, over the best candidate's (0 when negative or not among the dense CANDIDATES). */
  dense: number;
  /** Reciprocal-rank fusion, over the top fused score. */
  fused: number;
  /** The best sentence's fit to the question (scoreSentence). */
  sentence: number;
  /** BM25 of the chunk's unit (its whole article) as one text, over the best candidate's. */
  unit: number;
  /** Share of the section title's terms (by idf) the question writes. */
  title: number;
  boosts: Record<string, number>;
  score: number;
}

const RRF_K = 60;
const CANDIDATES = 40;

/**
 * How a candidate's score is made of its signals, each on a 0..1 scale per question: BM25 and cosine over the
 * best candidate's, the reciprocal-rank fusion of the lists, and the best sentence's fit (scoreSentence, up to
 * ~1.4). Ranks alone compressed a BM25 lead of 50% into a 3% one, so the best sentence decided nearly alone and
 * a passage repeating the law's or plan's name beat the article that answers (laws pool: 0.82 hit@1 against plain
 * BM25's 0.88). Fitted by scripts/fit-retrieval.ts on the home pool (1,353 answerable questions, 5 documents),
 * the unseen pool (152, 14 documents) and ALQAC statements (76, 18 laws), each pool weighing the same, scored
 * by document and by passage hit@1; each pool held out in turn stays above its old figure (see the script).
 * They sum to 1 so passage scores keep the scale the answerer reads (extractive.ts adds 0.35 × passage score).
 * scripts/retrieval-eval.ts, first passage's document (article for ALQAC), before → after: home 93.7% → 95.9%,
 * unseen 90.8% → 97.4%, ALQAC 71.1% → 78.9% (plain BM25 over whole articles: 85.5%; the gap is chunking — with
 * chunks that keep to one article, 82.9% → 84.2%); passage hit@1 home 78.4% → 82.1%, unseen 60.0% → 62.0%.
 * Refit after the structure-aware chunks (one article per chunk, pipeline-11), on the same three pools: all
 * pools together pick lexical 0.3 / dense 0.05 / fused 0 / sentence 0.65 (laws 88.2%), but answers at home drop
 * 0.6 points with it; these weights are the ones fitted with the laws held out (laws 85.5% never seen, plain
 * BM25 over whole articles 85.5%, over the same chunks 84.2%; home 96.0% / unseen 98.7% by document), and lose
 * the least at home (answer accuracy home 96.4% → 96.1%, unseen 71.2% → 71.8%).
 * `unit`, BM25 of the candidate's whole unit (an article split at its clauses scored as one text, CorpusIndex.units),
 * weighs 0 and is computed for traces only: refit with it (scripts/fit-retrieval.ts --keep, 2026-12-07), the best
 * weighting with unit 0.2 (lexical 0.15 / fused 0.1 / sentence 0.55) lifts laws article hit@1 85.5% → 88.2% but
 * lowers passage hit@1 (unseen 71.6% → 68.9%) and home answers (96.2% → 95.9%); its laws gain is that of more
 * lexical weight as a whole, the aggregation adding nothing over a chunk's BM25 on these pools.
 * Refit (dump with --dump, then the script) when chunking or a signal changes.
 */
export const RERANK_WEIGHTS = { lexical: 0.2, dense: 0, fused: 0.2, sentence: 0.6, unit: 0 } as const;

/**
 * Bonuses for what a question says about where its answer is, added to the rerank score; one table, so a
 * registry of question kinds can own them later. `named`: the document the question names by number (fitted on
 * retrieval alone 0.2 ranks best, 0.3 within 0.2 points; 0.3 is what the old rank fusion gave it and what the
 * answerer's thresholds were set against: home answers 96.2% with it, 96.1% with 0.2, unseen the same);
 * `place`: the document of the place it names; `subjectLead`: the section headed by the body a duty question
 * asks about; `means`: a passage stating the means a "qua những kênh nào" question asks for;
 * `recipientsList`: the "Nơi nhận" list, which names many bodies but answers only who receives the document;
 * `article`: the chunk holding the article (clause, point) a question names, scaled by how closely;
 * `title`: the section whose title the question writes, times the square of the share of the title (by idf) it
 * writes — fitted with the weights above by scripts/fit-retrieval.ts --keep on home, unseen and laws: 0.15 with
 * every pool in, and 0.15 again with unseen held out and with laws held out (laws then 88.2% never seen). Retrieval
 * hit@1 home 96.0% → 96.2%, unseen 98.7% = , laws (article) 85.5% → 88.2% (plain BM25 85.5%); passage hit@1 home
 * 84.3% → 85.6%, unseen 71.6% → 73.0% (candidates of the trace). Answers: blind-b 63.0% → 64.0%, unseen, blind-a
 * and laws unchanged, home 96.2% → 96.0% (one question, written in three sets, whose "Nơi nhận" passage swaps
 * places with another at a 0.001 difference).
 */
export const RERANK_BOOSTS = { named: 0.3, place: 0.15, subjectLead: 0.15, means: 0.1, recipientsList: -0.2, article: 0.3, title: 0.15 } as const;
/** A word this rare in the corpus is what the question is about. */
const RARE_IDF = 3.5;
const RERANK = 30;
/** Candidates taken from the documents a question names, besides the corpus-wide ones. */
const FOCUSED = 14;
/** Chunks found by the name of the body a duty question asks about, always reranked. */
const SUBJECT_PROBE = 4;
/** Weight of an OCR-variant term relative to the term the question used. */
const VARIANT_WEIGHT = 0.5;

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

  /**
   * Adds OCR variants of the question's syllables found in the index. A variant that clean (non-OCR) text
   * writes is a word of its own ("nhanh" is not a misread "nhan"): in a clean corpus expanding to it only
   * adds noise, so only spellings found in scans alone are added.
   */
  private expand(terms: WeightedTerm[]): WeightedTerm[] {
    const present = new Set(terms.map((t) => t.term));
    const variants: WeightedTerm[] = [];
    const known = this.index.knownWords;
    for (const { term, weight } of terms) {
      for (const variant of this.index.lexical.similarTerms(term)) {
        if (!present.has(variant) && !known.has(variant)) {
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

  /**
   * BM25 of each candidate's unit (CorpusIndex.units: an article with all its clauses) scored as one text,
   * against the mean unit length; the chunk's own BM25 where the lexical search cannot score groups.
   */
  private unitScores(terms: WeightedTerm[], candidates: number[]): number[] {
    const { lexical } = this.index;
    const units = this.index.units();
    if (!lexical.groupScores || lexical.totalLength === undefined) return candidates.map(() => 0);
    const avgLength = lexical.totalLength / Math.max(1, units.count);
    return lexical.groupScores(terms, candidates.map((i) => [units.start[i]!, units.end[i]!]), avgLength);
  }

  /**
   * How much of the candidate's section title the question writes, by idf: a statement that names an
   * article's subject ("trách nhiệm của <body>") in the words of its title. Folded syllables and their
   * bigrams, each once; 0 for a title without words.
   */
  private titleCoverage(analysis: QueryAnalysis, chunk: Chunk): number {
    const title = titleTerms(chunk);
    if (!title.length) return 0;
    const asked = questionTerms(analysis);
    let total = 0;
    let found = 0;
    for (const term of title) {
      const weight = this.idf(term);
      total += weight;
      if (asked.has(term)) found += weight;
    }
    return total > 0 ? found / total : 0;
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
      own.forEach((hit, rank) => {
        fused.set(hit.index, (fused.get(hit.index) ?? 0) + 1 / (RRF_K + rank));
        lexicalScore.set(hit.index, hit.score);
      });
    }
    // "kh 22 có podcast không": when the named document never writes the question's rarest word, the
    // documents that do (the guidance implementing it) are not outranked by the name alone.
    if (named.size && (await this.namedMissRareWord(analysis, named))) named.clear();
    // Which candidates are reranked: the named document's, by a margin (its weight in the score is RERANK_BOOSTS.named).
    const selection = new Map(fused);
    if (refKeys.size) {
      for (const [i, score] of fused) if (named.has(chunks[i]!.docId)) selection.set(i, score + 0.02);
    }

    const recipients = asksRecipients(analysis);
    const means = asksForMeans(analysis);
    const top = [...selection].sort((a, b) => b[1] - a[1]).slice(0, RERANK).map(([i]): [number, number] => [i, fused.get(i)!]);
    // "<body> có trách nhiệm gì": the body's one-line item in a scan says little else the
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
      // A follow-up asking another body's duties ("Còn <body> thì được giao gì?") after a question on a plan: when no
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
    // A chunk that reached the rerank by another list (dense, the subject probe, the article named) but ranked below
    // BM25's CANDIDATES has a BM25 score all the same: a short clause whose words a scan misread ("Vn ban" for "văn bản")
    // ranks low by BM25 among long passages, yet its score is far from 0.
    const unscored = top.map(([i]) => i).filter((i) => !lexicalScore.has(i));
    if (unscored.length && this.index.lexical.scoresOf) {
      const exact = this.index.lexical.scoresOf(expanded, unscored);
      unscored.forEach((i, k) => lexicalScore.set(i, exact[k]!));
    }
    // Signals weighed 0 are computed only for a trace (the fit reads them there).
    const traced = Boolean(options.trace);
    const units = RERANK_WEIGHTS.unit || traced ? this.unitScores(expanded, top.map(([i]) => i)) : top.map(() => 0);
    const titles = top.map(([i]) => (RERANK_BOOSTS.title || traced ? this.titleCoverage(analysis, chunks[i]!) : 0));
    const maxUnit = Math.max(...units, 1e-9);
    const maxFused = Math.max(...top.map(([, score]) => score), 1e-9);
    const maxLexical = Math.max(...top.map(([i]) => lexicalScore.get(i) ?? 0), 1e-9);
    const maxDense = Math.max(...top.map(([i]) => denseScore.get(i) ?? 0), 1e-9);
    const reranked = top.map(([i, score], at) => {
      const chunk = chunks[i]!;
      const { sentences, context } = chunkTokens(chunk);
      const meta = this.index.meta(chunk.docId);
      const document = documentTokens(meta);
      const reading = namingOf(analysis, meta);
      let best = 0;
      for (const tokens of sentences) {
        best = Math.max(best, scoreSentence(tokens, reading.analysis, this.idf, { context, document, fuzzy: chunk.ocr, known: this.index.knownWords, near: this.near, naming: reading.words }).score);
      }
      const boosts = {
        // The document the question names by number outranks look-alike passages elsewhere.
        named: named.has(chunk.docId) ? RERANK_BOOSTS.named : 0,
        // So does the document of the place the question names ("Sơn La …", "huyện Tam Đường …").
        place: namesPlaceOf(analysis, meta) ? RERANK_BOOSTS.place : 0,
        subjectLead: isSectionOf(chunk, subject, this.idf, this.near) ? RERANK_BOOSTS.subjectLead : 0,
        // "qua những kênh nào": the passage that states the means ("thông qua …", under "HÌNH THỨC …").
        means: means && meansChunk(chunk) ? RERANK_BOOSTS.means : 0,
        recipientsList: isRecipientsList(chunk) && !recipients ? RERANK_BOOSTS.recipientsList : 0,
        // The chunk holding the article (clause, point) a question names, scaled by how closely.
        article: RERANK_BOOSTS.article * (articles.lead.get(i) ?? 0),
        // The section whose title the question writes, by the square of the share it writes: a title named
        // nearly whole counts, a word or two in common little.
        title: RERANK_BOOSTS.title * titles[at]! ** 2,
      };
      const signals = {
        lexical: (lexicalScore.get(i) ?? 0) / maxLexical,
        dense: Math.max(0, denseScore.get(i) ?? 0) / maxDense,
        fused: score / maxFused,
        sentence: best,
        unit: units[at]! / maxUnit,
      };
      let total = 0;
      for (const key of Object.keys(RERANK_WEIGHTS) as Array<keyof typeof RERANK_WEIGHTS>) total += RERANK_WEIGHTS[key] * signals[key];
      for (const value of Object.values(boosts)) total += value;
      return { i, score: total, signals, boosts, title: titles[at]! };
    });
    reranked.sort((a, b) => b.score - a.score);
    // An article named with its document is where the answer is: only its chunks are read.
    if (articles.only.size) reranked.splice(0, reranked.length, ...reranked.filter((r) => articles.only.has(r.i)));
    options.trace?.(reranked.map((r) => ({ index: r.i, ...r.signals, title: r.title, boosts: r.boosts, score: r.score })));
    const kept = reranked.slice(0, options.limit ?? 8);
    // "<body> có nhiệm vụ gì": the body's own section, a one-line item in a scan that says little
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
