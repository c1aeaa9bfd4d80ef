/**
 * Documents and chunks on disk without parsing them all at load (index format 3).
 *
 * JSON.parse of every document and chunk text was most of the load time and
 * memory on large corpora (1000×: 6.8 s, GBs per worker). Here the texts are
 * one UTF-8 file (texts.bin) read by offset when a text is asked for; the
 * rest of a chunk (ids, sections, headings, sentence spans) is small and
 * columnar: a few string tables in chunks.json and Int32 columns in
 * chunks.bin. Loading builds plain objects with a lazy `text`, so callers keep
 * the synchronous Chunk / StoredDocument shapes (and JSON.stringify gives the
 * same JSON as before).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Span } from '../text/sentences.js';
import type { Chunk, ChunkPart, DocumentMeta } from '../types.js';
import type { StoredDocument } from './index-files.js';

interface ChunksJson {
  ids: string[];
  /** Sections, section titles and headings, each string once. */
  strings: string[];
  /** Distinct heading lists, as indexes into `strings`. */
  headingLists: number[][];
  /** Per chunk: its section label as an index into `strings`, -1 for none (absent in older indexes). */
  sectionLabels?: number[];
  /** Chunks with inner sections, by chunk index: [offset, section, label] triples (strings as indexes). */
  parts?: Record<string, number[]>;
}

/*
 * chunks.bin, Int32: [documents, chunks,
 *   text offsets (2 × documents + chunks + 1) — byte offsets into texts.bin: documents' texts, chunks' texts,
 *     then each document's outline as JSON (two thirds of the metadata on a large corpus, read only to list sections),
 *   per chunk: document, section, section title, heading list, ocr, display title or -1  (6 × chunks),
 *   sentence offsets (chunks + 1), sentence spans [start, end, …]]
 */
const FIELDS = 6;

export async function writeTextStore(dir: string, documents: StoredDocument[], chunks: Chunk[]): Promise<void> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let bytes = 0;
  const add = (text: string) => {
    const encoded = encoder.encode(text);
    parts.push(encoded);
    bytes += encoded.length;
    return bytes;
  };
  const docIndex = new Map(documents.map((d, i) => [d.meta.id, i]));
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const str = (s: string) => {
    let id = stringIds.get(s);
    if (id === undefined) stringIds.set(s, (id = strings.push(s) - 1));
    return id;
  };
  const headingLists: number[][] = [];
  const listIds = new Map<string, number>();
  const list = (headings: string[]) => {
    const ids = headings.map(str);
    const key = ids.join(',');
    let id = listIds.get(key);
    if (id === undefined) listIds.set(key, (id = headingLists.push(ids) - 1));
    return id;
  };
  const spans = chunks.reduce((n, c) => n + c.sentences.length, 0);
  const head = 2 + 2 * documents.length + chunks.length + 1;
  const fieldsAt = head;
  const sentenceOffsetsAt = fieldsAt + FIELDS * chunks.length;
  const spansAt = sentenceOffsetsAt + chunks.length + 1;
  const bin = new Int32Array(spansAt + 2 * spans);
  bin[0] = documents.length;
  bin[1] = chunks.length;
  let at = 2;
  bin[at++] = 0;
  for (const d of documents) bin[at++] = add(d.text);
  for (const c of chunks) bin[at++] = add(c.text);
  for (const d of documents) bin[at++] = add(JSON.stringify(d.meta.outline ?? null));
  let spanAt = 0;
  chunks.forEach((c, i) => {
    const doc = docIndex.get(c.docId);
    if (doc === undefined) throw new Error(`chunk ${c.id} of unknown document ${c.docId}`);
    bin.set([doc, str(c.section), str(c.sectionTitle), list(c.headings), c.ocr ? 1 : 0, c.sectionDisplay === undefined ? -1 : str(c.sectionDisplay)], fieldsAt + FIELDS * i);
    bin[sentenceOffsetsAt + i] = spanAt;
    for (const s of c.sentences) {
      bin[spansAt + 2 * spanAt] = s.start;
      bin[spansAt + 2 * spanAt + 1] = s.end;
      spanAt++;
    }
  });
  bin[sentenceOffsetsAt + chunks.length] = spanAt;
  const texts = new Uint8Array(bytes);
  let offset = 0;
  for (const part of parts) {
    texts.set(part, offset);
    offset += part.length;
  }
  const sectionLabels = chunks.map((c) => (c.sectionLabel === undefined ? -1 : str(c.sectionLabel)));
  const chunkParts: Record<string, number[]> = {};
  chunks.forEach((c, i) => {
    if (c.parts?.length) chunkParts[i] = c.parts.flatMap((p) => [p.at, str(p.section), str(p.sectionLabel)]);
  });
  const json: ChunksJson = { ids: chunks.map((c) => c.id), strings, headingLists, sectionLabels, parts: chunkParts };
  await writeFile(join(dir, 'texts.bin'), texts);
  await writeFile(join(dir, 'chunks.bin'), new Uint8Array(bin.buffer));
  await writeFile(join(dir, 'chunks.json'), JSON.stringify(json));
  await writeFile(join(dir, 'documents.json'), JSON.stringify(documents.map(({ meta: { outline: _outline, ...meta } }) => meta)));
  await writeFile(join(dir, READINGS), JSON.stringify(readingsOf(documents, chunks)));
}

