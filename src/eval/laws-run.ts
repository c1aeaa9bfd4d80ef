/**
 * Scores the laws pool by article (DESIGN §4): a statement is well answered when the
 * first citation's quote lies in a deciding article, and its label names that article.
 * Retrieval is scored at article level too (hit@1, hit@5, MRR@10), for vanban and for
 * baselines over the same laws: plain BM25 and MiniSearch over whole articles, and the
 * LangChain recipe's chunks mapped to the article they start in.
 */
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import MiniSearch from 'minisearch';
import type { Assistant } from '../answer/assistant.js';
import { PlainBm25 } from './bm25.js';
import { articleAt, articleStarts, statementQuestion, type LawStatement } from './laws.js';
import { percentile } from './score.js';

/** "<law file>#<article>" */
export type ArticleKey = string;

export interface LawCase {
  id: string;
  question: string;
  gold: Set<ArticleKey>;
}

export function lawCases(statements: LawStatement[], fileOf: (lawId: string) => string): LawCase[] {
  return statements.map((s) => ({
    id: s.example_id,
    question: statementQuestion(s.statement),
    gold: new Set(s.legal_passages.map((p) => `${fileOf(p.law_id)}#${p.article_id}`)),
  }));
}

/** Finds the article a piece of a document's text lies in. */
export class ArticleLocator {
  private readonly docs = new Map<string, { text: string; starts: ReturnType<typeof articleStarts> }>();

  add(source: string, text: string): void {
    this.docs.set(source, { text, starts: articleStarts(text) });
  }

  /** The article holding `piece` (its first 200 characters, then its first line, are looked up). */
  locate(source: string, piece: string): ArticleKey | undefined {
    const doc = this.docs.get(source);
    if (!doc) return undefined;
    for (const probe of [piece.slice(0, 200), piece.split('\n')[0]!.slice(0, 120)]) {
      const at = probe.trim() ? doc.text.indexOf(probe.trim()) : -1;
      if (at >= 0) {
        const article = articleAt(doc.starts, at);
        return article ? `${source}#${article}` : undefined;
      }
    }
    return undefined;
  }
}

export interface RetrievalFigures {
  hit1: number;
  hit5: number;
  mrr10: number;
}

/** Article-level retrieval figures from each case's ranked articles. */
export function retrievalFigures(cases: LawCase[], ranked: ArticleKey[][]): RetrievalFigures {
  let hit1 = 0;
  let hit5 = 0;
  let mrr = 0;
  cases.forEach((c, i) => {
    const list = distinct(ranked[i]!).slice(0, 10);
    const rank = list.findIndex((a) => c.gold.has(a));
    if (rank === 0) hit1++;
    if (rank >= 0 && rank < 5) hit5++;
    if (rank >= 0) mrr += 1 / (rank + 1);
  });
  const n = Math.max(1, cases.length);
  return { hit1: hit1 / n, hit5: hit5 / n, mrr10: mrr / n };
}

const distinct = (keys: Array<ArticleKey | undefined>): ArticleKey[] => [...new Set(keys.filter((k): k is ArticleKey => Boolean(k)))];

export interface LawAnswerFigures {
  statements: number;
  answered: number;
  /** Share of statements whose first citation's quote lies in a deciding article. */
  firstInGold: number;
  /** Of those, the share whose citation label names the article ("Điều 29…"). */
  labelNamesArticle: number;
  p50Ms: number;
  p95Ms: number;
  retrieval: RetrievalFigures;
  failures: Array<{ id: string; question: string; gold: string[]; cited?: string; label?: string; answered: boolean }>;
}

export async function runLawsAssistant(assistant: Assistant, cases: LawCase[], locator: ArticleLocator): Promise<LawAnswerFigures> {
  let answered = 0;
  let inGold = 0;
  let labelled = 0;
  const ms: number[] = [];
  const ranked: ArticleKey[][] = [];
  const failures: LawAnswerFigures['failures'] = [];
  for (const c of cases) {
    const started = performance.now();
    const reply = await assistant.ask({ question: c.question });
    ms.push(performance.now() - started);
    const { passages } = await assistant.prepare({ question: c.question });
    ranked.push(distinct(passages.map((p) => locator.locate(p.chunk.source, p.chunk.text))));
    const first = reply.citations[0];
    const cited = first ? locator.locate(first.source, first.quote) : undefined;
    const label = (first as { sectionLabel?: string } | undefined)?.sectionLabel;
    if (reply.answered) answered++;
    const ok = reply.answered && cited !== undefined && c.gold.has(cited);
    if (ok) {
      inGold++;
      const article = cited!.split('#')[1]!;
      if (label && new RegExp(`(^|[^\\p{L}\\p{N}])Điều ${article}(?![\\p{L}\\p{N}])`, 'u').test(label)) labelled++;
    } else {
      failures.push({ id: c.id, question: c.question, gold: [...c.gold], cited, label, answered: reply.answered });
    }
  }
  const n = Math.max(1, cases.length);
  return {
    statements: cases.length,
    answered: answered / n,
    firstInGold: inGold / n,
    labelNamesArticle: inGold ? labelled / inGold : 0,
    p50Ms: percentile(ms, 50),
    p95Ms: percentile(ms, 95),
    retrieval: retrievalFigures(cases, ranked),
    failures,
  };
}

export interface LawText {
  source: string;
  text: string;
}

/** Plain BM25 and MiniSearch over whole articles; the article keys of their rankings. */
export function articleBaselines(laws: LawText[], cases: LawCase[]): Record<string, RetrievalFigures> {
  const articles: Array<{ key: ArticleKey; text: string }> = [];
  for (const law of laws) {
    const starts = articleStarts(law.text);
    starts.forEach((s, i) => articles.push({ key: `${law.source}#${s.article}`, text: law.text.slice(s.offset, starts[i + 1]?.offset ?? law.text.length) }));
  }
  const bm25 = new PlainBm25(articles.map((a) => a.text));
  const mini = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  mini.addAll(articles.map((a, id) => ({ id, text: a.text })));
  return {
    bm25: retrievalFigures(cases, cases.map((c) => bm25.search(c.question, 10).map((h) => articles[h.index]!.key))),
    minisearch: retrievalFigures(cases, cases.map((c) => mini.search(c.question).slice(0, 10).map((h) => articles[h.id as number]!.key))),
  };
}

/** LangChain's default recipe over the law texts; each chunk counts as the article it starts in. */
export async function langChainArticles(laws: LawText[], cases: LawCase[], embeddings: EmbeddingsInterface): Promise<RetrievalFigures> {
  const locator = new ArticleLocator();
  for (const law of laws) locator.add(law.source, law.text);
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  const docs = await splitter.createDocuments(laws.map((l) => l.text), laws.map((l) => ({ source: l.source })));
  const store = await HNSWLib.fromDocuments(docs, embeddings);
  const ranked: ArticleKey[][] = [];
  for (const c of cases) {
    const found: Document[] = await store.similaritySearch(c.question, 10);
    ranked.push(distinct(found.map((d) => locator.locate(String(d.metadata.source), d.pageContent))));
  }
  return retrievalFigures(cases, ranked);
}
