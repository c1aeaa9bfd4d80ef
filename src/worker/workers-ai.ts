/**
 * Query embeddings from Workers AI (production): `@cf/baai/bge-m3`, a
 * multilingual model that reads Vietnamese well. The id must match the one the
 * ingest wrote into index_meta, so vectors and queries share one space.
 */
import type { QueryEmbedder } from '../retrieval/ports.js';

export const WORKERS_AI_EMBEDDING_MODEL = '@cf/baai/bge-m3';

/** The part of the AI binding we use. */
export interface AiLike {
  run(model: string, input: { text: string[] }): Promise<unknown>;
}

export function workersAiEmbedderId(model: string): string {
  return `workers-ai:${model}`;
}

/** Pulls the vectors out of a Workers AI (binding or REST `result`) embedding response. */
export function embeddingData(output: unknown): number[][] {
  const data = (output as { data?: unknown })?.data;
  if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) throw new Error('Workers AI: unexpected embedding response (no data array)');
  return data as number[][];
}

export class WorkersAiEmbeddings implements QueryEmbedder {
  readonly id: string;

  constructor(private readonly ai: AiLike, private readonly model = WORKERS_AI_EMBEDDING_MODEL) {
    this.id = workersAiEmbedderId(model);
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = embeddingData(await this.ai.run(this.model, { text: [text] }));
    if (!vector) throw new Error('Workers AI: empty embedding response');
    return vector;
  }
}