/** Readings of OCR documents and their chunks (few: only scans have them), beside the text store. */
const READINGS = 'readings.json';
interface Readings {
  documents: Record<string, string>;
  chunks: Record<string, string>;
}

function readingsOf(documents: StoredDocument[], chunks: Chunk[]): Readings {
  const out: Readings = { documents: {}, chunks: {} };
  for (const d of documents) if (d.reading !== undefined) out.documents[d.meta.id] = d.reading;
  for (const c of chunks) if (c.reading !== undefined) out.chunks[c.id] = c.reading;
  return out;
}

/** Decoded texts kept per store (first in, first out: a hit costs one lookup); the rest is re-read from texts.bin (page cache) when asked for. */
const TEXT_CACHE = 4096;

/** Reads texts.bin by byte range; the file stays open for the life of the loaded index. */
class TextFile {
  private readonly cache = new Map<number, string>();
  private readonly decoder = new TextDecoder();

  constructor(private readonly fd: number, private readonly offsets: Int32Array) {}

  /** Text number `i` (documents first, then chunks). */
  text(i: number): string {
    let text = this.cache.get(i);
    if (text !== undefined) return text;
    const start = this.offsets[i]!;
    const bytes = new Uint8Array(this.offsets[i + 1]! - start);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(this.fd, bytes, read, bytes.length - read, start + read);
      if (n === 0) throw new Error('texts.bin is shorter than its index');
      read += n;
    }
    text = this.decoder.decode(bytes);
    if (this.cache.size >= TEXT_CACHE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(i, text);
    return text;
  }
}

const closeOnCollect = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

class StoredChunk implements Chunk {
  constructor(
    readonly id: string,
    readonly docId: string,
    readonly source: string,
    readonly section: string,
    readonly sectionTitle: string,
    readonly headings: string[],
    readonly ocr: boolean,
    private readonly file: TextFile,
    private readonly textNumber: number,
    /** chunks.bin and this chunk's sentence spans in it, [from, to) (a subarray per chunk made loading slow). */
    private readonly bin: Int32Array,
    private readonly from: number,
    private readonly to: number,
    /** The section title with OCR damage restored, for display (OCR documents only). */
    readonly sectionDisplay?: string,
    readonly sectionLabel?: string,
    readonly parts?: ChunkPart[],
    readonly reading?: string,
  ) {}

  get text(): string {
    return this.file.text(this.textNumber);
  }

  private spanObjects?: Span[];

  get sentences(): Span[] {
    if (!this.spanObjects) {
      this.spanObjects = [];
      for (let i = this.from; i < this.to; i += 2) this.spanObjects.push({ start: this.bin[i]!, end: this.bin[i + 1]! });
    }
    return this.spanObjects;
  }

  /** The same JSON as a plain Chunk (the Worker export stores chunks as JSON). */
  toJSON(): Chunk {
    const { id, docId, source, section, sectionTitle, headings, text, sentences, ocr, sectionDisplay, sectionLabel, parts, reading } = this;
    return {
      id,
      docId,
      source,
      section,
      sectionTitle,
      headings,
      ...(sectionLabel === undefined ? {} : { sectionLabel }),
      ...(parts === undefined ? {} : { parts }),
      text,
      sentences,
      ocr,
      ...(sectionDisplay === undefined ? {} : { sectionDisplay }),
      ...(reading === undefined ? {} : { reading }),
    };
  }
}

