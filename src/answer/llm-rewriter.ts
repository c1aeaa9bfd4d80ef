/**
 * Query rewriting with the LLM: a follow-up becomes a standalone question
 * (condense-follow-up.md), a non-Vietnamese question is translated
 * (translate-query.md). Any failure keeps the offline heuristic.
 */
import { looksEnglish } from '../text/glossary.js';
import type { HistoryTurn } from '../types.js';
import type { QueryRewriter } from './assistant.js';
import type { ChatModel } from './chat-model.js';
import { renderPrompt, type PromptTemplates } from './prompts.js';

export interface LlmQueryRewriterOptions {
  model: ChatModel;
  prompts: PromptTemplates;
  /** How many recent turns the condensation sees. */
  maxTurns?: number;
  onError?: (err: unknown, stage: string) => void;
}

/** English, or a script other than Latin (Chinese, Russian…); accentless Vietnamese is not foreign. */
export function looksForeign(question: string): boolean {
  return looksEnglish(question) || /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u.test(question);
}

/** The model's single line, without labels or quotes; undefined when unusable. */
function cleanLine(text: string): string | undefined {
  const line = text.split('\n').map((l) => l.trim()).find(Boolean);
  const cleaned = line?.replace(/^(câu hỏi độc lập|bản dịch tiếng việt|câu hỏi)\s*:\s*/i, '').replace(/^[“"'<>]+|[”"'<>]+$/g, '').trim();
  return cleaned && cleaned.length <= 600 ? cleaned : undefined;
}

export class LlmQueryRewriter implements QueryRewriter {
  constructor(private readonly options: LlmQueryRewriterOptions) {}

  async rewrite(question: string, history: HistoryTurn[], signal?: AbortSignal): Promise<string | undefined> {
    const turns = history.slice(-(this.options.maxTurns ?? 6));
    const followUp = turns.some((t) => t.role === 'user');
    if (!followUp && !looksForeign(question)) return undefined;
    const messages = followUp
      ? renderPrompt(this.options.prompts.condense, {
          history: turns.map((t) => `${t.role === 'user' ? 'Người dùng' : 'Trợ lý'}: ${t.content.slice(0, 1500)}`).join('\n'),
          question,
        })
      : renderPrompt(this.options.prompts.translate, { question });
    try {
      return cleanLine(await this.options.model.complete(messages, { signal }));
    } catch (err) {
      if (signal?.aborted) throw err;
      this.options.onError?.(err, followUp ? 'condense' : 'translate');
      return undefined;
    }
  }
}
