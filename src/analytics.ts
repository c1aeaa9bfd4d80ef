/**
 * What people ask: a log of questions and the aggregates administrators and
 * trainers read (most asked, unanswered = what the corpus is missing, feedback
 * ratio, per-document hits). The log is a port: SQLite on Node.
 */
import { fold } from './text/fold.js';

export interface QuestionEvent {
  question: string;
  answered: boolean;
  /** Cited sources, best first. */
  sources: string[];
  mode: string;
  latencyMs: number;
  conversationId?: string;
  channel?: string;
}

export interface QuestionGroup {
  question: string;
  count: number;
  answered: number;
  lastAskedAt: string;
}

export interface Stats {
  since?: string;
  totals: { questions: number; answered: number; unanswered: number; answeredRate: number | null; avgLatencyMs: number | null };
  mostAsked: QuestionGroup[];
  unanswered: QuestionGroup[];
  feedback: { up: number; down: number; total: number; ratio: number | null };
  documentHits: Array<{ source: string; hits: number; top: number }>;
  perDay: Array<{ date: string; questions: number; unanswered: number }>;
  modes: Record<string, number>;
}

export interface QuestionLog {
  record(event: QuestionEvent): Promise<void>;
  stats(options?: { limit?: number; days?: number }): Promise<Stats>;
}

/** Groups spellings of one question: no diacritics, case, punctuation or extra spaces. */
export function questionKey(question: string): string {
  return fold(question)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
