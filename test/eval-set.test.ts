import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEvalFiles, DEFAULT_LENIENT, evalSetFiles, type EvalCase } from '../scripts/check-eval-set.js';
import { ASCII_SUFFIX, withAsciiVariants } from '../scripts/make-ascii-variants.js';

const docsDir = resolve('data/docs');
const evalDir = resolve('data/eval');
const KH22 = 'dien-bien-ke-hoach-22-kh-tu.txt';

function readCases(file: string): EvalCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalCase);
}

/** Writes cases (or raw lines) to a temp question set. */
function tempSet(lines: Array<object | string>): string {
  const file = join(mkdtempSync(join(tmpdir(), 'eval-set-')), 'set.jsonl');
  writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return file;
}

const good = { id: 'x-1', question: 'Phát biểu kết luận tối đa bao lâu?', expect: { sources: [KH22], answer_contains: ['50 phut'] } };

describe('question sets in data/eval', () => {
  const files = evalSetFiles(evalDir);

  it('all validate: shape, unique ids, known sources, phrases found in a source', () => {
    const result = checkEvalFiles(files, { docsDir, lenientFiles: DEFAULT_LENIENT });
    expect(result.errors.map((e) => `${e.file}:${e.line} [${e.id}] ${e.message}`)).toEqual([]);
    expect(result.cases).toBeGreaterThanOrEqual(30 + 130 + 35);
  });

  it('questions.jsonl has the agreed mix', () => {
    const cases = readCases(join(evalDir, 'questions.jsonl'));
    const ascii = cases.filter((c) => c.id.endsWith(ASCII_SUFFIX));
    expect(cases.length).toBeGreaterThanOrEqual(130);
    expect(ascii.length / cases.length).toBeGreaterThan(0.2);
    expect(cases.filter((c) => 'noanswer' in c.expect).length).toBeGreaterThanOrEqual(25);
    expect(cases.filter((c) => c.history).length).toBeGreaterThanOrEqual(8);
    // Every document is asked about.
    const sources = new Set(cases.flatMap((c) => ('sources' in c.expect ? c.expect.sources : [])));
    expect(sources.size).toBe(5);
  });

  it('colloquial.jsonl (phone/Zalo-style set) has refusals, follow-ups and all five documents', () => {
    const cases = readCases(join(evalDir, 'colloquial.jsonl'));
    expect(cases.length).toBeGreaterThanOrEqual(100);
    expect(cases.filter((c) => 'noanswer' in c.expect).length).toBeGreaterThanOrEqual(15);
    expect(cases.filter((c) => c.history).length).toBeGreaterThanOrEqual(10);
    const sources = new Set(cases.flatMap((c) => ('sources' in c.expect ? c.expect.sources : [])));
    expect(sources.size).toBe(5);
  });

  it('heldout.jsonl is separate and has its own ids', () => {
    const held = readCases(join(evalDir, 'heldout.jsonl'));
    expect(held.length).toBeGreaterThanOrEqual(35);
    expect(held.filter((c) => 'noanswer' in c.expect).length).toBeGreaterThanOrEqual(5);
  });

  // Blind-written sets with the same mix: tune on one, report the others.
  it.each([
    ['fresh-tune.jsonl', 'ft-'],
    ['fresh-blind.jsonl', 'fb-'],
    ['fresh-blind2.jsonl', 'fc-'],
    ['fresh-tune3.jsonl', 'fd-'],
    ['fresh-blind3.jsonl', 'fe-'],
    ['fresh-tune4.jsonl', 'ff-'],
    ['fresh-blind4.jsonl', 'fg-'],
    ['fresh-tune5.jsonl', 'fh-'],
    ['fresh-blind5.jsonl', 'fi-'],
    ['fresh-blind6.jsonl', 'fj-'],
    ['fresh-blind7.jsonl', 'fk-'],
    ['fresh-blind8.jsonl', 'fl-'],
    ['fresh-blind9.jsonl', 'fm-'],
  ])('%s has the agreed mix of refusals, follow-ups, English and all five documents', (file, prefix) => {
    const cases = readCases(join(evalDir, file));
    expect(cases).toHaveLength(90);
    expect(cases.every((c) => c.id.startsWith(prefix))).toBe(true);
    expect(cases.filter((c) => 'noanswer' in c.expect).length).toBeGreaterThanOrEqual(12);
    expect(cases.filter((c) => c.history).length).toBeGreaterThanOrEqual(6);
    expect(cases.filter((c) => !/[^\x00-\x7f]/.test(c.question)).length).toBeGreaterThanOrEqual(20);
    const sources = new Set(cases.flatMap((c) => ('sources' in c.expect ? c.expect.sources : [])));
    expect(sources.size).toBe(5);
  });
});

