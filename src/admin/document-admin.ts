/**
 * Adding, replacing and removing documents on Node. A document is validated
 * by parsing it BEFORE anything is written; the file lands in DATA_DIR/docs by
 * tmp + rename; then the index is rebuilt (incrementally: unchanged documents
 * reuse their vectors) and swapped in whole. If the rebuild fails the files are
 * put back as they were, so the docs folder and the live index never disagree.
 * Changes are serialised: one at a time.
 */
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { sha256 } from '../../ingest/build-cache.js';
import { SUPPORTED_EXTENSIONS, sniffFormat } from '../../ingest/load.js';
import { documentId } from '../../ingest/parse-document.js';
import { AppError } from '../errors.js';
import type { DocumentAdmin, DocumentUpload, IndexSummary } from '../http/admin.js';
import type { KnowledgeBase } from '../store/knowledge-base.js';
import type { DocumentRegistry, RegisteredDocument } from './document-registry.js';
import { safeFileName } from './file-names.js';
import { parseUpload } from './parse-upload.js';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './upload-limits.js';
import { singleProcessLink, type ServerLink } from '../cluster/worker-link.js';

export interface NodeDocumentAdminOptions {
  dataDir: string;
  kb: KnowledgeBase;
  registry: DocumentRegistry;
  maxBytes: number;
  /**
   * Serialises changes across every server process and acknowledges one only when every process serves the
   * build it published (read-your-writes). Default: this process alone.
   */
  link?: Pick<ServerLink, 'exclusive' | 'served'>;
  /** What reading one upload may cost (unpacked size, pages, characters, time, memory). */
  limits?: UploadLimits;
}

export class NodeDocumentAdmin implements DocumentAdmin {
  private readonly link: Pick<ServerLink, 'exclusive' | 'served'>;

  constructor(private readonly options: NodeDocumentAdminOptions) {
    this.link = options.link ?? singleProcessLink();
  }

  private get docsDir(): string {
    return join(this.options.dataDir, 'docs');
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.link.exclusive(task);
  }

  /** Waits until every process serves the build this one now serves: only then is a change acknowledged. */
  private async servedEverywhere(): Promise<void> {
    const version = this.options.kb.version;
    if (version) await this.link.served(version);
  }

  private summary(): IndexSummary {
    const m = this.options.kb.manifest;
    return { documents: m?.documents ?? 0, chunks: m?.chunks ?? 0, builtAt: m?.builtAt ?? '', buildMs: m?.buildMs ?? 0 };
  }

