/**
 * The data files the answerer reads (kinds, lexicons, glossary, units, fitted weights) are plain JSON that
 * people and merges edit by hand. JSON.parse keeps the last of two equal keys without a word, so a merge that
 * leaves a kind with two "unless" lists silently drops one: this test reads every object's keys.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIRS = ['src/question', 'src/text', 'src/answer', 'src/retrieval', 'data/lexicon'];

/** Keys that occur twice in one object, as "path: key" (a small scanner over the JSON's own tokens). */
function duplicateKeys(json: string): string[] {
  const found: string[] = [];
  const stack: Array<{ keys: Set<string> | undefined; path: string }> = [];
  const token = /"(?:[^"\\]|\\.)*"|[{}[\]:,]|[^\s{}[\]:,"]+/g;
  let pendingKey: string | undefined;
  let last = '';
  for (const [t] of json.matchAll(token)) {
    if (t === '{' || t === '[') stack.push({ keys: t === '{' ? new Set() : undefined, path: `${stack.at(-1)?.path ?? ''}/${pendingKey ?? ''}` });
    else if (t === '}' || t === ']') stack.pop();
    else if (t === ':' && last.startsWith('"')) {
      const key = JSON.parse(last) as string;
      const top = stack.at(-1)!;
      if (top.keys?.has(key)) found.push(`${top.path}: ${key}`);
      top.keys?.add(key);
      pendingKey = key;
    }
    last = t;
  }
  return found;
}

describe('data files', () => {
  it('finds a repeated key (the scanner itself)', () => {
    expect(duplicateKeys('{"a": {"x": 1, "x": [2]}, "b": "x"}')).toEqual(['//a: x']);
    expect(duplicateKeys('{"a": [{"x": 1}, {"x": 2}], "s": "{\\"x\\": 1}"}')).toEqual([]);
  });

  const files = DIRS.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f)));
  it.each(files)('%s has no key twice in one object', (file) => {
    expect(duplicateKeys(readFileSync(file, 'utf8'))).toEqual([]);
  });
});
