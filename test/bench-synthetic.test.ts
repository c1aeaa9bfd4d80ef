import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { random, syntheticDocument, topLevelBlocks, writeSyntheticCorpus } from '../src/bench/synthetic.js';
import { corpusDir } from './helpers/runtime.js';

const texts = readdirSync(corpusDir).sort().map((source) => ({ source, text: readFileSync(join(corpusDir, source), 'utf8') }));

describe('synthetic corpora', () => {
  it('cuts documents at their top-level headings', () => {
    const blocks = topLevelBlocks(texts.find((t) => t.source.startsWith('dang-uy'))!.text);
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    expect(blocks[1]).toMatch(/^I[.\-–]/);
  });

  it('recombines real sections under a new document number, deterministically', () => {
    const sources = texts.map((t) => topLevelBlocks(t.text));
    const a = syntheticDocument(sources, 7, random(1));
    expect(a).toBe(syntheticDocument(sources, 7, random(1)));
    expect(a).toMatch(/1007\s*-\s*\p{Lu}+\//u);
    // Each position I, II, … holds that position's real section from one of the documents.
    const positions = Math.max(...sources.map((s) => s.length));
    for (let p = 1; p < positions; p++) expect(sources.filter((s) => s.length > p).some((s) => a.includes(s[p]!))).toBe(true);
  });

  it('writes factor × the shipped number of documents', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-synth-'));
    const { files, chars } = await writeSyntheticCorpus(texts, 2, dir);
    expect(files).toBe(10);
    expect(readdirSync(dir)).toHaveLength(10);
    expect(chars).toBeGreaterThan(10_000);
  });
});
