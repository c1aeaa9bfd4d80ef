import { describe, expect, it } from 'vitest';
import { parseQuestionSet } from '../src/eval/questions.js';
import { formatTable } from '../src/eval/report.js';
import { quoteChecker } from '../src/eval/run.js';
import { checkThresholds, containsExpected, percentile, scoreCase, summarize, type Outcome } from '../src/eval/score.js';

const answerable = parseQuestionSet(
  '{"id":"a","question":"Phát biểu kết luận bao nhiêu phút?","expect":{"sources":["kh22.txt"],"answer_contains":["50 phut"]}}',
)[0]!;
const noanswer = parseQuestionSet('{"id":"n","question":"Thủ tục kết hôn?","expect":{"noanswer":true}}')[0]!;

const outcome = (o: Partial<Outcome>): Outcome => ({ answered: true, answer: '', citations: [], retrieved: [], ms: 1, ...o });
const sources = new Map([['kh22.txt', 'Phát biểu kết luận\nkhông quá 50 phút.'], ['other.txt', 'Nội dung khác.']]);
const quoteOk = quoteChecker(sources);

describe('question sets', () => {
  it('parses both case kinds and names the bad line', () => {
    expect(answerable.expect).toEqual({ sources: ['kh22.txt'], answer_contains: ['50 phut'] });
    expect(() => parseQuestionSet('{"id":"x","question":"q","expect":{}}\n', 'set.jsonl')).toThrow(/set\.jsonl:1/);
    expect(() => parseQuestionSet('\n{oops', 'set.jsonl')).toThrow(/set\.jsonl:2: not valid JSON/);
  });
});

describe('scoring one case', () => {
  it('passes an answer that cites an expected source and contains a folded phrase', () => {
    const r = scoreCase(answerable, outcome({ answer: 'Không quá 50 PHÚT [1]', citations: [{ source: 'kh22.txt', quote: 'không quá 50 phút' }], retrieved: ['other.txt', 'kh22.txt'] }), quoteOk);
    expect(r).toMatchObject({ pass: true, hit1: true, hit5: true, badQuotes: 0, quotes: 1 });
  });

  it('fails on the wrong source, a missing phrase, or a refusal — with the reason', () => {
    expect(scoreCase(answerable, outcome({ answer: '50 phút', citations: [{ source: 'other.txt', quote: 'Nội dung khác.' }] }), quoteOk)).toMatchObject({ pass: false, hit1: false, reason: 'wrong source' });
    expect(scoreCase(answerable, outcome({ answer: '30 phút', citations: [{ source: 'kh22.txt', quote: 'Phát biểu' }] }), quoteOk)).toMatchObject({ pass: false, hit1: true, reason: 'phrase missing' });
    expect(scoreCase(answerable, outcome({ answered: false, answer: '50 phút' }), quoteOk)).toMatchObject({ pass: false, reason: 'refused' });
  });

  it('hit@5 looks only at the first five retrieved sources', () => {
    const retrieved = ['o', 'o', 'o', 'o', 'o', 'kh22.txt'];
    expect(scoreCase(answerable, outcome({ retrieved }), quoteOk).hit5).toBe(false);
    expect(scoreCase(answerable, outcome({ retrieved: retrieved.slice(1) }), quoteOk).hit5).toBe(true);
  });

  it('a noanswer case passes only when refused', () => {
    expect(scoreCase(noanswer, outcome({ answered: false }), quoteOk).pass).toBe(true);
    expect(scoreCase(noanswer, outcome({ answered: true }), quoteOk)).toMatchObject({ pass: false, reason: 'answered a noanswer case' });
  });

  it('checks quotes verbatim across line wraps, and rejects paraphrase or the wrong file', () => {
    expect(quoteOk('kh22.txt', 'kết luận không quá 50 phút')).toBe(true);
    expect(quoteOk('kh22.txt', 'ket luan khong qua 50 phut')).toBe(false);
    expect(quoteOk('other.txt', 'không quá 50 phút')).toBe(false);
    expect(quoteOk('missing.txt', 'x')).toBe(false);
  });

  it('matches phrases accent- and case-insensitively', () => {
    expect(containsExpected('Đồng chí Tô Thị Thu Hường', ['to thi thu huong'])).toBe(true);
    expect(containsExpected('10 phút', ['15 phut'])).toBe(false);
  });
});

describe('summaries and thresholds', () => {
  const results = [
    scoreCase(answerable, outcome({ answer: '50 phút', citations: [{ source: 'kh22.txt', quote: '50 phút' }], retrieved: ['kh22.txt'], ms: 10 }), quoteOk),
    scoreCase(answerable, outcome({ answered: false, ms: 20 }), quoteOk),
    scoreCase(answerable, outcome({ answer: 'x', citations: [{ source: 'kh22.txt', quote: 'invented' }], ms: 30 }), quoteOk),
    scoreCase(noanswer, outcome({ answered: false, ms: 40 }), quoteOk),
  ];
  const s = summarize(results);

  it('computes every figure', () => {
    expect(s).toMatchObject({ cases: 4, answerable: 3, noanswer: 1, accuracy: 0.5, refusalAccuracy: 1, falseRefusals: 1, quotes: 2, quoteValidity: 0.5 });
    expect(s.answerableAccuracy).toBeCloseTo(1 / 3);
    expect(s.hit5).toBeCloseTo(1 / 3);
    expect(s.p50Ms).toBe(20);
    expect(s.p95Ms).toBe(40);
    expect(percentile([], 50)).toBe(0);
  });

  it('reports each failed threshold, including the lead over baselines', () => {
    const baseline = { ...s, accuracy: 0.4 };
    expect(checkThresholds('dev', s, [baseline], { minAccuracy: 0.5, minQuoteValidity: 0.5 })).toEqual([]);
    const failures = checkThresholds('dev', s, [baseline], { minAccuracy: 0.9, minQuoteValidity: 1, minMargin: 20 });
    expect(failures).toHaveLength(3);
    expect(failures.join('\n')).toMatch(/accuracy 0\.500 < 0\.9[\s\S]*quote validity[\s\S]*10\.0 points < 20/);
  });

  it('formats a table with our lead over each baseline', () => {
    const table = formatTable('dev', [{ name: 'ours', summary: s }, { name: 'bm25', summary: { ...s, accuracy: 0.25 } }]);
    expect(table).toContain('| answer accuracy | 50.0% | 25.0% | +25.0 pts |');
  });
});
