/**
 * The offline embedder: deterministic hashed features of folded syllables,
 * syllable bigrams and character trigrams. No weights to download, accent- and
 * OCR-tolerant (trigrams survive a wrong letter), and fast enough to embed a
 * large corpus on two cores.
 */
import { Embeddings } from '@langchain/core/embeddings';
import { charNgrams, foldedSyllables } from '../text/tokens.js';

export interface LocalEmbeddingsOptions {
  dimensions?: number;
}

/** FNV-1a, 32 bit: cheap and stable across runtimes. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const WEIGHTS = { unigram: 1, bigram: 0.8, trigram: 0.35 };

export class LocalHashEmbeddings extends Embeddings {
  readonly dimensions: number;
  readonly id: string;

  constructor(options: LocalEmbeddingsOptions = {}) {
    super({});
    this.dimensions = options.dimensions ?? 384;
    this.id = `local-hash-v1-${this.dimensions}`;
  }

  /** Embeds one text synchronously (used by ingest and the query path). */
  vector(text: string): Float32Array {
    const features = new Map<string, number>();
    const add = (feature: string, weight: number) => features.set(feature, (features.get(feature) ?? 0) + weight);
    const words = foldedSyllables(text);
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      add(`u:${word}`, WEIGHTS.unigram);
      if (i > 0) add(`b:${words[i - 1]}_${word}`, WEIGHTS.bigram);
      if (word.length > 2 && !/^\d/.test(word)) for (const gram of charNgrams(word)) add(`c:${gram}`, WEIGHTS.trigram);
    }
    const vec = new Float32Array(this.dimensions);
    for (const [feature, weight] of features) {
      const h = hash32(feature);
      // Sublinear term frequency; the sign bit keeps collisions from only adding up.
      vec[h % this.dimensions]! += (h & 0x80000000 ? -1 : 1) * (1 + Math.log(weight));
    }
    let norm = 0;
    for (const v of vec) norm += v * v;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < vec.length; i++) vec[i]! /= norm;
    return vec;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => Array.from(this.vector(text)));
  }

  async embedQuery(text: string): Promise<number[]> {
    return Array.from(this.vector(text));
  }
}
