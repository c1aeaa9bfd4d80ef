/**
 * Document embeddings from Workers AI over Cloudflare's REST API, for loading
 * production data from a workstation (the Worker itself embeds only queries).
 * CLOUDFLARE_API_BASE can point at a local server that speaks the protocol.
 */
import { embeddingData, WORKERS_AI_EMBEDDING_MODEL, workersAiEmbedderId } from '../src/worker/workers-ai.js';

export interface WorkersAiRestOptions {
  accountId: string;
  apiToken: string;
  model?: string;
  apiBase?: string;
  /** Texts per request. */
  batchSize?: number;
}

export class WorkersAiRestEmbeddings {
  readonly id: string;
  private readonly model: string;

  constructor(private readonly options: WorkersAiRestOptions) {
    this.model = options.model ?? WORKERS_AI_EMBEDDING_MODEL;
    this.id = workersAiEmbedderId(this.model);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const base = (this.options.apiBase ?? 'https://api.cloudflare.com/client/v4').replace(/\/$/, '');
    const url = `${base}/accounts/${this.options.accountId}/ai/run/${this.model}`;
    const batch = this.options.batchSize ?? 50;
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += batch) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.options.apiToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text: texts.slice(i, i + batch) }),
      });
      const body = (await res.json().catch(() => ({}))) as { success?: boolean; result?: unknown; errors?: Array<{ message?: string }> };
      if (!res.ok || body.success === false) {
        throw new Error(`Workers AI ${res.status}: ${body.errors?.map((e) => e.message).join('; ') || res.statusText}`);
      }
      out.push(...embeddingData(body.result));
    }
    return out;
  }
}
