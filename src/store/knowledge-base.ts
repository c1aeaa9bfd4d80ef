/**
 * The knowledge base on Node: keeps the live index, rebuilds it when the corpus
 * or the embedder changed, and swaps a rebuilt index in whole. Rebuilds are
 * serialised so two never race to publish.
 */
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { buildIndex } from '../../ingest/build-index.js';
import { corpusHash, listCorpusFiles } from '../../ingest/corpus.js';
import { basename, join } from 'node:path';
import type { CorpusIndex } from '../retrieval/corpus-index.js';
import type { QueryEmbedder } from '../retrieval/ports.js';
import { Retriever } from '../retrieval/retriever.js';
import type { DocumentMeta } from '../types.js';
import { currentBuild, readManifest, type Manifest, type StoredDocument } from './index-files.js';
import { loadCorpusIndex } from './load-index.js';

export type IndexEmbeddings = EmbeddingsInterface & QueryEmbedder & { dimensions: number };

export interface KnowledgeBaseOptions {
  dataDir: string;
  embeddings: IndexEmbeddings;
  onProgress?: (message: string) => void;
  /**
   * Runs on a freshly loaded index before it is swapped in, so the lookup tables questions build on
   * first use (metadata, places, near spellings) are not built by the first cadre to ask.
   */
  warm?: (retriever: Retriever) => Promise<void>;
  /** How a rebuild runs (a serving process: in a worker thread, build-task.ts); default: here, buildIndex. */
  build?: (onProgress?: (message: string) => void) => Promise<Manifest>;
}

export class KnowledgeBase {
  private current?: { index: CorpusIndex; manifest: Manifest; retriever: Retriever; version: string };
  /** A load in progress: a refresh waits for it rather than reporting the index it is replacing. */
  private loading?: Promise<void>;
  private building: Promise<Manifest> = Promise.resolve(undefined as unknown as Manifest);
  /** The build directory the live index was loaded from. */
  private loadedFrom?: string;

  private constructor(private readonly options: KnowledgeBaseOptions) {}

  /** Opens the index, building it first when it is missing or stale. */
  static async open(options: KnowledgeBaseOptions): Promise<KnowledgeBase> {
    const kb = new KnowledgeBase(options);
    // An index this version cannot read (damaged, or an unknown layout) is rebuilt like a missing one.
    await kb.load().catch((error: unknown) => options.onProgress?.(`Không đọc được chỉ mục hiện có (${(error as Error).message}); xây dựng lại.`));
    if (!kb.current || (await kb.isStale())) await kb.rebuild();
    return kb;
  }

  /**
   * Builds the index when it is missing or stale, without loading it: the
   * cluster primary calls this once before forking, so workers only load.
   */
  static async ensureBuilt(options: KnowledgeBaseOptions): Promise<void> {
    const dir = await currentBuild(options.dataDir);
    const manifest = dir ? await readManifest(dir) : undefined;
    if (manifest && manifest.embedder.id === options.embeddings.id) {
      const hash = await corpusHash(await listCorpusFiles([join(options.dataDir, 'docs')]), options.embeddings.id);
      if (hash === manifest.corpusHash) return;
    }
    await buildIndex({ dataDir: options.dataDir, embeddings: options.embeddings, onProgress: options.onProgress });
  }

  private get docsDir(): string {
    return join(this.options.dataDir, 'docs');
  }

  async isStale(): Promise<boolean> {
    if (!this.current) return true;
    const hash = await corpusHash(await listCorpusFiles([this.docsDir]), this.options.embeddings.id);
    return hash !== this.current.manifest.corpusHash;
  }

  private load(): Promise<void> {
    const run = this.loadNow();
    this.loading = run.catch(() => {});
    return run;
  }

  private async loadNow(): Promise<void> {
    this.loadedFrom = await currentBuild(this.options.dataDir);
    const loaded = await loadCorpusIndex(this.options.dataDir, this.options.embeddings);
    if (loaded && loaded.manifest.embedder.id === this.options.embeddings.id) {
      const retriever = new Retriever(loaded.index, this.options.embeddings);
      await this.options.warm?.(retriever).catch((error: unknown) => this.options.onProgress?.(`Khởi động chỉ mục chưa trọn (${(error as Error).message}).`));
      this.current = { index: loaded.index, manifest: loaded.manifest, retriever, version: basename(loaded.dir) };
    }
  }

  /** Rebuilds from data/docs and swaps the new index in; queries keep using the old one meanwhile. */
  rebuild(): Promise<Manifest> {
    const run = async () => {
      const manifest = this.options.build
        ? await this.options.build(this.options.onProgress)
        : (await buildIndex({ dataDir: this.options.dataDir, embeddings: this.options.embeddings, onProgress: this.options.onProgress })).manifest;
      await this.load();
      return manifest;
    };
    this.building = this.building.then(run, run);
    return this.building;
  }

  /**
   * Picks up a build another process published (e.g. `npm run docs -- add` while
   * the server runs). Returns true when a new index was swapped in.
   */
  async refresh(): Promise<boolean> {
    await this.loading;
    const published = await currentBuild(this.options.dataDir);
    if (!published || published === this.loadedFrom) return false;
    await this.building.catch(() => {});
    if ((await currentBuild(this.options.dataDir)) === this.loadedFrom) return false;
    await this.load();
    return true;
  }

  get ready(): boolean {
    return Boolean(this.current);
  }

  /** The build served (its directory name under index/builds; later builds sort after earlier ones). */
  get version(): string | undefined {
    return this.current?.version;
  }

  get manifest(): Manifest | undefined {
    return this.current?.manifest;
  }

  retriever(): Retriever {
    if (!this.current) throw new Error('index not loaded');
    return this.current.retriever;
  }

  documents(): DocumentMeta[] {
    return this.current?.index.list() ?? [];
  }

  document(id: string): StoredDocument | undefined {
    return this.current?.index.documents.get(id);
  }

  chunksOf(id: string) {
    return this.current?.index.chunks.filter((c) => c.docId === id) ?? [];
  }
}