class LazyDocument implements StoredDocument {
  constructor(readonly meta: DocumentMeta, private readonly file: TextFile, private readonly textNumber: number, readonly reading?: string) {}

  get text(): string {
    return this.file.text(this.textNumber);
  }

  toJSON(): StoredDocument {
    return { meta: this.meta, text: this.text, ...(this.reading === undefined ? {} : { reading: this.reading }) };
  }
}

/** `meta.outline` parsed on first read (an own enumerable getter, so spreading and JSON see a plain field). */
function lazyOutline(meta: DocumentMeta, file: TextFile, textNumber: number): void {
  Object.defineProperty(meta, 'outline', {
    enumerable: true,
    configurable: true,
    get() {
      const outline = JSON.parse(file.text(textNumber)) as DocumentMeta['outline'] | null;
      if (outline === null) {
        delete (meta as { outline?: unknown }).outline;
        return undefined;
      }
      Object.defineProperty(meta, 'outline', { value: outline, enumerable: true, configurable: true, writable: true });
      return outline;
    },
  });
}

export async function readTextStore(dir: string): Promise<{ documents: StoredDocument[]; chunks: Chunk[] }> {
  const [metas, json, raw, readings] = await Promise.all([
    readFile(join(dir, 'documents.json'), 'utf8').then((t) => JSON.parse(t) as DocumentMeta[]),
    readFile(join(dir, 'chunks.json'), 'utf8').then((t) => JSON.parse(t) as ChunksJson),
    readFile(join(dir, 'chunks.bin')),
    // Builds from before readings have none.
    readFile(join(dir, READINGS), 'utf8').then((t) => JSON.parse(t) as Readings, () => ({ documents: {}, chunks: {} }) as Readings),
  ]);
  const bin = new Int32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
  const docCount = bin[0]!;
  const chunkCount = bin[1]!;
  if (docCount !== metas.length || chunkCount !== json.ids.length) throw new Error('chunks.bin does not match documents.json / chunks.json');
  const fieldsAt = 2 + 2 * docCount + chunkCount + 1;
  const sentenceOffsetsAt = fieldsAt + FIELDS * chunkCount;
  const spansAt = sentenceOffsetsAt + chunkCount + 1;
  if (bin.length !== spansAt + 2 * bin[spansAt - 1]!) throw new Error('chunks.bin has an unexpected layout');
  const fd = openSync(join(dir, 'texts.bin'), 'r');
  const file = new TextFile(fd, bin.subarray(2, fieldsAt));
  metas.forEach((meta, i) => lazyOutline(meta, file, docCount + chunkCount + i));
  const documents = metas.map((meta, i) => new LazyDocument(meta, file, i, readings.documents[meta.id]));
  const headingLists = json.headingLists.map((ids) => ids.map((id) => json.strings[id]!));
  const chunks: Chunk[] = new Array(chunkCount);
  const label = (i: number) => (json.sectionLabels && json.sectionLabels[i]! >= 0 ? json.strings[json.sectionLabels[i]!]! : undefined);
  const partsOf = (i: number): ChunkPart[] | undefined => {
    const flat = json.parts?.[i];
    if (!flat) return undefined;
    const parts: ChunkPart[] = [];
    for (let k = 0; k + 2 < flat.length; k += 3) parts.push({ at: flat[k]!, section: json.strings[flat[k + 1]!]!, sectionLabel: json.strings[flat[k + 2]!]! });
    return parts;
  };
  for (let i = 0; i < chunkCount; i++) {
    const f = fieldsAt + FIELDS * i;
    const meta = metas[bin[f]!]!;
    chunks[i] = new StoredChunk(json.ids[i]!, meta.id, meta.source, json.strings[bin[f + 1]!]!, json.strings[bin[f + 2]!]!, headingLists[bin[f + 3]!]!, bin[f + 4] === 1, file, docCount + i, bin, spansAt + 2 * bin[sentenceOffsetsAt + i]!, spansAt + 2 * bin[sentenceOffsetsAt + i + 1]!, bin[f + 5]! < 0 ? undefined : json.strings[bin[f + 5]!]!, label(i), partsOf(i), readings.chunks[json.ids[i]!]);
  }
  // Close the file once nothing can read it any more (the index was swapped out).
  closeOnCollect.register(file, fd);
  return { documents, chunks };
}