describe('checkEvalFiles', () => {
  const check = (lines: Array<object | string>, lenient: string[] = []) =>
    checkEvalFiles([tempSet(lines)], { docsDir, lenientFiles: lenient });

  it('accepts a well-formed case, matching OCR text and markup-free text', () => {
    const bookmarked = {
      id: 'x-2',
      question: 'Mục đích?',
      expect: { sources: ['dien-bien-huong-dan-trien-khai-ke-hoach-22-kh-tu.txt'], answer_contains: ['giup cho cac cap uy'] },
    };
    expect(check([good, bookmarked, { id: 'x-3', question: 'Giá vàng?', expect: { noanswer: true } }]).errors).toEqual([]);
  });

  it('fails on a phrase that is not in the expected source', () => {
    // The OCR text reads "tham luen khong qua 10 phit": a clean spelling cannot match a verbatim quote.
    const result = check([{ ...good, expect: { sources: [KH22], answer_contains: ['tham luan khong qua 10 phut'] } }]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message).toMatch(/in none of its expected sources/);
  });

  it('fails on a phrase that is found only in a source not listed', () => {
    const result = check([{ ...good, expect: { sources: [KH22], answer_contains: ['bua liem vang'] } }]);
    expect(result.errors).toHaveLength(1);
  });

  it('fails on accented or upper-case phrases', () => {
    const result = check([{ ...good, expect: { sources: [KH22], answer_contains: ['50 phút'] } }]);
    expect(result.errors[0]!.message).toMatch(/accent-folded/);
  });

  it('fails on duplicate ids, unknown sources, bad JSON and bad shapes', () => {
    const result = check([
      good,
      good,
      { ...good, id: 'x-4', expect: { sources: ['nope.txt'], answer_contains: ['x'] } },
      '{not json',
      { id: 'x-5', question: '', expect: { noanswer: true } },
      { id: 'x-6', question: 'a', expect: { sources: [KH22], answer_contains: [] } },
      { id: 'x-7', question: 'a', expect: { noanswer: false } },
      { id: 'x-8', question: 'a', history: [{ role: 'bot', content: 'x' }], expect: { noanswer: true } },
    ]);
    const messages = result.errors.map((e) => `${e.line} ${e.message}`).join('\n');
    expect(messages).toMatch(/^2 duplicate id/m);
    expect(messages).toMatch(/^3 unknown source "nope.txt"/m);
    expect(messages).toMatch(/^4 not JSON/m);
    expect(messages).toMatch(/^5 question/m);
    expect(messages).toMatch(/^6 /m);
    expect(messages).toMatch(/^7 /m);
    expect(messages).toMatch(/^8 history/m);
  });

  it('in a lenient file, warns about extra alternatives once one phrase matches', () => {
    const file = tempSet([{ ...good, expect: { sources: [KH22], answer_contains: ['50 phut', '50 phut x'] } }]);
    const name = file.split('/').pop()!;
    const lenient = checkEvalFiles([file], { docsDir, lenientFiles: [name] });
    expect(lenient.errors).toEqual([]);
    expect(lenient.warnings).toHaveLength(1);
    const strict = checkEvalFiles([file], { docsDir });
    expect(strict.errors).toHaveLength(1);
  });
});

describe('withAsciiVariants', () => {
  const base: EvalCase[] = Array.from({ length: 12 }, (_, i) => ({
    id: `c-${i}`,
    question: `Hội nghị số ${i} kéo dài bao lâu?`,
    expect: { sources: [KH22], answer_contains: ['1/2 ngay'] },
  }));

  it('adds folded variants with the -ascii suffix, about the requested share, idempotently', () => {
    const once = withAsciiVariants(base, 0.25);
    const variants = once.filter((c) => c.id.endsWith(ASCII_SUFFIX));
    expect(variants).toHaveLength(4);
    for (const v of variants) {
      const original = once.find((c) => `${c.id}${ASCII_SUFFIX}` === v.id)!;
      expect(v.question).toBe(original.question.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').toLowerCase());
      expect(v.expect).toEqual(original.expect);
    }
    expect(withAsciiVariants(once, 0.25)).toEqual(once);
  });

  it('folds the user turns of a follow-up but keeps the assistant turns', () => {
    const c: EvalCase = {
      id: 'f-1',
      question: 'Còn tham luận thì sao?',
      history: [
        { role: 'user', content: 'Khai mạc bao lâu?' },
        { role: 'assistant', content: 'Không quá 10 phút.' },
      ],
      expect: { sources: [KH22], answer_contains: ['10 phit'] },
    };
    const [, v] = withAsciiVariants([c, ...base.slice(0, 2)], 0.5).filter((x) => x.id.startsWith('f-1'));
    expect(v?.question).toBe('con tham luan thi sao?');
    expect(v?.history).toEqual([
      { role: 'user', content: 'khai mac bao lau?' },
      { role: 'assistant', content: 'Không quá 10 phút.' },
    ]);
  });
});

describe('pools in data/pools', () => {
  const poolsDir = resolve('data/pools');
  const pools = readdirSync(poolsDir).filter((name) => existsSync(join(poolsDir, name, 'questions.jsonl')));

  // A pool's questions pass with any one of their phrases (each pool's README says so), as dev.jsonl's do.
  it.each(pools)('%s validates: shape, unique ids, known sources, phrases found in a source', (pool) => {
    const dir = join(poolsDir, pool);
    const result = checkEvalFiles([join(dir, 'questions.jsonl')], { docsDir: join(dir, 'docs'), lenientFiles: ['questions.jsonl'] });
    expect(result.errors.map((e) => `${e.file}:${e.line} [${e.id}] ${e.message}`)).toEqual([]);
    expect(result.cases).toBeGreaterThanOrEqual(100);
  });
});
