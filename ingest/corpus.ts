/**
 * The corpus on disk: which files make it, and a hash that changes whenever a
 * file, the embedder or the pipeline changes (so `npm start` knows to rebuild).
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { SUPPORTED_EXTENSIONS } from './load.js';

export const PIPELINE_VERSION = 'pipeline-24';

export async function listCorpusFiles(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input);
    if (info.isDirectory()) {
      for (const name of (await readdir(input)).sort()) {
        if ((SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase())) files.push(join(input, name));
      }
    } else files.push(input);
  }
  return files;
}

export async function corpusHash(files: string[], embedderId: string): Promise<string> {
  const hash = createHash('sha256').update(`${PIPELINE_VERSION}\n${embedderId}\n`);
  for (const file of [...files].sort()) {
    hash.update(file.split('/').pop()!).update('\0').update(await readFile(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}
