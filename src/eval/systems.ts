/**
 * The systems an eval compares, behind one interface: ours (the Assistant),
 * and two baselines over the same corpus — MiniSearch with default settings,
 * and LangChain's default recipe (RecursiveCharacterTextSplitter 1000/200 +
 * HNSWLib over the same local embedder). Baselines always answer with their
 * top chunk, quoted whole and cited.
 */
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import MiniSearch from 'minisearch';
import type { Assistant } from '../answer/assistant.js';
import type { Chunk } from '../types.js';
import { PlainBm25 } from './bm25.js';
import type { EvalCase } from './questions.js';
import type { Outcome } from './score.js';

export interface EvalSystem {
  name: string;
  run(c: EvalCase): Promise<Outcome>;
}

const now = () => performance.now();
const round = (ms: number) => Math.round(ms * 10) / 10;

export function assistantSystem(assistant: Assistant, name = 'vanban'): EvalSystem {
  return {
    name,
    async run(c) {
      const started = now();
      // ask() for the answer the user sees; prepare() again for the ranked passages (hit@5).
      const reply = await assistant.ask({ question: c.question, history: c.history });
      const ms = now() - started;
      const { passages } = await assistant.prepare({ question: c.question, history: c.history });
      return {
        answered: reply.answered,
        answer: reply.answer,
        citations: reply.citations.map((x) => ({ source: x.source, quote: x.quote })),
        retrieved: passages.slice(0, 5).map((p) => p.chunk.source),
        ms: round(ms),
        ...(reply.reason ? { refusal: reply.reason } : {}),
      };
    },
  };
}

function topChunkOutcome(hits: Array<{ source: string; text: string }>, ms: number): Outcome {
  const top = hits[0];
  return {
    answered: Boolean(top),
    answer: top?.text ?? '',
    citations: top ? [{ source: top.source, quote: top.text }] : [],
    retrieved: hits.slice(0, 5).map((h) => h.source),
    ms: round(ms),
  };
}

/** The question with its history, as a recipe without follow-up handling would search. */
const queryText = (c: EvalCase) => c.question;

/** MiniSearch with default settings (tokeniser, term processing, search options) over our chunks. */
export function miniSearchBaseline(chunks: Chunk[]): EvalSystem {
  const engine = new MiniSearch<{ id: number; text: string; source: string }>({ fields: ['text'], storeFields: ['text', 'source'] });
  engine.addAll(chunks.map((c, id) => ({ id, text: c.text, source: c.source })));
  return {
    name: 'minisearch',
    async run(c) {
      const started = now();
      const hits = engine.search(queryText(c)).slice(0, 5).map((h) => ({ source: h.source as string, text: h.text as string }));
      return topChunkOutcome(hits, now() - started);
    },
  };
}

/** Plain BM25 (DESIGN §6: the floor retrieval must beat) over our chunks, answering with its top chunk. */
export function bm25Baseline(chunks: Chunk[]): EvalSystem {
  const bm25 = new PlainBm25(chunks.map((c) => c.text));
  return {
    name: 'bm25',
    async run(c) {
      const started = now();
      const hits = bm25.search(queryText(c), 5).map((h) => ({ source: chunks[h.index]!.source, text: chunks[h.index]!.text }));
      return topChunkOutcome(hits, now() - started);
    },
  };
}

/** LangChain's default RAG recipe over the cleaned documents. */
export async function langChainBaseline(documents: Array<{ source: string; text: string }>, embeddings: EmbeddingsInterface): Promise<EvalSystem> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  const docs = await splitter.createDocuments(
    documents.map((d) => d.text),
    documents.map((d) => ({ source: d.source })),
  );
  const store = await HNSWLib.fromDocuments(docs, embeddings);
  return {
    name: 'langchain',
    async run(c) {
      const started = now();
      const found: Document[] = await store.similaritySearch(queryText(c), 5);
      const hits = found.map((d) => ({ source: String(d.metadata.source), text: d.pageContent }));
      return topChunkOutcome(hits, now() - started);
    },
  };
}
