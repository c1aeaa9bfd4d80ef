/**
 * The chat-model port and its adapter for any OpenAI-compatible endpoint
 * (OpenAI, vLLM, Ollama, llama.cpp server) through the openai SDK: timeouts,
 * retries with back-off on 429/5xx (SDK), and an idle timeout on streams.
 */
import OpenAI from 'openai';
import type { ChatMessage } from './prompts.js';

export interface CompletionOptions {
  signal?: AbortSignal;
  maxTokens?: number;
  temperature?: number;
}

export interface ChatModel {
  readonly model: string;
  complete(messages: ChatMessage[], options?: CompletionOptions): Promise<string>;
  /** Text deltas; throws when the stream breaks or stalls. */
  stream(messages: ChatMessage[], options?: CompletionOptions): AsyncIterable<string>;
}

export interface OpenAIChatModelOptions {
  baseURL?: string;
  /** Local servers accept any key; the SDK insists on one. */
  apiKey?: string;
  model: string;
  /** Per attempt, and the longest silence allowed inside a stream. */
  timeoutMs?: number;
  maxRetries?: number;
}

export class OpenAIChatModel implements ChatModel {
  readonly model: string;
  private readonly client: OpenAI;
  private readonly timeoutMs: number;

  constructor(options: OpenAIChatModelOptions) {
    this.model = options.model;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.client = new OpenAI({
      baseURL: options.baseURL,
      apiKey: options.apiKey ?? 'not-needed',
      timeout: this.timeoutMs,
      maxRetries: options.maxRetries ?? 2,
    });
  }

  /** Some models (OpenAI reasoning models) reject `temperature`; learnt from the first 400. */
  private sendTemperature = true;

  private params(options: CompletionOptions) {
    return {
      model: this.model,
      ...(this.sendTemperature ? { temperature: options.temperature ?? 0 } : {}),
      ...(options.maxTokens ? { max_tokens: options.maxTokens } : {}),
    };
  }

  /** Retries once without `temperature` when the endpoint refuses it. */
  private async create<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      if (this.sendTemperature && err instanceof OpenAI.BadRequestError && /temperature/i.test(err.message)) {
        this.sendTemperature = false;
        return call();
      }
      throw err;
    }
  }

  async complete(messages: ChatMessage[], options: CompletionOptions = {}): Promise<string> {
    const response = await this.create(() => this.client.chat.completions.create({ ...this.params(options), messages }, { signal: options.signal }));
    const text = response.choices?.[0]?.message?.content;
    if (typeof text !== 'string') throw new Error('chat completion without content');
    return text;
  }

  async *stream(messages: ChatMessage[], options: CompletionOptions = {}): AsyncIterable<string> {
    const controller = new AbortController();
    const abort = () => controller.abort();
    if (options.signal?.aborted) controller.abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    let idle: ReturnType<typeof setTimeout> | undefined;
    let stalled = false;
    const arm = () => {
      clearTimeout(idle);
      idle = setTimeout(() => {
        stalled = true;
        controller.abort();
      }, this.timeoutMs);
    };
    try {
      const stream = await this.create(() => this.client.chat.completions.create({ ...this.params(options), messages, stream: true }, { signal: controller.signal }));
      arm();
      let finished = false;
      for await (const chunk of stream) {
        arm();
        const choice = chunk.choices?.[0];
        if (choice?.delta?.content) yield choice.delta.content;
        if (choice?.finish_reason) finished = true;
      }
      // A body that ends without a finish_reason was cut, not completed.
      if (!finished) throw new Error('chat stream ended without finish_reason');
    } catch (err) {
      if (stalled) throw new Error('chat stream stalled');
      throw err;
    } finally {
      clearTimeout(idle);
      options.signal?.removeEventListener('abort', abort);
    }
  }
}

/** Thrown without calling the endpoint while the breaker is open. */
export class ModelUnavailableError extends Error {
  constructor() {
    super('chat model temporarily skipped after a failure');
  }
}

/**
 * After a failure (down, timing out, 5xx after retries) the endpoint is skipped
 * for `cooldownMs`, so users get the extractive answer at once instead of
 * waiting out timeouts on every question. Caller aborts do not count.
 */
export function withCircuitBreaker(model: ChatModel, options: { cooldownMs?: number; now?: () => number } = {}): ChatModel {
  const cooldown = options.cooldownMs ?? 30_000;
  const now = options.now ?? Date.now;
  let openUntil = 0;
  const guard = () => {
    if (now() < openUntil) throw new ModelUnavailableError();
  };
  const failed = (err: unknown, signal?: AbortSignal) => {
    if (!signal?.aborted && !(err instanceof ModelUnavailableError)) openUntil = now() + cooldown;
  };
  return {
    model: model.model,
    async complete(messages, opts = {}) {
      guard();
      try {
        const text = await model.complete(messages, opts);
        openUntil = 0;
        return text;
      } catch (err) {
        failed(err, opts.signal);
        throw err;
      }
    },
    async *stream(messages, opts = {}) {
      guard();
      try {
        yield* model.stream(messages, opts);
        openUntil = 0;
      } catch (err) {
        failed(err, opts.signal);
        throw err;
      }
    },
  };
}