  /** Corpus files by document id. */
  private async files(): Promise<Map<string, string[]>> {
    await mkdir(this.docsDir, { recursive: true });
    const byId = new Map<string, string[]>();
    for (const name of (await readdir(this.docsDir)).sort()) {
      if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase())) continue;
      const id = documentId(name);
      byId.set(id, [...(byId.get(id) ?? []), name]);
    }
    return byId;
  }

  private async entry(source: string, bytes: Uint8Array, uploadedAt: string): Promise<RegisteredDocument> {
    const format = sniffFormat(bytes, source) ?? 'txt';
    return { id: documentId(source), source, hash: sha256(bytes), size: bytes.byteLength, format, uploadedAt };
  }

  /** Makes the registry match the files (documents copied in by hand, or removed by hand). */
  sync(): Promise<void> {
    return this.exclusive(() => this.syncNow());
  }

  private async syncNow(): Promise<void> {
    const files = await this.files();
    const { registry } = this.options;
    for (const [id, names] of files) {
      const source = names[0]!;
      const known = registry.get(id);
      const bytes = new Uint8Array(await readFile(join(this.docsDir, source)));
      if (known && known.source === source && known.hash === sha256(bytes)) continue;
      registry.put(await this.entry(source, bytes, (await stat(join(this.docsDir, source))).mtime.toISOString()));
    }
    for (const doc of registry.list()) if (!files.has(doc.id)) registry.remove(doc.id);
  }

  list(): RegisteredDocument[] {
    return this.options.registry.list();
  }

  add(upload: DocumentUpload): Promise<{ document: unknown; replaced: boolean; index: IndexSummary }> {
    return this.exclusive(async () => {
      const { bytes } = upload;
      if (bytes.byteLength > this.options.maxBytes) {
        throw new AppError('payload_too_large', `Tệp quá lớn: tối đa ${Math.floor(this.options.maxBytes / 1024 / 1024)} MB.`);
      }
      if (!bytes.byteLength) throw new AppError('invalid_request', 'Tệp rỗng, không có nội dung.');
      const format = sniffFormat(bytes, upload.name);
      if (!format) throw new AppError('invalid_request', 'Tệp không phải văn bản .txt, .md, .docx, .pdf hay ảnh quét .png, .jpg đọc được.');
      const source = safeFileName(upload.name, format);
      // Read first, off this thread and within limits: a corrupt, empty or hostile document changes nothing.
      const { id } = await parseUpload(bytes, source, this.options.limits ?? DEFAULT_UPLOAD_LIMITS);

      // Same id (same name, any extension or spelling) replaces: keep the old bytes to roll back.
      const previous = (await this.files()).get(id) ?? [];
      // The very same file again: nothing to rebuild.
      const known = this.options.registry.get(id);
      if (previous.length === 1 && previous[0] === source && known?.source === source && known.hash === sha256(bytes) && this.options.kb.document(id)) {
        return { document: this.options.kb.document(id)!.meta, replaced: true, index: this.summary() };
      }
      const backups = await Promise.all(previous.map(async (name) => ({ name, bytes: await readFile(join(this.docsDir, name)) })));
      await this.writeAtomic(source, bytes);
      for (const name of previous) if (name !== source) await rm(join(this.docsDir, name), { force: true });
      try {
        await this.options.kb.rebuild();
      } catch (cause) {
        if (!previous.includes(source)) await rm(join(this.docsDir, source), { force: true });
        for (const b of backups) await this.writeAtomic(b.name, b.bytes);
        throw new AppError('index_unavailable', 'Không cập nhật được chỉ mục; văn bản chưa được thêm. Vui lòng thử lại.', { cause });
      }
      this.options.registry.put(await this.entry(source, bytes, new Date().toISOString()));
      await this.servedEverywhere();
      const document = this.options.kb.document(id)?.meta;
      return { document, replaced: previous.length > 0, index: this.summary() };
    });
  }

  remove(id: string): Promise<{ removed: { id: string; source: string }; index: IndexSummary }> {
    return this.exclusive(async () => {
      const names = (await this.files()).get(id);
      if (!names?.length) throw new AppError('not_found', `Không tìm thấy văn bản "${id}".`);
      const backups = await Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(this.docsDir, name)) })));
      for (const name of names) await rm(join(this.docsDir, name), { force: true });
      try {
        await this.options.kb.rebuild();
      } catch (cause) {
        for (const b of backups) await this.writeAtomic(b.name, b.bytes);
        throw new AppError('index_unavailable', 'Không cập nhật được chỉ mục; văn bản chưa bị xóa. Vui lòng thử lại.', { cause });
      }
      this.options.registry.remove(id);
      await this.servedEverywhere();
      return { removed: { id, source: names[0]! }, index: this.summary() };
    });
  }

  reindex(): Promise<IndexSummary> {
    return this.exclusive(async () => {
      await this.syncNow();
      await this.options.kb.rebuild();
      await this.servedEverywhere();
      return this.summary();
    });
  }

  private async writeAtomic(name: string, bytes: Uint8Array): Promise<void> {
    // A dot-name with a .tmp extension is never read as part of the corpus.
    const tmp = join(this.docsDir, `.upload-${process.pid}-${Math.random().toString(36).slice(2)}.tmp`);
    await writeFile(tmp, bytes);
    await rename(tmp, join(this.docsDir, name));
  }
}
