/**
 * The ask pipeline: analyse → retrieve → answer → reply. The answerer is a
 * port: extractive offline, an LLM when configured (with extractive fallback).
 */
import { analyzeQuery, type QueryAnalysis } from '../retrieval/query.js';
import type { Retriever } from '../retrieval/retriever.js';
import type { AnswerMode, AskRequest, AskResponse, HistoryTurn, Passage } from '../types.js';
import { extractiveAnswer, type AnswerDraft } from './extractive.js';

export interface AnswerInput {
  analysis: QueryAnalysis;
  passages: Passage[];
  /** The extractive answer, always computed: the fallback and a grounding hint. */
  extractive: AnswerDraft;
  signal?: AbortSignal;
}

/** An answerer other than the extractive one (e.g. an LLM). */
export interface Answerer {
  readonly mode: AnswerMode;
  answer(input: AnswerInput): Promise<AnswerDraft & { mode?: AnswerMode }>;
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
  async prepare(request: AskRequest): Promise<{ conversationId: string; analysis: QueryAnalysis; passages: Passage[]; extractive: AnswerDraft }> {
    const conversationId = request.conversationId ?? crypto.randomUUID();
    const history = request.history ?? (request.conversationId ? await this.conversations.history(conversationId) : []);
    const retriever = this.deps.retriever();
    const analysis = analyzeQuery(request.question, history);
    const passages = await retriever.retrieve(analysis, { sources: request.filters?.sources });
    const extractive = extractiveAnswer(analysis, passages, retriever.idf, retriever.corpus.list(), { corpus: retriever.corpus, near: retriever.near });
    return { conversationId, analysis, passages, extractive };
  }

  async ask(request: AskRequest, options: AskOptions = {}): Promise<AskResponse> {
    const started = performance.now();
    const { conversationId, analysis, passages, extractive } = await this.prepare(request);
    let draft: AnswerDraft & { mode?: AnswerMode } = extractive;
    let mode: AnswerMode = 'extractive';
    if (this.deps.answerer) {
      draft = await this.deps.answerer.answer({ analysis, passages, extractive, signal: options.signal });
      mode = draft.mode ?? this.deps.answerer.mode;
    }
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
    };
  }
}
