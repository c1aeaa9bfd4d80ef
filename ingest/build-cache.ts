/**
 * Work a rebuild can reuse, keyed by content so it can never be stale:
 * - extracted text per file, keyed by the hash of its bytes (docx/pdf parsing is slow);
 * - vectors per document, keyed by the embedder and the exact texts it embedded,
 *   so adding one document embeds only that document's chunks;
 * - readings of OCR documents, keyed by the reader's version and the text (restoring takes seconds).
 * Files are written to a temporary name and renamed: a crash leaves no torn entry.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceFormat } from './load.js';

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

export class BuildCache {
  private readonly used = new Set<string>();

  constructor(private readonly dir: string, private readonly embedderId: string) {}

  private get textDir() {
    return join(this.dir, 'text');
  }

  private get vectorDir() {
    return join(this.dir, 'vectors', this.embedderId.replace(/[^a-zA-Z0-9._-]+/g, '_'));
  }

  private async put(dir: string, name: string, data: string | Uint8Array): Promise<void> {
    await mkdir(dir, { recursive: true });
    const tmp = join(dir, `.${name}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    await writeFile(tmp, data);
    await rename(tmp, join(dir, name));
  }

  private async get(dir: string, name: string): Promise<Buffer | undefined> {
    this.used.add(join(dir, name));
    try {
      return await readFile(join(dir, name));
    } catch {
      return undefined;
    }
  }

  async text(bytesHash: string): Promise<{ format: SourceFormat; text: string; scanned?: boolean } | undefined> {
    const data = await this.get(this.textDir, `${bytesHash}.json`);
    return data && (JSON.parse(data.toString('utf8')) as { format: SourceFormat; text: string; scanned?: boolean });
  }

  async putText(bytesHash: string, value: { format: SourceFormat; text: string; scanned?: boolean }): Promise<void> {
    await this.put(this.textDir, `${bytesHash}.json`, JSON.stringify(value));
  }

  async reading(key: string): Promise<string | undefined> {
    return (await this.get(join(this.dir, 'readings'), `${key}.txt`))?.toString('utf8');
  }

  async putReading(key: string, reading: string): Promise<void> {
    await this.put(join(this.dir, 'readings'), `${key}.txt`, reading);
  }

  static vectorKey(inputs: string[]): string {
    return sha256(inputs.join('\u0000'));
  }

  /** Vectors for `count` inputs, or undefined when absent or of another shape. */
  async vectors(key: string, count: number, dimensions: number): Promise<number[][] | undefined> {
    const data = await this.get(this.vectorDir, `${key}.f32`);
    if (!data || data.byteLength !== count * dimensions * 4) return undefined;
    const floats = new Float32Array(data.buffer, data.byteOffset, data.byteLength / 4);
    return Array.from({ length: count }, (_, i) => Array.from(floats.subarray(i * dimensions, (i + 1) * dimensions)));
  }

  async putVectors(key: string, vectors: number[][]): Promise<void> {
    const dimensions = vectors[0]?.length ?? 0;
    const floats = new Float32Array(vectors.length * dimensions);
    vectors.forEach((v, i) => floats.set(v, i * dimensions));
    this.used.add(join(this.vectorDir, `${key}.f32`));
    await this.put(this.vectorDir, `${key}.f32`, new Uint8Array(floats.buffer));
  }

  /** Drops entries this build did not use (documents removed or changed). */
  async prune(): Promise<void> {
    for (const dir of [this.textDir, this.vectorDir]) {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        continue;
      }
      for (const name of names) {
        if (!this.used.has(join(dir, name)) && !name.endsWith('.tmp')) await rm(join(dir, name), { force: true });
      }
    }
  }
}
