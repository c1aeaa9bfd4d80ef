/**
 * The ask pipeline: analyse → retrieve → answer → reply. The answerer is a
 * port: extractive offline, an LLM when configured (with extractive fallback).
 */
import { analyzeQuery, type QueryAnalysis } from '../retrieval/query.js';
import type { Retriever } from '../retrieval/retriever.js';
import type { Idf } from '../retrieval/sentence-score.js';
import type { AnswerMode, AskRequest, AskResponse, Citation, HistoryTurn, Passage, VerificationStatus } from '../types.js';
import { extractiveAnswer, type AnswerDraft } from './extractive.js';
import { answerInLanguage, citationPlace } from './format.js';
import { withoutUnrelated } from './related.js';
import { withSpans } from './span.js';
import { resolveRefs } from '../retrieval/ref-resolution.js';

export interface AnswerInput {
  analysis: QueryAnalysis;
  passages: Passage[];
  /** The extractive answer, always computed: the fallback and a grounding hint. */
  extractive: AnswerDraft;
  signal?: AbortSignal;
  /** Term weights of the live index (for choosing quotes). */
  idf?: Idf;
  /** The question as rewritten for retrieval (follow-up condensed / translated), when it was. */
  standalone?: string;
}

export type AnswerResult = AnswerDraft & { mode?: AnswerMode; verification?: VerificationStatus };

/** Where a streamed answer goes: candidate citations first, then text deltas. */
export interface StreamSink {
  citations(citations: Citation[]): void | Promise<void>;
  token(text: string): void | Promise<void>;
}

/** An answerer other than the extractive one (e.g. an LLM). */
export interface Answerer {
  readonly mode: AnswerMode;
  answer(input: AnswerInput): Promise<AnswerResult>;
  stream?(input: AnswerInput, sink: StreamSink): Promise<AnswerResult>;
}

/** Turns a follow-up or a non-Vietnamese question into a standalone Vietnamese query (an LLM); undefined = keep the heuristic. */
export interface QueryRewriter {
  rewrite(question: string, history: HistoryTurn[], signal?: AbortSignal): Promise<string | undefined>;
}

/** Where conversation turns live between requests (memory by default, SQLite on a server). */
export interface ConversationStore {
  history(conversationId: string): Promise<HistoryTurn[]>;
  append(conversationId: string, turns: HistoryTurn[]): Promise<void>;
}

export function memoryConversations(maxTurns = 12): ConversationStore {
  const turns = new Map<string, HistoryTurn[]>();
  return {
    async history(id) {
      return turns.get(id) ?? [];
    },
    async append(id, added) {
      turns.set(id, [...(turns.get(id) ?? []), ...added].slice(-maxTurns));
    },
  };
}

export interface AssistantDeps {
  /** A function, so a rebuilt index is picked up by the next question. */
  retriever: () => Retriever;
  answerer?: Answerer;
  conversations?: ConversationStore;
  rewriter?: QueryRewriter;
}

export interface AskOptions {
  signal?: AbortSignal;
}

export class Assistant {
  private readonly conversations: ConversationStore;

  constructor(private readonly deps: AssistantDeps) {
    this.conversations = deps.conversations ?? memoryConversations();
  }

  /** Retrieval and the extractive draft: the part every answer mode shares. */
  async prepare(request: AskRequest, options: AskOptions = {}): Promise<{ conversationId: string; analysis: QueryAnalysis; passages: Passage[]; extractive: AnswerDraft; idf: Idf; standalone?: string }> {
    const conversationId = request.conversationId ?? crypto.randomUUID();
    const history = request.history ?? (request.conversationId ? await this.conversations.history(conversationId) : []);
    const retriever = this.deps.retriever();
    const standalone = await this.deps.rewriter?.rewrite(request.question, history, options.signal);
    // A rewritten query stands alone; the original question is kept for the answer and the history.
    const analyzed = standalone
      ? { ...analyzeQuery(standalone, undefined, retriever.knows), question: request.question, followUp: history.some((t) => t.role === 'user') }
      : analyzeQuery(request.question, history, retriever.knows);
    // "Thông báo kết luận 186": a reference is read against the corpus's numbers, its type words loosely.
    const analysis = { ...analyzed, refs: resolveRefs(analyzed.refs, analyzed.question, retriever.corpus.list()) };
    const passages = await retriever.retrieve(analysis, { sources: request.filters?.sources });
    const extractive = extractiveAnswer(analysis, passages, retriever.idf, retriever.corpus.list(), { corpus: retriever.corpus, near: retriever.near, debug: request.debug === true });
    return { conversationId, analysis, passages, extractive, idf: retriever.idf, ...(standalone ? { standalone } : {}) };
  }

