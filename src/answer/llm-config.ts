/**
 * Answer mode "auto": an LLM answerer (and query rewriter) when an
 * OpenAI-compatible endpoint and LLM_MODEL are configured, else none (extractive).
 */
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { OpenAIChatModel, withCircuitBreaker, type ChatModel } from './chat-model.js';
import { LlmAnswerer } from './llm-answerer.js';
import { LlmQueryRewriter } from './llm-rewriter.js';
import type { PromptTemplates } from './prompts.js';

export type LlmConfig = Pick<Config, 'OPENAI_BASE_URL' | 'OPENAI_API_KEY' | 'LLM_MODEL'> & Partial<Pick<Config, 'LLM_TIMEOUT_MS' | 'LLM_MAX_RETRIES' | 'LLM_COOLDOWN_MS'>>;

export function llmConfigured(config: LlmConfig): boolean {
  return Boolean((config.OPENAI_BASE_URL || config.OPENAI_API_KEY) && config.LLM_MODEL);
}

export function createLlm(config: LlmConfig, prompts: () => PromptTemplates, logger?: Logger): { answerer: LlmAnswerer; rewriter: LlmQueryRewriter; model: ChatModel } | undefined {
  if (!llmConfigured(config)) return undefined;
  const endpoint = new OpenAIChatModel({
    baseURL: config.OPENAI_BASE_URL,
    apiKey: config.OPENAI_API_KEY,
    model: config.LLM_MODEL!,
    timeoutMs: config.LLM_TIMEOUT_MS,
    maxRetries: config.LLM_MAX_RETRIES,
  });
  const model = config.LLM_COOLDOWN_MS ? withCircuitBreaker(endpoint, { cooldownMs: config.LLM_COOLDOWN_MS }) : endpoint;
  const templates = prompts();
  const onError = (err: unknown, stage: string) => logger?.warn({ err: err instanceof Error ? err.message : String(err), stage }, 'LLM unavailable, falling back');
  return {
    model,
    answerer: new LlmAnswerer({ model, prompts: templates, onError }),
    rewriter: new LlmQueryRewriter({ model, prompts: templates, onError }),
  };
}
