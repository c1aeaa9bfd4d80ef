/**
 * The LLM answerer: numbered excerpts in, a fluent cited answer out — verified
 * sentence by sentence before any of it reaches the user. Anything that goes
 * wrong (endpoint down, slow, cut stream, unverifiable answer) returns the
 * extractive answer instead: never a 500, never an unverified quote.
 */
import { matchKey } from '../../ingest/clean.js';
import { scoreSentence } from '../retrieval/sentence-score.js';
import type { Citation, Passage } from '../types.js';
import type { AnswerInput, Answerer, AnswerResult, StreamSink } from './assistant.js';
import type { ChatModel } from './chat-model.js';
import { displayDate, documentLabel, OCR_NOTE, sectionLabel, toCitation } from './format.js';
import { renderPrompt, type ChatMessage, type PromptTemplates } from './prompts.js';
import { decideSegments, keptText, normaliseAnswer, numbersIn, renumber, verifyAnswer, type Excerpt } from './verify.js';

export interface LlmAnswererOptions {
  model: ChatModel;
  prompts: PromptTemplates;
  /** How many retrieved passages the model sees. */
  maxExcerpts?: number;
  maxTokens?: number;
  onError?: (err: unknown, stage: string) => void;
}

interface Prepared {
  excerpts: Excerpt[];
  candidates: Citation[];
  passages: Passage[];
  messages: ChatMessage[];
}

function excerptHeader(passage: Passage): string {
  const { doc, chunk } = passage;
  const lines = [[documentLabel(doc), doc.issuer, displayDate(doc.date)].filter(Boolean).join(' — ')];
  lines.push(`Mục ${sectionLabel(chunk)}`);
  if (doc.ocr) lines.push('(Bản quét OCR: chữ có thể sai chính tả, trích nguyên văn đúng như dưới đây)');
  return lines.join('\n');
}

/** The quote shown for an excerpt: the extractive quote from that chunk, else its best sentence. */
function candidateQuote(passage: Passage, input: AnswerInput): string {
  const { chunk } = passage;
  const fromExtractive = input.extractive.citations.find((c) => c.docId === chunk.docId && c.section === chunk.section && matchKey(chunk.text).includes(matchKey(c.quote)));
  if (fromExtractive) return fromExtractive.quote;
  let best = chunk.sentences[0];
  if (input.idf) {
    let bestScore = -Infinity;
    for (const span of chunk.sentences) {
      const { score } = scoreSentence(chunk.text.slice(span.start, span.end), input.analysis, input.idf, { fuzzy: chunk.ocr });
      if (score > bestScore) [best, bestScore] = [span, score];
    }
  }
  return best ? chunk.text.slice(best.start, best.end) : chunk.text.slice(0, 300);
}

/** The source sentence(s) containing a verified quote: the citation's quote stays a verbatim slice. */
function sourceSlice(passage: Passage, quote: string): string | undefined {
  const { chunk } = passage;
  const pieces = quote.split(/…|\.\.\./).map((p) => matchKey(p).replace(/^[\s,;:]+|[\s.,;:]+$/g, '')).filter(Boolean);
  const first = pieces[0];
  if (!first) return undefined;
  const span = chunk.sentences.find((s) => matchKey(chunk.text.slice(s.start, s.end)).toLowerCase().includes(first.toLowerCase()));
  return span ? chunk.text.slice(span.start, span.end) : undefined;
}

export class LlmAnswerer implements Answerer {
  readonly mode = 'llm' as const;

  constructor(private readonly options: LlmAnswererOptions) {}

  private prepare(input: AnswerInput): Prepared {
    const passages = input.passages.slice(0, this.options.maxExcerpts ?? 5);
    const excerpts = passages.map((p, i) => ({ n: i + 1, text: `${excerptHeader(p)}\n${p.chunk.text}` }));
    const candidates = passages.map((p, i) => toCitation(i + 1, p, candidateQuote(p, input), p.score));
    const messages = renderPrompt(this.options.prompts.answer, {
      excerpts: excerpts.map((e) => `[${e.n}] ${e.text}`).join('\n\n'),
      question: input.analysis.question,
      standalone: input.standalone && input.standalone !== input.analysis.question ? `(Câu hỏi đầy đủ theo ngữ cảnh hội thoại: ${input.standalone})\n` : '',
    });
    return { excerpts, candidates, passages, messages };
  }

