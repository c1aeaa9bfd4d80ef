/**
 * Neural embeddings through any OpenAI-compatible endpoint (EMBEDDINGS=openai):
 * a LangChain Embeddings over the openai SDK. The id names the model, so a
 * change of embedder changes the corpus hash and triggers a rebuild; the
 * dimensions are learnt from the first response.
 */
import { Embeddings } from '@langchain/core/embeddings';
import OpenAI from 'openai';

export interface OpenAIEmbeddingsOptions {
  baseURL?: string;
  apiKey?: string;
  model: string;
  timeoutMs?: number;
  maxRetries?: number;
  /** Inputs per request. */
  batchSize?: number;
}

export class OpenAICompatibleEmbeddings extends Embeddings {
  readonly id: string;
  /** 0 until the first response. */
  dimensions = 0;
  private readonly client: OpenAI;

  constructor(private readonly options: OpenAIEmbeddingsOptions) {
    super({});
    this.id = `openai:${options.model}`;
    this.client = new OpenAI({
      baseURL: options.baseURL,
      apiKey: options.apiKey ?? 'not-needed',
      timeout: options.timeoutMs ?? 60_000,
      maxRetries: options.maxRetries ?? 3,
    });
  }

  private async embed(texts: string[]): Promise<number[][]> {
    // "float": local servers do not all speak the SDK's default base64.
    const response = await this.client.embeddings.create({ model: this.options.model, input: texts, encoding_format: 'float' });
    const vectors = [...response.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
    if (vectors.length !== texts.length) throw new Error(`embeddings: expected ${texts.length} vectors, got ${vectors.length}`);
    for (const v of vectors) {
      if (!this.dimensions) this.dimensions = v.length;
      else if (v.length !== this.dimensions) throw new Error(`embeddings: dimension ${v.length}, expected ${this.dimensions}`);
    }
    return vectors;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const batch = this.options.batchSize ?? 128;
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += batch) out.push(...(await this.embed(texts.slice(i, i + batch))));
    return out;
  }

  async embedQuery(text: string): Promise<number[]> {
    return (await this.embed([text]))[0]!;
  }
}
