/**
 * The offline embedder: deterministic hashed features of folded syllables,
 * syllable bigrams and character trigrams. No weights to download, accent- and
 * OCR-tolerant (trigrams survive a wrong letter), and fast enough to embed a
 * large corpus on two cores.
 */
import { Embeddings } from '@langchain/core/embeddings';
import { foldedSyllables } from '../text/tokens.js';

export interface LocalEmbeddingsOptions {
  dimensions?: number;
}

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a, 32 bit: cheap and stable across runtimes. Continues from `h`, so hash(a + b) = more(more(OFFSET, a), b). */
function more(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

const PREFIX = { unigram: more(FNV_OFFSET, 'u:'), bigram: more(FNV_OFFSET, 'b:'), trigram: more(FNV_OFFSET, 'c:') };

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
    // Features are keyed by their 32-bit hash, computed without building feature strings (hot in ingest).
    const features = new Map<number, number>();
    const add = (h: number, weight: number) => {
      const key = h >>> 0;
      features.set(key, (features.get(key) ?? 0) + weight);
    };
    const words = foldedSyllables(text);
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      add(more(PREFIX.unigram, word), WEIGHTS.unigram);
      if (i > 0) add(more(more(more(PREFIX.bigram, words[i - 1]!), '_'), word), WEIGHTS.bigram);
      if (word.length > 2 && !/^\d/.test(word)) {
        const padded = ` ${word} `;
        for (let g = 0; g + 3 <= padded.length; g++) add(more(PREFIX.trigram, padded.slice(g, g + 3)), WEIGHTS.trigram);
      }
    }
    const vec = new Float32Array(this.dimensions);
    for (const [h, weight] of features) {
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