  private fallback(input: AnswerInput): AnswerResult {
    return { ...input.extractive, mode: 'extractive', verification: 'fallback' };
  }

  /** Verifies the whole answer and builds the reply: renumbered [n], citations actually used. */
  private finish(raw: string, prepared: Prepared, input: AnswerInput): AnswerResult {
    const verification = verifyAnswer(normaliseAnswer(raw), prepared.excerpts);
    if (verification.status === 'failed' || !verification.answer.trim()) return this.fallback(input);
    if (!verification.cited.length) {
      // An uncited reply is only acceptable as a plain "not covered", and only when retrieval agrees.
      const claims = numbersIn(verification.answer).length > 0 || /[“"]/.test(verification.answer);
      if (input.extractive.answered || claims) return this.fallback(input);
      return { answered: false, answer: verification.answer, citations: [], mode: 'llm', verification: verification.status };
    }
    const mapping = new Map(verification.cited.map((n, i) => [n, i + 1]));
    const citations = verification.cited.map((n, i) => {
      const passage = prepared.passages[n - 1]!;
      const quoted = verification.kept.filter((d) => d.cites.includes(n)).flatMap((d) => d.segment.quotes);
      const quote = quoted.map((q) => sourceSlice(passage, q)).find(Boolean) ?? prepared.candidates[n - 1]!.quote;
      return { ...prepared.candidates[n - 1]!, n: i + 1, quote };
    });
    let answer = renumber(verification.answer, mapping);
    if (citations.some((c) => c.ocr)) answer += `\n\n${OCR_NOTE}`;
    return { answered: true, answer, citations, mode: 'llm', verification: verification.status === 'passed' ? 'passed' : 'repaired' };
  }

  async answer(input: AnswerInput): Promise<AnswerResult> {
    if (!input.passages.length) return { ...input.extractive, mode: 'extractive' };
    const prepared = this.prepare(input);
    let raw: string;
    try {
      raw = await this.options.model.complete(prepared.messages, { signal: input.signal, maxTokens: this.options.maxTokens });
    } catch (err) {
      if (input.signal?.aborted) throw err;
      this.options.onError?.(err, 'answer');
      return this.fallback(input);
    }
    return this.finish(raw, prepared, input);
  }

  /**
   * Streams verified sentences only: each sentence is emitted once it is
   * complete and checked; dropped ones never leave. Token text uses the
   * numbering of the `citations` sent first; the result is authoritative.
   */
  async stream(input: AnswerInput, sink: StreamSink): Promise<AnswerResult> {
    if (!input.passages.length) {
      await sink.citations(input.extractive.citations);
      await sink.token(input.extractive.answer);
      return { ...input.extractive, mode: 'extractive' };
    }
    const prepared = this.prepare(input);
    await sink.citations(prepared.candidates);
    let raw = '';
    let emitted = '';
    const emit = async (text: string) => {
      if (text.length > emitted.length && text.startsWith(emitted)) {
        await sink.token(text.slice(emitted.length));
        emitted = text;
      }
    };
    try {
      for await (const delta of this.options.model.stream(prepared.messages, { signal: input.signal, maxTokens: this.options.maxTokens })) {
        raw += delta;
        const text = normaliseAnswer(raw);
        await emit(keptText(text, decideSegments(text, prepared.excerpts, { final: false })));
      }
    } catch (err) {
      if (input.signal?.aborted) throw err;
      this.options.onError?.(err, 'stream');
      return this.fallback(input);
    }
    const result = this.finish(raw, prepared, input);
    if (result.verification !== 'fallback') {
      const text = normaliseAnswer(raw);
      await emit(keptText(text, decideSegments(text, prepared.excerpts, { final: true })));
      if (result.answer.endsWith(OCR_NOTE)) await sink.token(`\n\n${OCR_NOTE}`);
    }
    return result;
  }
}