  async ask(request: AskRequest, options: AskOptions = {}): Promise<AskResponse> {
    const started = performance.now();
    const prepared = await this.prepare(request, options);
    const input: AnswerInput = { ...prepared, signal: options.signal };
    const draft: AnswerResult = this.deps.answerer ? await this.deps.answerer.answer(input) : { ...prepared.extractive, mode: 'extractive' };
    return this.reply(request, prepared.conversationId, this.forReader(draft, prepared, request), started);
  }

  /**
   * The same answer, streamed: citations, then text deltas, then the final
   * (verified) reply is returned for the `done` event.
   */
  async stream(request: AskRequest, sink: StreamSink, options: AskOptions = {}): Promise<AskResponse> {
    const started = performance.now();
    const prepared = await this.prepare(request, options);
    const input: AnswerInput = { ...prepared, signal: options.signal };
    let draft: AnswerResult;
    if (this.deps.answerer?.stream) draft = this.forReader(await this.deps.answerer.stream(input, sink), prepared, request);
    else {
      draft = this.forReader(this.deps.answerer ? await this.deps.answerer.answer(input) : { ...prepared.extractive, mode: 'extractive' }, prepared, request);
      await sink.citations(draft.citations);
      for (const piece of textPieces(draft.answer)) await sink.token(piece);
    }
    return this.reply(request, prepared.conversationId, draft, started);
  }

  /**
   * The draft as the asker reads it: each quote's answering clause marked (`span`), each citation's place
   * labelled, no unrelated documents offered with a refusal, and the answer's own words in the asker's language
   * (an LLM writes its own; quotes stay verbatim).
   */
  private forReader(result: AnswerResult, prepared: { analysis: QueryAnalysis; idf: Idf; passages: Passage[] }, request: AskRequest): AnswerResult {
    const draft = { ...result, ...withoutUnrelated(result, prepared.analysis, prepared.passages) };
    const lang = request.lang ?? (prepared.analysis.english ? 'en' : 'vi');
    const mode = draft.mode ?? this.deps.answerer?.mode ?? 'extractive';
    const citations = withSpans(draft.citations, prepared.analysis, prepared.idf).map((c) => ({ ...c, sectionLabel: citationPlace(c) }));
    return { ...draft, citations, answer: mode === 'llm' ? draft.answer : answerInLanguage(draft.answer, lang) };
  }

  private async reply(request: AskRequest, conversationId: string, draft: AnswerResult, started: number): Promise<AskResponse> {
    const mode: AnswerMode = draft.mode ?? this.deps.answerer?.mode ?? 'extractive';
    await this.conversations.append(conversationId, [
      { role: 'user', content: request.question },
      { role: 'assistant', content: draft.answer },
    ]);
    return {
      answered: draft.answered,
      answer: draft.answer,
      citations: draft.citations,
      mode,
      conversationId,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
      ...(!draft.answered && draft.reason ? { reason: draft.reason } : {}),
      ...(request.debug && draft.trace ? { trace: draft.trace } : {}),
      ...(draft.verification ? { verification: draft.verification } : {}),
    };
  }
}

/** An extractive answer as a few token events: its lines, so the client renders progressively. */
export function textPieces(text: string): string[] {
  return text.split(/(?<=\n)/).filter(Boolean);
}
